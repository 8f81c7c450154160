"""Differential check of how the CLI lays out a config's warnings and errors, against wrangler.

Builds configs with several problems at once (unexpected fields, a deprecated field, an unknown
``--env``, bindings an environment does not inherit, warnings plus an error, errors only, syntax
errors; toml and json), then runs each through every command kind that reads a config, on both
sides, each in a fresh copy of the project:

* ``d1 execute|export|migrations list|apply|create`` (``--local``), ``kv key ...`` and
  ``kv bulk ...`` (``--local``), ``vectorize list|get|create``, ``ai models list``,
  ``ai finetune list``: ``wrangler <args>`` against
  ``workers-env <args>``; stdout, stderr and the exit code compared exactly, after removing
  ANSI colours, wrangler's banner (its blank line, `` ⛅️ wrangler 4.164.0`` and the ``───``
  line), its ``🪵  Logs were written to ...`` line (wrangler's debug log file, which
  workers-env does not write), the note under a parse error asking for reports on wrangler's
  issue tracker (with its blank lines: what esbuild prints without the note) and
  ``kv bulk get``'s "open beta command" notice (README: ``workers-env kv`` prints no banner,
  no such notice). Wrangler's ``vectorize`` commands and ``ai models list`` ask the API
  once the config is read (they fail with ``CLOUDFLARE_API_TOKEN``): there only the config's
  warning blocks on stderr are compared; ``ai finetune list``, which workers-env refuses where
  wrangler logs in, is compared whole, both errors read as ``<refused where wrangler logs in>``
  (``ai models list``'s own output is ``ai_models_differential.py``'s).
* ``dev`` (the configs have no ``main``, so both stop early): a config that reads is compared
  by its warning blocks (``Processing ...``) on stderr; a broken one (errors, a parse error, a
  ``-c`` file that cannot be opened) by stdout, stderr and the exit code, as the others.
* mistakes in the command line (:data:`OPTION_ERRORS`: an unknown option or command, a missing
  argument or option value (refused only where wrangler's option has ``requiresArg``, else read
  as yargs reads it, and the command goes on), a bad choice, an option given twice, none or both of two options,
  ``--metadata`` that is no JSON object, an abbreviated option, a non-number for a number
  option), in a project with the ``clean`` config, and ``--remote`` lines (wrangler's login error
  without ``CLOUDFLARE_API_TOKEN`` and workers-env's refusal both read as
  ``<refused where wrangler logs in>``): stderr and the exit code compared exactly;
  stdout up to the help that follows the error compared exactly, the help itself by whose help
  it is (``<help of d1 execute>``): workers-env's help text is argparse's, not wrangler's; a
  "Did you mean" box by the command it suggests (``<did you mean d1 execute DB>``). A ``dev``
  line that wrangler reads and then stops at the missing ``main``: only that both sides went
  past the command line (no help printed) and the exit code.
* wrangler's global options and a command's own before the command, between its words or its
  arguments, words after ``--`` and one-letter option groups (``-vc X``, ``-cwrangler.toml``),
  an empty ``-c``/``-e``, option forms (``--no-x``, ``--x=false``, repeated options and arrays,
  camelCase spellings, unknown options of each shape) and words of a dash and a digit
  (:data:`NUMBER_WORDS` in each of :data:`NUMBER_PLACES`) (:data:`GLOBAL_POSITIONS`: taken,
  ignored or refused as yargs reads them), in a project with the ``clean`` config, compared as
  the mistakes in the command line are.
* option forms (:data:`OPTION_FORMS`, labelled ``option form :: ...``): a boolean option given a
  value other than true/false or given twice, ``--no-NAME`` of an option taking a value (with
  choices too) in each command group, ``--no-X`` of a one-letter alias, ``--help``/``--version``
  given false, ``--cwd`` before an option, a lone ``-_``, three-dash options; and (cli41)
  ``--no-NAME`` of a global option at a command group, words naming no command given twice,
  ``--no-cwd`` beside ``--cwd`` and an empty or missing ``--cwd``, array options spelt
  ``--name=VALUE`` or ``--name=`` last, ``kv ... --no-config`` beside the command's own
  mistakes, empty values (``kv key put k ""``, ``--path=``, a bulk file ``""``, ``dev --port=``,
  ``dev --var=``); (leftovers55) :data:`TEMPORARY_FORMS` (``temporary :: ...``: wrangler's hidden
  ``--temporary`` and ``--event-code`` on the ``d1`` and ``kv`` commands, and on ``vectorize`` and
  ``ai``, which have neither) and :data:`ALIASES` (``alias :: ...``: wrangler 3's ``kv:namespace``
  spellings, ``--x-mode``, ``--preview`` forms, vectorize's ``--deprecated-v1`` at a mistake); compared as
  the mistakes in the command line are (``--no-persist-to``'s state in memory shows in no fresh
  project: tests/test_cli_kv_no_persist_to_is_state_in_memory.py).
  Where wrangler fails with a JavaScript error, its ``If you think this is a bug then please
  create an issue ...`` line is not compared (README: workers-env asks for no bug reports), nor
  workers-env's ``(workers-env: ...)`` line after its error (wrangler has none).
* (cli42) :data:`ODD_SPELLINGS` (``odd spelling :: ...``: a flag given a word, ``--local local``;
  a command's flag with a word before the command's words, ``kv --local x key list``; other odd
  spellings in each command group) and :data:`OUTPUTS` (``output :: ...``: several statements in
  one ``d1 execute --command``, ``--json`` errors, ``kv key list --prefix`` matching none, bulk
  files that are no list of the items wanted, a missing key with ``--text``), compared as the
  mistakes in the command line are; :data:`DEV_ENTRIES` (``dev entry :: ...``: no ``main``, a
  ``main`` not there or naming a folder, after a ``[build]`` command too), compared whole but
  for the JavaScript error wrangler logs before a failed build's own; :data:`SEQUENCES`
  (``state :: A ; B``: commands run one after another in one project, every step compared), each
  run again with the last step by the other tool (``[ours>wrangler]``: workers-env writes the
  ``.wrangler/state`` wrangler reads; ``[wrangler>ours]``), its last step compared with
  wrangler's alone; the ``state shared`` lines count those.
* ``validate``: wrangler has no such command; its stdout must be what wrangler's own reader
  (``unstable_readConfig``) says, un-boxed: the warnings, a blank line, the error, then
  ``<config> is valid.`` when there is no error; exit 1 exactly when the reader throws.

    WORKERS_ENV_WRANGLER_DIR=/tmp/wrangler PYTHONPATH=$PWD python3 tools/wrangler/cli_layout_differential.py \
        [-k SUBSTRING] [--cache FILE] [--cached-only]

``--cache FILE`` keeps wrangler's results between runs (they do not change); it is written as the
answers come (every ten), so a run stopped part-way leaves what it got for the next.
``--cached-only`` runs only the lines whose wrangler answer the cache holds (and ``validate``): a
run that would not end in the time compared on its cached part. Prints each
difference and ``N/M identical``; exit status 0 when all are. Not collected by pytest (it
needs Node and wrangler).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
ANSI = re.compile(r"\x1b\[[0-9;]*m")
#: workers-env's own line after an error saying why (wrangler has none), not compared
HINT = re.compile(r"^\(workers-env: .*\)\n", re.MULTILINE)
DURATION = re.compile(r'"duration": [0-9.e+-]+')  # each side's own timing
#: the JavaScript error (tinyexec's, with its process object) wrangler dev logs before its own
#: error for a build that failed, which workers-env does not copy (README)
EXIT_STATUS = re.compile(r"^✘ \[ERROR\] \w+ \[Error\]: Process exited with non-zero status \(\d+\)\n.*?(?=^✘ \[ERROR\])",
                         re.MULTILINE | re.DOTALL)
#: where a --remote command reaches the account: wrangler's login error without
#: CLOUDFLARE_API_TOKEN (on stderr, or its first sentence in --json's JSON) and workers-env's
#: refusal in its place (README) are both read as this mark
ACCOUNT = "<refused where wrangler logs in>"
LOGIN = re.compile(r"In a non-interactive environment, it's necessary to set a CLOUDFLARE_API_TOKEN .*?"
                   r"assign its value to CLOUDFLARE_API_TOKEN\.(?:\n\n  \n  To continue without logging in, "
                   r"rerun this command with `--temporary`\. Wrangler will use a temporary account and print a claim URL\.)?"
                   # (leftovers55) --temporary: wrangler makes a temporary account over the network there,
                   # offline stopping at its DNS lookup (its terms line before it: strip_wrangler)
                   r"|Unable to resolve Cloudflare's API hostname \(api\.cloudflare\.com or dash\.cloudflare\.com\)\."
                   r".*?Please check your network connection and DNS settings\.", re.DOTALL)
REFUSAL = re.compile(r"workers-env (?:kv )?works on local state only.*?(?:for that|the remote database)\."
                     r"|`(?:d1|kv namespace|ai) [a-z -]+` [^\n]*? workers-env, working offline, does not: [^\n]*")

D1 = '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\ndatabase_id = "00000000-0000-4000-8000-000000000001"\n'
KV = '[[kv_namespaces]]\nbinding = "KV"\nid = "abc123"\n'
VEC = '[[vectorize]]\nbinding = "VEC"\nindex_name = "idx"\n'
BINDINGS = D1 + KV + VEC
BASE = 'name = "layout"\ncompatibility_date = "2025-01-01"\n'

JSON_BINDINGS = {
    "d1_databases": [{"binding": "DB", "database_name": "db", "database_id": "00000000-0000-4000-8000-000000000001"}],
    "kv_namespaces": [{"binding": "KV", "id": "abc123"}],
    "vectorize": [{"binding": "VEC", "index_name": "idx"}],
}

# (name, file name, text, arguments added to each command: --env NAME, -c FILE)
CONFIGS: list[tuple[str, str, str, list[str]]] = [
    ("clean", "wrangler.toml", BASE + BINDINGS, []),
    ("one unexpected field", "wrangler.toml", BASE + "foo = 1\n" + BINDINGS, []),
    ("several warnings (toml)", "wrangler.toml",
     BASE + 'foo = 1\nbar = "x"\nusage_model = "bundled"\n' + BINDINGS.replace('id = "abc123"\n', 'id = "abc123"\nextra = 1\n'),
     []),
    ("several warnings (json)", "wrangler.json", json.dumps({
        "name": "layout", "compatibility_date": "2025-01-01", "foo": 1, "bar": "x", "usage_model": "bundled",
        **JSON_BINDINGS, "kv_namespaces": [{"binding": "KV", "id": "abc123", "extra": 1}]}, indent=2), []),
    ("unknown --env, no envs", "wrangler.toml", BASE + BINDINGS, ["--env", "nope"]),
    ("unknown --env, no envs, other warnings", "wrangler.toml", BASE + "foo = 1\nusage_model = \"bundled\"\n" + BINDINGS,
     ["--env", "nope"]),
    ("unknown --env, envs defined", "wrangler.toml", BASE + "foo = 1\n" + BINDINGS + '[env.staging]\nname = "s"\n', ["--env", "nope"]),
    ("env not inheriting bindings", "wrangler.toml", BASE + BINDINGS + '[env.staging]\nname = "s"\n', ["--env", "staging"]),
    ("env not inheriting, more warnings", "wrangler.toml",
     BASE + "foo = 1\n" + BINDINGS + '[env.staging]\nname = "s"\nqux = 2\n', ["--env", "staging"]),
    ("env inheriting (json), env warnings", "wrangler.json", json.dumps({
        "name": "layout", "compatibility_date": "2025-01-01", **JSON_BINDINGS,
        "env": {"staging": {"name": "s", "qux": 2, **JSON_BINDINGS}}}, indent=2), ["--env", "staging"]),
    ("warnings plus an error", "wrangler.toml", BASE.replace('"layout"', "1") + "foo = 1\n" + BINDINGS, []),
    ("warnings plus errors (json)", "wrangler.json", json.dumps({
        "name": 1, "compatibility_date": "2025-01-01", "foo": 1, "main": 2, **JSON_BINDINGS}, indent=2), []),
    ("errors only", "wrangler.toml", BASE.replace('"layout"', "1") + 'main = 2\n' + BINDINGS, []),
    ("error in env", "wrangler.toml", BASE + BINDINGS + '[env.staging]\nname = 2\n' + BINDINGS.replace("[[", "[[env.staging."),
     ["--env", "staging"]),
    ("toml syntax error", "wrangler.toml", BASE + "main = \n" + BINDINGS, []),
    ("json syntax error", "wrangler.json", '{\n  "name": "x" "main": "a.py"\n}\n', []),
    ("-c naming no file", "wrangler.toml", BASE + "foo = 1\n" + BINDINGS, ["-c", "nope.toml"]),
    # a parse error names a -c file as typed (not normalised, not absolute)
    ("toml syntax error, -c ./", "wrangler.toml", BASE + "main = \n" + BINDINGS, ["-c", "./wrangler.toml"]),
    # smol-toml's depth limit, at the bracket past it (tomllib's own recursion stops sooner)
    ("toml nested too deep", "wrangler.toml", BASE + "a = " + "[" * 1100 + "]" * 1100 + "\n" + BINDINGS, []),
]

# (kind, argv) -- kind: d1, kv, vectorize
COMMANDS: list[tuple[str, list[str]]] = [
    ("d1", ["d1", "execute", "DB", "--local", "--command", "select 1 as one"]),
    ("d1", ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--json"]),
    ("d1", ["d1", "execute", "NOPE", "--local", "--command", "select 1"]),
    ("d1", ["d1", "export", "DB", "--local", "--output", "out.sql"]),
    ("d1", ["d1", "migrations", "list", "DB", "--local"]),
    ("d1", ["d1", "migrations", "apply", "DB", "--local"]),
    ("d1", ["d1", "migrations", "create", "DB", "first"]),
    ("kv", ["kv", "key", "put", "k", "v", "--binding", "KV", "--local"]),
    ("kv", ["kv", "key", "get", "k", "--binding", "KV", "--local"]),
    ("kv", ["kv", "key", "get", "k", "--binding", "NOPE", "--local"]),
    ("kv", ["kv", "key", "list", "--binding", "KV", "--local"]),
    ("kv", ["kv", "key", "delete", "k", "--binding", "KV", "--local"]),
    ("kv", ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local"]),
    ("kv", ["kv", "bulk", "get", "keys.json", "--binding", "KV", "--local"]),
    ("kv", ["kv", "bulk", "delete", "keys.json", "--binding", "KV", "--local", "--force"]),
    ("vectorize", ["vectorize", "list"]),
    ("vectorize", ["vectorize", "get", "idx"]),
    ("vectorize", ["vectorize", "create", "idx2", "--dimensions", "3", "--metric", "cosine"]),
    ("dev", ["dev"]),  # no "main" in these configs: both stop after the config's report
    ("ai", ["ai", "models", "list"]),
    ("ai", ["ai", "finetune", "list"]),
]

# mistakes in the command line, run where the "clean" config is (README: "A usage mistake")
OPTION_ERRORS: list[list[str]] = [
    ["d1", "execute"],
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--bogus"],
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--bogus", "x", "--other-thing"],
    ["d1", "execute", "DB", "--local", "--comm", "select 1"],  # yargs takes no abbreviation
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--command", "select 2"],
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--persist-to"],
    ["d1", "migrations", "create", "DB"],
    ["d1", "migrations", "apply", "DB", "--local", "--bogus"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--compatibility", "bogus"],
    ["d1", "export", "DB", "--local"],
    ["d1", "bogus"],
    ["d1", "migrations", "bogus"],
    ["kv", "key", "get"],
    ["kv", "key", "get", "k", "--binding", "KV", "--local", "--bogus"],
    ["kv", "key", "put", "k"],
    ["kv", "key", "put", "k", "v", "--local"],
    ["kv", "key", "get", "k", "--binding", "KV", "--namespace-id", "abc123", "--local"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata", "{"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata", "[1]"],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local", "--metadata", "{"],
    ["kv", "key", "put", "k", "v", "--remote", "--metadata", "{"],  # yargs' coerce: before all else
    # --remote: refused where wrangler goes to the account, after the same checks, lookup and reading
    ["kv", "key", "put", "k", "v", "--remote"],
    ["kv", "key", "put", "k", "--remote", "--binding", "KV"],
    ["kv", "key", "get", "k", "--binding", "KV", "--namespace-id", "abc123", "--remote"],
    ["kv", "key", "put", "k", "v", "--remote", "--local", "--binding", "KV"],
    ["kv", "key", "get", "k", "--remote", "--binding", "NOPE"],
    ["kv", "key", "delete", "k", "--remote"],
    ["kv", "bulk", "put", "missing.json", "--remote", "--binding", "KV"],
    ["kv", "key", "put", "k", "v", "--remote", "--binding", "KV", "--preview"],
    ["kv", "key", "put", "k", "--path", "nofile", "--remote", "--binding", "KV"],
    # d1 --remote: refused where wrangler logs in (its requireAuth), after the same checks and lines
    ["d1", "execute", "DB", "--remote"],
    ["d1", "execute", "DB", "--remote", "--local", "--command", "select 1"],
    ["d1", "execute", "DB", "--remote", "--local"],
    ["d1", "execute", "DB", "--remote", "--local", "--json"],
    ["d1", "execute", "DB", "--remote", "--local", "--command", "select 1", "--json"],
    ["d1", "execute", "DB", "--remote", "--command", "select 1"],
    ["d1", "execute", "DB", "--remote", "--command", "select 1", "--json"],
    ["d1", "execute", "NOPE", "--remote", "--command", "select 1"],
    ["d1", "execute", "DB", "--remote", "--file", "nope.sql"],
    ["d1", "execute", "DB", "--remote", "--file", "migrations/0001_init.sql"],
    ["d1", "execute", "DB", "--remote", "--file", "migrations/0001_init.sql", "--json"],
    ["d1", "execute", "DB", "--remote", "--command", "select 1", "--file", "migrations/0001_init.sql"],
    ["d1", "execute", "DB", "--remote", "--command", "select 1", "--persist-to", "st"],
    ["d1", "execute", "DB", "--remote", "--preview", "--command", "select 1"],
    ["d1", "export", "DB", "--remote", "--output", "o.sql"],
    ["d1", "export", "DB", "--remote", "--output", "o.sql", "-y"],
    ["d1", "export", "NOPE", "--remote", "--output", "o.sql", "-y"],
    ["d1", "export", "DB", "--remote", "--local", "--output", "o.sql"],
    ["d1", "export", "DB", "--local", "--remote", "--output", "o.sql"],
    ["d1", "export", "DB", "--remote", "--output", "o.sql", "--no-schema", "--no-data"],
    ["d1", "export", "DB", "--remote", "--output", "o.sql", "--compatibility", "sqlite3_cli_only", "--no-data"],
    ["d1", "export", "DB", "--remote", "--output", "o.sql", "--compatibility", "sqlite3_cli_only", "-y"],
    ["d1", "export", "DB", "--remote", "--output", "migrations"],
    ["d1", "migrations", "list", "DB", "--remote"],
    ["d1", "migrations", "list", "NOPE", "--remote", "--local"],
    ["d1", "migrations", "list", "DB", "--remote", "--persist-to", "st"],
    ["d1", "migrations", "apply", "DB", "--remote"],
    ["d1", "migrations", "apply", "NOPE", "--remote"],
    ["d1", "migrations", "apply", "DB", "--remote", "--local"],
    ["d1", "migrations", "apply", "DB", "--remote", "--local", "--persist-to", "st"],
    ["d1", "migrations", "apply", "DB", "--remote", "--persist-to", "st"],
    ["d1", "migrations", "apply", "DB", "--remote", "--preview"],
    ["d1", "migrations", "create", "DB", "first", "--remote"],
    ["d1", "migrations", "create", "DB", "first", "--local"],
    # a flag given false is given (yargs): wrangler's isLocal, and its conflicts whatever the values
    ["d1", "execute", "DB", "--command", "select 1", "--no-local"],
    ["d1", "execute", "DB", "--command", "select 1", "--local=false"],
    ["d1", "execute", "DB", "--command", "select 1", "--no-remote"],
    ["d1", "execute", "DB", "--command", "select 1", "--no-local", "--no-remote"],
    ["d1", "execute", "DB", "--command", "select 1", "--no-local", "--remote"],
    ["d1", "export", "DB", "--output", "o.sql", "--no-local"],
    ["d1", "export", "DB", "--output", "o.sql", "--local", "--no-remote"],
    ["d1", "export", "DB", "--output", "o.sql", "--no-remote", "--local"],
    ["d1", "export", "DB", "--output", "o.sql", "--no-local", "--no-remote"],
    ["d1", "migrations", "list", "DB", "--no-local"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--no-local"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local=false"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--no-remote"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-remote"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--no-local", "--no-remote"],
    ["kv", "key", "get", "k", "--binding", "KV", "--no-local"],
    ["kv", "key", "list", "--binding", "KV", "--no-local"],
    ["kv", "bulk", "put", "missing.json", "--binding", "KV", "--no-local"],
    ["kv", "key", "delete", "k", "--binding", "KV", "--local", "--remote=false"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--prefix"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--binding", "KV"],
    ["kv", "bulk", "put", "--binding", "KV", "--local"],
    ["kv", "bogus"],
    ["kv", "key", "bogus"],
    ["vectorize", "create", "foo", "--dimensions", "abc", "--metric", "cosine"],
    ["vectorize", "create", "foo", "--dimensions", "3", "--metric", "bogus"],
    ["vectorize", "query", "idx", "--vector", "1", "--bogus"],
    ["vectorize", "query", "idx", "--vector", "1", "--return-metadata", "bogus"],
    ["vectorize", "query", "idx", "--vector", "1", "--top-k", "1", "--top-k", "2"],
    ["vectorize", "create-metadata-index", "idx", "--propertyName", "x"],
    ["vectorize", "insert", "idx"],
    ["vectorize", "get"],
    ["vectorize", "list", "--json", "--bogus"],
    ["vectorize", "bogus"],
    ["dev", "--bogus"],
    ["dev", "extra1", "extra2"],
    ["dev", "--env-file"],
    ["d1", "exectue", "DB", "--local", "--command", "select 1"],  # wrangler's "Did you mean" box
    ["d1", "migrations", "aply", "DB", "--local"],
    ["kv", "ky", "get", "k", "--binding", "KV", "--local"],
    ["vectorize", "crate", "foo", "--dimensions", "3", "--metric", "cosine"],
    ["vectorise", "list"],
    ["kv", "namespaces", "list", "--binding", "KV"],
    ["d1", "bogus", "DB", "--local", "--persist-to", "st", "-c", "wrangler.toml"],
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--cwd"],
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--cwd", ".", "--cwd", "."],
    # an option with no value after it: "Not enough arguments following" only where wrangler has
    # requiresArg; any other reads as its default, "" or undefined, and the command goes on
    ["dev", "--port"],
    ["dev", "--ip"],
    ["dev", "--ip", "--port"],
    ["dev", "--var"],
    ["dev", "--persist-to"],
    ["dev", "-c"],
    ["dev", "-e"],
    ["vectorize", "create", "idx", "--dimensions"],
    ["vectorize", "create", "idx", "--dimensions", "3", "--metric"],
    ["vectorize", "create", "idx", "--metric"],
    ["vectorize", "create", "idx", "--preset"],
    ["vectorize", "create", "idx", "--description"],
    ["vectorize", "create", "idx", "--binding"],
    ["vectorize", "create", "idx", "--preset", "--json"],
    ["vectorize", "insert", "idx", "--file"],
    ["vectorize", "upsert", "idx", "--file", "--batch-size", "10"],
    ["vectorize", "insert", "idx", "--batch-size"],
    ["vectorize", "query", "idx", "--top-k"],
    ["vectorize", "query", "idx", "--return-metadata"],
    ["vectorize", "query", "idx", "--namespace"],
    ["vectorize", "query", "idx", "--filter"],
    ["vectorize", "get-vectors", "idx", "--ids"],
    ["vectorize", "delete-vectors", "idx", "--ids"],
    ["vectorize", "create-metadata-index", "idx", "--property-name"],
    ["vectorize", "create-metadata-index", "idx", "--type"],
    ["vectorize", "create-metadata-index", "idx", "--type", "bogus"],
    ["vectorize", "create-metadata-index", "idx", "--property-name", "x", "--type"],
    ["vectorize", "get", "idx", "--env"],
    ["vectorize", "list", "-c"],
    ["d1", "execute", "DB", "--local", "--command"],
    ["d1", "execute", "DB", "--local", "--file"],
    ["d1", "execute", "DB", "--local", "--file", "--json"],
    ["d1", "export", "DB", "--local", "--output"],
    ["d1", "export", "DB", "--local", "--table"],
    ["d1", "export", "DB", "--local", "--compatibility"],
    ["d1", "migrations", "list", "DB", "--local", "--persist-to"],
    ["d1", "migrations", "apply", "DB", "--local", "-e"],
    ["kv", "key", "put", "k", "v", "--local", "--binding"],
    ["kv", "key", "put", "k", "v", "--local", "--namespace-id"],
    ["kv", "key", "put", "k", "--binding", "KV", "--local", "--path"],
    ["kv", "key", "put", "k", "v", "--local", "--persist-to"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--ttl"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--expiration"],
    ["kv", "key", "get", "k", "--binding", "KV", "--local", "--persist-to"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--persist-to"],
    ["kv", "key", "delete", "k", "--local", "--persist-to"],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local", "--metadata"],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local", "--ttl"],
    ["kv", "bulk", "get", "keys.json", "--local", "--namespace-id"],
    ["kv", "bulk", "delete", "keys.json", "--binding", "KV", "--local", "--force", "--persist-to"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-c"],
    ["vectorize", "create", "idx", "--dimensions", "--metric", "cosine"],
    ["vectorize", "create", "idx", "--preset", "--dimensions", "3", "--metric", "cosine"],
    ["d1", "execute", "DB", "--local", "--file", "--command", "select 1 as one"],
    ["d1", "execute", "DB", "--local", "--command", "--file", "nope.sql"],
    ["d1", "execute", "DB", "--local", "--command", "--json"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--table"],
    ["kv", "key", "put", "k", "--binding", "KV", "--local", "--metadata"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--ttl", "--expiration"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--persist-to", "--prefix", "a"],
    # ai: wrangler 4's `ai models [list|schema]` and `ai finetune list|create`
    ["ai"],
    ["ai", "finetune"],
    ["ai", "bogus"],
    ["ai", "models", "bogus"],
    ["ai", "models", "--json"],
    ["ai", "models", "list", "--bogus"],
    ["ai", "models", "list", "--json", "--search", "a", "--search", "b"],
    ["ai", "models", "list", "-c"],
    ["ai", "models", "schema"],
    ["ai", "finetune", "create", "m", "f"],
    ["ai", "finetune", "list", "--bogus"],
    ["ai", "modles", "list"],
    ["ai", "finetune", "lst"],
    # what needs Cloudflare's service: refused where wrangler logs in
    ["ai", "models", "schema", "@cf/baai/bge-m3"],
    ["ai", "finetune", "list"],
    ["ai", "finetune", "list", "--json"],
    ["ai", "finetune", "create", "@cf/mistral/mistral-7b-instruct-v0.2-lora", "ft", "assets"],
]

# wrangler's global options, and a command's own, anywhere on the line (README: "Options anywhere
# on the line"): each level of the command is the next word yargs leaves over with only the
# global options known, where any other option takes the word after it; run and compared as
# the OPTION_ERRORS lines are (the "clean" config)
#: words that look like negative numbers, each tried where a value goes (NUMBER_PLACES)
NUMBER_WORDS = ["-.5", "-1.", "-1e5", "-0x10", "-Infinity", "-NaN", "-1_000", "-2e-3", "-1.5", "-1.5e3", "-07"]
#: (a line, where the word goes in it): a positional, a text option's value, an array option's
#: value (before --bogus, so that wrangler refuses the line before it asks the API), a last word
NUMBER_PLACES: list[tuple[list[str], int]] = [
    (["kv", "key", "put", "k", "--binding", "KV", "--local"], 4),
    (["kv", "key", "list", "--binding", "KV", "--local", "--prefix"], 7),
    (["vectorize", "query", "idx", "--vector", "1", "--bogus"], 4),
    (["d1", "execute", "DB", "--local", "--json", "--command"], 6),
]

GLOBAL_POSITIONS: list[list[str]] = [
    ["-c", "wrangler.toml", "kv", "key", "list", "--binding", "KV", "--local"],
    ["kv", "-c", "wrangler.toml", "key", "list", "--binding", "KV", "--local"],
    ["kv", "key", "-c", "wrangler.toml", "list", "--binding", "KV", "--local"],
    ["-e", "nope", "kv", "key", "list", "--binding", "KV", "--local"],
    ["--persist-to", "st", "kv", "key", "list", "--binding", "KV", "--local"],
    ["--binding", "KV", "kv", "key", "list", "--local"],
    ["kv", "key", "put", "k", "--local", "v", "--binding", "KV"],
    ["--local", "kv", "key", "list", "--binding", "KV"],
    ["kv", "key", "--local", "list", "--binding", "KV"],
    ["--bogus", "kv", "key", "list", "--binding", "KV", "--local"],
    ["kv", "--bogus", "key", "list", "--binding", "KV", "--local"],
    ["--local=true", "kv", "key", "list", "--binding", "KV"],
    ["--local", "true", "kv", "key", "list", "--binding", "KV"],
    ["--no-local", "kv", "key", "list", "--binding", "KV"],
    ["-c", "kv", "key", "list", "--binding", "KV", "--local"],
    ["-c", "wrangler.toml", "kv", "key", "list", "--binding", "KV", "--local", "-c", "wrangler.toml"],
    ["-c", "nope.toml", "kv", "key", "list", "--binding", "KV", "--local"],
    ["kv", "-c", "wrangler.toml"],
    ["-c", "wrangler.toml", "kv"],
    ["d1", "-c", "wrangler.toml"],
    ["kv", "-v", "key", "list", "--binding", "KV", "--local"],
    ["vectorize", "-v"],
    ["--help", "kv", "key", "list"],
    ["kv", "--help", "key", "list"],
    ["-c", "wrangler.toml", "d1", "execute", "DB", "--local", "--command", "select 1 as one"],
    ["--command", "select 1 as one", "d1", "execute", "DB", "--local"],
    ["d1", "--persist-to", "st", "execute", "DB", "--local", "--command", "select 1 as one"],
    ["d1", "--local", "execute", "DB", "--command", "select 1 as one"],
    ["--json", "d1", "execute", "DB", "--local", "--command", "select 1 as one"],
    ["-e", "staging", "d1", "migrations", "list", "DB", "--local"],
    ["d1", "migrations", "-e", "staging", "list", "DB", "--local"],
    ["vectorize", "--bogus", "create", "idx2", "--dimensions", "3", "--metric", "cosine"],
    ["-c", "nope.toml", "vectorize", "create", "idx2", "--dimensions", "3", "--metric", "cosine"],
    ["ai", "--json", "models", "list"],
    ["ai", "-c", "nope.toml", "models"],
    ["--profile", "p", "kv", "key", "get", "k", "--binding", "KV", "--local"],
    ["kv", "key", "get", "k", "--binding", "KV", "--local", "--profile"],
    ["--x-auto-create", "kv", "key", "get", "k", "--binding", "KV", "--local", "--x-provision=false"],
    ["--env-file", "wrangler.toml", "kv", "key", "list", "--binding", "KV", "--local"],
    ["--env-file=wrangler.toml", "kv", "key", "list", "--binding", "KV", "--local"],
    ["kv", "key", "list", "--env-file", "wrangler.toml", "keys.json", "--binding", "KV", "--local"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--env-file"],
    # the words after `--`: no command's arguments (README: "Words after --")
    ["kv", "key", "put", "--binding", "KV", "--local", "--", "-x", "y"],
    ["kv", "key", "put", "k", "--binding", "KV", "--local", "--", "v"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--", "foo"],
    ["kv", "key", "--", "list", "--binding", "KV", "--local"],
    ["kv", "--", "bogus"],
    ["--", "kv", "key", "list", "--binding", "KV", "--local"],
    ["--", "kvv"],
    ["--", "kv"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--", "extra"],
    ["d1", "execute", "--", "DB", "--local", "--command", "select 1 as one"],
    ["vectorize", "query", "idx", "--", "--vector", "1", "2"],
    # one-letter option groups, as yargs' short-option-groups reads them
    ["kv", "key", "list", "--binding", "KV", "--local", "-vc", "wrangler.toml"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-c=wrangler.toml"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-cwrangler.toml"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-estaging"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-cv", "wrangler.toml"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-xc", "wrangler.toml"],
    ["-vc", "wrangler.toml", "kv", "key", "list", "--binding", "KV", "--local"],
    ["d1", "execute", "DB", "--local", "-yc", "wrangler.toml", "--command", "select 1 as one"],
    # an empty -c is no config (wrangler's readConfig reads "" as none, not searched for); an empty
    # -e the top-level environment, whatever CLOUDFLARE_ENV says
    ["kv", "key", "list", "--binding", "KV", "--local", "-c", ""],
    ["-c", "", "kv", "key", "list", "--binding", "KV", "--local"],
    ["kv", "key", "list", "--namespace-id", "abc123", "--local", "--config="],
    ["kv", "key", "list", "--binding", "KV", "--local", "-c="],
    ["kv", "key", "put", "k", "v", "--namespace-id", "abc123", "--local", "--config", ""],
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--config", ""],
    ["d1", "migrations", "list", "DB", "--local", "-c", ""],
    ["dev", "-c", ""],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "-e", ""],
    ["-e", "", "kv", "key", "list", "--binding", "KV", "--local"],
    ["d1", "execute", "DB", "--local", "--command", "select 1", "--env="],
    # option forms: --no-NAME, NAME=true/false, repeated options and arrays, camelCase spellings,
    # a positional given as an option, unknown options of each shape (yargs' strict-mode texts);
    # measured and left out, README "Where we had to choose": `--json=1` and `--local=yes` (yargs'
    # false, refused here) and `--no-command` (yargs' `command` given false)
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--no-json"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--json=false"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--json=true"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--json", "false"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--json", "--json"],
    ["d1", "execute", "DB", "--local", "--local", "--command", "select 1 as one"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--no-bogus"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--bogus=1"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--bogus.x", "1"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "-z"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--Local"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "--persistTo", "st"],
    ["d1", "execute", "--database", "DB", "--local", "--command", "select 1 as one"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "extra", "extra"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as one", "1.0", "0x10", "07", "-.5", "1e3"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--table", "t", "--table", "u", "--bogus"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--no-data=false", "--no-schema=1"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--no-schema=true"],
    ["kv", "key", "get", "--key", "k", "--binding", "KV", "--local"],
    ["kv", "key", "put", "k", "v", "--namespaceId", "abc123", "--local"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--persistTo", "st"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--prefix", "a", "--prefix", "b"],
    ["kv", "key", "list", "--binding", "KV", "--local", "a", "a"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-local"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--bogus=1", "--other"],
    ["kv", "key", "put", "k", "--bogus=1", "v", "--binding", "KV", "--local"],
    ["kv", "key", "put", "k", "--bogus", "x", "v", "--binding", "KV", "--local"],
    ["kv", "bulk", "delete", "keys.json", "--binding", "KV", "--local", "--force=false"],
    ["kv", "bulk", "delete", "keys.json", "--binding", "KV", "--local", "--no-force"],
    ["kv", "bulk", "delete", "keys.json", "--binding", "KV", "--local", "-f"],
    ["vectorize", "query", "idx", "--vector", "1", "--vector", "2", "--bogus"],
    ["vectorize", "query", "idx", "--vector", "1", "--topK", "2", "--bogus"],
    ["vectorize", "query", "idx", "--vector", "1", "--returnMetadata", "bogus"],
    ["vectorize", "get-vectors", "idx", "--ids", "a", "--ids", "b", "--bogus"],
    ["vectorize", "create", "idx2", "--dimensions", "3", "--metric", "cosine", "--dimensions", "4"],
    ["vectorize", "query", "idx", "--vector", "1", "--no-returnValues", "--bogus"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--persistTo"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-bogus-thing"],
    ["-z", "kv", "key", "list", "--binding", "KV", "--local"],
    ["--no-json", "kv", "key", "list", "--binding", "KV", "--local"],
    ["--bogus=1", "kv", "key", "list", "--binding", "KV", "--local"],
    ["--envFile", "wrangler.toml", "kv", "key", "list", "--binding", "KV", "--local"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--version"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--cwd=."],
    # a word starting with "-" and a digit or a dot: yargs' negative number (/^-([0-9]+(\.[0-9]+)?|\.[0-9]+)$/)
    # is a value; any other such word is a group of one-letter options (`-1e5` is `-1 -e 5`)
    *([*line[:at], word, *line[at:]] for word in NUMBER_WORDS for line, at in NUMBER_PLACES),
]

#: session 40's lines: a boolean option given a value other than true/false (yargs reads every
#: string but `true` as false), `--no-NAME` of an option taking a value (yargs gives it false),
#: three-dash options, a lone `-_`, `--cwd` before an option; labelled ``option form :: ...``
#: (``-k "option form"`` runs these alone). Measured and left out (README "Where we had to
#: choose"): `-c NAME` with no .toml/.json/.jsonc suffix (wrangler reads no config), `--env-file=`
#: (Node's `node: : not found`, exit 9), `kv key list --no-prefix` (wrangler's `[` and `]` on two
#: lines), `dev -c A -c B` (wrangler runs both Workers in one session, as workers-env dev does since
#: session 44: not a layout line, measured with two Workers, README "Another of your Workers as a service binding")
SELECT = ["--command", "select 1 as one"]
OPTION_FORMS: list[list[str]] = [
    ["d1", "execute", "DB", "--local", *SELECT, "--json=1"],
    ["d1", "execute", "DB", "--local", *SELECT, "--json=TRUE"],
    ["d1", "execute", "DB", "--local", *SELECT, "--json="],
    ["d1", "execute", "DB", "--local=yes", *SELECT],
    ["d1", "execute", "DB", "--remote=no", *SELECT],
    ["d1", "export", "DB", "--local=1", "--output", "o.sql"],
    ["d1", "migrations", "list", "DB", "--local=yes"],
    ["kv", "key", "list", "--binding", "KV", "--local=yes"],
    ["kv", "key", "list", "--binding", "KV", "--local="],
    ["kv", "key", "list", "--binding", "KV", "--remote=yes"],
    ["kv", "key", "list", "--binding", "KV", "--remote=no"],
    ["kv", "key", "get", "a", "--binding", "KV", "--local", "--preview=yes"],
    ["kv", "bulk", "delete", "keys.json", "--binding", "KV", "--local", "--force=yes"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--install-skills=yes"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--x-provision=1"],
    ["vectorize", "query", "idx", "--vector", "1", "--return-values=1", "--bogus"],
    ["dev", "--remote=yes"],
    ["dev", "--local=no"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-env"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-config"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-persist-to"],
    ["kv", "key", "list", "--local", "--no-binding"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-cwd"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-env-file"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-profile"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-namespace-id"],
    ["kv", "key", "get", "a", "--binding", "KV", "--local", "--no-binding", "--namespace-id", "abc123"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-metadata"],
    ["kv", "key", "put", "k", "--binding", "KV", "--local", "--no-path"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-ttl"],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local", "--no-persist-to"],
    ["d1", "execute", "DB", "--local", "--no-command"],
    ["d1", "execute", "DB", "--local", "--no-file"],
    ["d1", "execute", "DB", "--local", *SELECT, "--no-command"],
    ["d1", "execute", "DB", "--local", *SELECT, "--no-persist-to"],
    ["d1", "migrations", "list", "DB", "--local", "--no-persist-to"],
    ["d1", "export", "DB", "--local", "--no-output"],
    ["dev", "--no-port"],
    ["dev", "--no-persist-to"],
    ["dev", "--no-env"],
    ["dev", "--no-config"],
    ["dev", "--no-var"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--cwd", "--foo"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-_"],
    ["kv", "key", "list", "---binding", "KV", "--local"],
    ["kv", "key", "list", "--local", "---binding", "KV", "---zzz"],
    # review44: two spellings of one boolean (the last wins), --no-NAME in more command groups
    ["d1", "execute", "DB", "--local", *SELECT, "--json", "--json=false"],
    ["d1", "execute", "DB", "--local", *SELECT, "--json", "--no-json"],
    ["d1", "execute", "DB", "--local", *SELECT, "--json=false", "--json"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--local=false"],
    ["kv", "key", "list", "--binding", "KV", "--local=false", "--local"],
    ["kv", "key", "list", "--binding", "KV", "--no-local", "--local"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-local"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-persist-to"],
    ["kv", "bulk", "get", "keys.json", "--binding", "KV", "--local", "--no-persistTo"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--noPersistTo"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-persist-to=x"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-prefix=a"],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local", "--no-binding"],
    ["d1", "migrations", "apply", "DB", "--local", "--no-persist-to"],
    ["d1", "migrations", "create", "DB", "--no-message"],
    ["d1", "migrations", "create", "DB", "x", "--remote=true"],
    ["d1", "execute", "DB", "--local", *SELECT, "--remote=true"],
    ["vectorize", "create", "idx", "--no-dimensions", "--metric", "cosine"],
    ["ai", "models", "--no-json"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-c"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-c", "--config", "wrangler.toml"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-e"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-v"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-h"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-help"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--help=false"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--help", "false"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-envFile"],
    ["kv", "key", "list", "--local", "--no-namespaceId", "--binding", "KV"],
    ["d1", "execute", "DB", "--local", *SELECT, "--no-y"],
    ["d1", "execute", "DB", "--local", *SELECT, "--no-yes"],
    ["d1", "migrations", "apply", "DB", "--local", "--no-env-file"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--preview", "--no-preview"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--preview=false", "--preview"],
    ["kv", "key", "get", "k", "--binding", "KV", "--local", "--preview", "--preview", "false"],
    ["vectorize", "create", "idx", "--dimensions", "3", "--no-metric"],
    ["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine", "--no-metric"],
    ["vectorize", "create", "idx", "--dimensions", "3", "--metric", "cosine", "--no-preset"],
    ["vectorize", "query", "idx", "--vector", "1", "--no-return-metadata"],
    ["vectorize", "create-metadata-index", "idx", "--property-name", "p", "--no-type"],
    ["d1", "execute", "DB", "--local", *SELECT, "--json", "--no-persist-to"],
    ["d1", "execute", "DB", *SELECT, "--no-persist-to"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--no-persist-to"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--no-config"],
    ["kv", "bulk", "delete", "keys.json", "--binding", "KV", "--local", "--force", "--no-e"],
    ["d1", "execute", "DB", "--local", *SELECT, "--no-config"],
    ["d1", "execute", "DB", "--local", *SELECT, "--json", "--no-config"],
    ["d1", "migrations", "list", "DB", "--local", "--no-config"],
    ["d1", "migrations", "apply", "DB", "--local", "--no-env"],
    ["d1", "migrations", "create", "DB", "x", "--no-config"],
    ["--version=false"],
    ["--version=1"],
    ["--help=false"],
    # cli41: --help/--version given another value, --no-NAME of a global option at a command group
    # (its help; --no-env-file fails first), words naming no command listed as often as given
    ["--help=x"],
    ["kv", "--help=x"],
    ["--no-help"],
    ["--no-version"],
    ["--no-v"],
    ["--no-h"],
    ["kv", "--no-help"],
    ["kv", "key", "--no-version"],
    ["--no-config"],
    ["kv", "--no-config"],
    ["d1", "migrations", "--no-e"],
    ["--no-env-file"],
    ["kv", "--no-env-file"],
    ["--no-install-skills"],
    ["--no-x-provision"],
    ["--no-profile"],
    ["kv", "bogus", "bogus"],
    ["kv", "--bogus=1", "bogus"],
    ["d1", "--local", "bogus", "local"],
    ["d1", "--persist-to", "x", "--persist-to", "y", "bogus"],
    # --no-cwd beside --cwd, an empty --cwd, a --cwd that is no folder
    ["kv", "key", "list", "--binding", "KV", "--local", "--cwd", "migrations", "--no-cwd"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-cwd", "--no-cwd"],
    ["--cwd", "migrations", "--no-cwd"],
    ["--no-cwd"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--cwd="],
    ["kv", "key", "list", "--binding", "KV", "--local", "--cwd", ""],
    ["kv", "key", "list", "--binding", "KV", "--local", "--cwd", "nope"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--cwd", "wrangler.toml"],
    ["kv", "--cwd", "nope"],
    # crash57: --cwd given -_ (no value: yargs' key of the words), --no-env-file after a
    # --no-config/--no-env at a command group (it still fails first)
    ["--cwd", "-_"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--cwd", "-_"],
    ["--no-config", "ai", "--no-env-file"],
    ["--no-config", "--no-env-file", "ai", "models"],
    ["--no-env", "kv", "--no-env-file"],
    # leftovers58: -_ between an option and the word after it (the option takes no value, the word
    # stays a word), a global option without its value on a line naming no command (named first)
    ["--cwd", "-_", "x"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-e", "-_", "dev"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-e", "-_"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-c", "-_", "wrangler.toml"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-ce", "-_", "x"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-e", "-_x"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-e", "-_=dev"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--profile", "-_", "x"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--prefix", "-_", "x"],
    ["kv", "key", "list", "--local", "--binding", "-_", "KV"],
    ["-e", "-_", "kv", "key", "list", "--binding", "KV", "--local"],
    ["d1", "execute", "DB", "--local", "--command", "-_", "select"],
    ["d1", "execute", "DB", "--local", "--command", "-_"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--persist-to", "-_", "x"],
    ["vectorize", "query", "idx", "--vector", "-_", "1"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--table", "-_", "t"],
    ["--local", "-_", "kv", "key", "list", "--binding", "KV"],
    ["kv", "--local", "-_", "key", "list", "--binding", "KV"],
    ["nope", "-c"],
    ["-c", "--bogus=1", "nope"],
    ["nope", "-e", "-_", "y"],
    ["-c", "-_", "wrangler.toml", "kv", "key", "list", "--binding", "KV", "--local"],
    ["kv", "nope", "-e"],
    ["kv", "--bogus", "x", "-c"],
    # two options without their values: yargs names the last; a missing positional comes first (audit35)
    ["nope", "-c", "-e"],
    ["kv", "nope", "-e", "-c"],
    ["kv", "key", "list", "-c", "-e"],
    ["kv", "key", "list", "-c", "--binding"],
    ["d1", "execute", "DB", "-e", "-c"],
    ["d1", "execute", "-c"],
    ["d1", "execute", "-e", "-c"],
    ["vectorize", "get", "-c"],
    ["kv", "key", "put", "k", "-c"],
    ["kv", "key", "list", "-c", "--help"],
    ["d1", "execute", "-c", "-h"],
    ["dev", "--var", "-_", "A:1"],
    # review91: audit35's and review90's forms in new places -- the order reversed, three options
    # without values, a positional after them, --help among them, = forms, -- and -_ after one
    ["kv", "key", "list", "--binding", "-c"],
    ["kv", "key", "get", "-c", "--binding"],
    ["kv", "key", "put", "-c"],
    ["kv", "key", "list", "-c", "-e", "--binding"],
    ["kv", "key", "list", "-c", "-h", "-e"],
    ["kv", "key", "list", "-c=", "-e"],
    ["kv", "key", "list", "-c", "--", "x"],
    ["kv", "key", "list", "-c", "-_"],
    ["kv", "key", "list", "--binding", "KV", "-c", "--local", "-e"],
    ["d1", "execute", "-c", "-e", "DB"],
    ["d1", "execute", "-c", "--help", "-e"],
    ["d1", "migrations", "apply", "-c"],
    ["vectorize", "create", "-c", "--dimensions"],
    ["vectorize", "create", "idx", "--dimensions", "--metric"],
    ["vectorize", "get-vectors", "idx", "--ids", "-_", "-c"],
    ["vectorize", "query", "idx", "--vector", "-_", "--top-k"],
    ["d1", "export", "DB", "--local", "--table", "-_", "--output"],
    ["dev", "--var", "-_", "--port"],
    ["kv", "key", "list", "-e", "-c", "-5"],
    ["kv", "key", "list", "-e", "-c", "-"],
    # review90: -_ beside each option kind -- boolean (before a word, last, twice), number, choices,
    # an array's values, a one-letter group's value, after --
    ["kv", "key", "list", "--binding", "KV", "--local", "-_", "-_"],
    ["kv", "key", "list", "--binding", "KV", "-_", "--local"],
    ["kv", "key", "list", "--binding", "KV", "--local", "-_", "true"],
    ["vectorize", "query", "idx", "--vector", "1", "--top-k", "-_", "3"],
    ["vectorize", "create", "idx", "--dimensions", "-_", "3", "--metric", "cosine"],
    ["vectorize", "create", "idx", "--dimensions", "3", "--metric", "-_", "cosine"],
    ["vectorize", "create", "idx", "--preset", "-_"],
    ["vectorize", "get-vectors", "idx", "--ids", "a", "-_", "b"],
    ["vectorize", "get-vectors", "idx", "--ids", "-_"],
    ["vectorize", "get-vectors", "idx", "--ids", "a", "-_"],
    ["vectorize", "query", "idx", "--vector", "1", "2", "-_", "3"],
    ["vectorize", "query", "idx", "--vector=1", "-_", "3"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--table", "a", "-_", "b"],
    ["d1", "execute", "DB", "--local", "--json", "-_", "--command", "select 1"],
    ["d1", "execute", "DB", "--local", "-_", "--command", "select 1"],
    ["dev", "--port", "-_", "8787"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--", "-_"],
    ["kv", "key", "get", "-_", "--binding", "KV", "--local"],
    # array options spelt --name=VALUE (greedy), --name= last; d1 export --table=
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--table="],
    ["vectorize", "get-vectors", "idx", "--ids="],
    ["vectorize", "delete-vectors", "idx", "--ids="],
    ["vectorize", "get-vectors", "idx", "--ids=a", "b", "--bogus"],
    ["vectorize", "query", "idx", "--vector=1", "2", "--bogus"],
    ["vectorize", "query", "idx", "--vector=-1", "-2", "--bogus"],
    # kv --no-config / --no-env after the command's own checks; --no-env-file before them
    ["kv", "key", "put", "k", "--no-config"],
    ["kv", "key", "get", "k", "--no-env"],
    ["kv", "key", "list", "--no-config"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--namespace-id", "x", "--no-config"],
    ["kv", "key", "put", "k", "--binding", "KV", "--no-config"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata", "{", "--no-config"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--remote", "--no-config"],
    ["kv", "key", "put", "k", "--no-env-file"],
    ["d1", "execute", "DB", "--no-config"],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--no-schema", "--no-data", "--no-config"],
    # empty values: kv key put's value and --path, a bulk file named "", dev --port= and --var=
    ["kv", "key", "put", "k", "", "--binding", "KV", "--local"],
    ["kv", "key", "put", "k", "--path=", "--binding", "KV", "--local"],
    ["kv", "key", "put", "k", "v", "--path", "", "--binding", "KV", "--local"],
    ["kv", "bulk", "put", "", "--binding", "KV", "--local"],
    ["kv", "bulk", "get", "", "--binding", "KV", "--local"],
    ["dev", "--port="],
    ["dev", "--var="],
    ["dev", "--var", ":x"],
    ["d1", "execute", "DB", "--local", "--command="],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--compatibility="],
    ["kv", "key", "list", "--binding", "KV", "--local", "--prefix="],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--ttl=-60"],
]

#: (leftovers55) wrangler's hidden --temporary and --event-code (supportTemporary: every d1 and kv
#: command, no vectorize or ai one): --temporary changes nothing on a local command; --event-code's
#: coerce (empty, blank, twice, --no-event-code), its requiresArg, and `requires --temporary` after
#: the Resource location lines (none with d1 execute --json), before the config is read
_TEMPORARY_LINES = [
    ["d1", "execute", "DB", "--local", *SELECT], ["d1", "execute", "DB", "--local", "--json", *SELECT],
    ["d1", "export", "DB", "--local", "--output", "o.sql"], ["d1", "migrations", "list", "DB", "--local"],
    ["d1", "migrations", "apply", "DB", "--local"], ["d1", "migrations", "create", "DB", "first"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local"], ["kv", "key", "get", "k", "--binding", "KV", "--local"],
    ["kv", "key", "list", "--binding", "KV", "--local"], ["kv", "key", "delete", "k", "--binding", "KV", "--local"],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local"],
    ["kv", "bulk", "get", "keys.json", "--binding", "KV", "--local"],
    ["kv", "bulk", "delete", "keys.json", "--binding", "KV", "--local", "--force"],
]
TEMPORARY_FORMS: list[list[str]] = [
    *([*line, *extra] for line in _TEMPORARY_LINES
      for extra in (["--temporary"], ["--event-code", "x"], ["--temporary", "--event-code", "x"], ["--event-code="])),
    *(["kv", "key", "list", "--binding", "KV", "--local", *extra] for extra in (
        ["--event-code"], ["--event-code", " "], ["--event-code", "a", "--event-code", "b"], ["--no-event-code"],
        ["--temporary=yes"], ["--no-temporary", "--event-code", "x"], ["--temporary", "--temporary"],
        ["--event-code=", "--bogus"], ["--event-code", "x", "--bogus"], ["--event-code", "x", "--remote"],
        ["--event-code", "x", "--namespace-id", "n"], ["--temporary", "--remote"], ["--event-code", "x", "--no-config"])),
    ["d1", "execute", "DB", "--remote", "--temporary", *SELECT], ["d1", "execute", "DB", "--event-code", "x"],
    ["d1", "execute", "--event-code=", *SELECT], ["d1", "export", "DB", "--local", "--event-code", "x", "--no-data",
                                                     "--no-schema"],
    ["kv", "key", "put", "k", "--binding", "KV", "--local", "--event-code", "x"],
    ["kv", "namespace", "list", "--temporary"], ["kv", "namespace", "create", "n", "--event-code", "x"],
    ["kv", "namespace", "delete", "--binding", "KV", "--event-code="],
    ["kv", "namespace", "rename", "--namespace-id", "abc", "--new-name", "m", "--temporary"],
    ["vectorize", "list", "--temporary"], ["vectorize", "get", "idx", "--event-code", "x"],
    ["ai", "models", "list", "--temporary"], ["d1", "--event-code", "x"], ["kv", "key", "--temporary"],
    # (review86) the options in odd places and spellings: a false --temporary beside --event-code, an
    # --event-code with no value before another option or last, repeated, negated after a value, camelCase
    *(["kv", "key", "list", "--binding", "KV", "--local", *extra] for extra in (
        ["--temporary=false", "--event-code", "x"], ["--temporary", "false", "--event-code", "x"],
        ["--temporary=0"], ["--temporary=true", "--event-code", "x"], ["--event-code", "--temporary"],
        ["--event-code", "x", "--no-event-code"], ["--eventCode", "x", "--temporary"],
        ["--temporary", "--no-temporary", "--event-code", "x"], ["--event-code=x", "--event-code=x", "--temporary"],
        ["--no-temporary", "--temporary", "--event-code", "x"], ["--event-code", "-1"], ["--event-code", "--"],
        ["--temporary", "--event-code", "x", "--event-code"], ["--event-code", "x", "--temporary", "--temporary"])),
    ["d1", "execute", "DB", "--local", "--event-code"], ["d1", "--temporary", "execute", "DB", "--local", *SELECT],
    ["kv", "--event-code", "x", "key", "list", "--binding", "KV", "--local"],
    ["d1", "migrations", "create", "DB", "first", "--temporary=false", "--event-code", "x"],
    ["d1", "execute", "DB", "--local", "--json", "--event-code", "x", *SELECT],
    ["d1", "export", "DB", "--local", "--output", "o.sql", "--event-code", " "],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--local", "--no-event-code"],
    ["vectorize", "list", "--event-code"], ["ai", "models", "list", "--event-code", "x"],
]

#: (leftovers55) the kv and vectorize spellings wrangler 4.164.0's source keeps beside the documented
#: ones: wrangler 3's `kv:namespace`/`kv:key`/`kv:bulk` (gone: yargs' Unknown arguments), `kv namespace
#: create`'s `--x-mode` alias of `--experimental-mode` (choices, conflicts with --jurisdiction), the
#: `--preview` forms, vectorize's `--deprecated-v1` (create, delete, get, list, insert) at a mistake
ALIASES: list[list[str]] = [
    ["kv:namespace", "list"], ["kv:key", "list", "--binding", "KV"], ["kv:bulk", "put", "bulk.json", "--binding", "KV"],
    ["kv", "namespace", "create", "n", "--x-mode", "instant"], ["kv", "namespace", "create", "n", "--x-mode", "fast"],
    ["kv", "namespace", "create", "n", "--x-mode", "instant", "--jurisdiction", "eu"],
    ["kv", "namespace", "create", "n", "--experimental-mode"], ["kv", "namespace", "create", "n", "--xMode", "instant"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--preview", "false"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--preview=1"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--no-preview"],
    ["vectorize", "create", "idx", "--deprecated-v1"], ["vectorize", "get", "--deprecated-v1"],
    ["vectorize", "delete", "--deprecated-v1", "--force"], ["vectorize", "list", "--deprecated-v1", "extra"],
    ["vectorize", "insert", "idx", "--deprecated-v1"], ["vectorize", "query", "idx", "--deprecated-v1"],
    ["vectorize", "info", "idx", "--deprecated-v1"],
]

#: (cli42) bulk files that are no list of the items kv bulk put|delete|get want
BAD_FILES = {"bad.json": "nope\n", "object.json": '{"a": 1}\n', "numbers.json": "[1, 2]\n",
             "no-value.json": '[{"key": "a"}]\n', "number-value.json": '[{"key": "a", "value": 1}]\n',
             "empty.json": "", "nulls.json": "[null]\n"}


# (cli42) a boolean given a word (`--local local`), an option of a command given with a value before
# the command's words (its word then the command's own), and other odd spellings of options in
# each command group; run and compared as OPTION_FORMS
ODD_SPELLINGS: list[list[str]] = [
    *([*line, "--local", "local"] for line in (
        ["d1", "execute", "DB", *SELECT], ["d1", "export", "DB", "--output", "o.sql"], ["d1", "migrations", "list", "DB"],
        ["d1", "migrations", "apply", "DB"], ["kv", "key", "put", "k", "v", "--binding", "KV"],
        ["kv", "key", "list", "--binding", "KV"], ["kv", "bulk", "put", "bulk.json", "--binding", "KV"], ["dev"])),
    ["d1", "execute", "DB", "--local=yes", "--json", *SELECT],
    ["d1", "execute", "DB", "--remote", "false", *SELECT],
    ["d1", "execute", "DB", "--remote", "0", *SELECT],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local=yes"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--remote", "false"],
    ["kv", "bulk", "put", "bulk.json", "--binding", "KV", "--remote", "false"],
    ["d1", "migrations", "apply", "DB", "--remote", "false"],
    ["kv", "--local", "x", "key", "list", "--binding", "KV"],
    ["kv", "--local", "local", "key", "list", "--binding", "KV"],
    ["kv", "--remote", "x", "key", "list"],
    ["kv", "key", "--local", "x", "list"],
    ["kv", "key", "--local", "local", "put", "k", "v", "--binding", "KV"],
    ["kv", "--local", "true", "key", "list", "--binding", "KV"],
    ["kv", "--local", "x", "y", "key", "list"],
    ["d1", "--local", "x", "execute", "DB"],
    ["d1", "--local", "DB", "execute", *SELECT],
    ["d1", "migrations", "--local", "x", "list", "DB"],
    ["d1", "--json", "x", "execute", "DB", *SELECT],
    ["--local", "local", "d1", "execute", "DB", *SELECT],
    ["d1", "execute", "DB", "--LOCAL", *SELECT],
    ["d1", "execute", "DB", "--Local", *SELECT],
    ["d1", "execute", "DB", "--local", "--persist_to", "st", *SELECT],
    ["d1", "execute", "DB", "--local", "--json=false", *SELECT],
    ["d1", "execute", "DB", "--local", "--no-json", *SELECT],
    ["d1", "execute", "DB", "--local", "-y=true", *SELECT],
    ["d1", "execute", "DB", "--local", "--yes=false", *SELECT],
    ["d1", "execute", "DB", "--local", '--command="select 1"'],  # yargs-parser strips quotes after `=`
    ["d1", "execute", "DB", "--local", "--json", "--command", '"select 1"'],  # (not in a word of its own)
    ["d1", "execute", "DB", "--local", '--json="true"', "--command='select 1'"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--metadata='{\"a\":1}'"],
    ["kv", "key", "put", '"k"', '"v"', "--binding", "KV", "--local"],
    ["d1", "execute", "DB", "--local", '--command="'],  # a lone quote stays: substring(1, 0) (review51)
    ["d1", "execute", "DB", "--local", "--json", "--command=\"select 1'"],  # quotes that differ stay
    ["kv", "key", "list", "--binding", "KV", "--local", '--prefix="', "--bogus"],
    ["d1", "export", "DB", "--local", "--output=o.sql", "--no-schema=false"],
    ["d1", "migrations", "list", "DB", "--local", "--json"],
    ["kv", "key", "put", "k", "v", "--binding=KV", "--local", "--ttl", "1e3"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--ttl=0x10"],
    ["kv", "key", "put", "k", "v", "--binding", "KV", "--local", "--expiration", "-1"],
    ["kv", "key", "get", "k", "--binding", "KV", "--local", "--text=false"],
    ["kv", "key", "get", "k", "--binding", "KV", "--local", "--text=1"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--prefix=a=b"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--namespace_id", "x"],
    ["kv", "key", "list", "--Binding", "KV", "--local"],
    ["kv", "key", "delete", "k", "--binding", "KV", "--local", "--force"],
    ["vectorize", "query", "idx", "--vector", "1", "--top_k", "3", "--bogus"],
    ["vectorize", "query", "idx", "--vector", "1", "--returnMetadata", "all", "--bogus"],
    ["vectorize", "query", "idx", "--vector=1,2", "--bogus"],
    ["vectorize", "create", "idx", "--dimensions=3.5", "--metric", "cosine", "--bogus"],
    ["vectorize", "create", "idx", "--dimensions", "0x10", "--metric=cosine", "--bogus"],
    ["vectorize", "create", "idx", "--dimensions", "3", "--metric", "Cosine"],
    ["vectorize", "--json", "x", "list"],
    ["vectorize", "list", "--json=1", "--bogus"],
    ["dev", "--port=8787x"],
    ["dev", "--port", "1e3", "--bogus"],
    ["dev", "-p", "80"],
    ["dev", "--local=yes", "--bogus"],
    ["dev", "--remote", "false", "--bogus"],
    ["dev", "--test-scheduled=1", "--bogus"],
    ["dev", "--live_reload", "--bogus"],
]

# (cli42) what the d1 and kv commands print, run in the clean project as OPTION_FORMS: several
# statements in one --command, errors with --json, a list with nothing under a prefix, bulk files
# that are no list of the items wanted (BAD_FILES), a key that is not there
OUTPUTS: list[list[str]] = [
    ["d1", "execute", "DB", "--local", "--command", "create table t (x); insert into t values (1), (2); select * from t"],
    ["d1", "execute", "DB", "--local", "--json", "--command",
     "create table t (x); insert into t values (1), (2); select * from t"],
    ["d1", "execute", "DB", "--local", "--command", "select 1 as a; select 2 as b"],
    ["d1", "execute", "DB", "--local", "--json", "--command", "select 1 as a; select 2 as b"],
    ["d1", "execute", "DB", "--local", "--json", "--command", "select * from nope"],
    ["d1", "execute", "DB", "--local", "--json", "--command", "select 1; selec 2"],
    ["d1", "execute", "DB", "--local", "--json", "--file", "nope.sql"],
    ["d1", "execute", "NOPE", "--local", "--json", "--command", "select 1"],
    ["d1", "execute", "DB", "--local", "--json", "--command", ""],
    ["d1", "migrations", "list", "DB", "--local", "--json"],
    ["kv", "key", "list", "--binding", "KV", "--local", "--prefix", "zzz"],
    ["kv", "key", "get", "missing", "--binding", "KV", "--local", "--text"],
    ["kv", "key", "get", "missing", "--binding", "KV", "--local"],
    *(["kv", "bulk", "put", name, "--binding", "KV", "--local"] for name in (*BAD_FILES, "missing.json")),
    *(["kv", "bulk", "delete", name, "--binding", "KV", "--local", "--force"] for name in (*BAD_FILES, "missing.json")),
    *(["kv", "bulk", "get", name, "--binding", "KV", "--local"] for name in BAD_FILES),
]

# (cli42) commands run one after another in one project (label ``state :: A ; B``), each step's
# stdout, stderr and exit code compared; and each run again with the steps before the last by one
# tool and the last by the other, the last step compared with wrangler's own: the state one leaves
# under .wrangler/state read by the other (README: "Local state shared with wrangler")
KVL = ["--binding", "KV", "--local"]
SEQUENCES: list[list[list[str]]] = [
    [["d1", "migrations", "apply", "DB", "--local"], ["d1", "migrations", "list", "DB", "--local"]],
    [["d1", "migrations", "apply", "DB", "--local"], ["d1", "migrations", "apply", "DB", "--local"]],
    [["d1", "migrations", "apply", "DB", "--local"], ["d1", "execute", "DB", "--local", "--command",
                                                       "select name from d1_migrations"]],
    [["d1", "execute", "DB", "--local", "--command", "create table u (x, y); insert into u values (1, 'a'), (2, null)"],
     ["d1", "execute", "DB", "--local", "--json", "--command", "select * from u order by x"]],
    [["d1", "execute", "DB", "--local", "--file", "migrations/0001_init.sql"],
     ["d1", "migrations", "apply", "DB", "--local"]],
    [["d1", "execute", "DB", "--local", "--command", "create table u (x); insert into u values (1)"],
     ["d1", "export", "DB", "--local", "--output", "o.sql"], ["d1", "execute", "DB", "--local", "--command",
                                                             "select count(*) as n from u"]],
    [["kv", "key", "put", "k", "v", *KVL], ["kv", "key", "get", "k", *KVL, "--text"]],
    [["kv", "key", "put", "k", "v", *KVL, "--metadata", '{"a":1}'], ["kv", "key", "list", *KVL, "--prefix", "k"]],
    [["kv", "key", "put", "k", "v", *KVL], ["kv", "key", "delete", "k", *KVL], ["kv", "key", "get", "k", *KVL]],
    [["kv", "bulk", "put", "bulk.json", *KVL], ["kv", "key", "list", *KVL]],
    [["kv", "bulk", "put", "bulk.json", *KVL], ["kv", "bulk", "get", "keys.json", *KVL]],
    [["kv", "bulk", "put", "bulk.json", *KVL], ["kv", "bulk", "delete", "keys.json", *KVL, "--force"],
     ["kv", "key", "list", *KVL]],
    [["kv", "key", "put", "k", "--path", "bulk.json", *KVL], ["kv", "key", "get", "k", *KVL]],
]

# (cli42) `dev` where the Worker's entry point is missing or its build fails: (label, config file,
# its text); stdout, stderr and the exit code compared whole
DEV_ENTRIES: list[tuple[str, str, str]] = [
    ("no main", "wrangler.toml", 'name = "x"\ncompatibility_date = "2025-01-01"\ncompatibility_flags = ["python_workers"]\n'),
    ("no main, name or date", "wrangler.toml", 'compatibility_flags = ["python_workers"]\n'),
    ("no main (json)", "wrangler.json", '{"name": "x", "compatibility_date": "2025-01-01"}'),
    ("no main or date (jsonc)", "wrangler.jsonc", '{"name": "x"}'),
    ("main not there", "wrangler.toml",
     'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n'),
    ("main not there, no date", "wrangler.toml", 'name = "x"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n'),
    ("main a folder", "wrangler.toml",
     'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "migrations"\ncompatibility_flags = ["python_workers"]\n'),
    ("main empty", "wrangler.toml",
     'name = "x"\ncompatibility_date = "2025-01-01"\nmain = ""\ncompatibility_flags = ["python_workers"]\n'),
    ("main a folder with two entry files", "wrangler.toml",
     'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "front"\ncompatibility_flags = ["python_workers"]\n'),
    ("main a folder with one entry file", "wrangler.toml",
     'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "./back/"\ncompatibility_flags = ["python_workers"]\n'),
    ("main the project folder", "wrangler.toml",
     'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "."\ncompatibility_flags = ["python_workers"]\n'),
    ("main not there after the build", "wrangler.toml",
     'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n'
     '[build]\ncommand = "echo built"\n'),
    ("a build that fails", "wrangler.toml",
     'name = "x"\ncompatibility_date = "2025-01-01"\nmain = "src/entry.py"\ncompatibility_flags = ["python_workers"]\n'
     '[build]\ncommand = "echo half-built && exit 3"\n'),
]

#: the first line of a command's help: wrangler's ``wrangler d1 execute <database>``, argparse's
#: ``usage: workers-env d1 execute [-h] ...``
HELP_HEAD = {"wrangler": re.compile(r"^wrangler((?: [a-z][\w-]*)*)(?: [<\[].*)?$", re.MULTILINE),
             "ours": re.compile(r"^usage: workers-env((?: [a-z][\w-]*)*)(?: .*)?$", re.MULTILINE)}


#: wrangler's "Did you mean" box: the command it suggests, without the program's name (whose
#: length sets the box's width)
BOX = re.compile(r'^╭─+╮\n│ Did you mean "(?:wrangler|workers-env) (?P<command>.*)"\? +│\n╰─+╯$', re.MULTILINE)


def help_named(stdout: str, side: str) -> str:
    """``stdout`` with the command help it ends with (if any) as ``<help of COMMAND>``, and a
    "Did you mean" box as ``<did you mean COMMAND>``."""
    stdout = BOX.sub(lambda m: f"<did you mean {m['command']}>", stdout)
    head = HELP_HEAD[side].search(stdout)
    if head is None:
        return stdout
    return stdout[:head.start()] + f"<help of{head[1]}>\n"


def make_project(folder: Path, file_name: str, text: str) -> None:
    folder.mkdir(parents=True)
    (folder / file_name).write_text(text, encoding="utf-8")
    for name, content in BAD_FILES.items():
        (folder / name).write_text(content)
    (folder / "migrations").mkdir()
    (folder / "migrations" / "0001_init.sql").write_text("create table t (x);\n")
    (folder / "bulk.json").write_text(json.dumps([{"key": "a", "value": "1"}, {"key": "b", "value": "2"}]))
    (folder / "keys.json").write_text(json.dumps(["a", "missing"]))
    for name in ("front/index.ts", "front/dist/worker.js", "back/dist/index.jsx"):  # a `main` folder's candidates
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("export default {};\n")


def run(cmd: list[str], cwd: Path) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "CI": "true"}
    env.pop("CLOUDFLARE_ENV", None)
    env.pop("CLOUDFLARE_API_TOKEN", None)
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, env=env, timeout=300, stdin=subprocess.DEVNULL, check=False)
    out = proc.stdout.decode("utf-8", "replace").replace(str(cwd.resolve()), "<app>").replace(str(cwd), "<app>")
    err = proc.stderr.decode("utf-8", "replace").replace(str(cwd.resolve()), "<app>").replace(str(cwd), "<app>")
    return {"stdout": DURATION.sub('"duration": <ms>', out), "stderr": err, "code": proc.returncode}


def strip_wrangler(text: str, kind: str) -> str:
    """wrangler's output without what workers-env deliberately does not print (see the docstring)."""
    lines = ANSI.sub("", text).split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(" ⛅️ wrangler"):
            if out and out[-1] == "":
                out.pop()  # the banner's own leading blank line
            i += 2 if i + 1 < len(lines) and lines[i + 1] and set(lines[i + 1]) <= {"─"} else 1
            continue
        if line.startswith(("🪵  Logs were written", "If you think this is a bug then please create an issue at",
                            "Continuing means you accept Cloudflare's Terms of Service")):  # (--temporary's account)
            i += 1
            continue
        if line == "  " and i + 1 < len(lines) and "If you think this is a bug, please open an issue at" in lines[i + 1]:
            # the note; after a location (a blank line before it) esbuild ends the message with one
            # blank line less without it
            i += 3 if out and out[-1] == "" and i + 2 < len(lines) and lines[i + 2] == "" else 2
            continue
        if kind == "kv" and "is an open beta command" in line:  # README: kv bulk get prints no such notice
            i += 1
            while i < len(lines) and lines[i] == "" and i + 1 < len(lines):
                i += 1
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def config_blocks(stderr: str, heading: tuple[str, ...] = ("▲ [WARNING] Processing ",)) -> str:
    """The ``▲ [WARNING] Processing ...`` blocks of stderr (what a config's warnings print), each
    with its indented notes and blank lines; ``heading``: the first lines kept."""
    blocks: list[list[str]] = []
    open_block = False
    for line in stderr.splitlines(keepends=True):
        if line.startswith(("▲ [WARNING] ", "✘ [ERROR] ")):
            blocks.append([line])
            open_block = True
        elif open_block and (line.startswith("  ") or not line.strip()):  # its notes, its blank lines
            blocks[-1].append(line)
        else:
            open_block = False
    return "".join("".join(b) for b in blocks if b[0].startswith(heading))


