#!/bin/sh
# Differential check (outside the test run): the warning `wrangler dev` and `workers-env dev`
# print for a config without compatibility_date, colours stripped, dates replaced by <date>.
# Usage: WORKERS_ENV_WRANGLER_DIR=/work/wt/wrangler tools/wrangler/missing_date_warning.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp"
printf 'name = "nodate"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n' > wrangler.toml
mkdir src
printf 'from workers import Response, WorkerEntrypoint\nclass Default(WorkerEntrypoint):\n    async def fetch(self, request):\n        return Response("ok")\n' > src/entry.py
strip() { sed -e 's/\x1b\[[0-9;]*m//g' -e 's/[0-9]\{4\}-[0-9]\{2\}-[0-9]\{2\}/<date>/g' | sed -n '/WARNING/,/more information/p'; }
(timeout 20 "$here/wrangler" dev --port 18998 --ip 127.0.0.1 2>&1 || true) | strip > wrangler.txt
(PYTHONPATH="$repo" timeout 8 python3 -m workers_env dev --port 18997 --ip 127.0.0.1 2>&1 || true) | strip > ours.txt
test -s wrangler.txt || { echo "wrangler printed no warning"; exit 1; }
cat wrangler.txt
if diff -u wrangler.txt ours.txt; then echo "same warning text"; else echo "warning texts differ"; exit 1; fi
