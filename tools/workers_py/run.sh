#!/usr/bin/env bash
# Runs Cloudflare's runtime-sdk binding test suites (cloudflare/workers-py,
# packages/runtime-sdk/tests/bindings-test: KV, D1, Vectorize, static assets) unmodified against
# workers-env's `self.env` in the external SDK era. Not part of the test run: it fetches the
# repository once (git, network) into $WORKERS_PY_DIR (default ~/.cache/workers-env/workers-py).
#   bash tools/workers_py/run.sh [commit]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="${WORKERS_PY_DIR:-$HOME/.cache/workers-env/workers-py}"
commit="${1:-b00837d}"
[ -d "$repo/.git" ] || git clone -q https://github.com/cloudflare/workers-py "$repo"
git -C "$repo" checkout -q "$commit"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$repo/packages/runtime-sdk/tests/bindings-test/." "$work/"
sed -i 's/%COMPAT_DATE/2026-09-01/' "$work/wrangler.jsonc"
cp "$here/conftest.py" "$work/src/conftest.py"
cat > "$work/pyproject.toml" <<'TOML'
[tool.workers-env.indexes."test-index"]
dimensions = 3
metric = "cosine"
version = "v2"

[tool.pytest.ini_options]
asyncio_mode = "strict"
asyncio_default_fixture_loop_scope = "function"
TOML
cd "$work"
for suite in kv d1 vectorize assets; do
  printf '%-10s ' "$suite"
  python3 -m pytest -q -p no:cacheprovider "src/test_$suite.py" 2>&1 | tail -1
done