def reader_results(root: Path, cases: list[tuple[str, str, str | None]]) -> list[dict]:
    """wrangler's ``unstable_readConfig`` on each (folder, file, env): raw warnings and error."""
    script = root / "read.js"
    script.write_text(r"""
"use strict";
process.env.FORCE_COLOR = "0";
const wrangler = require("wrangler");
const cases = JSON.parse(require("fs").readFileSync(process.argv[2], "utf8"));
const out = [];
const seen = [];
console.warn = (...a) => seen.push(a.join(" "));
console.log = console.warn; console.error = console.warn;
for (const c of cases) {
  seen.length = 0;
  process.chdir(c.dir);
  let error = null;
  // the config found, as validate (given no path) finds it
  try { wrangler.unstable_readConfig({env: c.env ?? undefined}, {hideWarnings: false}); }
  catch (e) {
    error = String(e && e.message !== undefined ? e.message : e);
    if (e && e.location) {  // a parse error: as esbuild lays it out, its place and line included
      delete e.location.fileText;  // as wrangler's formatMessage
      const [text] = require("esbuild").formatMessagesSync(
        [{text: e.text, location: e.location, notes: e.notes}], {kind: "error", color: false});
      error = text.replace(/^✘ \[ERROR\] /, "").replace(/\n\n$/, "");
    }
  }
  out.push({warnings: seen.map(s => s.replace(/\x1b\[[0-9;]*m/g, "")), error});
}
process.stdout.write(JSON.stringify(out));
""")
    (root / "cases.json").write_text(json.dumps([{"dir": d, "config": c, "env": e} for d, c, e in cases]))
    done = subprocess.run([str(HERE / "node"), str(script), str(root / "cases.json")], capture_output=True, text=True,
                          check=False)
    if done.returncode:
        raise SystemExit(f"wrangler's reader failed:\n{done.stderr}")
    return json.loads(done.stdout)


