#!/bin/bash
# Re-run the public Python Workers with [[vectorize]] that earlier hunts ran (tools/hunts/vectorize_workers.md)
# against one workers-env tree, so two trees' answers can be diffed.
#
#   tools/hunts/rerun_vectorize.sh TREE OUT [WORKER...]     (no WORKER: every one)
#   diff -r OUT_OF_AN_OLD_TREE OUT_OF_THIS_TREE              (both runs with the same SCRATCH:
#                                                            a traceback's paths count in lengths)
#
# Each Worker is taken from its snapshot under /work/.mirror (bring it first with the search
# tool's `fetch github:OWNER/NAME`) at the commit the list names, copied into a scratch folder
# under $SCRATCH (never into this repository), given the config a hunt wrote for it, served by
# TREE's `workers-env dev`, and driven as the list says (its own tests where it has them, else
# curl); OUT/WORKER.txt gets what the driver printed and OUT/WORKER.dev.txt dev's request lines,
# with ids, times and scratch paths masked.
# Needs: curl; a venv at $VENV (made if missing) with httpx, requests, pytest, pytest-asyncio, pydantic, click;
# for xampler, agems and planet-cf the 3.13/3.12 venvs tools/pythons/run_suite.sh makes ($PYTHON_VENVS) and
# pip to put their packages in a --target folder. Run it with an old tree too: the old tree's
# CLI may need json5 on PYTHONPATH (EXTRA=folder).
set -u
tree=$(cd "$1" && pwd) out=$(mkdir -p "$2" && cd "$2" && pwd)
shift 2
mirror=${MIRROR:-/work/.mirror}
scratch=${SCRATCH:-/tmp/rerun-vectorize}
venv=${VENV:-$scratch/venv}
venvs=${PYTHON_VENVS:-/tmp/workers-env-venvs}
py311=${PY311:-$(python3 -c 'import sys; print(sys.executable)')}  # a path: pyenv's shim would follow a copied .python-version
port=${PORT:-18960}
mkdir -p "$scratch"
[ -x "$venv/bin/python" ] || { "$py311" -m venv "$venv" && "$venv/bin/pip" install -q httpx requests pytest pytest-asyncio pydantic click; } >/dev/null 2>&1

we() { # workers-env of $tree under $py (the Worker's Python)
  PYTHONPATH="$tree${extra:+:$extra}${EXTRA:+:$EXTRA}" "$py" -c \
    'import sys; from workers_env.cli import main; sys.argv[0] = "workers-env"; sys.exit(main())' "$@"
}

mask() {
  sed -E 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/UUID/g;
    s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?/TIME/g; s/\(([0-9]+)ms\)//g;
    s#'"$scratch"'/[A-Za-z0-9_.-]+#WORK#g; s/(e2e-test|bench)-[0-9a-f]{8}/\1-ID/g;
    s/\blic_[0-9a-f]+/lic_ID/g; s/reference = [0-9a-z]{24}/reference = REF/g; s/([?&]t=)[0-9]+/\1N/g; s/"traceId": "[0-9a-f]+"/"traceId": "ID"/g;
    s/(timestamp|resume_id|created_at)": "[^"]*"/\1": "X"/g; s/^[Dd]ate: .*$/date: X/;
    s/(p50|p95|mean|hist)= *[0-9.]+ms/\1=Nms/g; s/[0-9.]+s\)$/Ns)/; s/ in [0-9.]+s / in Ns /;
    s/expiration_ttl of [0-9]+/expiration_ttl of N/; s/(score: )[0-9.]+/\1S/g;
    s/localhost:[0-9]+/localhost:PORT/g; s/-?[0-9]+\.[0-9]+s\b/Ns/g'
}

snapshot() { # snapshot OWNER+NAME COMMIT [SUBDIR] -> a fresh scratch folder $work
  work="$scratch/$name"
  rm -rf "$work" && mkdir -p "$work"
  git --git-dir="$mirror/$1/repo" archive "$2" ${3:-} | tar -x -C "$work" ${3:+--strip-components=$(tr -cd / <<<"$3/" | wc -c)} ||
    { echo "$name: no snapshot of $1 at $2 under $mirror (fetch github:${1/+//} first)" >&2; return 1; }
}

serve() { # serve DEV_ARGS... : start dev in $work, wait for Ready
  # its log beside $work, not in it: a Worker whose main is in $work's root has dev watching that folder (as wrangler
  # dev watches the module root), and its own log written there reloaded it over and over (empire-rag*; hunt64)
  rm -f "$work.dev.log"
  (cd "$work" && we dev --port "$port" "$@" >"$work.dev.log" 2>&1) &
  devpid=$!
  for _ in $(seq 1 90); do grep -q "Ready on" "$work.dev.log" 2>/dev/null && return 0; sleep 1; done
  echo "$name: dev never got ready" >&2
}

finish() { # stop dev, keep its request lines
  pkill -P "$devpid" 2>/dev/null; kill "$devpid" 2>/dev/null; wait "$devpid" 2>/dev/null
  grep -a "wrangler:info\] [A-Z]* /" "$work.dev.log" | mask >"$out/$name.dev.txt"
  grep -a -E '"level": "ERROR"|Error: |Error$' "$work.dev.log" | cut -c1-300 | mask | sort | uniq -c >>"$out/$name.dev.txt"
}

url() { echo "http://localhost:$port"; }
q() { { echo "== $*"; curl -s -i "$@" | tr -d '\r'; echo; } | mask; }

bruj0() { # bruj0/vectorize-mcp-worker-python: SDK 1.2 (the era its author ran) or the newest SDK
  snapshot bruj0+vectorize-mcp-worker-python 5fa9dfd5555cd5358f6d992364cc1753e9bb0c6f || return
  sed 's/YOUR_DATABASE_ID_HERE/0f4a5b8e-1111-4222-8333-944455556666/' "$work/wrangler.toml.example" >"$work/wrangler.toml"
  printf 'name = "multimodal-pro-worker"\nmain = "src/entry.py"\ncompatibility_date = "2026-02-12"\ncompatibility_flags = ["python_workers"]\n[ai]\nbinding = "AI"\n' \
    >"$work/multimodal-pro-worker/wrangler.toml"
  printf 'API_KEY=my-secret-key-123\nINTERNAL_SECRET=s3cret\n' >"$work/.dev.vars"
  printf 'INTERNAL_SECRET=s3cret\n' >"$work/multimodal-pro-worker/.dev.vars"
  [ "$1" = sdk12 ] && printf '\n[tool.workers-env]\npython-sdk = "1.2"\n' >>"$work/pyproject.toml"
  (cd "$work" && we d1 execute mcp-knowledge-db --local --file schema.sql &&
    we vectorize create mcp-knowledge-base --dimensions=384 --metric=cosine) >/dev/null 2>&1
  serve -c wrangler.toml -c multimodal-pro-worker/wrangler.toml
  (cd "$work" && VECTORIZE_E2E_URL=$(url) VECTORIZE_E2E_API_KEY=my-secret-key-123 \
    "$venv/bin/python" -m pytest tests/e2e -p no:cacheprovider -o addopts= -q -rA 2>&1 |
    grep -E "^(PASSED|FAILED|ERROR) |passed|failed" | sed 's/ - .*//' | mask) >"$out/$name.txt"
  finish
}

rag_seed_query() { # Cloudflare's vectorize-rag example (cloudflare/python-workers-examples 6c595b5, from the code index)
  work="$scratch/$name"; rm -rf "$work"; mkdir -p "$work/src"
  cp "${RAG_ENTRY:-/tmp/hunt34/rag1/src/entry.py}" "$work/src/entry.py" ||
    { echo "$name: give RAG_ENTRY (the search tool's read_file id 61023177306)" >&2; return; }
  if [ "$1" = repo ]; then  # its own wrangler.jsonc (6c595b5) and pyproject.toml (9a15b61), the index its README creates
    printf '{"name": "python-vectorize-rag", "main": "src/entry.py", "compatibility_date": "2026-09-01", "compatibility_flags": ["python_workers"], "ai": {"binding": "AI", "remote": true}, "vectorize": [{"binding": "VECTORIZE", "index_name": "python-rag-index", "remote": true}], "observability": {"enabled": true}}\n' >"$work/wrangler.jsonc"
    printf '[project]\nname = "python-vectorize-rag"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = []\n\n[dependency-groups]\ndev = [\n    "workers-py",\n    "workers-runtime-sdk",\n]\n' >"$work/pyproject.toml"
    (cd "$work" && we vectorize create python-rag-index --dimensions=768 --metric=cosine) >/dev/null 2>&1
  else
  printf '{"name": "python-rag", "main": "src/entry.py", "compatibility_date": "%s", "compatibility_flags": ["python_workers"], "ai": {"binding": "AI"}, "vectorize": [{"binding": "VECTORIZE", "index_name": "python-rag-index"}]}\n' \
    "$([ "$1" = builtin ] && echo 2025-12-01 || echo 2026-05-01)" >"$work/wrangler.jsonc"
  { [ "$1" = builtin ] && printf '[tool.workers-env]\npython-sdk = "built-in"\n' ||
    printf '[project]\nname = "python-rag"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = ["workers-py", "workers-runtime-sdk"]\n'
    printf '[tool.workers-env.indexes."python-rag-index"]\ndimensions = 768\nmetric = "cosine"\nversion = "v2"\n'; } >"$work/pyproject.toml"
  fi
  serve
  { q "$(url)/"; q -X POST "$(url)/"; q "$(url)/seed"; q -X POST "$(url)/query" --json '{"question": "what is vectorize"}'
    q -X POST "$(url)/seed"; sleep 1; q -X POST "$(url)/query" --json '{"question": "What stores embeddings?"}'
    q -X POST "$(url)/query" --json '{"question": ""}'; q -X POST "$(url)/query" -d notjson; q "$(url)/nope"; } >"$out/$name.txt"
  finish
}

index_file_worker() { # ENTRY ID NAME BINDING INDEX DIMS BUILTIN_DATE ERA: a code-index Worker's scratch folder and config
  work="$scratch/$name"; rm -rf "$work"; mkdir -p "$work/src"
  cp "$1" "$work/src/entry.py" || { echo "$name: give its entry.py (the search tool's read_file id $2)" >&2; return 1; }
  printf '{"name": "%s", "main": "src/entry.py", "compatibility_date": "%s", "compatibility_flags": ["python_workers"], "ai": {"binding": "AI"}, "vectorize": [{"binding": "%s", "index_name": "%s"}]}\n' \
    "$3" "$([ "$8" = builtin ] && echo "$7" || echo 2026-05-01)" "$4" "$5" >"$work/wrangler.jsonc"
  { [ "$8" = builtin ] ||
    printf '[project]\nname = "%s"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = []\n[dependency-groups]\ndev = ["workers-py", "workers-runtime-sdk"]\n' "$3"
    printf '[tool.workers-env.indexes."%s"]\ndimensions = %s\nmetric = "cosine"\nversion = "v2"\n' "$5" "$6"; } >"$work/pyproject.toml"
}

vector_search() { # hunt45's Vectorize search Worker, from a code-index file (no repository named)
  index_file_worker "${VSEARCH_ENTRY:-/tmp/hunt45/vsearch/src/entry.py}" 66647004381 vsearch VECTORIZE_INDEX docs 768 2026-03-01 "$1" || return
  serve
  { q "$(url)/"; q -X POST "$(url)/index" --json '{"id": "1", "text": "Cloudflare Workers run JavaScript at the edge"}'
    q -X POST "$(url)/index" --json '{"id": "2", "text": "Python Workers run on Pyodide"}'
    q -X POST "$(url)/index" --json '{"id": "2", "text": "inserted twice: insert keeps the first"}'
    q "$(url)/search?q=python+pyodide"; q "$(url)/search"; q "$(url)/search?q=edge+javascript"; } >"$out/$name.txt"
  finish
}

