#!/usr/bin/env bash
# Install the real Pyodide releases the differential runs (npm packages: the wasm build and the
# standard library, nothing downloaded at run time) under $WORKERS_ENV_PYODIDE_DIR
# (default ~/.cache/workers-env/pyodide), one folder per version, named as Pyodide names itself
# (0.26.0a4 is npm's 0.26.0-alpha.4: the closest published release to workerd's 0.26.0a2, which
# npm does not have).
# Default: the versions pyodide_differential.py runs by default -- production's 314.0.6 and 0.28.2,
# and 0.26.0a4 for its 0.26.0a2.
#   bash tools/pyodide/install.sh [VERSION ...]      # default: 314.0.6 0.28.2 0.26.0a4
set -euo pipefail
dir="${WORKERS_ENV_PYODIDE_DIR:-$HOME/.cache/workers-env/pyodide}"
versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(314.0.6 0.28.2 0.26.0a4)
for v in "${versions[@]}"; do
  npm_version="$(echo "$v" | sed -E 's/a([0-9]+)$/-alpha.\1/')"
  mkdir -p "$dir/$v"
  [ -f "$dir/$v/package.json" ] || echo '{"private": true}' > "$dir/$v/package.json"
  npm install --prefix "$dir/$v" --no-audit --no-fund "pyodide@$npm_version"
done
echo "installed under $dir"
