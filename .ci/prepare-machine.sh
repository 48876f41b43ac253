#!/usr/bin/env bash
# Installs and starts what the tests need on a fresh build machine: a Docker engine (the machine only has the
# client), skopeo (OCI client), chromium and chromedriver (the web console's browser tests) and a local JRE base image (no registry is reachable, so nothing can be pulled).
# Idempotent: safe to run again on a machine that already has all of it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

need_apt=()
command -v dockerd >/dev/null 2>&1 || need_apt+=(docker.io)
command -v skopeo >/dev/null 2>&1 || need_apt+=(skopeo)
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -x /usr/bin/chromedriver ] || need_apt+=(chromium-driver)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "prepare-machine: installing ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! docker info >/dev/null 2>&1; then
  echo "prepare-machine: starting dockerd"
  mkdir -p /var/log
  nohup dockerd >/var/log/dockerd.log 2>&1 &
  for i in $(seq 1 60); do
    docker info >/dev/null 2>&1 && break
    sleep 1
  done
  docker info >/dev/null 2>&1 || { echo "prepare-machine: dockerd did not start"; tail -50 /var/log/dockerd.log; exit 1; }
fi
echo "prepare-machine: docker engine $(docker version --format '{{.Server.Version}}') is up"