classify() { # hunt46's Vectorize + Workers AI classify Worker, from a code-index file (no repository named)
  index_file_worker "${CLASSIFY_ENTRY:-/tmp/hunt46/classify/src/entry.py}" 53816628782 classify VECTORIZE professions 384 2025-12-01 "$1" || return
  serve
  { q "$(url)/health"; q "$(url)/describe"
    q -X POST "$(url)/teach" --json '{"text": "fix leaking kitchen pipes and install sinks", "profession_id": 7, "profession_name": "Plumber", "category_id": 2, "category_name": "Casa", "service_type": "repair", "unit_price": 80}'
    q -X POST "$(url)/teach" --json '{"text": "install electrical outlets and repair wiring", "profession_id": 9, "profession_name": "Electrician", "category_id": 2, "category_name": "Casa"}'
    q -X POST "$(url)/teach" --json "{'text': 'paint walls and ceilings', 'profession_id': 11, 'profession_name': 'Painter'}"
    q -X POST "$(url)/teach" --json '{"text": "no profession"}'
    q -X POST "$(url)/classify" --json '{"text": "my kitchen pipes are leaking", "topK": 2}'
    q -X POST "$(url)/classify" --json '{"text": "repair wiring", "filter": {"category_id": 2}}'
    q -X POST "$(url)/classify" --json '{"text": ""}'; q -X POST "$(url)/classify" -d garbage
    q "$(url)/describe"; q "$(url)/nope"; } >"$out/$name.txt"
  finish
}

flavor_bridge() { # FabioDiCeglie/Flavor-Bridge-Engine backend: its e2e tests after POST /seed
  snapshot FabioDiCeglie+Flavor-Bridge-Engine b3b0ca1 backend || return
  (cd "$work" && we vectorize create flavor-bridge-index --dimensions=384 --metric=cosine) >/dev/null 2>&1
  serve
  { curl -s -o /dev/null -w "seed %{http_code}\n" -X POST "$(url)/seed"
    (cd "$work" && API_URL=$(url) "$venv/bin/python" tests/e2e/test_api.py 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | mask); } >"$out/$name.txt"
  finish
}

xampler_vectorize_search() { # adewale/xampler examples/ai-agents/vectorize-search (Python 3.13, cfboundary, xampler)
  snapshot adewale+xampler 2fc28bc examples/ai-agents/vectorize-search || return
  local pkgs; pkgs=$(xampler_packages)
  local py="$venvs/3.13.0/bin/python" extra="$pkgs"
  (cd "$work" && we vectorize create xampler-vectorize --dimensions=32 --metric=cosine) >/dev/null 2>&1
  serve
  local v; v="[1.0$(printf ',0%.0s' $(seq 1 31))]"
  { q "$(url)/"; q "$(url)/demo"; q "$(url)/describe"
    q -X POST "$(url)/upsert" -d "{\"id\": \"a\", \"values\": $v, \"metadata\": {\"k\": \"v\"}}"
    q -X POST "$(url)/upsert" -d "{\"id\": \"b\", \"values\": $v}"; sleep 1
    q -X POST "$(url)/query" -d "{\"values\": $v, \"top_k\": 2}"
    q -X POST "$(url)/query" -d "{\"values\": $v, \"top_k\": 2, \"filter\": {\"k\": \"v\"}}"
    q -X POST "$(url)/query" -d '{"values": [1, 2]}'; q "$(url)/describe"; } >"$out/$name.txt"
  finish
}

xampler_packages() { # cfboundary v0.1.11 and xampler 2fc28bc as pywrangler vendors them (3.13): prints the folder
  local pkgs="$scratch/xampler-packages"
  if [ ! -d "$pkgs/cfboundary" ]; then
    local src="$scratch/xampler-src"; rm -rf "$src"; mkdir -p "$src/cfb" "$src/xa"
    git --git-dir="$mirror/adewale+cfboundary/repo" archive 5eff700 | tar -x -C "$src/cfb"
    git --git-dir="$mirror/adewale+xampler/repo" archive 2fc28bc | tar -x -C "$src/xa"
    "$venvs/3.13.0/bin/python" -m pip install -q --no-deps --target "$pkgs" "$src/cfb" "$src/xa" >/dev/null 2>&1
  fi
  echo "$pkgs"
}

xampler_verifier() { # xampler's own verifier (scripts/verify_examples.py) on vectorize-search, no index defined:
  # as under wrangler dev its /demo answers (hunt41: dev refused to start before); `uv run pywrangler` is TREE's CLI
  snapshot adewale+xampler 2fc28bc || return
  local pkgs py="$venvs/3.13.0/bin/python"; pkgs=$(xampler_packages)
  mkdir -p "$work/.bin"
  printf '#!/bin/bash\n[ "$1" = run ] && [ "$2" = pywrangler ] || { echo "uv stand-in: $*" >&2; exit 99; }\nshift 2\n' >"$work/.bin/uv"
  printf 'PYTHONPATH=%s exec %s -c %q "$@"\n' "$tree:$pkgs" "$py" \
    'import sys; from workers_env.cli import main; sys.argv[0] = "workers-env"; sys.exit(main())' >>"$work/.bin/uv"
  chmod +x "$work/.bin/uv"
  (cd "$work" && PATH="$work/.bin:$PATH" "$py" scripts/verify_examples.py examples/ai-agents/vectorize-search \
    --port "$port" --timeout 90 2>&1 | grep -E "^(✓|Note)|Error" | cut -c1-300 | mask) >"$out/$name.txt"
}

agems_rag_api() { # RafaEL-1998/agems_rag_api (Python 3.12: a PEP 701 f-string; pdfplumber vendored)
  snapshot RafaEL-1998+agems_rag_api d136512 || return
  local pkgs="$scratch/agems-packages"
  [ -d "$pkgs/pdfplumber" ] || "$venvs/3.12.1/bin/python" -m pip install -q --target "$pkgs" pdfplumber pypdf python-multipart >/dev/null 2>&1
  local py="$venvs/3.12.1/bin/python" extra="$pkgs"
  (cd "$work" && we d1 execute agems-rag-db --local --file schema.sql &&
    we d1 execute agems-rag-db --local --command "INSERT INTO documents (id, title, type, sector, r2_key) VALUES ('doc1', 'REN 1000', 'resolucao', 'energia', 'docs/doc1.pdf')" &&
    we vectorize create agems-regulatory-docs --dimensions=1024 --metric=cosine) >/dev/null 2>&1
  serve
  { q "$(url)/"; q -X POST "$(url)/nope"
    q -X POST "$(url)/documents/doc1/chunks" --json '{"chunks": [{"text": "Art. 1o Esta resolucao estabelece as condicoes gerais de fornecimento de energia eletrica.", "page": 1}, {"text": "Art. 2o E vedado ao distribuidor cobrar taxa de religacao no prazo de 24 horas.", "page": 2}], "metadata": {"sector": "energia"}}'
    sleep 1; q -X POST "$(url)/chat/query" --json '{"query": "Quais as condicoes gerais de fornecimento?", "session_id": "s1"}'
    q -X POST "$(url)/chat/query" --json '{"query": ""}'; } >"$out/$name.txt"
  finish
}

resume_rag() { # nicolad/nomadically.work workers/resume-rag at two commits: its test/test_worker.py
  snapshot nicolad+nomadically.work "$1" workers/resume-rag || return
  (cd "$work" && we vectorize create resume-rag-index --dimensions=768 --metric=cosine) >/dev/null 2>&1
  serve
  (cd "$work" && "$venv/bin/python" test/test_worker.py "$(url)" 2>&1 | mask) >"$out/$name.txt"
  finish
}

course_hero() { # vishal-codes/course-hero-rag-bot: no config in the repository; the README's bindings
  snapshot vishal-codes+course-hero-rag-bot 13eceff || return
  printf '{"name": "csuf-python-rag-bot", "main": "src/entry.py", "compatibility_date": "%s", "compatibility_flags": ["python_workers"], "ai": {"binding": "AI"}, "vectorize": [{"binding": "COURSES", "index_name": "csuf-courses"}], "kv_namespaces": [{"binding": "KV_RATE", "id": "0123456789abcdef0123456789abcdef"}], "vars": {"ALLOWED_ORIGINS": "http://localhost:3000", "DEBUG": "1", "APP_VERSION": "2025-11-20"}}\n' "$1" >"$work/wrangler.jsonc"
  printf '\n[tool.workers-env.indexes."csuf-courses"]\ndimensions = 768\nmetric = "cosine"\nversion = "v2"\n' >>"$work/pyproject.toml"
  (cd "$work" && we vectorize insert csuf-courses --file data_loader/vectors_to_upload.ndjson) >/dev/null 2>&1
  serve
  # its rate limiter's KV TTL is the rest of the wall-clock minute: 60 (accepted) in a minute's first second, else
  # KV's 400 naming it (one digit in the last ten seconds, a shorter body): start where it has two digits, under 60
  while s=$(date +%-S); [ "$s" -lt 2 ] || [ "$s" -gt 47 ]; do sleep 1; done
  { q "$(url)/"; q "$(url)/health"; q "$(url)/version"
    q -X OPTIONS "$(url)/ask" -H "Origin: http://localhost:3000" -H "Access-Control-Request-Method: POST" -H "Access-Control-Request-Headers: content-type"
    q -X POST "$(url)/ask" -H "Origin: http://localhost:3000" --json '{"question": "How imp is this 131 course? is it a prereq for any other course?"}'
    q -X POST "$(url)/ask" --json '{"question": ""}'; q -X POST "$(url)/ask" -H "Content-Type: application/json" -d notjson
    q "$(url)/nope"; } | grep -v -i "^x-ratelimit-reset\|^retry-after" >"$out/$name.txt"
  finish
}

planet_cf() { # adewale/planet_cf (Python 3.13: PEP 695 generics): D1 + Vectorize + AI + queues + assets; its e2e tests
  snapshot adewale+planet_cf 70b38ea4dbae638db3f83f7d98283038ba7bf98b || return
  local pkgs="$scratch/planet-packages" py="$venvs/3.13.0/bin/python"
  [ -d "$pkgs/feedparser" ] || "$py" -m pip install -q --target "$pkgs" feedparser==6.0.12 jinja2==3.1.6 bleach==6.3.0 \
    markupsafe==3.0.3 httpx==0.28.1 pytest-asyncio==1.3.0 >/dev/null 2>&1
  local extra="$pkgs"
  mkdir -p "$work/.bin"  # its seed script runs `npx wrangler d1 execute ... --local`: TREE's CLI stands in
  printf '#!/bin/bash\n[ "$1" = wrangler ] && shift\nPYTHONPATH=%s exec %s -c %q "$@"\n' "$tree:$pkgs" "$py" \
    'import sys; from workers_env.cli import main; sys.argv[0] = "workers-env"; sys.exit(main())' >"$work/.bin/npx"
  chmod +x "$work/.bin/npx"
  printf 'SESSION_SECRET=test-session-secret-for-e2e-testing-only\nGITHUB_CLIENT_ID=test-github-client-id\nGITHUB_CLIENT_SECRET=test-github-client-secret\n' >"$work/.dev.vars"
  (cd "$work" && we d1 migrations apply test-planet-db --local &&
    we vectorize create test-planet-entries --dimensions=768 --metric=cosine &&
    PATH="$work/.bin:$PATH" PYTHONPATH="$pkgs" "$py" scripts/seed_test_data.py --local) >/dev/null 2>&1
  serve --test-scheduled
  { (cd "$work" && PATH="$work/.bin:$PATH" PYTHONPATH="$pkgs" "$py" scripts/seed_test_data.py --local --reindex \
      --base-url "$(url)" 2>&1 | grep -i reindex)
    q "$(url)/health"; q "$(url)/search?q=vectorize" | grep -E "^(==|HTTP)|Building semantic"; q -I "$(url)/static/style.css"
    (cd "$work" && E2E_BASE_URL=$(url) RUN_E2E_TESTS=1 PYTHONPATH="$pkgs" "$py" -m pytest tests/e2e -p no:cacheprovider \
      -p no:workers_env -o addopts= -q -rA 2>&1 | grep -E "^(PASSED|FAILED|ERROR|SKIPPED) |passed|failed" | sed 's/ - .*//' | mask)
  } >"$out/$name.txt"
  finish
}