def unboxed(block: str) -> str:
    """The text wrangler gave ``logger.warn``, from esbuild's layout of it."""
    first, *rest = block.rstrip("\n").split("\n")
    first = first.removeprefix("▲ [WARNING] ")
    notes = [line[2:] for line in rest[1:]] if rest else []
    return "\n".join([first, *notes])


def expected_validate(result: dict, file_name: str, env: str | None) -> dict:
    parts = [unboxed(w) for w in result["warnings"]]
    if result["error"] is not None:
        parts.append(result["error"])
    text = "\n\n".join(parts) + ("\n" if parts else "")
    if result["error"] is None:
        text += f"{file_name} is valid" + (f' (environment "{env}")' if env else "") + ".\n"
    return {"stdout": text, "stderr": "", "code": 1 if result["error"] is not None else 0}


def show(label: str, text: str) -> str:
    return "\n".join(f"      {label}|{line}" for line in text.split("\n"))


def print_differences(compared: list[tuple[str, dict, dict]]) -> int:
    """Each (label, wrangler's, ours) that differs printed key by key (``DIFF label``); how many are the same."""
    same = 0
    for label, a, b in compared:
        if a == b:
            same += 1
            continue
        print(f"DIFF {label}")
        for key in a:
            if a[key] != b.get(key):
                print(f"  {key}:")
                if isinstance(a[key], str):
                    print(show("wrangler", a[key]))
                    print(show("ours    ", b.get(key, "")))
                else:
                    print(f"      wrangler {a[key]!r}, ours {b.get(key)!r}")
    return same


