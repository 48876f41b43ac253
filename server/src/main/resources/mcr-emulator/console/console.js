// mcr-emulator web console. Plain JavaScript, no dependencies, served from the jar: it reads the test-control API
// (/_emulator/...) of the server that serves it, same origin only, and draws its charts as SVG by hand.
"use strict";

(() => {
  const TOKEN_KEY = "mcr-emulator.controlToken";
  const BACKLOG = 1000; // journal entries the stream replays on connect
  const MAX_ROWS = 1000; // request rows rendered at once
  const SVG = "http://www.w3.org/2000/svg";

  const state = {
    view: "state",
    params: new URLSearchParams(),
    overview: null,
    requests: new Map(), // seq -> entry summary
    selected: null,
    operations: [],
    faults: [],
    clock: null,
    snapshots: [],
    live: false,
  };

  // ---------------------------------------------------------------- small helpers

  const $ = (id) => document.getElementById(id);

  /** Builds an element: h("td", {class: "x", onclick: f}, child, "text", ...). Text is never parsed as HTML. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
      else if (k === "class") el.className = v;
      else if (k === "text") el.textContent = v;
      else el.setAttribute(k, v === true ? "" : v);
    }
    append(el, children);
    return el;
  }

  function append(el, children) {
    for (const c of children.flat(Infinity)) {
      if (c === null || c === undefined || c === false) continue;
      el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
  }

  function s(tag, attrs, ...children) {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) if (v !== null && v !== undefined) el.setAttribute(k, v);
    for (const c of children.flat(Infinity)) if (c) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return el;
  }

  function bytes(n) {
    if (n === null || n === undefined) return "–";
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let i = 0;
    let v = n;
    while (v >= 1024 && i < units.length - 1) { v /= 1024; i++; }
    return (i === 0 ? v : v.toFixed(v < 10 ? 1 : 0)) + " " + units[i];
  }

  function shortDigest(d) {
    if (!d) return "";
    const i = d.indexOf(":");
    return i < 0 ? d.slice(0, 12) : d.slice(0, i + 13);
  }

  /** A long id (UUID tenants) cut to its first 8 characters; the cell's title keeps it whole. */
  function shortId(id) {
    return !id ? "" : id.length > 12 ? id.slice(0, 8) + "…" : id;
  }

  function when(t) {
    return t ? t.replace("T", " ").replace(/\.\d+/, "").replace("Z", " UTC") : "–";
  }

  function toast(message, error) {
    const t = $("toast");
    t.textContent = message;
    t.className = "toast" + (error ? " error" : "");
    t.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { t.hidden = true; }, error ? 6000 : 2500);
  }

  function throttle(fn, ms) {
    let timer = null;
    let again = false;
    return () => {
      if (timer) { again = true; return; }
      fn();
      timer = setTimeout(function tick() {
        timer = null;
        if (again) { again = false; fn(); timer = setTimeout(tick, ms); }
      }, ms);
    };
  }

  // ---------------------------------------------------------------- the control API

  function token() {
    return sessionStorage.getItem(TOKEN_KEY);
  }

  /**
   * Headers of every call: JSON, and the control token (when the user gave one) as {@code Authorization: Bearer},
   * never in the URL.
   */
  function headers(extra) {
    const hs = Object.assign({ Accept: "application/json" }, extra || {});
    const t = token();
    if (t) hs["Authorization"] = "Bearer " + t;
    return hs;
  }

  class ApiError extends Error {
    constructor(status, message) { super(message); this.status = status; }
  }

  /**
   * Calls the control API. State-changing calls always send a JSON body (an empty object when there is none).
   * {@code repeatable}: a POST that may be sent twice with the same effect (reset, restore, fix, resume).
   */
  async function api(method, path, body, repeatable) {
    const init = { method, headers: headers(), cache: "no-store", credentials: "same-origin" };
    if (method === "POST" || method === "PUT" || body !== undefined) {
      init.headers["Content-Type"] = "application/json";
      init.body = JSON.stringify(body === undefined ? {} : body);
    }
    const res = await fetchRetrying(path, init, method !== "POST" || repeatable === true);
    const text = await res.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
    if (!res.ok) {
      if (res.status === 401 || (res.status === 403 && /token/i.test(text))) askToken();
      const msg = json && (json.message || (json.errors && json.errors[0] && json.errors[0].message));
      throw new ApiError(res.status, res.status + " " + (msg || res.statusText || "error"));
    }
    return json;
  }

  /**
   * fetch, tried again (up to 3 times) when the browser lost the connection before an answer (a network change):
   * only for calls that can be repeated safely (GET, PUT, DELETE, repeatable POSTs).
   */
  async function fetchRetrying(path, init, idempotent) {
    for (let attempt = 1; ; attempt++) {
      try {
        return await fetch(path, init);
      } catch (e) {
        if (!idempotent || attempt >= 3) throw e;
        await new Promise((r) => setTimeout(r, 150 * attempt));
      }
    }
  }

  async function act(what, fn) {
    try {
      const r = await fn();
      if (what) toast(what);
      return r;
    } catch (e) {
      toast(e.message || String(e), true);
      return undefined;
    }
  }

  // ---------------------------------------------------------------- routing: #/view?filters (copyable deep links)

  function readHash() {
    let raw = location.hash.replace(/^#\/?/, "");
    // A token handed over in the fragment (#token=... or #/state?tenant=x&token=...) goes to session storage and
    // leaves the address bar at once.
    const q = raw.indexOf("?");
    const view = (q < 0 ? raw : raw.slice(0, q)) || "state";
    const params = new URLSearchParams(q < 0 ? (raw.includes("=") ? raw : "") : raw.slice(q + 1));
    const tokenParam = params.get("token");
    if (tokenParam) {
      sessionStorage.setItem(TOKEN_KEY, tokenParam);
      params.delete("token");
      const clean = "#/" + (view.includes("=") ? "state" : view) + (params.toString() ? "?" + params : "");
      history.replaceState(null, "", clean);
      return readHash();
    }
    state.view = ["state", "requests", "charts", "control"].includes(view) ? view : "state";
    state.params = params;
  }

  function writeHash() {
    const p = new URLSearchParams();
    if (state.view === "state") {
      for (const [k, id] of [["q", "state-q"], ["region", "state-region"], ["tenant", "state-tenant"], ["registry", "state-registry"]]) {
        if ($(id).value) p.set(k, $(id).value);
      }
    } else if (state.view === "requests") {
      for (const [k, id] of [["operation", "req-op"], ["status", "req-status"], ["tenant", "req-tenant"], ["region", "req-region"], ["fault", "req-fault"], ["q", "req-q"]]) {
        if ($(id).value) p.set(k, $(id).value);
      }
      if (state.selected) p.set("seq", state.selected);
    }
    const hash = "#/" + state.view + (p.toString() ? "?" + p : "");
    if (location.hash !== hash) history.replaceState(null, "", hash);
    state.params = p;
  }

  function showView() {
    for (const v of ["state", "requests", "charts", "control"]) {
      $("view-" + v).hidden = v !== state.view;
      $("tab-" + v).setAttribute("aria-selected", String(v === state.view));
    }
    if (state.view === "state") {
      setSelect("state-region", state.params.get("region"));
      setSelect("state-tenant", state.params.get("tenant"));
      setSelect("state-registry", state.params.get("registry"));
      $("state-q").value = state.params.get("q") || "";
      renderState();
    } else if (state.view === "requests") {
      setSelect("req-op", state.params.get("operation"));
      setSelect("req-status", state.params.get("status"));
      setSelect("req-tenant", state.params.get("tenant"));
      setSelect("req-region", state.params.get("region"));
      setSelect("req-fault", state.params.get("fault"));
      $("req-q").value = state.params.get("q") || "";
      const seq = Number(state.params.get("seq"));
      renderRequests();
      if (seq && state.requests.has(seq)) openRequest(seq);
    } else if (state.view === "charts") {
      renderCharts();
    } else {
      renderControl();
    }
  }

  /** Selects {@code value}, adding it as an option first when the list does not have it (a deep link's filter). */
  function setSelect(id, value) {
    const sel = $(id);
    const v = value || "";
    if (v && ![...sel.options].some((o) => o.value === v)) sel.append(h("option", { value: v, text: v }));
    sel.value = v;
  }

  /** Adds the values the select does not offer yet (its fixed options stay first), keeping the choice. */
  function fillSelect(id, values) {
    const sel = $(id);
    const keep = sel.value;
    const have = new Set([...sel.options].map((o) => o.value));
    for (const v of values) {
      if (have.has(v)) continue;
      sel.append(h("option", { value: v, text: v }));
      have.add(v);
    }
    sel.value = keep;
  }

  function copyLink() {
    writeHash();
    const url = location.origin + location.pathname + location.hash;
    const done = () => toast("Link copied: " + url);
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(url).then(done, () => prompt("Copy this link", url));
    else prompt("Copy this link", url);
  }

  // ---------------------------------------------------------------- state view

  async function loadOverview() {
    const doc = await api("GET", "/_emulator/overview");
    state.overview = doc;
    const regs = doc.registries || [];
    fillSelect("state-region", doc.regions || []);
    fillSelect("state-tenant", tenantsOf(doc));
    fillSelect("state-registry", [...new Set(regs.map((r) => r.name))].sort());
    if (state.view === "state") renderState();
    if (state.view === "charts") renderCharts();
  }

  function tenantsOf(doc) {
    const t = new Set();
    for (const list of [doc.registries, doc.proxy_caches, doc.users]) for (const x of list || []) if (x.tenant) t.add(x.tenant);
    return [...t].sort();
  }

  function matchesQuery(q, ...names) {
    return !q || names.some((n) => n && String(n).toLowerCase().includes(q));
  }

  function renderState() {
    const doc = state.overview;
    const tree = $("state-tree");
    const summary = $("state-summary");
    if (!doc) { tree.replaceChildren(h("p", { class: "empty", text: "Loading…" })); return; }
    const q = $("state-q").value.trim().toLowerCase();
    const fRegion = $("state-region").value;
    const fTenant = $("state-tenant").value;
    const fRegistry = $("state-registry").value;
    const filtering = Boolean(q || fRegistry);

    const registries = (doc.registries || []).filter((r) => (!fRegion || r.region === fRegion) && (!fTenant || r.tenant === fTenant) && (!fRegistry || r.name === fRegistry));
    const caches = (doc.proxy_caches || []).filter((p) => (!fRegion || p.region === fRegion) && (!fTenant || p.tenant === fTenant));
    const users = (doc.users || []).filter((u) => (!fRegion || u.region === fRegion) && (!fTenant || u.tenant === fTenant));
    const maxStorage = Math.max(1, ...(doc.registries || []).map((r) => r.storage_usage_bytes || 0));

    // which registries / repositories / images survive the search
    const shown = [];
    let nRepos = 0;
    let nImages = 0;
    let storage = 0;
    for (const r of registries) {
      const regHit = matchesQuery(q, r.name, r.id);
      const repos = [];
      for (const repo of r.repositories || []) {
        const repoHit = regHit || matchesQuery(q, repo.name, r.name + "/" + repo.name);
        const images = (repo.images || []).filter((img) => repoHit || matchesQuery(q, img.digest, ...(img.tags || []), ...(img.tags || []).map((t) => repo.name + ":" + t)));
        if (repoHit || images.length) repos.push({ repo, images });
      }
      if (regHit || repos.length) {
        shown.push({ r, repos });
        storage += r.storage_usage_bytes || 0;
        nRepos += repos.length;
        for (const x of repos) nImages += x.images.length;
      }
    }
    const tenants = new Set([...shown.map((x) => x.r.tenant), ...(q ? [] : caches.map((p) => p.tenant)), ...(q ? [] : users.map((u) => u.tenant))]);
    summary.replaceChildren(
      card(tenants.size, "tenants"), card(shown.length, "registries"), card(nRepos, "repositories"),
      card(nImages, "images"), card(bytes(storage), "storage"), card(caches.length, "proxy caches"));

    const regions = new Map();
    const slot = (region, tenant) => {
      if (!regions.has(region)) regions.set(region, new Map());
      const ts = regions.get(region);
      if (!ts.has(tenant)) ts.set(tenant, { registries: [], caches: [], users: [] });
      return ts.get(tenant);
    };
    for (const x of shown) slot(x.r.region, x.r.tenant).registries.push(x);
    if (!q && !fRegistry) {
      for (const p of caches) slot(p.region, p.tenant).caches.push(p);
      for (const u of users) slot(u.region, u.tenant).users.push(u);
    }
    if (!regions.size) {
      tree.replaceChildren(h("p", { class: "empty", id: "state-empty", text: (doc.registries || []).length || caches.length
        ? "Nothing matches the filters." : "The emulator holds no state yet: create a registry (management API) or seed one (POST /_emulator/seed)." }));
      return;
    }
    const open = openDetails(tree);
    const out = [];
    for (const [region, tenantsMap] of [...regions].sort()) {
      const tenantNodes = [];
      for (const [tenant, t] of [...tenantsMap].sort()) {
        tenantNodes.push(details("tenant", "tenant:" + region + ":" + tenant, open, true,
          [h("span", { class: "kind", text: "tenant" }), h("span", { text: tenant }),
           h("span", { class: "meta", text: plural(t.registries.length, "registry", "registries") + (t.caches.length ? ", " + plural(t.caches.length, "proxy cache") : "") + (t.users.length ? ", " + plural(t.users.length, "user") : "") })],
          [t.registries.map((x) => registryNode(x, open, filtering, maxStorage)),
           t.caches.length ? proxyCaches(t.caches, doc) : null]));
      }
      out.push(details("region", "region:" + region, open, true,
        [h("span", { class: "kind", text: "region" }), h("span", { text: region }), h("span", { class: "meta", text: plural(tenantsMap.size, "tenant") })],
        tenantNodes));
    }
    tree.replaceChildren(...out);
  }

  function card(n, label) {
    return h("div", { class: "card" }, h("div", { class: "n", text: String(n) }), h("div", { class: "l", text: label }));
  }

  function plural(n, one, many) {
    return n + " " + (n === 1 ? one : many || one + "s");
  }

  /** Keys of the <details> the user opened or closed, so a live refresh keeps the tree as it was. */
  function openDetails(root) {
    const m = new Map();
    for (const d of root.querySelectorAll("details[data-key]")) m.set(d.dataset.key, d.open);
    return m;
  }

  function details(cls, key, open, dflt, summaryChildren, body) {
    const isOpen = open.has(key) ? open.get(key) : dflt;
    const d = h("details", { class: cls, "data-key": key, open: isOpen });
    d.append(h("summary", {}, summaryChildren));
    append(d, [body]);
    return d;
  }

  function storageBar(n, max) {
    const bar = h("span", { class: "bar", role: "img", "aria-label": "storage " + bytes(n) });
    const fill = h("span");
    fill.style.width = Math.max(n ? 2 : 0, Math.round(((n || 0) / max) * 100)) + "%";
    bar.append(fill);
    return bar;
  }

  function registryNode(x, open, filtering, maxStorage) {
    const r = x.r;
    const nImages = x.repos.reduce((a, y) => a + y.images.length, 0);
    const members = Array.isArray(r.members) ? r.members : null;
    const body = [];
    body.push(h("div", { class: "meta" },
      "id ", h("code", { text: r.id }), " · created ", when(r.created_at),
      r.proxy_cache_id ? [" · proxy cache ", h("code", { text: r.proxy_cache_id })] : null));
    if (members) body.push(membersTable(members, open, r.id));
    if (!x.repos.length) body.push(h("p", { class: "empty", text: "No repositories." }));
    for (const y of x.repos) body.push(repositoryNode(r, y, open, filtering));
    return details("registry", "registry:" + r.id, open, filtering || x.repos.length <= 3,
      [h("span", { class: "kind", text: "registry" }), h("span", { class: "registry-name", text: r.name }),
       storageBar(r.storage_usage_bytes, maxStorage), h("span", { class: "meta", text: bytes(r.storage_usage_bytes) }),
       h("span", { class: "meta", text: plural(x.repos.length, "repository", "repositories") + ", " + plural(nImages, "image") + (members ? ", " + plural(members.length, "member") : "") })],
      body);
  }

  /** A registry's members: the registry user's name (from the export's registry_users), role, since when. */
  function membersTable(members, open, registryId) {
    const names = new Map(((state.overview && state.overview.registry_users) || []).map((u) => [u.id, u.username]));
    const rows = members.map((m) => h("tr", { class: "member-row" },
      h("td", {}, h("strong", { text: names.get(m.user_id) || m.username || m.email || m.user_id || "" })),
      h("td", {}, h("span", { class: "badge " + (m.role === "developer" ? "ok" : ""), text: m.role || "" })),
      h("td", { class: "meta mono", text: m.user_id || "" }),
      h("td", { class: "meta", text: when(m.created_at) })));
    return details("members", "members:" + registryId, open, members.length <= 5,
      [h("span", { class: "kind", text: "members" }), h("span", { class: "meta", text: plural(members.length, "member") })],
      h("table", { class: "images" }, h("thead", {}, h("tr", {}, ["Member", "Role", "Registry user id", "Since"].map((t) => h("th", { text: t })))), h("tbody", {}, rows)));
  }

  function repositoryNode(r, y, open, filtering) {
    const repo = y.repo;
    const rows = [];
    for (const img of y.images) {
      const m = img.manifest || {};
      const layers = m.layers || [];
      const children = m.manifests || [];
      const scan = severities(img);
      rows.push(h("tr", { class: "image-row", "data-digest": img.digest },
        h("td", {}, (img.tags || []).length ? img.tags.map((t) => h("span", { class: "tag", text: t })) : h("span", { class: "meta", text: "untagged" })),
        h("td", {}, h("span", { class: "digest", title: img.digest, text: shortDigest(img.digest) }), " ",
          h("button", { type: "button", class: "ghost small", title: "Copy digest", "aria-label": "Copy digest " + img.digest, onclick: () => copyText(img.digest) }, "copy")),
        h("td", { class: "num", text: bytes(img.size_bytes) }),
        h("td", { class: "meta", text: mediaType(img.manifest_media_type || m.mediaType) + (img.media_type && img.media_type !== img.manifest_media_type ? " · " + mediaType(img.media_type) : "") }),
        h("td", {}, children.length
          ? h("details", {}, h("summary", { text: plural(children.length, "platform") }), h("table", { class: "layers plain" }, children.map((c) => h("tr", {}, h("td", { text: c.platform || "(no platform)" }), h("td", { class: "digest", title: c.digest, text: shortDigest(c.digest) }), h("td", { class: "num", text: bytes(c.size) })))))
          : layers.length
            ? h("details", {}, h("summary", { text: plural(layers.length, "layer") }), h("table", { class: "layers plain" }, layers.map((l) => h("tr", {}, h("td", { class: "digest", title: l.digest, text: shortDigest(l.digest) }), h("td", { class: "num", text: bytes(l.size) }), h("td", { class: "meta", text: mediaType(l.mediaType) })))))
            : h("span", { class: "meta", text: m.error || "–" })),
        h("td", { class: "meta", text: when(img.pushed_at) }),
        h("td", { class: "meta", text: when(img.pulled_at) }),
        h("td", { class: "scan" }, scan ? severityBar(scan)
          : img.scan && img.scan.status ? h("span", { class: "badge " + (img.scan.status === "failed" ? "err" : "warn"), title: "latest scan " + (img.scan.id || ""), text: img.scan.status })
          : h("span", { class: "meta", text: "–" }))));
    }
    const table = rows.length
      ? h("table", { class: "images" },
          h("thead", {}, h("tr", {}, ["Tags", "Digest", "Size", "Media type", "Layers / platforms", "Pushed", "Pulled", "Scan"].map((t, i) => h("th", { class: i === 2 ? "num" : null, text: t })))),
          h("tbody", {}, rows))
      : h("p", { class: "empty", text: "No images." });
    return details("repository", "repo:" + r.id + ":" + repo.name, open, filtering || y.images.length <= 5,
      [h("span", { class: "kind", text: "repo" }), h("span", { class: "repo-name", text: repo.name }), h("span", { class: "meta", text: plural(y.images.length, "image") })],
      table);
  }

  function mediaType(t) {
    if (!t) return "";
    return t.replace("application/vnd.oci.image.", "oci ").replace("application/vnd.docker.distribution.manifest.", "docker ").replace("+json", "");
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(() => toast("Copied " + text));
    else prompt("Copy", text);
  }

  const SEVERITIES = ["critical", "high", "medium", "low", "negligible", "unknown"];

  /**
   * Severity counts of an image's scan, whatever shape the export gives it: counts by severity
   * ({"critical": 1, ...} or {"summary": {...}}), or a list of findings that each carry a severity.
   */
  function severities(img) {
    const src = img.scan || img.scans || img.vulnerabilities || img.findings || (img.extra_attr && img.extra_attr.scan);
    if (!src) return null;
    const counts = Object.fromEntries(SEVERITIES.map((k) => [k, 0]));
    let any = false;
    const count = (sev, n) => {
      const k = String(sev || "unknown").toLowerCase();
      counts[SEVERITIES.includes(k) ? k : "unknown"] += n;
      any = true;
    };
    const visit = (node, depth) => {
      if (!node || depth > 4) return;
      if (Array.isArray(node)) { for (const x of node) visit(x, depth + 1); return; }
      if (typeof node !== "object") return;
      if (node.severity) { count(node.severity, 1); return; }
      let numeric = false;
      for (const [k, v] of Object.entries(node)) {
        if (SEVERITIES.includes(k.toLowerCase()) && typeof v === "number") { count(k, v); numeric = true; }
      }
      if (!numeric) for (const v of Object.values(node)) if (typeof v === "object") visit(v, depth + 1);
    };
    visit(src, 0);
    if (!any || (src.status && src.status !== "completed")) return null;
    return { counts, status: src.status || (Array.isArray(src) ? null : src.state) };
  }

  function severityBar(scan) {
    const total = SEVERITIES.reduce((a, k) => a + scan.counts[k], 0);
    const bar = h("span", { class: "sevbar", role: "img", "aria-label": SEVERITIES.map((k) => scan.counts[k] + " " + k).join(", ") });
    for (const k of SEVERITIES) {
      if (!scan.counts[k]) continue;
      const seg = h("span", { class: "sev-" + k, title: scan.counts[k] + " " + k });
      seg.style.width = (scan.counts[k] / total) * 100 + "%";
      bar.append(seg);
    }
    const legend = SEVERITIES.filter((k) => scan.counts[k]).map((k) => scan.counts[k] + " " + k[0].toUpperCase()).join(" ");
    return h("span", { title: "latest scan: " + SEVERITIES.map((k) => scan.counts[k] + " " + k).join(", ") }, bar, h("span", { class: "sevlegend", text: total ? legend : "clean" }));
  }

  function proxyCaches(caches, doc) {
    const used = new Map();
    for (const r of doc.registries || []) if (r.proxy_cache_id) used.set(r.proxy_cache_id, (used.get(r.proxy_cache_id) || []).concat(r.name));
    return h("div", { class: "registry" },
      h("div", { class: "kind", text: "proxy caches" }),
      h("table", { class: "images" },
        h("thead", {}, h("tr", {}, ["Name", "Provider", "URL", "Status", "Used by", "Created"].map((t) => h("th", { text: t })))),
        h("tbody", {}, caches.map((p) => {
          const st = p.status && typeof p.status === "object" ? p.status.status || p.status.state : p.status;
          return h("tr", { class: "proxy-row" },
            h("td", {}, h("strong", { text: p.name }), h("div", { class: "meta mono", text: p.id })),
            h("td", { text: p.provider || "" }),
            h("td", { class: "mono", text: p.url || "" }),
            h("td", {}, st ? h("span", { class: "badge " + (/^(ok|valid|connected|ready|active|success)/i.test(st) ? "ok" : /fail|invalid|error|unreachable/i.test(st) ? "err" : "warn"), title: (p.status && p.status.message) || "", text: st }) : h("span", { class: "meta", text: "–" })),
            h("td", { text: (used.get(p.id) || []).join(", ") || "–" }),
            h("td", { class: "meta", text: when(p.created_at) }));
        }))));
  }

  // ---------------------------------------------------------------- requests view

  function addRequest(e) {
    const fresh = !state.requests.has(e.seq);
    state.requests.set(e.seq, e);
    if (state.requests.size > BACKLOG * 5) {
      const old = [...state.requests.keys()].sort((a, b) => a - b).slice(0, state.requests.size - BACKLOG * 5);
      for (const k of old) state.requests.delete(k);
    }
    return fresh;
  }

  function requestFilter() {
    const op = $("req-op").value;
    const st = $("req-status").value;
    const tenant = $("req-tenant").value;
    const region = $("req-region").value;
    const fault = $("req-fault").value;
    const q = $("req-q").value.trim().toLowerCase();
    return (e) => (!op || e.operationId === op || (op === "(unmatched)" && e.unmatched))
      && (!st || (st.endsWith("xx") ? Math.floor(e.status / 100) === Number(st[0]) : e.status === Number(st)))
      && (!tenant || e.tenant === tenant)
      && (!region || e.region === region)
      && (!fault || (fault === "any" ? Boolean(e.faultId) : fault === "none" ? !e.faultId : (e.faultId || "").split(",").includes(fault)))
      && (!q || (e.path + (e.query ? "?" + e.query : "")).toLowerCase().includes(q));
  }

  const renderRequestsSoon = throttle(() => { renderRequests(); renderCounts(); if (state.view === "charts") renderCharts(); }, 250);

  function renderCounts() {
    $("request-count").textContent = String(state.requests.size);
    const entries = [...state.requests.values()];
    fillSelect("req-op", [...new Set(entries.map((e) => e.operationId || "(unmatched)"))].sort());
    fillSelect("req-tenant", [...new Set(entries.map((e) => e.tenant).filter(Boolean))].sort());
    fillSelect("req-region", [...new Set(entries.map((e) => e.region).filter(Boolean))].sort());
    fillSelect("req-status", [...new Set(entries.map((e) => String(e.status)))].sort());
    fillSelect("req-fault", [...new Set(entries.flatMap((e) => (e.faultId ? e.faultId.split(",") : [])))].sort());
  }

  function renderRequests(freshSeqs) {
    if (state.view !== "requests") return;
    const keep = requestFilter();
    const rows = [...state.requests.values()].filter(keep).sort((a, b) => b.seq - a.seq).slice(0, MAX_ROWS);
    const body = $("request-table").tBodies[0];
    body.replaceChildren(...rows.map((e) => requestRow(e, freshSeqs)));
    $("request-empty").hidden = rows.length > 0;
    $("request-empty").textContent = state.requests.size
      ? "No request matches the filters."
      : "No requests recorded yet. Requests to the management API and /v2 appear here as they happen.";
  }

  function requestRow(e, freshSeqs) {
    const tr = h("tr", {
      tabindex: "0", "data-seq": e.seq, "aria-selected": String(state.selected === e.seq),
      class: (e.faultId ? "faulted" : "") + (freshSeqs && freshSeqs.has(e.seq) ? " fresh" : ""),
      onclick: () => openRequest(e.seq),
      onkeydown: (ev) => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openRequest(e.seq); }
        else if (ev.key === "ArrowDown" && tr.nextElementSibling) { ev.preventDefault(); tr.nextElementSibling.focus(); }
        else if (ev.key === "ArrowUp" && tr.previousElementSibling) { ev.preventDefault(); tr.previousElementSibling.focus(); }
      },
    },
    h("td", { class: "num", text: e.seq }),
    h("td", { class: "meta", text: (e.time || "").replace(/^.*T/, "").replace("Z", "") }),
    h("td", { text: e.method }),
    h("td", { class: "path", title: e.path + (e.query ? "?" + e.query : "") }, e.path,
      e.query ? h("span", { class: "meta", text: "?" + (e.query.length > 28 ? e.query.slice(0, 27) + "…" : e.query) }) : null),
    h("td", { class: "op", text: e.operationId || (e.unmatched ? "(unmatched)" : "") }),
    h("td", {}, h("span", { class: "st st-" + Math.floor(e.status / 100), text: e.dropped ? "dropped" : e.status })),
    h("td", { class: "tenant opt", title: e.tenant || "", text: shortId(e.tenant) }),
    h("td", { class: "opt", text: e.region || "" }),
    h("td", {}, e.faultId ? h("span", { class: "fault-mark", title: "fault rule that fired", text: "⚡ " + e.faultId }) : ""),
    h("td", { class: "num opt", text: e.durationMs }));
    return tr;
  }

  async function openRequest(seq) {
    state.selected = seq;
    for (const tr of $("request-table").tBodies[0].rows) tr.setAttribute("aria-selected", String(Number(tr.dataset.seq) === seq));
    writeHash();
    const panel = $("request-detail");
    panel.hidden = false;
    panel.parentElement.classList.add("with-detail");
    const summary = state.requests.get(seq);
    panel.replaceChildren(h("p", { class: "meta", text: "Loading request " + seq + "…" }));
    let full = null;
    try {
      const page = await api("GET", "/_emulator/requests?since=" + (seq - 1) + "&limit=1");
      full = page.requests.find((x) => x.seq === seq) || null;
    } catch (err) { /* shown below */ }
    if (state.selected !== seq) return;
    const e = full || summary;
    if (!e) { panel.replaceChildren(h("p", { class: "empty", text: "Request " + seq + " is no longer in the journal." })); return; }
    const field = (k, v) => [h("dt", { text: k }), h("dd", {}, v === null || v === undefined || v === "" ? h("span", { class: "meta", text: "–" }) : v)];
    panel.replaceChildren(
      h("div", { class: "actions" }, h("button", { type: "button", class: "ghost small", id: "detail-close", onclick: closeRequest }, "Close ✕")),
      h("h2", {}, h("span", { class: "st st-" + Math.floor(e.status / 100), text: e.dropped ? "dropped" : e.status }), " ", e.method, " ", e.path + (e.query ? "?" + e.query : "")),
      h("dl", {},
        field("Operation", e.operationId ? h("code", { id: "detail-operation", text: e.operationId }) : e.unmatched ? "unmatched (no route)" : ""),
        field("Route", e.endpointPath ? h("code", { text: e.endpointPath }) : ""),
        field("Fault", e.faultId ? h("span", { class: "fault-mark", id: "detail-fault", text: "⚡ " + e.faultId + (e.dropped ? " (connection dropped)" : "") }) : "none fired"),
        field("Tenant", e.tenant), field("Region", e.region), field("API", e.api),
        field("Time", when(e.time)), field("Duration", e.durationMs + " ms"),
        field("Request id", e.requestId ? h("code", { text: e.requestId }) : "")),
      h("h3", { text: "Request body" + sizeNote(e.requestBodySize, e.requestBodyTruncated) }),
      bodyBlock(full ? full.requestBody : null, full, "detail-request-body"),
      h("h3", { text: "Response body" + sizeNote(e.responseBodySize, e.responseBodyTruncated) }),
      bodyBlock(full ? full.responseBody : null, full, "detail-response-body"));
  }

  function closeRequest() {
    state.selected = null;
    $("request-detail").hidden = true;
    $("request-detail").parentElement.classList.remove("with-detail");
    for (const tr of $("request-table").tBodies[0].rows) tr.setAttribute("aria-selected", "false");
    writeHash();
  }

  function sizeNote(size, truncated) {
    if (!size) return "";
    return " (" + bytes(size) + (truncated ? ", truncated" : "") + ")";
  }

  function bodyBlock(text, full, id) {
    if (!full) return h("p", { class: "empty", text: "Bodies could not be read." });
    if (text === null || text === undefined || text === "") return h("p", { class: "empty", id, text: "(none)" });
    let shown = text;
    try { shown = JSON.stringify(JSON.parse(text), null, 2); } catch (e) { /* not JSON: as it is */ }
    return h("pre", { class: "body", id, text: shown });
  }

  // ---------------------------------------------------------------- the live stream (server-sent events over fetch)

  /**
   * Reads /_emulator/requests/stream with fetch rather than EventSource, so the control token can travel in a
   * header. Reconnects with a growing pause when the server goes away.
   */
  async function stream() {
    let pause = 500;
    for (;;) {
      try {
        const res = await fetch("/_emulator/requests/stream?backlog=" + BACKLOG, { headers: headers({ Accept: "text/event-stream" }), cache: "no-store" });
        if (res.status === 401 || res.status === 403) { askToken(); throw new Error("stream refused: " + res.status); }
        if (!res.ok || !res.body) throw new Error("stream answered " + res.status);
        setLive(true);
        pause = 500;
        const reader = res.body.getReader();
        const decoder = new TextDecoder();
        let buf = "";
        for (;;) {
          const { value, done } = await reader.read();
          if (done) break;
          buf += decoder.decode(value, { stream: true }).replace(/\r\n?/g, "\n");
          let i;
          const fresh = new Set();
          while ((i = buf.indexOf("\n\n")) >= 0) {
            const block = buf.slice(0, i);
            buf = buf.slice(i + 2);
            handleEvent(block, fresh);
          }
          if (fresh.size) renderRequestsSoonWith(fresh);
        }
      } catch (e) {
        // fall through to reconnect
      }
      setLive(false);
      await new Promise((r) => setTimeout(r, pause));
      pause = Math.min(pause * 2, 5000);
      refreshAll();
    }
  }

  let pendingFresh = new Set();
  function renderRequestsSoonWith(fresh) {
    for (const s of fresh) pendingFresh.add(s);
    clearTimeout(renderRequestsSoonWith.t);
    renderRequestsSoonWith.t = setTimeout(() => {
      const f = pendingFresh;
      pendingFresh = new Set();
      renderRequests(f);
      renderCounts();
      if (state.view === "charts") renderCharts();
    }, 60);
  }

  function handleEvent(block, fresh) {
    let event = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) continue;
      const c = line.indexOf(":");
      const k = c < 0 ? line : line.slice(0, c);
      const v = c < 0 ? "" : line.slice(c + 1).replace(/^ /, "");
      if (k === "event") event = v;
      else if (k === "data") data.push(v);
    }
    if (!data.length) return;
    let payload;
    try { payload = JSON.parse(data.join("\n")); } catch (e) { return; }
    if (event === "request") {
      if (addRequest(payload)) {
        fresh.add(payload.seq);
        if (payload.method !== "GET" && payload.method !== "HEAD" || /Manifest/.test(payload.operationId || "")) refreshStateSoon();
        refreshFaultsSoon();
      }
    } else if (event === "control") {
      if (payload.operationId === "clearRequests" || payload.operationId === "reset") {
        state.requests.clear();
        renderRequestsSoonWith(new Set());
      }
      refreshAllSoon();
    }
  }

  function setLive(on) {
    state.live = on;
    const el = $("live");
    el.className = "live " + (on ? "on" : "off");
    el.textContent = on ? "live" : "reconnecting…";
  }

  // ---------------------------------------------------------------- charts (hand-written SVG)

  const STATUS_CLASSES = [["2", "2xx"], ["3", "3xx"], ["4", "4xx"], ["5", "5xx"], ["0", "dropped"]];

  function statusClass(e) {
    return e.dropped || !e.status ? "0" : String(Math.floor(e.status / 100));
  }

  function legend() {
    return h("div", { class: "legend" }, STATUS_CLASSES.map(([c, l]) => h("span", {}, h("i", { class: "c" + c }), l)));
  }

  function renderCharts() {
    const entries = [...state.requests.values()].sort((a, b) => a.seq - b.seq);
    $("chart-time").replaceChildren(timeChart(entries), legend());
    $("chart-ops").replaceChildren(operationChart(entries), legend());
    $("chart-storage").replaceChildren(storageChart());
  }

  function emptyChart(text) {
    return s("svg", { viewBox: "0 0 600 80", role: "img", "aria-label": text }, s("text", { x: 300, y: 44, "text-anchor": "middle" }, text));
  }

  /** Stacked columns: requests per time bucket (the emulator's clock) by status class. */
  function timeChart(entries) {
    if (!entries.length) return emptyChart("No requests yet");
    const times = entries.map((e) => Date.parse(e.time) || 0);
    const t0 = Math.min(...times);
    const t1 = Math.max(...times);
    const steps = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 43200, 86400].map((x) => x * 1000);
    const step = steps.find((x) => (t1 - t0) / x <= 40) || 86400000 * Math.ceil((t1 - t0) / 86400000 / 40);
    const start = Math.floor(t0 / step) * step;
    const n = Math.floor((t1 - start) / step) + 1;
    const buckets = Array.from({ length: n }, () => ({ "2": 0, "3": 0, "4": 0, "5": 0, "0": 0 }));
    entries.forEach((e, i) => { buckets[Math.floor((times[i] - start) / step)][statusClass(e)]++; });
    const max = Math.max(1, ...buckets.map((b) => Object.values(b).reduce((a, x) => a + x, 0)));
    const W = 600, H = 220, L = 36, B = 28, T = 10;
    const bw = (W - L - 8) / n;
    const y = (v) => T + (H - T - B) * (1 - v / max);
    const g = [];
    for (const tick of ticks(max)) {
      g.push(s("line", { x1: L, x2: W - 4, y1: y(tick), y2: y(tick), class: "axis" }), s("text", { x: L - 6, y: y(tick) + 4, "text-anchor": "end" }, tick));
    }
    buckets.forEach((b, i) => {
      let acc = 0;
      const x = L + 4 + i * bw;
      for (const [c, label] of STATUS_CLASSES) {
        if (!b[c]) continue;
        g.push(s("rect", { x: x, width: Math.max(1, bw - 2), y: y(acc + b[c]), height: y(acc) - y(acc + b[c]), class: "c" + c },
          s("title", {}, b[c] + " × " + label + " at " + new Date(start + i * step).toISOString().replace(".000Z", "Z"))));
        acc += b[c];
      }
    });
    const labelEvery = Math.ceil(n / 6);
    for (let i = 0; i < n; i += labelEvery) {
      g.push(s("text", { x: L + 4 + i * bw, y: H - 8 }, new Date(start + i * step).toISOString().slice(11, 19)));
    }
    return s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", id: "svg-time", "aria-label": "Requests over time by status" }, g);
  }

  function ticks(max) {
    const step = Math.max(1, Math.pow(10, Math.floor(Math.log10(max))) * (max / Math.pow(10, Math.floor(Math.log10(max))) > 5 ? 2 : 1));
    const out = [];
    for (let v = 0; v <= max; v += step) out.push(v);
    return out;
  }

  /** Horizontal stacked bars: requests per operation by status class, most called first. */
  function operationChart(entries) {
    if (!entries.length) return emptyChart("No requests yet");
    const by = new Map();
    for (const e of entries) {
      const k = e.operationId || "(unmatched)";
      if (!by.has(k)) by.set(k, { "2": 0, "3": 0, "4": 0, "5": 0, "0": 0, total: 0 });
      const b = by.get(k);
      b[statusClass(e)]++;
      b.total++;
    }
    const rows = [...by].sort((a, b) => b[1].total - a[1].total).slice(0, 20);
    const max = Math.max(...rows.map((r) => r[1].total));
    const W = 600, L = 190, R = 40, row = 22;
    const H = rows.length * row + 8;
    const g = [];
    rows.forEach(([op, b], i) => {
      const yy = 4 + i * row;
      g.push(s("text", { x: L - 8, y: yy + 15, "text-anchor": "end" }, op.length > 28 ? op.slice(0, 27) + "…" : op));
      let acc = 0;
      for (const [c, label] of STATUS_CLASSES) {
        if (!b[c]) continue;
        const w = ((W - L - R) * b[c]) / max;
        g.push(s("rect", { x: L + ((W - L - R) * acc) / max, y: yy + 3, width: Math.max(1, w), height: row - 7, rx: 2, class: "c" + c }, s("title", {}, op + ": " + b[c] + " × " + label)));
        acc += b[c];
      }
      g.push(s("text", { x: L + ((W - L - R) * acc) / max + 6, y: yy + 15 }, b.total));
    });
    return s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", id: "svg-ops", "aria-label": "Requests per operation by status" }, g);
  }

  function storageChart() {
    const regs = ((state.overview && state.overview.registries) || []).slice().sort((a, b) => (b.storage_usage_bytes || 0) - (a.storage_usage_bytes || 0)).slice(0, 20);
    if (!regs.length) return emptyChart("No registries yet");
    const max = Math.max(1, ...regs.map((r) => r.storage_usage_bytes || 0));
    const W = 600, L = 190, R = 80, row = 22;
    const H = regs.length * row + 8;
    const g = [];
    regs.forEach((r, i) => {
      const yy = 4 + i * row;
      const label = r.tenant + " / " + r.name;
      const w = ((W - L - R) * (r.storage_usage_bytes || 0)) / max;
      g.push(s("text", { x: L - 8, y: yy + 15, "text-anchor": "end" }, label.length > 28 ? "…" + label.slice(-27) : label),
        s("rect", { x: L, y: yy + 3, width: Math.max(1, w), height: row - 7, rx: 2, class: "cs" }, s("title", {}, label + " (" + r.region + "): " + bytes(r.storage_usage_bytes))),
        s("text", { x: L + w + 6, y: yy + 15 }, bytes(r.storage_usage_bytes)));
    });
    return s("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", id: "svg-storage", "aria-label": "Storage per registry" }, g);
  }

  // ---------------------------------------------------------------- control view

  async function loadOperations() {
    const doc = await api("GET", "/_emulator/operations");
    const ids = new Set();
    for (const op of doc.operations || []) {
      if (op.api === "control") continue;
      for (const id of op.operationIds || [op.operationId]) ids.add(id);
    }
    state.operations = [...ids].sort();
    const sel = $("fault-op");
    const keep = sel.value;
    sel.replaceChildren(h("option", { value: "", text: "(any operation)" }), ...state.operations.map((id) => h("option", { value: id, text: id })));
    sel.value = keep;
  }

  async function loadFaults() {
    const doc = await api("GET", "/_emulator/faults");
    state.faults = doc.faults || [];
    const n = $("fault-count");
    n.textContent = String(state.faults.length);
    n.hidden = state.faults.length === 0;
    if (state.view === "control") renderFaults();
  }

  async function loadClock() {
    state.clock = await api("GET", "/_emulator/clock");
    state.clockOffset = Date.parse(state.clock.now) - Date.now();
    showClock();
    if (state.view === "control") renderClock();
  }

  /** The emulator's time in the header: as read when fixed, else read once and then run on with the browser's. */
  function showClock() {
    const c = state.clock;
    if (!c) return;
    const now = c.fixed ? c.now : new Date(Date.now() + (state.clockOffset || 0)).toISOString();
    $("clock-now").textContent = "clock " + when(now) + (c.fixed ? " (fixed)" : "");
  }

  async function loadSnapshots() {
    const doc = await api("GET", "/_emulator/snapshots");
    state.snapshots = doc.snapshots || [];
    if (state.view === "control") renderSnapshots();
  }

  function renderControl() {
    renderFaults();
    renderClock();
    renderSnapshots();
  }

  function describeMatch(f) {
    const parts = [];
    if (f.operationId) parts.push(f.operationId);
    if (f.method) parts.push(f.method);
    if (f.path) parts.push(f.path);
    if (f.tenant) parts.push("tenant " + f.tenant);
    if (f.region) parts.push("region " + f.region);
    return parts.join(" · ") || "every request";
  }

  function describeAction(f) {
    const parts = [];
    if (f.status) parts.push("answer " + f.status);
    if (f.drop) parts.push("drop connection");
    if (f.delayMs) parts.push("delay " + f.delayMs + (f.delayMaxMs ? "–" + f.delayMaxMs : "") + " ms");
    return parts.join(", ") || "count only";
  }

  function describeWhen(f) {
    if (f.firstN) return "first " + f.firstN;
    if (f.everyNth) return "every " + f.everyNth + "th";
    if (f.probability !== undefined && f.probability !== null) return "p=" + f.probability;
    return "always";
  }

  function renderFaults() {
    const body = $("fault-table").tBodies[0];
    body.replaceChildren(...state.faults.map((f) => h("tr", { "data-fault": f.id },
      h("td", {}, h("code", { text: f.id })),
      h("td", { text: describeMatch(f) }),
      h("td", { text: describeAction(f) }),
      h("td", { text: describeWhen(f) }),
      h("td", { class: "num", text: f.matched }),
      h("td", { class: "num", text: f.fired }),
      h("td", {}, h("button", { type: "button", class: "ghost small danger", "aria-label": "Remove fault " + f.id,
        onclick: () => act("Removed " + f.id, async () => { await api("DELETE", "/_emulator/faults/" + encodeURIComponent(f.id)); await loadFaults(); }) }, "Remove")))));
    $("fault-empty").hidden = state.faults.length > 0;
    $("fault-table").hidden = state.faults.length === 0;
    $("fault-clear").hidden = state.faults.length === 0;
  }

  function renderClock() {
    const c = state.clock;
    if (!c) return;
    $("clock-value").textContent = when(c.now);
    $("clock-mode").textContent = c.fixed ? "fixed" : "following system time";
    $("clock-mode").className = "badge " + (c.fixed ? "warn" : "ok");
    for (const id of ["clock-fix", "clock-advance"]) $(id).disabled = c.controllable === false;
  }

  function renderSnapshots() {
    const body = $("snapshot-table").tBodies[0];
    body.replaceChildren(...state.snapshots.map((sn) => h("tr", { "data-snapshot": sn.name },
      h("td", {}, h("strong", { text: sn.name })),
      h("td", { class: "meta", text: when(sn.takenAt) }),
      h("td", { class: "actions" },
        h("button", { type: "button", class: "small", "aria-label": "Restore snapshot " + sn.name,
          onclick: () => act("Restored " + sn.name, async () => { await api("POST", "/_emulator/snapshots/" + encodeURIComponent(sn.name) + "/restore", undefined, true); await refreshAll(); }) }, "Restore"),
        h("button", { type: "button", class: "ghost small danger", "aria-label": "Delete snapshot " + sn.name,
          onclick: () => act("Deleted " + sn.name, async () => { await api("DELETE", "/_emulator/snapshots/" + encodeURIComponent(sn.name)); await loadSnapshots(); }) }, "Delete")))));
    $("snapshot-empty").hidden = state.snapshots.length > 0;
    $("snapshot-table").hidden = state.snapshots.length === 0;
  }

  function numberOrNull(id) {
    const v = $(id).value.trim();
    return v === "" ? null : Number(v);
  }

  async function addFault(ev) {
    ev.preventDefault();
    const rule = {};
    const op = $("fault-op").value;
    if (op) rule.operationId = op;
    const status = numberOrNull("fault-status");
    const delay = numberOrNull("fault-delay");
    const count = numberOrNull("fault-count-input");
    const tenant = $("fault-tenant").value.trim();
    if (status !== null) rule.status = status;
    if (delay !== null) rule.delayMs = delay;
    if (count !== null) rule.firstN = count;
    if (tenant) rule.tenant = tenant;
    if (status === null && delay === null) { toast("Give a status, a delay or both", true); return; }
    await act(null, async () => {
      const f = await api("POST", "/_emulator/faults", rule);
      toast("Added " + f.id);
      $("fault-form").reset();
      await loadFaults();
    });
  }

  // ---------------------------------------------------------------- token

  function askToken() {
    const d = $("token-dialog");
    if (d.open) return;
    $("token-input").value = token() || "";
    d.showModal();
  }

  // ---------------------------------------------------------------- refresh

  async function refreshAll() {
    await Promise.allSettled([loadOverview(), loadFaults(), loadClock(), loadSnapshots()]);
  }

  const refreshStateSoon = throttle(() => { loadOverview().catch(() => {}); }, 400);
  const refreshFaultsSoon = throttle(() => { if (state.faults.length) loadFaults().catch(() => {}); }, 400);
  const refreshAllSoon = throttle(() => { refreshAll(); }, 300);

  // ---------------------------------------------------------------- wiring

  function wire() {
    window.addEventListener("hashchange", () => { readHash(); showView(); });
    for (const id of ["state-q", "state-region", "state-tenant", "state-registry"]) {
      $(id).addEventListener(id === "state-q" ? "input" : "change", () => { writeHash(); renderState(); });
    }
    $("state-filters").addEventListener("submit", (e) => e.preventDefault());
    $("request-filters").addEventListener("submit", (e) => e.preventDefault());
    for (const id of ["req-op", "req-status", "req-tenant", "req-region", "req-fault", "req-q"]) {
      $(id).addEventListener(id === "req-q" ? "input" : "change", () => { writeHash(); renderRequests(); });
    }
    $("state-copy").addEventListener("click", copyLink);
    $("req-copy").addEventListener("click", copyLink);
    $("req-clear").addEventListener("click", () => act("Journal cleared", async () => {
      await api("DELETE", "/_emulator/requests");
      state.requests.clear();
      closeRequest();
      renderRequests();
      renderCounts();
    }));
    $("fault-form").addEventListener("submit", addFault);
    $("fault-clear").addEventListener("click", () => act("All fault rules removed", async () => { await api("DELETE", "/_emulator/faults"); await loadFaults(); }));
    $("clock-fix-form").addEventListener("submit", (e) => {
      e.preventDefault();
      act("Clock fixed", async () => { await api("POST", "/_emulator/clock/fix", { at: $("clock-fix").value.trim() }, true); await loadClock(); });
    });
    $("clock-advance-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const v = $("clock-advance").value.trim();
      const body = /^\d+$/.test(v) ? { seconds: Number(v) } : { by: v.toUpperCase().startsWith("P") ? v.toUpperCase() : "PT" + v.toUpperCase() };
      act("Clock advanced", async () => { await api("POST", "/_emulator/clock/advance", body); await loadClock(); });
    });
    $("clock-resume").addEventListener("click", () => act("Clock follows system time", async () => { await api("POST", "/_emulator/clock/resume", undefined, true); await loadClock(); }));
    $("snapshot-form").addEventListener("submit", (e) => {
      e.preventDefault();
      const name = $("snapshot-name").value.trim();
      act("Checkpoint " + name + " saved", async () => { await api("PUT", "/_emulator/snapshots/" + encodeURIComponent(name)); $("snapshot-name").value = ""; await loadSnapshots(); });
    });
    $("reset-button").addEventListener("click", () => $("reset-dialog").showModal());
    $("reset-dialog").addEventListener("close", () => {
      if ($("reset-dialog").returnValue !== "reset") return;
      act("Emulator reset", async () => {
        await api("POST", "/_emulator/reset", undefined, true);
        state.requests.clear();
        closeRequest();
        renderCounts();
        await refreshAll();
      });
    });
    $("token-button").addEventListener("click", askToken);
    $("token-dialog").addEventListener("close", () => {
      const v = $("token-dialog").returnValue;
      if (v === "save" && $("token-input").value) sessionStorage.setItem(TOKEN_KEY, $("token-input").value);
      else if (v === "forget") sessionStorage.removeItem(TOKEN_KEY);
      else return;
      refreshAll();
      loadOperations().catch(() => {});
    });
    // keyboard: g then s / r / c / o switches views; "/" focuses the search of the view
    let g = false;
    document.addEventListener("keydown", (e) => {
      const typing = /INPUT|SELECT|TEXTAREA/.test(document.activeElement.tagName);
      if (e.key === "Escape" && state.selected && !typing) { closeRequest(); return; }
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "/") {
        e.preventDefault();
        (state.view === "requests" ? $("req-q") : $("state-q")).focus();
        if (state.view !== "requests" && state.view !== "state") location.hash = "#/state";
      } else if (g) {
        g = false;
        const v = { s: "state", r: "requests", c: "charts", o: "control" }[e.key];
        if (v) location.hash = "#/" + v;
      } else if (e.key === "g") {
        g = true;
      }
    });
  }

  async function start() {
    readHash();
    wire();
    showView();
    await Promise.allSettled([refreshAll(), loadOperations()]);
    showView();
    setInterval(showClock, 1000);
    stream();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