mahler() { # Jai-Dhiman/mahler 99b33b5 (2026-01-28, its Python era): D1 + KV + Vectorize + AI + crons; ERA: its routes
  # at its own date (2024-12-01), or a self-written driver module calling its EpisodicMemoryStore (the only
  # Vectorize user; the handlers reaching it need Alpaca) at ERA = 2024-12-01, 2025-12-01 or 2026-05-01
  snapshot Jai-Dhiman+mahler 99b33b5a19ed8bebb0d15ebc70bc07a94a5a8e0d || return
  printf '\n[tool.workers-env.indexes."mahler-episodic"]\ndimensions = 384\nmetric = "cosine"\n' >>"$work/pyproject.toml"
  (cd "$work" && for f in src/migrations/*.sql; do we d1 execute MAHLER_DB --local --file "$f"; done) >/dev/null 2>&1
  if [ "$1" = routes ]; then
    serve
    { for p in / /health /admin/status; do q "$(url)$p"; done; q -X POST "$(url)/admin/halt"; q "$(url)/admin/status"
      q -X POST "$(url)/admin/resume"; q "$(url)/admin/status"; q "$(url)/test/db"
      q "$(url)/cdn-cgi/handler/scheduled?cron=0+17+*+*+MON-FRI"; q "$(url)/cdn-cgi/handler/scheduled?cron=1+1+*+*+*"; } |
      sed -E 's/"timestamp": "[^"]*"/"timestamp": "X"/; s/"triggered_at": "[^"]*"/"triggered_at": "X"/' >"$out/$name.txt"
  else
    sed -i 's#^main = "src/entry.py"#main = "src/driver.py"#' "$work/wrangler.toml"
    cat >"$work/src/driver.py" <<'PY'
import json
from workers import Response, WorkerEntrypoint
from core.memory.vectorize import EpisodicMemoryStore

class Default(WorkerEntrypoint):  # (before 2025-08-14 workerd calls its fetch as on_fetch)
    async def fetch(self, request):
        return await _go(request, self.env)

    async def on_fetch(self, request):
        return await _go(request, self.env)

async def _go(request, env):
    store, url = EpisodicMemoryStore(env.EPISODIC_MEMORY, env.AI, env.MAHLER_DB), request.url
    try:
        if url.endswith("/store"):
            out = await store.store_memory(None, "SPY", "bull_put", 470.0, 465.0, "2024-02-15", [], [], None,
                                           market_regime="bull_low_vol", iv_rank=55.0, vix_at_entry=18.0)
        elif url.endswith("/similar"):
            out = [[r.memory.underlying, r.match_reasons] for r in await store.find_similar("SPY", "bull_put")]
        elif url.endswith("/embed"):
            e = await store._generate_embedding("Underlying: SPY")
            out = [type(e).__name__, len(e)]
        else:
            d = await env.EPISODIC_MEMORY.describe()
            out = (d.to_py() if hasattr(d, "to_py") else d)["vectorsCount"]
        return Response(json.dumps({"ok": out}), headers={"Content-Type": "application/json"})
    except Exception as e:
        return Response(json.dumps({"error": f"{type(e).__name__}: {e}"}), status=500)
PY
    serve --compatibility-date "$1"
    for p in describe embed store store describe similar; do q "$(url)/$p"; done >"$out/$name.txt"
  fi
  finish
}

langchain_packages() { # LIB: the packages cloudflare/langchain-cloudflare 9437e4c's LIB Worker example imports, in a
  # --target folder (workers-env imports from the environment, not python_modules/): what `pywrangler sync` and the
  # example's scripts/setup_pyodide_deps.sh vendor -- its pinned langchain/langgraph wheels, its pure-Python stubs for
  # xxhash, ormsgpack, uuid_utils (langmem's; langchain's own script deletes uuid_utils, see vectorize_workers.md),
  # websockets -- with pydantic & co left to the environment, as Pyodide's built-ins; prints the folder
  local lib=$1 pkgs="$scratch/$1-packages" src="$scratch/langchain-cloudflare-src"
  [ -d "$src/libs" ] || { mkdir -p "$src" && git --git-dir="$mirror/cloudflare+langchain-cloudflare/repo" archive 9437e4c libs | tar -x -C "$src"; }
  if [ ! -d "$pkgs/langchain_cloudflare" ]; then
    local pin=("langchain-core==1.5.4" "langgraph==1.2.11" "langgraph-sdk==0.4.2" "langgraph-checkpoint==4.2.0" "langchain-protocol==0.0.18")
    [ "$lib" = langchain-cloudflare ] && pin=("langchain==1.0.0" "langchain-core==1.1.0" "langgraph==1.0.0" "langgraph-sdk==0.3.1" "langgraph-checkpoint==2.1.0")
    "$py" -m pip install -q --target "$pkgs" webtypy "${pin[0]}" "sqlalchemy-cloudflare-d1>=0.3.1" "sqlalchemy>=2.0.0" greenlet httpx >/dev/null 2>&1
    "$py" -m pip install -q --no-deps --upgrade --target "$pkgs" "${pin[@]}" "langsmith==0.11.0" >/dev/null 2>&1
    (cd "$pkgs" && rm -rf bin include __pycache__ langgraph/prebuilt langgraph_prebuilt* orjson* xxhash* ormsgpack* \
      uuid_utils* websockets* pydantic pydantic-* pydantic_core* typing_extensions* typing_inspection* annotated_types* anyio* \
      sniffio* h11* requests requests-* urllib3* certifi* idna* charset_normalizer* packaging packaging-* yaml _yaml pyyaml*)
    local stubs="$src/libs/langmem-cloudflare-vectorize/examples/workers/stubs" s
    for s in xxhash ormsgpack uuid_utils websockets; do cp -r "$stubs/$s-stub/src/$s" "$pkgs/"; done
    find "$pkgs/langgraph" -type d -exec sh -c '[ -f "$1/__init__.py" ] || touch "$1/__init__.py"' _ {} \;
    cp -r "$src/libs/langchain-cloudflare/langchain_cloudflare" "$pkgs/"
    [ "$lib" = langmem-cloudflare-vectorize ] && cp -r "$src/libs/$lib/langmem_cloudflare_vectorize" "$pkgs/"
    [ "$lib" = langgraph-checkpoint-cloudflare-d1 ] && cp -r "$src/libs/$lib/langgraph_checkpoint_cloudflare_d1" "$pkgs/"
  fi
  echo "$pkgs"
}

langchain_cf() { # LIB ERA: cloudflare/langchain-cloudflare 9437e4c's LIB Worker example (examples/workers, its own
  # wrangler.jsonc: 2025-11-02, remote = true; pywrangler vendors workers-runtime-sdk, so the external SDK unless
  # ERA = builtin): its own tests/worker_tests (`uv run pywrangler sync` a no-op, `npx wrangler dev` TREE's dev;
  # langchain's models' answers aside: only its Index, Vectorize and D1 classes), then curl on its Vectorize routes
  local lib=$1 pkgs; pkgs=$(langchain_packages "$1")
  local extra="$pkgs"
  work="$scratch/$name"; rm -rf "$work"; mkdir -p "$work"
  git --git-dir="$mirror/cloudflare+langchain-cloudflare/repo" archive 9437e4c "libs/$lib" | tar -x -C "$work"
  local lib_dir="$work/libs/$lib"; work="$lib_dir/examples/workers"
  [ "$2" = builtin ] && printf '\n[tool.workers-env]\npython-sdk = "built-in"\n' >>"$work/pyproject.toml"
  (cd "$work" && we vectorize create langchain-test-persistent --dimensions=768 --metric=cosine) >/dev/null 2>&1
  mkdir -p "$lib_dir/.bin"
  printf '#!/bin/bash\n[ "$1 $2 $3" = "run pywrangler sync" ] && exit 0\necho "uv stand-in: $*" >&2; exit 99\n' >"$lib_dir/.bin/uv"
  printf '#!/bin/bash\n[ "$1" = --yes ] && shift\n[ "$1" = wrangler ] || { echo "npx stand-in: $*" >&2; exit 99; }\nshift\nPYTHONPATH=%s exec %s -c %q "$@"\n' \
    "$tree:$pkgs" "$py" 'import sys; from workers_env.cli import main; sys.argv[0] = "workers-env"; sys.exit(main())' >"$lib_dir/.bin/npx"
  chmod +x "$lib_dir/.bin/uv" "$lib_dir/.bin/npx"
  local k=; [ "$lib" = langchain-cloudflare ] && k="TestWorkerIndex or TestWorkerVectorize or TestWorkerD1"
  if [ "$2" != builtin ]; then
    (cd "$lib_dir" && PATH="$lib_dir/.bin:$PATH" "$py" -m pytest tests/worker_tests ${k:+-k "$k"} -p no:cacheprovider \
      -p no:workers_env -q -rA 2>&1 | grep -E "^(PASSED|FAILED|ERROR|SKIPPED) |passed|failed" | sed 's/ - .*//' | mask) >"$out/$name.txt"
    rm -rf "$work/.wrangler"; (cd "$work" && we vectorize create langchain-test-persistent --dimensions=768 --metric=cosine) >/dev/null 2>&1
  fi
  serve
  if [ "$lib" = langmem-cloudflare-vectorize ]; then
    { q "$(url)/health"; q -X POST "$(url)/store-put" --json '{"namespace": ["a", "b"], "key": "k1", "value": {"text": "hello world"}}'
      q -X POST "$(url)/store-get" --json '{"namespace": ["a", "b"], "key": "k1"}'
      q -X POST "$(url)/store-put" --json '{"namespace": ["a", "b"], "key": "k2", "value": {"text": "the plumber fixed a leaking pipe"}}'
      q -X POST "$(url)/store-search" --json '{"namespace_prefix": ["a"], "query": "pipe leak", "limit": 5}'
      q -X POST "$(url)/store-put" --json '{"namespace": ["a", "b"], "key": "k3", "value": {"text": "sync path"}, "sync": true}'
      q -X POST "$(url)/store-search" --json '{"namespace_prefix": ["a", "b"], "limit": 5, "sync": true}'
      q -X POST "$(url)/store-delete" --json '{"namespace": ["a", "b"], "key": "k1"}'
      q -X POST "$(url)/store-get" --json '{"namespace": ["a", "b"], "key": "k1"}'
      q -X POST "$(url)/store-graph" --json '{"thread_id": "t1", "text": "graph memory example"}'
      q -X POST "$(url)/store-graph" --json '{"thread_id": "t1", "recall": true}'
      q "$(url)/nope"; q -X POST "$(url)/store-put" -d notjson; } >>"$out/$name.txt"
  elif [ "$lib" = langgraph-checkpoint-cloudflare-d1 ]; then  # hunt55: its D1 checkpointer, async and run_sync paths
    local c
    { q "$(url)/health"; q -X POST "$(url)/checkpointer-put" --json '{"thread_id": "t1"}'
      c=$(curl -s -X POST "$(url)/checkpointer-get-tuple" --json '{"thread_id": "t1"}' | "$py" -c 'import json, sys; print(json.load(sys.stdin).get("checkpoint_id", ""))')
      q -X POST "$(url)/checkpointer-put-writes" --json "{\"thread_id\": \"t1\", \"checkpoint_id\": \"$c\", \"writes\": [{\"channel\": \"c\", \"value\": 1}]}"
      q -X POST "$(url)/checkpointer-put" --json '{"thread_id": "t1", "sync": true}'
      q -X POST "$(url)/checkpointer-get-tuple" --json '{"thread_id": "t1", "sync": true}'
      q -X POST "$(url)/checkpointer-list" --json '{"thread_id": "t1", "limit": 5}'
      q -X POST "$(url)/checkpointer-graph" --json '{"thread_id": "g1", "value": 41}'
      q -X POST "$(url)/checkpointer-delete-thread" --json '{"thread_id": "t1"}'
      q -X POST "$(url)/checkpointer-list" --json '{"thread_id": "t1", "sync": true}'
      q -X POST "$(url)/checkpointer-put-writes" --json '{"thread_id": "t1"}'; q "$(url)/nope"; } >>"$out/$name.txt"
  else
    { q "$(url)/vectorize-info"
      q -X POST "$(url)/vectorize-insert" --json '{"texts": ["The capital of France is Paris.", "Python is a programming language.", "The plumber fixed a leaking pipe."], "ids": ["d1", "d2", "d3"], "metadatas": [{"topic": "geo"}, {"topic": "code"}, {"topic": "home"}]}'
      q -X POST "$(url)/vectorize-search" --json '{"query": "What is the capital of France?", "k": 2}'
      q -X POST "$(url)/vectorize-search" --json '{"query": "programming", "k": 2, "md_filter": {"topic": "code"}}'
      q "$(url)/vectorize-info"; q -X POST "$(url)/vectorize-delete" --json '{"ids": ["d1", "d2", "d3"]}'
      q -X POST "$(url)/vectorize-insert" --json '{}'; q -X POST "$(url)/vectorize-search" --json '{}'
      q "$(url)/d1-health"; q -X POST "$(url)/ai-search" --json '{"query": "x"}'; } >>"$out/$name.txt"
  fi
  finish
}

empire_rag() { # Soorya2201/cf_ai_Insurance-Policy-Intelligence-Engine- at 65c06b7 (its AI + Vectorize entry.py; the next
  # day's 6cd5f97 dropped both for an in-memory store): its own wrangler.toml (2024-03-20, module-level on_fetch,
  # plain `npx wrangler deploy`), driven as its dashboard does; ERA flag: 2025-12-01 with
  # disable_python_no_global_handlers, which reaches its Vectorize calls
  snapshot Soorya2201+cf_ai_Insurance-Policy-Intelligence-Engine- 65c06b7 || return
  (cd "$work" && we vectorize create empire-index --dimensions=768 --metric=cosine) >/dev/null 2>&1
  # the upload's body written before dev starts: dev watches this Worker's root (its main is there), so a file
  # written there while it serves reloads it (hunt64)
  "$py" -c 'import json, sys; print(json.dumps({"filename": "data.txt", "text": open(sys.argv[1]).read()}))' \
    "$work/data.txt" >"$work/.upload.json"
  if [ "$1" = flag ]; then serve --compatibility-date 2025-12-01 --compatibility-flags python_workers \
    --compatibility-flags disable_python_no_global_handlers; else serve; fi
  { q "$(url)/health"; q -X OPTIONS "$(url)/api/upload" -H "Origin: http://localhost:5173" -H "Access-Control-Request-Method: POST"
    q -X POST "$(url)/api/upload" -H "Content-Type: application/json; charset=utf-8" --data-binary @"$work/.upload.json"
    q -X POST "$(url)/api/upload" --json '{"filename": "short.txt", "text": "The tenant shall pay rent on the first day of each month."}'
    q -X POST "$(url)/api/chat" --json '{"query": "When is rent due?"}'; q -X POST "$(url)/api/chat" --json '{"query": ""}'
    q -X POST "$(url)/api/upload" --json '{"filename": "x"}'; q -X POST "$(url)/api/chat" -d notjson; q "$(url)/"; } >"$out/$name.txt"
  finish
}

nomadically() { # WORKER ERA: nicolad/nomadically.work ec7995b (2026-03-04), the Python Workers beside resume-rag that
  # no round had run (hunt54): D1 (+ AI, queues, crons), no Vectorize; each its own wrangler.jsonc (2025-11-02, remote =
  # true), the repository's root migrations/ applied in name order (its 0004_nifty_northstar and 0021 fail on their own:
  # they repeat earlier ones), a few rows seeded; cleanup-jobs: its own tests + curl + queue + cron; job-matcher: a
  # scripted reply for its llama-3.3 (it parses the model's JSON); eu-classifier: langchain-cloudflare as for
  # langchain-example, a scripted reply for its qwen3, ERA = sdk (pyproject.toml's workers-py: pywrangler sync vendors
  # workers-runtime-sdk 1.9.5) or builtin (the SDK of its own day, its cleanup-jobs' uv.lock's workers-py 1.7.3)
  local w=$1
  snapshot nicolad+nomadically.work ec7995b76ce741a8ca00504bb0e9dced81b158a8 "workers/$w" || return
  mkdir -p "$work/.migrations" && git --git-dir="$mirror/nicolad+nomadically.work/repo" archive ec7995b76ce741a8ca00504bb0e9dced81b158a8 migrations |
    tar -x -C "$work/.migrations" --strip-components=1
  rm -f "$work/python_modules"  # eu-classifier's: a link to its author's own folder
  case $w in
    cleanup-jobs) cat >"$work/.seed.sql" <<'SQL'
INSERT INTO jobs (id, external_id, source_kind, source_id, company_key, title, url, posted_at, updated_at, status, is_remote_eu, location, description) VALUES
 (1, 'ext-1', 'ashby', 's1', 'acme', 'AI Engineer', 'https://x/1', strftime('%Y-%m-%dT%H:%M:%fZ','now','-40 days'), strftime('%Y-%m-%dT%H:%M:%fZ','now','-20 days'), 'new', 1, 'EU', 'old job'),
 (2, 'ext-2', 'ashby', 's1', 'acme', 'React Developer', 'https://x/2', strftime('%Y-%m-%dT%H:%M:%fZ','now','-45 days'), strftime('%Y-%m-%dT%H:%M:%fZ','now','-1 days'), 'new', 1, 'EU', 'old but recently enhanced'),
 (3, 'ext-3', 'greenhouse', 's2', 'beta', 'Frontend Developer', 'https://x/3', strftime('%Y-%m-%dT%H:%M:%fZ','now','-3 days'), strftime('%Y-%m-%dT%H:%M:%fZ','now','-3 days'), 'new', 1, 'Remote EU', 'fresh job'),
 (4, 'ext-4', 'greenhouse', 's2', 'beta', '[stale]', '', '1970-01-01T00:00:00Z', '1970-01-01T00:00:00Z', 'stale', NULL, NULL, NULL),
 (5, 'ext-5', 'lever', 's3', 'gamma', 'Machine Learning Engineer', 'https://x/5', strftime('%Y-%m-%dT%H:%M:%fZ','now','-60 days'), strftime('%Y-%m-%dT%H:%M:%fZ','now','-50 days'), NULL, 0, 'US', 'old, never updated');
INSERT INTO job_skill_tags (job_id, tag, level, confidence, extracted_at, version) VALUES (1, 'python', 'required', 0.9, '2026-01-01', 'v1'), (1, 'pytorch', 'preferred', 0.8, '2026-01-01', 'v1'), (3, 'react', 'required', 0.9, '2026-01-01', 'v1'), (5, 'python', 'required', 0.7, '2026-01-01', 'v1');
SQL
      ;;
    job-matcher) printf '\n[tool.workers-env.ai.replies]\n"@cf/meta/llama-3.3-70b-instruct-fp8-fast" = %s\n' \
        "'{\"AI Engineer\": 0.95, \"Senior React Developer\": 0.9, \"Accountant\": 0.05}'" >>"$work/pyproject.toml"
      cat >"$work/.seed.sql" <<'SQL'