def main() -> int:
    argv = sys.argv[1:]
    if {"-h", "--help"} & set(argv):  # (a whole run takes minutes: never start one for a help request)
        print(f"usage: {Path(sys.argv[0]).name} [-k TEXT] [--cache FILE] [--cached-only]\n\n{__doc__}")
        return 0
    unknown = [a for i, a in enumerate(argv) if a.startswith("-") and a not in ("-k", "--cache", "--cached-only")
               and (i == 0 or argv[i - 1] not in ("-k", "--cache"))]
    if unknown:
        print(f"cli_layout_differential.py: unknown option {unknown[0]} (options: -k TEXT, --cache FILE, "
              "--cached-only, --help)", file=sys.stderr)
        return 2
    if "--cached-only" in argv and "--cache" not in argv:
        print("cli_layout_differential.py: --cached-only needs --cache FILE (the answers to compare with)",
              file=sys.stderr)
        return 2
    only = argv[argv.index("-k") + 1] if "-k" in argv else None
    cache_file = Path(argv[argv.index("--cache") + 1]) if "--cache" in argv else None
    cache = json.loads(cache_file.read_text()) if cache_file and cache_file.exists() else {}
    wrangler = [str(HERE / "wrangler")]
    ours = [sys.executable, "-m", "workers_env"]
    jobs = []
    for cname, file_name, text, extra in CONFIGS:
        for kind, args in COMMANDS:
            full = args + extra
            label = f"{cname} :: {' '.join(full)}"
            if only is None or only in label:
                jobs.append((label, cname, file_name, text, kind, full))
    clean = next(c for c in CONFIGS if c[0] == "clean")
    for args in OPTION_ERRORS:
        label = f"option error :: {' '.join(args)}"
        if only is None or only in label:
            jobs.append((label, "option error", clean[1], clean[2], args[0], args))
    for args, kind_label in [*((a, "global position") for a in GLOBAL_POSITIONS),
                             *((a, "option form") for a in OPTION_FORMS),
                             *((a, "temporary") for a in TEMPORARY_FORMS), *((a, "alias") for a in ALIASES),
                             *((a, "odd spelling") for a in ODD_SPELLINGS), *((a, "output") for a in OUTPUTS)]:
        label = f"{kind_label} :: {' '.join(args)}"
        kind = next((word for word in args if word in ("kv", "d1", "vectorize", "ai", "dev")), "")  # (`-- kvv`: none)
        if only is None or only in label:
            jobs.append((label, "option error", clean[1], clean[2], kind, args))
    for label_name, file_name, text in DEV_ENTRIES:
        label = f"dev entry :: {label_name}"
        if only is None or only in label:
            jobs.append((label, "dev entry", file_name, text, "dev", ["dev"]))
    sequences = []
    for steps in SEQUENCES:
        label = "state :: " + " ; ".join(" ".join(step) for step in steps)
        if only is None or only in label:
            sequences.append((label, "state", clean[1], clean[2], steps[0][0], steps))
    if "--cached-only" in argv:
        jobs = [job for job in jobs if job[0] in cache]
        sequences = [job for job in sequences if job[0] in cache]
    lock = threading.Lock()
    unsaved = [0]

    def save_cache() -> None:  # (rerun61) as the answers come: a run stopped part-way keeps them
        if cache_file:
            temporary = cache_file.with_name(cache_file.name + ".part")
            temporary.write_text(json.dumps(cache, indent=1, ensure_ascii=False))
            os.replace(temporary, cache_file)
            unsaved[0] = 0

    with tempfile.TemporaryDirectory(prefix="cli-layout-") as tmp:
        root = Path(tmp)

        def one(job: tuple, side: str) -> dict:
            label, _, file_name, text, _, full = job
            if side == "wrangler" and label in cache:
                return cache[label]
            # (the label's own hash too: `--local=true` and `--local true` read alike as a name)
            name = re.sub(r"\W+", "_", label)[:100]
            folder = root / side / f"{name}_{hashlib.sha1(label.encode()).hexdigest()[:8]}"
            make_project(folder, file_name, text)
            if job[1] == "state":  # a sequence: `wrangler>ours` runs the last step with the other tool
                tools = [side.partition(">")[0]] * (len(full) - 1) + [side.rpartition(">")[2]]
                result = {"steps": [run((wrangler if tool == "wrangler" else ours) + step, folder)
                                    for tool, step in zip(tools, full)]}
            else:
                result = run((wrangler if side == "wrangler" else ours) + full, folder)
            if side == "wrangler":
                with lock:
                    cache[label] = result
                    unsaved[0] += 1
                    if unsaved[0] >= 10:
                        save_cache()
            return result

        with ThreadPoolExecutor(max_workers=3) as pool:
            theirs = list(pool.map(lambda j: one(j, "wrangler"), jobs + sequences))
            mine = list(pool.map(lambda j: one(j, "ours"), jobs + sequences))
            ours_then_wrangler = list(pool.map(lambda j: one(j, "ours>wrangler"), sequences))
            wrangler_then_ours = list(pool.map(lambda j: one(j, "wrangler>ours"), sequences))
        save_cache()

        def plain(result: dict, side: str, kind: str) -> dict:
            if side == "wrangler":
                return {"stdout": strip_wrangler(result["stdout"], kind), "stderr": strip_wrangler(result["stderr"], kind),
                        "code": result["code"]}
            return {"stdout": ANSI.sub("", result["stdout"]), "stderr": HINT.sub("", ANSI.sub("", result["stderr"])),
                    "code": result["code"]}

        compared = []
        shared = {"ours>wrangler": [0, 0], "wrangler>ours": [0, 0]}  # [the same, compared]
        for job, a, b, ow, wo in zip(sequences, theirs[len(jobs):], mine[len(jobs):], ours_then_wrangler,
                                     wrangler_then_ours):
            kind = job[4]
            a_steps = [plain(step, "wrangler", kind) for step in a["steps"]]
            compared.append((job[0], {f"step {i + 1}": x for i, x in enumerate(a_steps)},
                             {f"step {i + 1}": plain(x, "ours", kind) for i, x in enumerate(b["steps"])}))
            for mixed, result, reader in (("ours>wrangler", ow, "wrangler"), ("wrangler>ours", wo, "ours")):
                last = plain(result["steps"][-1], reader, kind)
                shared[mixed][1] += 1
                if last == a_steps[-1]:
                    shared[mixed][0] += 1
                compared.append((f"{job[0]} [{mixed}]", {"last step": a_steps[-1]}, {"last step": last}))
        for job, a, b in zip(jobs, theirs, mine):
            label, kind = job[0], job[4]
            a, b = plain(a, "wrangler", kind), plain(b, "ours", kind)
            if job[1] == "dev entry":  # compared whole, but for the JavaScript error wrangler logs
                a["stderr"] = EXIT_STATUS.sub("", a["stderr"])  # before a failed build's (README)
            elif job[1] == "option error" and kind == "dev" and "Missing entry-point" in a["stderr"]:
                # wrangler read the line and stopped at the config's missing `main`, where
                # workers-env stops at its own first check of the project: compared is that both
                # went past the command line (no usage error, no help) and failed
                a, b = ({"went past the command line": "<help of" not in help_named(x["stdout"], side),
                         "code": x["code"]} for x, side in ((a, "wrangler"), (b, "ours")))
            elif job[1] == "option error":
                a["stdout"], b["stdout"] = help_named(a["stdout"], "wrangler"), help_named(b["stdout"], "ours")
                for x, mark in ((a, LOGIN), (b, REFUSAL)):
                    x["stdout"], x["stderr"] = mark.sub(ACCOUNT, x["stdout"]), mark.sub(ACCOUNT, x["stderr"])
            elif kind == "ai" and "CLOUDFLARE_API_TOKEN" in a["stderr"] and REFUSAL.search(b["stderr"]):
                # refused where wrangler logs in (ai models schema, ai finetune): compared whole
                a["stderr"], b["stderr"] = LOGIN.sub(ACCOUNT, a["stderr"]), REFUSAL.sub(ACCOUNT, b["stderr"])
            elif kind in ("vectorize", "ai") and "CLOUDFLARE_API_TOKEN" in a["stderr"]:
                a, b = ({"config warnings": config_blocks(x["stderr"])} for x in (a, b))
            elif kind == "dev" and "Missing entry-point" in a["stderr"]:  # what follows the config's
                # warnings (the missing entry point) is each tool's own; a broken config is compared whole
                heads = ("▲ [WARNING] Processing ", "✘ [ERROR] Processing ")
                a, b = ({"config report": config_blocks(x["stderr"], heads)} for x in (a, b))
            compared.append((label, a, b))

        # validate, against wrangler's own reader
        vcases = []
        for cname, file_name, text, extra in CONFIGS:
            if extra[:1] not in ([], ["--env"]):
                continue  # validate names its config as a path of its own
            env = extra[1] if extra else None
            label = f"{cname} :: validate" + (f" --env {env}" if env else "")
            if only is not None and only not in label:
                continue
            folder = root / "validate" / re.sub(r"\W+", "_", cname)
            make_project(folder, file_name, text)
            vcases.append((label, folder, file_name, env))
        if vcases:
            results = reader_results(root, [(str(f), n, e) for _, f, n, e in vcases])
            for (label, folder, file_name, env), result in zip(vcases, results):
                mine_v = run(ours + ["validate"] + (["--env", env] if env else []), folder)
                if result["error"] is not None:
                    result["error"] = result["error"].replace(str(folder.resolve()), "<app>").replace(str(folder), "<app>")
                compared.append((label, expected_validate(result, file_name, env), mine_v))

    same = print_differences(compared)
    for mixed, (agreed, total) in shared.items():
        if total:
            print(f"state shared, {mixed.replace('>', ' writes, ')} reads: {agreed}/{total} as wrangler alone")
    print(f"\n{same}/{len(compared)} identical")
    return 0 if same == len(compared) else 1


if __name__ == "__main__":
    raise SystemExit(main())
