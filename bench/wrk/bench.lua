-- wrk script of the management-API benchmark (bench/run.sh).
-- Env: BENCH_TOKEN (JWT sent as Bearer), BENCH_MODE=get|create, BENCH_NAME_PREFIX (create: registry names
-- <prefix>-<thread>-<n>, unique per run). Prints one JSON line of results in done().
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  mode = os.getenv("BENCH_MODE") or "get"
  prefix = os.getenv("BENCH_NAME_PREFIX") or "c"
  counter = 0
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
  wrk.headers["Accept"] = "application/json"
  if mode == "create" then
    wrk.headers["Content-Type"] = "application/json"
  else
    fixed = wrk.format("GET", wrk.path)
  end
end

function request()
  if mode == "create" then
    counter = counter + 1
    return wrk.format("POST", wrk.path, nil, string.format('{"name":"%s-%d-%d"}', prefix, tid, counter))
  end
  return fixed
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"duration_us":%d,"rps":%.1f,"p50_us":%d,"p90_us":%d,"p99_us":%d,"max_us":%d,' ..
    '"bytes":%d,"errors_status":%d,"errors_connect":%d,"errors_read":%d,"errors_write":%d,"errors_timeout":%d}\n',
    summary.requests, summary.duration, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    summary.bytes, e.status, e.connect, e.read, e.write, e.timeout))
end