INSERT INTO jobs (id, external_id, source_kind, source_id, company_key, title, url, posted_at, updated_at, status, is_remote_eu, location, company_id) VALUES
 (1, 'ext-1', 'ashby', 's1', 'acme', 'AI Engineer', 'https://x/1', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z', 'new', 1, 'EU', NULL),
 (2, 'ext-2', 'ashby', 's1', 'acme', 'Senior React Developer', 'https://x/2', '2026-11-21T00:00:00Z', '2026-11-21T00:00:00Z', 'new', 1, 'Remote EU', NULL),
 (3, 'ext-3', 'greenhouse', 's2', 'beta', 'Accountant', 'https://x/3', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z', 'new', 1, 'EU', NULL),
 (4, 'ext-4', 'lever', 's3', 'gamma', 'Machine Learning Engineer', 'https://x/4', '2026-11-23T00:00:00Z', '2026-11-23T00:00:00Z', 'new', 0, 'US', NULL);
INSERT INTO job_skill_tags (job_id, tag, level, confidence, extracted_at, version) VALUES
 (1, 'python', 'required', 0.9, '2026-11-20', 'v1'), (1, 'pytorch', 'preferred', 0.8, '2026-11-20', 'v1'),
 (2, 'react', 'required', 0.9, '2026-11-21', 'v1'), (2, 'typescript', 'required', 0.9, '2026-11-21', 'v1'),
 (3, 'excel', 'required', 0.9, '2026-11-22', 'v1'), (3, 'python', 'preferred', 0.5, '2026-11-22', 'v1'),
 (4, 'python', 'required', 0.9, '2026-11-23', 'v1');
SQL
      ;;
    eu-classifier) local pkgs; pkgs=$(langchain_packages langchain-cloudflare); extra="$pkgs"
      [ "$2" = builtin ] && printf '\n[tool.workers-env]\npython-sdk = "built-in"\n' >>"$work/pyproject.toml"
      printf '\n[tool.workers-env.ai.replies]\n"@cf/qwen/qwen3-30b-a3b-fp8" = %s\n' \
        "'{\"isRemoteEU\": false, \"confidence\": \"medium\", \"reason\": \"Remote without a stated EU scope\"}'" >>"$work/pyproject.toml"
      cat >"$work/.seed.sql" <<'SQL'
INSERT INTO jobs (id, external_id, source_kind, source_id, company_key, title, url, posted_at, updated_at, created_at, status, location, description, country, workplace_type, ashby_is_remote) VALUES
 (1, 'ext-1', 'ashby', 's1', 'acme', 'AI Engineer', 'https://x/1', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z', 'role-match', 'Remote - EU', 'Work remotely from anywhere in the European Union.', 'DE', 'remote', 1),
 (2, 'ext-2', 'greenhouse', 's2', 'beta', 'React Developer', 'https://x/2', '2026-11-21T00:00:00Z', '2026-11-21T00:00:00Z', '2026-11-21T00:00:00Z', 'role-match', 'New York, NY', 'Onsite in New York.', 'US', 'onsite', 0),
 (3, 'ext-3', 'lever', 's3', 'gamma', 'Frontend Developer', 'https://x/3', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z', 'role-match', 'Remote', 'Fully remote role.', NULL, 'remote', NULL);
SQL
      ;;
  esac
  (cd "$work" && for f in .migrations/*.sql; do we d1 execute nomadically-work-db --local --file "$f"; done &&
    we d1 execute nomadically-work-db --local --file .seed.sql) >/dev/null 2>&1
  serve
  case $w in
    cleanup-jobs)
      (cd "$work" && PYTHONPATH="$tree" "$py" -m pytest tests -p no:cacheprovider -o addopts= -q 2>&1 | tail -1 | mask) >"$out/$name.txt"
      { q "$(url)/health"; q "$(url)/stats"; q -X OPTIONS "$(url)/stats"; q -X POST "$(url)/cleanup/run"; q "$(url)/stats"
        q -X POST "$(url)/cleanup"; sleep 7; q "$(url)/stats"; q "$(url)/nope"; q -X POST "$(url)/health"
        q "$(url)/cdn-cgi/handler/scheduled?cron=0+2+*+*+*"; } >>"$out/$name.txt" ;;
    job-matcher)
      { q "$(url)/health"; q "$(url)/"; q -X OPTIONS "$(url)/match-jobs"
        q -X POST "$(url)/match-jobs" --json '{"user_id": "u1", "skills": ["python", "react"]}'
        q -X POST "$(url)/match-jobs" --json '{"user_id": "u1", "skills": ["python", "react"], "limit": 1, "offset": 1}'
        q -X POST "$(url)/match-jobs" --json '{"user_id": "u1", "skills": ["excel"]}'
        q -X POST "$(url)/match-jobs" --json '{"user_id": "u1", "skills": ["cobol"]}'
        q -X POST "$(url)/match-jobs" --json '{"user_id": "", "skills": ["python"]}'
        q -X POST "$(url)/match-jobs" --json '{"user_id": "u1", "skills": ["python"], "limit": "many"}'
        q -X POST "$(url)/match-jobs" -d 'not json'; q "$(url)/match-jobs"; q "$(url)/nope"; } >"$out/$name.txt" ;;
    eu-classifier)
      { q "$(url)/health"; q -X OPTIONS "$(url)/classify"; q "$(url)/classify"
        q -X POST "$(url)/classify-one" --json '{"job_id": 1}'; q -X POST "$(url)/classify-one" --json '{"job_id": 2}'
        q -X POST "$(url)/classify-one" --json '{}'; q -X POST "$(url)/classify" --json '{"limit": 5}'
        q -X POST "$(url)/enqueue" --json '{"limit": 5}'; q "$(url)/cdn-cgi/handler/scheduled?cron=0+*/6+*+*+*"
        (cd "$work" && we d1 execute nomadically-work-db --local --json \
          --command "SELECT id, status, score, score_reason, is_remote_eu FROM jobs ORDER BY id" 2>/dev/null |
          "$py" -c 'import json, sys; [print(r) for r in json.load(sys.stdin)[0]["results"]]'); } >"$out/$name.txt" ;;
  esac
  finish
}

nomadically_pipeline() { # nicolad/nomadically.work ec7995b's process-jobs (D1 + AI + a queue and its consumer + a cron +
  # service bindings) in one `dev -c process-jobs -c eu-classifier` session, eu-classifier in the built-in SDK era (as
  # its author ran it; in the SDK era its D1 reads fail, see nomadically-eu-classifier), ats-crawler (Rust) not run:
  # [not connected]; one scripted qwen3 answer (a function) carrying every key their parsers read
  local base="$scratch/$name" c="ec7995b76ce741a8ca00504bb0e9dced81b158a8" pkgs
  rm -rf "$base" && mkdir -p "$base/replies" || return
  local p; for p in workers/process-jobs workers/eu-classifier migrations; do
    git --git-dir="$mirror/nicolad+nomadically.work/repo" archive "$c" "$p" | tar -x -C "$base" ||
      { echo "$name: no snapshot of nicolad+nomadically.work (fetch github:nicolad/nomadically.work first)" >&2; return 1; }
  done
  rm -f "$base/workers/eu-classifier/python_modules"
  pkgs=$(langchain_packages langchain-cloudflare); extra="$pkgs:$base/replies"
  cat >"$base/replies/hunt54_replies.py" <<'PY'
import json


def qwen(model, inputs):
    return json.dumps({"isFrontendReact": True, "isAIEngineer": False, "isRemoteEU": True,
                       "confidence": "medium", "reason": "scripted",
                       "skills": [{"tag": "react", "level": "required", "confidence": 0.9,
                                   "evidence": "builds the React frontend"}]})
PY
  for p in eu-classifier process-jobs; do
    printf '\n[tool.workers-env.ai.replies]\n"@cf/qwen/qwen3-30b-a3b-fp8" = { function = "hunt54_replies:qwen" }\n' >>"$base/workers/$p/pyproject.toml"
  done
  printf '\n[tool.workers-env]\npython-sdk = "built-in"\n' >>"$base/workers/eu-classifier/pyproject.toml"
  work="$base/workers/process-jobs"
  cat >"$work/.seed.sql" <<'SQL'
INSERT INTO jobs (id, external_id, source_kind, source_id, company_key, title, url, posted_at, updated_at, created_at, status, location, description, country, workplace_type) VALUES
 (1, 'ext-1', 'ashby', 's1', 'acme', 'Senior React Engineer', 'https://x/1', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z', '2026-11-20T00:00:00Z', 'new', 'Remote - Europe', 'Build our React and TypeScript frontend. Remote within the EU.', 'DE', 'remote'),
 (2, 'ext-2', 'remoteok', 's2', 'beta', 'Frontend Developer (React)', 'https://x/2', '2026-11-21T00:00:00Z', '2026-11-21T00:00:00Z', '2026-11-21T00:00:00Z', 'new', 'Remote', 'React, Next.js. Fully remote.', NULL, 'remote'),
 (3, 'ext-3', 'remotive', 's3', 'gamma', 'Accountant', 'https://x/3', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z', '2026-11-22T00:00:00Z', 'new', 'Berlin', 'Bookkeeping.', 'DE', 'onsite');
SQL
  (cd "$work" && for f in "$base"/migrations/*.sql; do we d1 execute nomadically-work-db --local --file "$f"; done &&
    we d1 execute nomadically-work-db --local --file .seed.sql) >/dev/null 2>&1
  serve -c wrangler.jsonc -c ../eu-classifier/wrangler.jsonc
  { q "$(url)/health"; q "$(url)/classify"; q -X POST "$(url)/classify-one" --json '{"job_id": 3}'
    q -X POST "$(url)/classify-one" -d nope; q -X POST "$(url)/process-sync?limit=10"
    q -X POST "$(url)/classify-one" --json '{"job_id": 1}'; q -X POST "$(url)/anything" --json '{"limit": 2}'
    sleep 4; q "$(url)/cdn-cgi/handler/scheduled?cron=0+*+*+*+*"; sleep 30
    (cd "$work" && we d1 execute nomadically-work-db --local --json --command \
      "SELECT j.id, j.status, j.role_frontend_react, j.is_remote_eu, (SELECT group_concat(tag) FROM job_skill_tags t WHERE t.job_id = j.id) AS tags FROM jobs j ORDER BY j.id" 2>/dev/null |
      "$py" -c 'import json, sys; [print(r) for r in json.load(sys.stdin)[0]["results"]]'); } >"$out/$name.txt"
  finish
  grep -a -E "QUEUE |Queue message|Phase|ATS crawler|Match|EU Remote|skills extracted" "$work.dev.log" | mask >>"$out/$name.dev.txt"
}

# --- hunt55: Python Workers with D1, KV, Workers AI, crons, Durable Objects and no Vectorize
# (tools/hunts/python_workers_bindings.md says what each run recorded) ---

ddmask() { sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2}/DATETIME/g; s/"(duration|sql_duration_ms)":[0-9.e-]+/"\1":N/g'; }

guestbook() { # ERA: BigZano/Resume-About-me's D1 guestbook (its worker/ at 7a3e7df: 2026-08-01, built-in SDK and module-level
  # on_fetch by flag, [[rules]] Text wordlists read with open() at module level) rebuilt from the code index -- the stored
  # snapshot predates worker/: GUESTBOOK_DIR holds the read_file texts (ids in python_workers_bindings.md), its 115 kB
  # hashed denylist stood in for by two made-up terms' digests. ERA own, or norules (no [[rules]]: wrangler's default
  # Text rule uploads the .txt files anyway), or flags (the load without each disable_* flag, through load_worker)
  local src=${GUESTBOOK_DIR:-/tmp/hunt55/guestbook-src} f
  work="$scratch/$name"; rm -rf "$work"; mkdir -p "$work/src/data"
  for f in wrangler.toml schema.sql src/entry.py src/matching.py src/normalize.py src/policy.py src/swaps.py \
      src/data/allow.txt src/data/swaps.txt; do
    cp "$src/$f" "$work/$f" 2>/dev/null ||
      { echo "$name: $src/$f missing (write it from the search tool's read_file: python_workers_bindings.md)" >&2; return 1; }
  done
  # the index's character counts show CRLF line ends in these five (the texts it returns have LF)
  for f in wrangler.toml src/policy.py src/normalize.py src/data/allow.txt src/data/swaps.txt; do sed -i 's/\r$//; s/$/\r/' "$work/$f"; done
  "$py" -c 'import hashlib, sys; print("# minlen=3 maxlen=14 substr_minlen=5"); [print(hashlib.sha256(t.encode()).hexdigest()) for t in sys.argv[1:]]' \
    zorgblat fnord >"$work/src/data/blocked.txt"
  printf 'ADMIN_TOKEN=tok123\nRATE_SALT=salty\n' >"$work/.dev.vars"
  if [ "$1" = flags ]; then
    cp "$work/wrangler.toml" "$work/.wrangler.toml.own"
    for f in disable_python_no_global_handlers disable_python_external_sdk; do
      sed "s/, \"$f\"//" "$work/.wrangler.toml.own" >"$work/wrangler.toml"
      (cd "$work" && PYTHONPATH="$tree" "$py" -c '
from workers_env import load_worker
try:
    load_worker(".")
    print("loaded")
except BaseException as e:
    print(type(e).__name__ + ": " + str(e).splitlines()[0][:400])' 2>&1 | tail -1 | sed "s/^/without $f: /" | mask)
    done >"$out/$name.txt"
    return
  fi
  [ "$1" = norules ] && sed -i '/^\[\[rules\]\]/,$d' "$work/wrangler.toml"
  (cd "$work" && we d1 execute guestbook --local --file=./schema.sql) >/dev/null 2>&1
  serve
  local ip='CF-Connecting-IP: 203.0.113.9'
  { q "$(url)/entries"; q -X OPTIONS "$(url)/entries"
    q -X POST "$(url)/entries" --json '{"name": "Ann", "message": "hello, this is a damn fine site"}'
    q -X POST "$(url)/entries" --json '{"name": "Bob", "message": "visit spam.com"}'
    q -X POST "$(url)/entries" --json '{"name": "Zorgblat", "message": "hi"}'
    q -X POST "$(url)/entries" --json '{"name": "Cy", "message": "what the xxfnordxx"}'
    q -X POST "$(url)/entries" --json '[1]'; q -X POST "$(url)/entries" -d nope
    q -X POST "$(url)/entries" --json '{"name": "Dee", "message": "x", "website": "bot"}'
    q "$(url)/entries?limit=abc"; q "$(url)/admin/entries"; q -H 'Authorization: Bearer nope' "$(url)/admin/entries"
    q -H 'Authorization: Bearer tok123' "$(url)/admin/entries"
    q -X POST "$(url)/entries" --json '{"name": "Eve", "message": "fourth"}'
    q -X POST "$(url)/entries" -H "$ip" --json '{"name": "Eve", "message": "fourth"}'
    q -X POST -H 'Authorization: Bearer tok123' "$(url)/admin/entries/2/hide"; q -H 'Authorization: Bearer tok123' "$(url)/admin/entries/2/hide"
    q "$(url)/entries"; q -X POST -H 'Authorization: Bearer tok123' "$(url)/admin/entries/2/unhide"; q "$(url)/entries"
    q -H 'Authorization: Bearer tok123' "$(url)/administrator"; q "$(url)/nope"
    q -X POST "$(url)/entries" -H "$ip" --json "{\"name\": \"$(printf 'x%.0s' $(seq 1 41))\", \"message\": \"m\"}"
    q -X POST "$(url)/entries" -H "$ip" --json "{\"name\": \"Fay\", \"message\": \"$(printf 'y%.0s' $(seq 1 501))\"}"
  } >"$out/$name.txt"
  finish
}

ideabank() { # Barndalion/cf_ai_ideabank 565faef (2026-03-07): a Durable Object chat over Workers AI with assets
  # (run_worker_first); the DO is not emulated, so its routes answer the BindingNotEmulatedError 500
  snapshot Barndalion+cf_ai_ideabank 565faef || return
  serve
  { q "$(url)/"; q "$(url)/app" | head -8; q "$(url)/ideas-page" | head -8; q -X OPTIONS "$(url)/chat"
    q "$(url)/chat?user_id=u1"; q -X POST "$(url)/chat" --json '{"message": "hi"}'; q "$(url)/ideas?user_id=u1"
    q "$(url)/nope"; } >"$out/$name.txt"
  finish
}

mksalin_rest() { # mksalin/CloudFlare_REST_API 0de7963 backend/ (2025-08-14, no pyproject: plain wrangler deploy, built-in SDK): D1
  snapshot mksalin+CloudFlare_REST_API 0de7963 backend || return
  printf 'ADMIN_PASSWORD=pw\n' >"$work/.dev.vars"
  (cd "$work" && we d1 execute my-db --local --file=./scema.sql) >/dev/null 2>&1
  serve
  local k='X-Admin-Key: pw'
  { q "$(url)/"; q -X OPTIONS "$(url)/"; q -X POST "$(url)/" --json '{"message": "hello"}'
    q -X POST -H "$k" "$(url)/" --json '{"message": "hello"}'; q -X POST -H "$k" "$(url)/" --json '{"message": "second"}'
    q "$(url)/anything"; q -X DELETE -H "$k" "$(url)/" --json '{"id": 1}'; q "$(url)/"
    q -X DELETE -H "$k" "$(url)/" --json '{}'; q -X POST -H "$k" "$(url)/" -d nope; q -X PUT "$(url)/"; } | ddmask >"$out/$name.txt"
  finish
}

mcp_d1() { # COMMIT: Backland-Labs/mcp-d1-submissions (2024-12-18, built-in SDK): e29a56f, a Default class's on_fetch (run
  # by an earlier round in the 2025-08-20 era), or 301a3f5, its fetch (what the next commit renamed): its curl and its own tests
  snapshot Backland-Labs+mcp-d1-submissions "$1" || return
  (cd "$work" && we d1 execute mcp-submissions-db --local --file=schema.sql) >/dev/null 2>&1
  serve
  local m="$(url)/mcp"
  { q -X POST "$m" --json '{"jsonrpc": "2.0", "id": 1, "method": "initialize"}'
    q -X POST "$m" --json '{"jsonrpc": "2.0", "id": 2, "method": "tools/list"}' | cut -c1-200
    q -X POST "$m" --json '{"jsonrpc": "2.0", "id": 3, "method": "tools/call", "params": {"name": "submit_project", "arguments": {"team_name": "T", "github_url": "https://github.com/a/b", "problem_statement": "p"}}}'
    q -X POST "$m" --json '{"jsonrpc": "2.0", "id": 4, "method": "tools/call", "params": {"name": "submit_project", "arguments": {"team_name": "T", "github_url": "https://gitlab.com/a/b", "problem_statement": "p"}}}'
    q -X POST "$m" --json '{"jsonrpc": "2.0", "id": 5, "method": "tools/call", "params": {"name": "submit_project", "arguments": {"team_name": " ", "github_url": "https://github.com/a/b", "problem_statement": "p"}}}'
    q -X POST "$m" -d '{"jsonrpc": '; q -X POST "$m" --json '[1]'; q -X POST "$m" --json '{"jsonrpc": "2.0", "id": 6, "method": "nope"}'
    q "$(url)/"; q -X OPTIONS "$m"
    (cd "$work" && PYTHONPATH="$tree:." "$py" -m pytest tests -p no:cacheprovider -o addopts= -q 2>&1 | tail -1 | mask); } >"$out/$name.txt"
  finish
}

feature_voting() { # CORDEA/feature-voting c96bf68 (2024-03-20; js.Response, on_fetch returning un-awaited coroutines): D1
  # (run by hunt35 without a rerun entry)
  snapshot CORDEA+feature-voting c96bf68 || return
  sed 's/<ID>/0f4a5b8e-1111-4222-8333-944455556666/' "$work/wrangler.example.toml" >"$work/wrangler.toml"
  (cd "$work" && we d1 execute feature-voting-dev --local --file=./schema.sql) >/dev/null 2>&1
  serve
  { q "$(url)/posts"; q -X POST "$(url)/posts" --json '{"CreatedAt": "2024-04-20T10:00:00", "Title": "Dark mode", "Body": "Please", "Votes": 0}'
    q -X POST "$(url)/posts" --json '{"CreatedAt": "2024-04-21T10:00:00", "Title": "Export", "Body": "CSV", "Votes": "3"}'
    q "$(url)/posts"; q "$(url)/posts/1"; q "$(url)/posts/9"; q -X POST "$(url)/posts/1/vote"; q -X POST "$(url)/posts/9/vote"
    q "$(url)/posts/1"; q -X POST "$(url)/posts" --json '{"CreatedAt": "nope", "Title": "x", "Body": "y", "Votes": 1}'
    q -X POST "$(url)/posts" -d notjson; q -X POST "$(url)/posts" --json '{"CreatedAt": "2024-04-21T10:00:00", "Title": "", "Body": "y", "Votes": 1}'
    q "$(url)/nope"; } >"$out/$name.txt"
  finish
}

query_d1() { # elizabethsiegle/cf-python-worker-query-d1 0bc8677 (2024-08): module-level on_fetch, Response.json of the whole
  # D1 result; no config in the repository (the 01-hello config of its README, dated 2024-03-29, with its DB binding);
  # its data/csvtosql.py run on a one-quote quotes.csv (its Kaggle file is not in the repository)
  snapshot elizabethsiegle+cf-python-worker-query-d1 0bc8677 || return
  printf 'name = "hello-python"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\ncompatibility_date = "2024-03-29"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "quotes"\ndatabase_id = "0f4a5b8e-1111-4222-8333-944455556666"\n' >"$work/wrangler.toml"
  printf 'quote,author,category\n"It'"'"'s always day one.",Jeff Bezos,work\n' >"$work/data/quotes.csv"
  (cd "$work" && "$py" data/csvtosql.py && we d1 execute quotes --local --file=data/data.sql) >/dev/null 2>&1
  serve
  { q "$(url)/"; q "$(url)/anything"; } | ddmask | sed -E 's/^Content-Length: [0-9]+$/Content-Length: N/' >"$out/$name.txt"
  finish
}

threatfox() { # Hugo-C/threatfox-daily-c2 c5fb614 (2025-07-08, module-level on_fetch and `scheduled`, KV, --env dev): every run
  # fetches threatfox-api.abuse.ch (no network here); its `scheduled` is no handler (run by hunt38 without a rerun entry)
  snapshot Hugo-C+threatfox-daily-c2 c5fb614 || return
  printf 'IOC_CONFIRMED_AUTH_HEADER=h\nTHREAT_FOX_API_AUTH_KEY=k\n' >"$work/.dev.vars"
  serve --env dev
  { q "$(url)/cdn-cgi/handler/scheduled?cron=53+*+*+*+*"; q "$(url)/"; } >"$out/$name.txt"
  finish
}

inventory() { # vahagn-madatyan/inventory-management 8fe5c55 worker/ (2026-03-24, external SDK): FastAPI over KV, seeded
  # as its seed-kv.sh does; every GET compared with its reference FastAPI server (server/main.py, called in-process as an
  # ASGI app) -- same status and JSON; then a restocking order written to KV (run by hunt45 without a rerun entry)
  snapshot vahagn-madatyan+inventory-management 8fe5c55 || return
  local repo=$work k
  work="$repo/worker"
  for k in inventory orders demand_forecasts backlog_items spending transactions purchase_orders restocking_orders; do
    (cd "$work" && we kv key put "data:$k" --path="../server/data/$k.json" --namespace-id=686f63570a3241798376f261c68a564f) >/dev/null 2>&1
  done
  serve
  cat >"$repo/.compare.py" <<'PY'
import asyncio, json, sys, urllib.error, urllib.request
sys.path.insert(0, sys.argv[2] + "/server")
from main import app

PATHS = ["/", "/api/inventory", "/api/inventory?warehouse=San%20Francisco", "/api/inventory?category=circuit%20boards",
         "/api/inventory/1", "/api/inventory/nope", "/api/orders", "/api/orders?month=Q2-2025", "/api/orders?status=Delivered",
         "/api/orders/1", "/api/orders/nope", "/api/demand", "/api/backlog", "/api/dashboard/summary",
         "/api/dashboard/summary?warehouse=Tokyo&month=2025-03", "/api/spending/summary", "/api/spending/monthly",
         "/api/spending/categories", "/api/spending/transactions", "/api/purchase-orders",
         "/api/restocking/recommendations", "/api/restocking/recommendations?budget=5000", "/api/restocking-orders",
         "/api/reports/quarterly", "/api/reports/monthly-trends", "/api/nope", "/api/inventory?warehouse="]

async def reference(target):
    path, _, query = target.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET", "scheme": "http",
             "path": path, "raw_path": path.encode(), "query_string": query.encode(), "root_path": "",
             "headers": [(b"host", b"reference")], "server": ("reference", 80), "client": ("127.0.0.1", 1)}
    sent, got = [], {}
    async def receive():
        return {"type": "http.request", "body": b"", "more_body": False}
    async def send(message):
        sent.append(message)
    await app(scope, receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")

def worker(target):
    try:
        with urllib.request.urlopen(sys.argv[1] + target) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()

same = 0
for target in PATHS:
    (ws, wb), (rs, rb) = worker(target), asyncio.run(reference(target))
    ok = ws == rs and json.loads(wb) == json.loads(rb)
    same += ok
    print(f"{'same' if ok else 'DIFF'} GET {target}: {ws}" + ("" if ok else f" (reference {rs})\n  worker {wb[:300]!r}\n  reference {rb[:300]!r}"))
print(f"{same}/{len(PATHS)} the same as server/main.py")
PY
  { "$py" "$repo/.compare.py" "$(url)" "$repo" 2>&1 | grep -v Warning
    q -X OPTIONS "$(url)/api/inventory" -H 'Origin: http://x' -H 'Access-Control-Request-Method: GET'
    q -X POST "$(url)/api/restocking-orders" --json '{"items": [{"sku": "PCB-001", "name": "x", "quantity": 2, "unit_cost": 60.0, "line_total": 120.0, "source": "demand"}], "total_cost": 120.0, "budget": 1000}'
    q -X POST "$(url)/api/restocking-orders" --json '{"items": []}'
    (cd "$work" && we kv key get data:restocking_orders --namespace-id=686f63570a3241798376f261c68a564f 2>/dev/null; echo); } |
    sed -E 's/RST-[0-9]{4}-/RST-YEAR-/g' | mask >"$out/$name.txt"
  finish
}

balaji() { # ERA: Samyuktha0511/Balaji-Real-Estate 959890c backend/ (2026-06-14 "FastAPI migration", replaced by TypeScript
  # the next day): FastAPI + D1 (+ R2, not emulated), dated 2024-11-01 with a Default class's fetch and the external SDK
  # (its uv.lock). ERA own: as deployed; flag: python_no_global_handlers given to dev, which reaches its routes
  snapshot Samyuktha0511+Balaji-Real-Estate 959890c backend || return
  rm -rf "$work/node_modules"
  local pkgs="$scratch/balaji-packages"
  [ -d "$pkgs/python_multipart" ] || "$py" -m pip install -q --no-deps --target "$pkgs" python-multipart==0.0.34 >/dev/null 2>&1
  local extra="$pkgs"
  (cd "$work" && we d1 migrations apply balaji-real-estate --local) >/dev/null 2>&1
  if [ "$1" = flag ]; then serve --compatibility-flags python_workers --compatibility-flags python_no_global_handlers; else serve; fi
  { q "$(url)/"; q "$(url)/api/listings"; q -X POST "$(url)/api/listings" --json '{"title": "Flat", "price": "1200000.50", "latitude": 12.9}'
    q "$(url)/api/whatsapp/webhook?hub.challenge=abc"; q -X POST "$(url)/api/whatsapp/webhook" --json '{}'
    q -X OPTIONS "$(url)/api/listings" -H 'Origin: http://x' -H 'Access-Control-Request-Method: POST'; } >"$out/$name.txt"
  finish
}

horariostec() { # FerGem33/horariostec 2d21b42 api/ (2026-07-28; workers-runtime-sdk 1.6.8 in its python_modules/): D1, its
  # migrations and a few rows; its routes (an Origin from its ALLOWED_ORIGINS), 30 concurrent catalog reads (it serializes
  # requests on a module-level asyncio.Lock since 5c77cc0), its own tests
  snapshot FerGem33+horariostec 2d21b42 api || return
  cat >"$work/.seed.sql" <<'SQL'
INSERT INTO terms (code, name, is_active) VALUES ('2026-1', 'Enero-Junio 2026', 0), ('2026-2', 'Agosto-Diciembre 2026', 1);
INSERT INTO subjects (career_id, semester, code, name, credits) VALUES (1, 1, 'ACF-0901', 'Calculo Diferencial', 5), (1, 2, 'SCD-1008', 'Fundamentos de Bases de Datos', 5);
INSERT INTO teachers (normalized_name, display_name) VALUES ('martinez lopez ana', 'Ana Martinez Lopez'), ('perez ruiz juan', 'Juan Perez Ruiz');
INSERT INTO sections (term_id, career_id, subject_id, teacher_id, group_name, source_key) VALUES (2, 1, 1, 1, 'A', 'k1'), (2, 1, 2, 2, 'B', 'k2'), (1, 1, 1, 2, 'A', 'k0');
INSERT INTO class_meetings (section_id, day_of_week, start_time, end_time, room) VALUES (1, 1, '07:00', '08:00', 'A1'), (1, 3, '07:00', '08:00', 'A1'), (2, 2, '09:00', '10:00', 'LC2');
INSERT INTO legacy_teacher_summaries (teacher_id, review_count, fair_percent, explains_well_percent, hard_percent, homework_percent, attendance_percent, general_score, source_url) VALUES (1, 4, 75.0, 80.0, 20.0, 50.0, 90.0, 8.5, 'https://x/1');
INSERT INTO legacy_comments (teacher_id, source_id, body, legacy_rating, published_at, source_url) VALUES (1, 's1', 'Muy buena maestra', 9, '2024-05-01', 'https://x/1');
SQL
  (cd "$work" && we d1 migrations apply horariostec --local && we d1 execute horariostec --local --file=.seed.sql) >/dev/null 2>&1
  serve
  local o='Origin: https://horariostec.com' i
  # without an Origin its 403 names the first of a set of its two origins: production's order is fixed (32-bit hashes,
  # PYTHONHASHSEED=111: .com first), the host's changes with each process (README: sets keep the host's order)
  { q "$(url)/api/health" | sed -E 's#^(Access-Control-Allow-Origin: ).*#\1FIRST-OF-SET#'; for p in health v1/terms v1/careers "v1/teachers?search=martinez" "v1/subjects?career=sistemas&term=2026-2" \
      "v1/catalog?career=sistemas" v1/teachers/1 v1/teachers/1/legacy v1/teachers/1/evaluations; do q -H "$o" "$(url)/api/$p"; done
    q -H "$o" -X POST "$(url)/api/v1/teachers/1/evaluations" --json '{"subject_id": null, "global_rating": 92, "answers": {"attendance_weight": 10, "assignments_weight": 30, "exams_weight": 40, "projects_weight": 20, "fairness": 5, "explains": 4, "attitude": 5, "accessibility": 4, "difficulty": 3}, "comment": "Explica claramente y responde dudas."}'
    q -H "$o" "$(url)/api/v1/teachers/1/evaluations"; q -H "$o" "$(url)/api/v1/teachers/1"
    q -H "$o" -X POST "$(url)/api/v1/comments/legacy/1/vote" --json '{"vote": "like", "voter_key": "abcdefabcdefabcdefabcdef"}'
    q -H "$o" -X POST "$(url)/api/v1/teachers/1/evaluations" --json '{"global_rating": 101}'
    q -H "$o" "$(url)/api/v1/teachers/x"; q -H "$o" -X OPTIONS "$(url)/api/v1/terms"; q -H "$o" "$(url)/nope"
    echo "== 30 concurrent GET /api/v1/catalog?career=sistemas"
    for i in $(seq 1 30); do curl -s -o /dev/null -w "%{http_code}\n" -H "$o" "$(url)/api/v1/catalog?career=sistemas" & done | sort | uniq -c; wait
    (cd "$work" && PYTHONPATH="$tree" "$py" -m pytest tests -p no:cacheprovider -o addopts= -q 2>&1 | tail -1 | mask); } | ddmask >"$out/$name.txt"
  finish
}

butler_bot() { # gbsalermo/Butler-bot 34580a4 cloudflare/ (2026-08-14, Python 3.13 by its pyproject; pypdf; external SDK): a
  # Telegram bot -- D1 (its 5 migrations), two alarm Durable Objects (not emulated), a cron every minute; every reply
  # goes to api.telegram.org (no network here). Its own tests import its modules outside a Worker (`js` missing)
  snapshot gbsalermo+Butler-bot 34580a4 cloudflare || return
  local pkgs="$scratch/butler-packages" py="$venvs/3.13.0/bin/python"
  [ -d "$pkgs/pypdf" ] || "$py" -m pip install -q --no-deps --target "$pkgs" pypdf==6.21.4 >/dev/null 2>&1
  local extra="$pkgs"
  printf 'TELEGRAM_BOT_TOKEN=123:abc\n' >"$work/.dev.vars"
  (cd "$work" && we d1 migrations apply butler-db --local) >/dev/null 2>&1
  serve
  { q "$(url)/health" | cut -c1-400; q "$(url)/"; q "$(url)/cdn-cgi/handler/scheduled?cron=*+*+*+*+*"
    q -X POST "$(url)/telegram/webhook" --json '{"update_id": 1, "message": {"message_id": 1, "chat": {"id": 7882764998, "type": "private"}, "from": {"id": 7882764998}, "date": 1796545647, "text": "/start"}}'
    q -X POST "$(url)/telegram/webhook" -d nope
    grep -a "^\[scheduler\]" "$work.dev.log" | sed -E 's/started_at=[^ ]+/started_at=TIME/'
    (cd "$work" && PYTHONPATH="$tree:$pkgs" "$py" -m pytest tests -p no:cacheprovider -o addopts= -q 2>&1 | tail -1 | mask); } >"$out/$name.txt"
  finish
}

bruj0_mcp() { # bruj0/vectorize-mcp-worker-python c3a3b59 (2026-02-15), before its /mcp endpoints were removed: the MCP
  # tool calls (ingest, search, stats, licenses, delete) at SDK 1.2 (its author's era) or the newest SDK (walk60)
  snapshot bruj0+vectorize-mcp-worker-python c3a3b59 || return
  sed 's/YOUR_DATABASE_ID_HERE/0f4a5b8e-1111-4222-8333-944455556666/' "$work/wrangler.toml.example" >"$work/wrangler.toml"
  printf 'API_KEY=test-key\nINTERNAL_SECRET=s3cret\n' >"$work/.dev.vars"
  [ "$1" = sdk12 ] && printf '\n[tool.workers-env]\npython-sdk = "1.2"\n' >>"$work/pyproject.toml"
  (cd "$work" && we d1 execute mcp-knowledge-db --local --file schema.sql &&
    we vectorize create mcp-knowledge-base --dimensions=384 --metric=cosine) >/dev/null 2>&1
  serve
  local a="Authorization: Bearer test-key" c="$(url)/mcp/call"
  { q "$(url)/test"; q -H "$a" "$(url)/mcp/tools" | grep -c '"name": "vectorize"'
    q -X POST -H "$a" "$c" --json '{"tool":"vectorize","arguments":{"operation":"ingest","id":"doc-1","content":"Cloudflare Vectorize is a vector database for semantic search at the edge.","title":"Vectorize","category":"docs"}}'
    q -X POST -H "$a" "$c" --json '{"tool":"vectorize","arguments":{"operation":"ingest","id":"doc-2","content":"Python Workers run on Pyodide, CPython compiled to WebAssembly.","title":"Python Workers"}}'
    q -X POST -H "$a" "$c" --json '{"tool":"vectorize","arguments":{"operation":"search","query":"vector database semantic search","top_k":2}}'
    q -X POST -H "$a" "$c" --json '{"tool":"vectorize","arguments":{"operation":"search","query":"pyodide webassembly","top_k":2,"rerank":true}}'
    q -X POST -H "$a" "$c" --json '{"tool":"vectorize","arguments":{"operation":"stats"}}'
    q -X POST -H "$a" "$c" --json '{"tool":"vectorize","arguments":{"operation":"license_create","email":"a@b.c","plan":"pro"}}'
    q -X POST -H "$a" "$c" --json '{"tool":"vectorize","arguments":{"operation":"license_list"}}'
    q -X POST -H "$a" "$c" --json '{"tool":"vectorize","arguments":{"operation":"delete","id":"doc-1"}}'
    q -X POST -H "$a" "$c" --json '{"tool":"other"}'; q -X POST -H "$a" "$c" -d 'not json'
    q -X POST "$c" --json '{"tool":"vectorize","arguments":{"operation":"stats"}}'
    (cd "$work" && PYTHONPATH="$tree:src" "$venv/bin/python" -m pytest tests -p no:cacheprovider -o addopts= -q 2>&1 | tail -1 | mask); } |
    sed -E 's/"(embeddingTime|vectorSearchTime|keywordSearchTime|rerankerTime|totalTime)": "[0-9]+ms/"\1": "Nms/g; s/"created_at": "[^"]*"/"created_at": "X"/g
      s/^Content-Length: [0-9]+$/Content-Length: N/' >"$out/$name.txt"  # its timings are in its bodies
  finish
}

flavor_ttl() { # FabioDiCeglie/Flavor-Bridge-Engine 05d4c81 backend: the commit before its "expiration_ttl to expirationTtl"
  # fix (14931ec) -- its KV puts' snake_case keyword goes out as an option KV does not read (walk60)
  snapshot FabioDiCeglie+Flavor-Bridge-Engine 05d4c81 backend || return
  (cd "$work" && we vectorize create flavor-bridge-index --dimensions=384 --metric=cosine) >/dev/null 2>&1
  serve
  { curl -s -o /dev/null -w "seed %{http_code}\n" -X POST "$(url)/seed"
    (cd "$work" && API_URL=$(url) "$venv/bin/python" tests/e2e/test_api.py 2>&1 | sed 's/\x1b\[[0-9;]*m//g' | mask)
    q -X POST "$(url)/explain" --json '{"query":"Miso","matches":[{"name":"Soy Sauce","description":"Fermented soybean condiment."}]}'
    grep -a -A1 "UnreadOptionWarning" "$work.dev.log" | mask | sort | uniq -c; } >"$out/$name.txt"
  finish
}

product_vs() { # a product VectorizeService from the code index (no repository named; read_file id 67578728772 is its
  # vectorize_service.py: give it as PRODUCT_VS_FILE) called unchanged by walk60's three-route driver: upsert, search
  # (its `index.query(**options)`), delete (its `index.delete(...)`), in the external SDK's era or the built-in one
  work="$scratch/$name"; rm -rf "$work"; mkdir -p "$work/src"
  cp "${PRODUCT_VS_FILE:-/tmp/walk60/product-vs/src/vectorize_service.py}" "$work/src/vectorize_service.py" ||
    { echo "$name: give PRODUCT_VS_FILE (the search tool's read_file id 67578728772)" >&2; return 1; }
  cat >"$work/src/entry.py" <<'EOF'
from urllib.parse import urlparse, parse_qs
from workers import Response, WorkerEntrypoint
from vectorize_service import VectorizeService

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        url = urlparse(request.url)
        qs = parse_qs(url.query)
        service = VectorizeService(self.env)
        if url.path == "/upsert":
            body = await request.json()
            return Response.json({"ok": await service.upsert_product(body["id"], body["text"], body.get("metadata", {}))})
        if url.path == "/search":
            return Response.json({"results": await service.search(qs.get("q", [""])[0], int(qs.get("k", ["5"])[0]))})
        if url.path == "/delete":
            return Response.json({"ok": await service.delete_product(qs["id"][0])})
        return Response("not found", status=404)
EOF
  printf '{"name": "product-vs", "main": "src/entry.py", "compatibility_date": "%s", "compatibility_flags": ["python_workers"], "ai": {"binding": "AI"}, "vectorize": [{"binding": "VECTORIZE", "index_name": "products"}]}\n' \
    "$([ "$1" = builtin ] && echo 2025-12-01 || echo 2026-05-01)" >"$work/wrangler.jsonc"
  { [ "$1" = builtin ] ||
    printf '[project]\nname = "product-vs"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = []\n[dependency-groups]\ndev = ["workers-py", "workers-runtime-sdk"]\n'
    printf '[tool.workers-env.indexes."products"]\ndimensions = 1024\nmetric = "cosine"\nversion = "v2"\n'; } >"$work/pyproject.toml"
  serve
  { q -X POST "$(url)/upsert" --json '{"id":"p1","text":"red running shoes for trail","metadata":{"category":"shoes"}}'
    q "$(url)/search?q=trail+running+shoes&k=2"; q "$(url)/delete?id=p1"
    grep -a '^{"event"' "$work.dev.log"; } >"$out/$name.txt"
  finish
}

podr() { # a podcast API Worker's Vectorize + AI semantic search, KV flags, rate limit, D1 trends, Cache API and R2/Analytics
  # Engine export (code index, no repository named: the podr package's runtime.py 61164446326, services.py 61140698773,
  # analytics.py 61113122121, cache.py 60992682714 -- give their folder as PODR_DIR), called by walk60's driver with
  # stand-ins for its config.py/validation.py (not in the index); R2 and Analytics Engine supplied by fakes (walk60)
  work="$scratch/$name"; rm -rf "$work"; mkdir -p "$work/src/podr" "$work/migrations"
  local f; for f in runtime services analytics cache; do
    cp "${PODR_DIR:-/tmp/walk60/podr/src/podr}/$f.py" "$work/src/podr/" ||
      { echo "$name: give PODR_DIR holding runtime.py, services.py, analytics.py, cache.py" >&2; return 1; }; done
  local pkgs="$scratch/podr-packages"
  [ -d "$pkgs/httpx" ] || "$py" -m pip install -q --target "$pkgs" httpx >/dev/null 2>&1
  local extra="$pkgs"
  : >"$work/src/podr/__init__.py"
  printf 'EMBEDDING_MODEL = "@cf/baai/bge-base-en-v1.5"\nGENRES = {"1318": "Technology"}\nITUNES = "https://itunes.apple.com"\nPODCAST_INDEX = "https://api.podcastindex.org"\nTTL_DETAIL = 3600\nTTL_SEARCH = 86400\nTTL_TOP = 7200\nSTALE_SECONDS = 600\nWARM_QUERIES = ["python", "news"]\nUPSTREAM_HEADERS = {"User-Agent": "podr"}\n' >"$work/src/podr/config.py"
  printf 'class APIError(Exception):\n    def __init__(self, message, status=400):\n        super().__init__(message)\n        self.status = status\n' >"$work/src/podr/validation.py"
  cat >"$work/src/entry.py" <<'EOF'
from urllib.parse import urlparse, parse_qs
from workers import Response, WorkerEntrypoint
from podr.cache import CircuitBreaker
from podr.runtime import CacheEntry, CloudflareRuntime, FetchResult
from podr.services import Podcasts

circuit = CircuitBreaker()

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        runtime = CloudflareRuntime(self.env, self.ctx)
        service = Podcasts(runtime, circuit)
        url = urlparse(request.url)
        qs = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/seed":
            rows = await request.json()
            emb = runtime.native(await self.env.AI.run(
                "@cf/baai/bge-base-en-v1.5", runtime.options({"text": [r["text"] for r in rows]})))
            vectors = [{"id": r["id"], "values": v, "metadata": r["metadata"]} for r, v in zip(rows, emb["data"])]
            return Response.json(runtime.native(await self.env.VECTORIZE.upsert(runtime.options(vectors))))
        if url.path == "/semantic-search":
            if not await runtime.flag("semanticSearch"):
                return Response("Not found", status=404)
            return Response.json(await service.semantic(qs.get("q", ""), int(qs.get("limit", "10"))))
        if url.path == "/rate":
            return Response.json({"allowed": await runtime.rate_allowed(qs.get("ip", "192.0.2.1"))})
        if url.path == "/track":
            await service.analytics.track_query(qs["q"], qs.get("country"))
            return Response.json({"trending": await service.analytics.trending(10, qs.get("country")),
                                  "suggest": await service.analytics.suggestions(qs["q"][:2], 5)})
        if url.path == "/record":
            await service.analytics.record("semanticSearch", False, 200, 12.5, "LHR", "req-1", resultCount=2)
            return Response.json({"recorded": True})
        if url.path == "/cache":
            key = "https://itunes.apple.com/lookup?id=42"
            await runtime.cache_put(key, CacheEntry(FetchResult('{"resultCount": 0}'), 1700000000.5, 60), 660)
            entry = await runtime.cache_get(key)
            return Response.json(None if entry is None else [entry.response.body, entry.response.status,
                                 entry.response.reason, entry.response.content_type, entry.stored_at, entry.ttl])
        return Response("not found", status=404)

    async def scheduled(self, event):
        await Podcasts(CloudflareRuntime(self.env, self.ctx), circuit).warm()
EOF
  cat >"$work/fakes.py" <<'EOF'
class Lake:  # what the Worker hands them, printed to dev's log
    JS_METHODS = ("put",)
    async def put(self, key, value, options=None):
        print("lake.put", key.split("/")[0], sorted(__import__("json").loads(value)), options)

class Dataset:
    JS_METHODS = ("writeDataPoint",)
    def writeDataPoint(self, point=None):
        print("dataset.writeDataPoint", point)

def lake():
    return Lake()

def dataset():
    return Dataset()
EOF
  printf '{"name": "podr-api", "main": "src/entry.py", "compatibility_date": "2026-05-01", "compatibility_flags": ["python_workers"], "ai": {"binding": "AI"}, "vectorize": [{"binding": "VECTORIZE", "index_name": "podr-podcasts"}], "kv_namespaces": [{"binding": "FLAGS", "id": "0f1e2d3c4b5a69788796a5b4c3d2e1f0"}], "d1_databases": [{"binding": "DB", "database_name": "podr", "database_id": "00000000-0000-0000-0000-000000000001"}], "ratelimits": [{"name": "RATE_LIMITER", "namespace_id": "1001", "simple": {"limit": 2, "period": 60}}], "r2_buckets": [{"binding": "ANALYTICS_LAKE", "bucket_name": "podr-analytics"}], "analytics_engine_datasets": [{"binding": "ANALYTICS", "dataset": "podr"}], "triggers": {"crons": ["*/30 * * * *"]}}\n' >"$work/wrangler.jsonc"
  printf '[project]\nname = "podr-api"\nversion = "0.1.0"\nrequires-python = ">=3.12"\ndependencies = ["httpx"]\n[dependency-groups]\ndev = ["workers-py", "workers-runtime-sdk"]\n[tool.workers-env.bindings]\nANALYTICS_LAKE = "fakes:lake"\nANALYTICS = "fakes:dataset"\n' >"$work/pyproject.toml"
  printf "CREATE TABLE search_queries (query_hash TEXT NOT NULL, query_normalized TEXT NOT NULL, date TEXT NOT NULL, country TEXT NOT NULL DEFAULT '', search_count INTEGER NOT NULL DEFAULT 1, updated_at TEXT, UNIQUE (query_hash, date, country));\n" >"$work/migrations/0001_search_queries.sql"
  (cd "$work" && we vectorize create podr-podcasts --dimensions=768 --metric=cosine && we d1 migrations apply podr --local &&
    we kv key put --binding FLAGS flag:semanticSearch true --local) >/dev/null 2>&1
  serve
  { q -X POST "$(url)/seed" --json '[{"id":"42","text":"python programming podcast about software","metadata":{"title":"Talk Python","description":"Python news","feedUrl":"https://talkpython.fm/rss","rank":1}},{"id":"43","text":"comedy podcast with jokes","metadata":{"title":"Funny Hour","description":123}}]'
    q "$(url)/semantic-search?q=python+software+podcast&limit=99"
    q "$(url)/rate"; q "$(url)/rate"; q "$(url)/rate"
    q "$(url)/track?q=Python%20News&country=gb"; q "$(url)/track?q=python%20news"
    q "$(url)/record"; q "$(url)/cache"
    q "$(url)/cdn-cgi/handler/scheduled?cron=*/30+*+*+*+*" | head -1
    grep -a '^lake.put\|^dataset.write' "$work.dev.log" | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}/DATE/g'; } >"$out/$name.txt"
  finish
}

declare -A run=(
  [bruj0-sdk12]="bruj0 sdk12" [bruj0-newest]="bruj0 newest"
  [rag-seed-query]="rag_seed_query external" [rag-seed-query-builtin]="rag_seed_query builtin"
  [vectorize-rag]="rag_seed_query repo"
  [vector-search]="vector_search external" [vector-search-builtin]="vector_search builtin"
  [classify]="classify external" [classify-builtin]="classify builtin"
  [flavor-bridge]="flavor_bridge" [xampler-vectorize-search]="xampler_vectorize_search"
  [xampler-verifier]="xampler_verifier"
  [agems-rag-api]="agems_rag_api" [planet-cf]="planet_cf"
  [resume-rag-2da4c32]="resume_rag 2da4c32" [resume-rag-2f1ea5c]="resume_rag 2f1ea5c"
  [mahler]="mahler routes" [mahler-memory-2024-12-01]="mahler 2024-12-01"
  [mahler-memory-2025-12-01]="mahler 2025-12-01" [mahler-memory-2026-05-01]="mahler 2026-05-01"
  [course-hero-2025-09-01]="course_hero 2025-09-01" [course-hero-2025-11-05]="course_hero 2025-11-05"
  [langmem-vectorize]="langchain_cf langmem-cloudflare-vectorize external"
  [langmem-vectorize-builtin]="langchain_cf langmem-cloudflare-vectorize builtin"
  [langchain-example]="langchain_cf langchain-cloudflare external"
  [empire-rag]="empire_rag own" [empire-rag-flag]="empire_rag flag"
  [nomadically-cleanup-jobs]="nomadically cleanup-jobs" [nomadically-job-matcher]="nomadically job-matcher"
  [nomadically-eu-classifier]="nomadically eu-classifier sdk" [nomadically-eu-classifier-builtin]="nomadically eu-classifier builtin"
  [nomadically-process-jobs]="nomadically_pipeline"
  [guestbook]="guestbook own" [guestbook-norules]="guestbook norules" [guestbook-flags]="guestbook flags"
  [ideabank]="ideabank" [mksalin-rest-api]="mksalin_rest"
  [mcp-d1-submissions]="mcp_d1 e29a56f" [mcp-d1-submissions-301a3f5]="mcp_d1 301a3f5"
  [feature-voting]="feature_voting" [query-d1]="query_d1" [threatfox]="threatfox" [inventory]="inventory"
  [langgraph-checkpoint-d1]="langchain_cf langgraph-checkpoint-cloudflare-d1 external"
  [balaji-real-estate]="balaji own" [balaji-real-estate-flag]="balaji flag" [horariostec]="horariostec" [butler-bot]="butler_bot"
  [bruj0-mcp-sdk12]="bruj0_mcp sdk12" [bruj0-mcp-newest]="bruj0_mcp newest" [flavor-bridge-ttl]="flavor_ttl"
  [product-vs]="product_vs external" [product-vs-builtin]="product_vs builtin" [podr]="podr"
)
[ $# -gt 0 ] || set -- $(printf '%s\n' "${!run[@]}" | sort)
for name in "$@"; do
  [ -n "${run[$name]:-}" ] || { echo "unknown Worker $name (known: ${!run[*]})" >&2; continue; }
  py=$py311 extra=
  echo "$name ..." >&2
  ${run[$name]}
done
