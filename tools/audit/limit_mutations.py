"""Mutation audit of the bindings' limits and error texts: does a test notice when one changes?

Each binding keeps its limits and error texts in one module (``workers_env/<binding>/limits.py``;
config's in ``config/diagnostics/fields.py``); a few live elsewhere: an index definition's texts
(``vectorize/definitions.py``), the state's index-name check (``vectorize/store/names.py``),
the queues' (Miniflare's consumer defaults and option ranges and a producer's delivery delay,
``queues/broker.py``; its broker's message and batch limits, ``queues/limits.py``; the bytes V8
writes of a message, ``queues/v8size.py``; what a producer keeps; how many batches
``worker.deliver_queues()`` delivers), how deep a value
workers-env converts (``_deep.py``) and documented limits of the CLI and the config reader,
named one by one (``MODULES``). The messages
of the config's diagnostics (``config/diagnostics/*.py``) and of the CLI (``cli/**/*.py``) are
audited as texts only (``texts=True``): every text of their functions, methods and constants,
private ones too, except argparse's help (``help=`` and the like, a ``register`` function, a
``*_HELP`` constant) and docstrings. So are the error and warning texts of the runtime
(``runtime/**/*.py``: the JS stand-ins', Pyodide's FFI, the SDK stand-ins', the loader's; groups
``rt-<module>``), of vectorize's, d1's, kv's, ai's, assets', queues' and ratelimit's other modules (``vz-<module>``,
``d1-<module>``, ``kv-<module>``, ``ai-<module>``, ``assets-<module>``, ``q-<module>``, ``rl-<module>``), of ``load_env`` (``env``) and of the
pytest plugin (``plugin``), modules of code (``code=True``): besides docstrings, a logger's
``debug``/``info`` lines, ``__repr__`` methods and the code's own tokens are left out -- a text
without a space, one compared, a pattern, a ``Literal[...]`` value (and the same text wherever the
module passes it: a kind, a once-only line's key), a ``__doc__`` (set, or a ``type()`` namespace's),
``typing.cast``'s type; in a module of ``FORMS`` (a service binding's remote error) a text made of
replacement fields and punctuation alone (``f"{name}: {message}"``) is a text too. The dates of
the compatibility flags the audited runtime code follows are audited as well (``compat-dates``:
``CompatFlag(..., "2026-04-21")`` in ``config/compat.py``, and each date of a newer workerd's table
row ``DATED_ROWS`` names: ``("fetch_redirect_error", ..., "2026-12-22", ...)``). For every limit constant, every error
text and every date there, this script applies one mutation at a time to a scratch copy of the
tree, runs the tests that could notice and records whether one failed (killed) or none did
(survived):

- a whole number (a module constant, a ``SQLITE_LIMITS`` value, a field of ``ApiLimits(...)``,
  each number of a tuple such as a range's ``(0, 100, False)``, each end of a ``range(...)``, a
  number written ``2**30`` or ``-(2**30)``, an error's ``code=``): +1 and -1 (a limit of 0 only
  +1: ``sqlite3_limit`` reads -1 as "leave as it is"); a size of 1 MiB or more (a name with BYTES or SIZE): x2 and //2 as well (each
  such size has its test at the exact byte: a value built in memory, a sparse file, padded
  NDJSON lines); an error code: +1 only (no limit, only a figure of the text to keep); a float
  (a timeout of ``1.0`` seconds): +1 and -1 (not below 0);
- an error text (a module string constant, or each text an error builder function returns or
  adds as a hint, docstrings left out): its first word of three letters or more becomes
  ``MUTANT`` (a form's first run of punctuation, ``:`` of ``{name}: {message}``, becomes ``MUTANT``);
- a date (``"2026-04-21"``): a day later and a day earlier (each side of a flag's date has its test);
  tier 1 runs the files holding it as written.

The allow-lists (``ALLOWED_FUNCTIONS``, ``ALLOWED_PRAGMAS``), ``RESERVED_PREFIX`` and the tuples
of names are none of these, and left alone.

A test that compares with the constant itself (``== limits.MAX_KEY_BYTES``) moves with it and
kills nothing: the survivors are the limits and texts no test pins down.

The tests run in tiers, each only for the mutations the one before left alive:

1. the test files that name the constant or builder, or hold the text's words around the
   mutated one (a number's files: those of its binding that name it or its value); when more
   than ``TIER_ONE_MAX`` do (a common phrase: ``is not``), the likeliest of them: those naming
   the constant or builder, then the binding's, then those holding the words most often;
2. the binding's test files (``tests/test_kv_*``, ``tests/test_cli_kv*`` ...: what ``-k kv``
   selects, named as files so that pytest does not collect the whole suite first), ``-x -n 2``
   (``--no-binding-files`` skips it);
3. the whole suite. One run per mutation would take hours, so the survivors of tier 2 go in
   batches (one mutation per place), each batch run once over the whole suite; every test that
   failed in a batch is then run again under each of its mutations alone, which says which
   mutation it kills. (Two mutations of one batch could mask each other only by undoing one
   another's effect; none of one batch touch the same place.)

The mutations no test file names run first, the others in a random order (``--seed``), so that a
run stopped early has measured the likeliest survivors and a fair sample of the rest; ``--json``
keeps each result as it comes. Not part of the test run: on 2 cores shared with other work a
mutation took 5 s to 15 min, the whole audit hours (``--jobs`` runs several at once, each in its
own copy). Nothing is written outside the copies, in the temporary directory, removed at the end.
``--list`` names each mutation by what a moved line keeps -- the group, the constant or function
(``Class.method``) it is in, the change, a text's first 40 characters (``{}`` for a field), and
`` #2`` where two places share all that -- so ``tools/audit/left.txt``, the survivors kept, still
picks them after a merge moves their lines (a line of the old ``group:LINE`` form is read too)::

    python3 tools/audit/limit_mutations.py --jobs 3 --json audit.json   # every mutation, every tier
    python3 tools/audit/limit_mutations.py --list          # the mutations, nothing run
    python3 tools/audit/limit_mutations.py --pick left.txt  # only these (lines as --list prints them)
    python3 tools/audit/limit_mutations.py --only kv --sample 20 --no-whole-suite
    python3 tools/audit/limit_mutations.py --only diag-settings --no-binding-files --jobs 1  # a loaded machine
    python3 tools/audit/limit_mutations.py --only rt-jsstreams --only rt-loader --no-binding-files --jobs 1
    python3 tools/audit/limit_mutations.py --pick left.txt --tests tests/test_x.py --no-whole-suite
"""

from __future__ import annotations

import argparse
import ast
import datetime
import json
import queue
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import xml.etree.ElementTree as ElementTree
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIB = 1024 * 1024
MUTANT = "MUTANT"
TIER_ONE_MAX = 25  # more test files than this, and tier 1 runs the likeliest 25 of them


@dataclass(frozen=True)
class Audited:
    """One module audited: where it is, its binding's test files, which of its names count."""

    key: str
    path: str
    groups: tuple[str, ...]
    names: str = ""  # a regular expression a module constant's name must match ("" for all)
    functions: bool = True  # whether its functions' texts are error texts
    texts: bool = False  # a module of messages: only its texts, private constants' and methods' too
    # a module of code (the runtime's): also leave out its tokens -- a text without a space ("http:"),
    # compared (``kind == "failing build"``), a pattern (``re.compile``, ``lazy_pattern``), a ``Literal[...]``,
    # a ``__doc__``, ``typing.cast``'s type
    code: bool = False
    # a module of forms: a text of replacement fields and punctuation alone (``f"{name}: {message}"``,
    # the shape of an error's message) is a text too, its punctuation the mutated part
    forms: bool = False
    # a module of dates: a date a constant is built with (``CompatFlag(..., "2026-04-21")``) moves
    # a day either way
    dates: bool = False


def _modules_under(folder: str, skip: tuple[str, ...] = ()) -> list[str]:
    """The Python modules under ``folder`` (relative to the tree), but those of ``skip``."""
    return [str(path.relative_to(ROOT)) for path in sorted((ROOT / folder).rglob("*.py"))
            if str(path.relative_to(ROOT / folder)) not in skip]


RUNTIME_TESTS = ("test_runtime_*", "test_worker_*", "test_js_*", "test_sdk_*", "test_dev_*", "test_pyproxy*",
                 "test_socket*", "test_threads*", "test_tracebacks*")
VECTORIZE_TESTS = ("test_binding_*", "test_vectorize_*", "test_filters_*", "test_metadata_index*", "test_query_*",
                   "test_persistence_*", "test_state_*", "test_index_*", "test_undefined_index*")
CONFIG_TESTS = ("test_config_*", "test_cli_validate*", "test_cli_config_*", "test_load_env*")
CLI_TESTS = ("test_cli_*",)
D1_TESTS = ("test_d1_*", "test_cli_d1*")
KV_TESTS = ("test_kv_*", "test_cli_kv*")
DEV_TESTS = ("test_dev_*", "test_cli_dev*")
AI_TESTS = ("test_ai_*",)
QUEUE_TESTS = ("test_queue_*", "test_runtime_queue_*", "test_runtime_handlers_scheduled_queue", "test_supplied_queue_*",
               "test_dev_server_delivers_queue*", "test_dev_websocket_sends_queue*")
ASSETS_TESTS = ("test_assets_*",)
RATELIMIT_TESTS = ("test_ratelimit_*",)
#: runtime modules whose message forms are audited too (``forms``): a service binding's remote
#: error, ``<name>: <message>`` in the legacy serialisation
FORMS = {"workers_env/runtime/services.py"}
MODULES = (
    Audited("ai", "workers_env/ai/limits.py", ("test_ai_*",)),
    Audited("assets", "workers_env/assets/limits.py", ("test_assets_*",)),
    Audited("d1", "workers_env/d1/limits.py", ("test_d1_*", "test_cli_d1*")),
    Audited("kv", "workers_env/kv/limits.py", ("test_kv_*", "test_cli_kv*")),
    Audited("vectorize", "workers_env/vectorize/limits.py",
            ("test_binding_*", "test_vectorize_*", "test_cli_vectorize*", "test_filters_*", "test_metadata_index*",
             "test_query_*")),
    Audited("config", "workers_env/config/diagnostics/fields.py", ("test_config_*", "test_cli_validate*"),
            names=r"^(MAX_|MIN_)|_(ERROR|RULE)$", functions=False),
    # limits and texts kept outside a limits module: an index definition's checks, the state's
    # index names, the CLI's and the config reader's limits (the documented ones, named one by one)
    Audited("definitions", "workers_env/vectorize/definitions.py",
            ("test_vectorize_*", "test_cli_vectorize*", "test_load_env*", "test_persistence_*", "test_cli_validate*",
             "test_pyproject_*", "test_metadata_index*", "test_binding_limits", "test_fuzz_load_env*",
             "test_undefined_index*", "test_index_*")),
    Audited("state-names", "workers_env/vectorize/store/names.py",
            ("test_vectorize_*", "test_cli_vectorize*", "test_persistence_*", "test_binding_limits", "test_state_*",
             "test_fuzz_*vectorize*"), names=r"^MAX_"),
    Audited("cli-vectorize", "workers_env/cli/vectorize/vectors.py", ("test_cli_vectorize*",),
            names=r"^MAX_VECTORS_PER_RUN$", functions=False),
    Audited("cli-kv", "workers_env/cli/kv/bulk.py", ("test_cli_kv*",), names=r"^BATCH_MAX_", functions=False),
    Audited("wrangler-config", "workers_env/config/wrangler.py",
            ("test_config_*", "test_deep_*", "test_cli_validate*", "test_wrangler_*"),
            names=r"^(JSON_MAX_DEPTH|_TOML_MAX_DEPTH)$", functions=False),
    Audited("migrations-pattern", "workers_env/d1/migration_pattern.py", ("test_d1_migrations*", "test_cli_d1*"),
            names=r"^(_MAX_EXPANSIONS|_MAX_PATTERN_LENGTH)$", functions=False),
    # the queues' limits: Miniflare's consumer defaults and option ranges, what a producer keeps,
    # how many batches worker.deliver_queues() delivers; and how deep a value workers-env converts
    Audited("queues", "workers_env/queues/broker.py", QUEUE_TESTS,
            names=r"^(DEFAULT_[A-Z_]+|_RANGES|_DELIVERY_DELAY)$", functions=False),
    # what V8's serialiser writes of a v8 message (its header, a Smi's range)
    Audited("queues-v8size", "workers_env/queues/v8size.py", QUEUE_TESTS, names=r"^(_HEADER|_SMI)$",
            functions=False),
    Audited("queues-limits", "workers_env/queues/limits.py", QUEUE_TESTS),  # Miniflare's broker's sizes and delays
    Audited("queues-producer", "workers_env/queues/producer.py", QUEUE_TESTS, names=r"^MAX_KEPT$", functions=False),
    Audited("queues-delivery", "workers_env/runtime/queuedelivery.py", QUEUE_TESTS, names=r"^MAX_DRAINED_BATCHES$",
            functions=False),
    # Miniflare's rate-limit option checks, start-time refusals and their texts (ratelimit49)
    Audited("ratelimit-limits", "workers_env/ratelimit/limits.py", ("test_ratelimit_*",)),
    # the compatibility dates the audited runtime code follows: a service binding's error
    # serialisation (2026-04-21), an EventTarget listener's error (2026-09-15), a Fetcher's
    # get/put/delete shortcuts (2024-03-26, runtime/fetchershortcuts.py); and the dates of the newer
    # workerds' table rows named in ``DATED_ROWS`` (a flag's date, an implication's); the other
    # flags' dates join as their code is audited
    Audited("compat-dates", "workers_env/config/compat.py",
            (*RUNTIME_TESTS, "test_service_binding_*", "test_a_loaded_worker_*", "test_websocket_*",
             "test_tools_embedded_flags_*"),
            names=r"^(ENHANCED_ERROR_SERIALIZATION|SPEC_COMPLIANT_DISPATCH_EXCEPTIONS|FETCHER_NO_GET_PUT_DELETE"
                  r"|WORKERD_FLAGS_SINCE_6552D99)$", functions=False, dates=True),
    Audited("deep", "workers_env/_deep.py", ("test_deep_*", "test_ai_scripted_*", "test_js_*"),
            names=r"^MAX_CONVERSION_DEPTH$", functions=False),
    # the texts of the config's diagnostics and of the CLI (``texts``: every text, no number)
    *(Audited(f"diag-{name}", f"workers_env/config/diagnostics/{name}.py", CONFIG_TESTS, texts=True)
      for name in ("entries", "bindings", "checks", "settings", "whole", "environment", "dates", "variables",
                   "sink", "report", "jsvalues", "assets", "durable_objects", "queues", "routes", "workflows",
                   "other_entries")),
    *(Audited(f"cli-{name.replace('/', '-')}", f"workers_env/cli/{name}.py", groups, texts=True)
      for name, groups in (
          ("vectorize/__init__", ("test_cli_vectorize*",)), ("vectorize/common", ("test_cli_vectorize*",)),
          ("vectorize/indexes", ("test_cli_vectorize*",)), ("vectorize/metadata", ("test_cli_vectorize*",)),
          ("vectorize/vectors", ("test_cli_vectorize*",)), ("d1", ("test_cli_d1*",)),
          ("kv/__init__", ("test_cli_kv*",)), ("kv/bulk", ("test_cli_kv*",)), ("kv/files", ("test_cli_kv*",)),
          ("kv/keys", ("test_cli_kv*",)), ("kv/namespace", ("test_cli_kv*",)), ("kv/options", ("test_cli_kv*",)),
          ("kv/output", ("test_cli_kv*",)), ("kv/account", ("test_cli_kv*",)), ("__init__", CLI_TESTS), ("common", CLI_TESTS),
          ("d1account", ("test_cli_d1*",)), ("validate", ("test_cli_validate*",)), ("wrangler_config", CLI_TESTS), ("didyoumean", CLI_TESTS),
          ("dev", DEV_TESTS), ("devbuild", DEV_TESTS), ("devhosts", DEV_TESTS), ("devreload", DEV_TESTS),
          ("devstop", DEV_TESTS), ("deventry", DEV_TESTS), ("devoptions", DEV_TESTS), ("devsession", DEV_TESTS), ("devtable", DEV_TESTS),
          ("devsection", DEV_TESTS), ("devupstream", DEV_TESTS), ("ciinfo", CLI_TESTS),
          ("temporary", ("test_cli_d1*", "test_cli_kv*")), ("othersections", ("test_cli_d1*", "test_cli_kv*")),
          ("apionly", ("test_cli_d1*", "test_cli_kv*")), ("vectorize/locationnote", ("test_cli_vectorize*",)),
          ("ai", ("test_cli_ai*",)), ("globalflags", CLI_TESTS),
          ("negations", CLI_TESTS), ("toplevel", CLI_TESTS), ("yargsparser", CLI_TESTS), ("yargstexts", CLI_TESTS),
          ("yargsline", CLI_TESTS))),
    # the texts of the runtime (the JS stand-ins' errors, Pyodide's FFI, the SDK stand-ins', the
    # Worker loader's), of vectorize's other modules, of ``load_env`` and of the pytest plugin
    *(Audited(f"rt-{path.removeprefix('workers_env/runtime/').removesuffix('.py').replace('/', '-')}", path,
              RUNTIME_TESTS, texts=True, code=True, forms=path in FORMS)
      for path in _modules_under("workers_env/runtime")),
    *(Audited(f"vz-{path.removeprefix('workers_env/vectorize/').removesuffix('.py').replace('/', '-')}", path,
              VECTORIZE_TESTS, texts=True, code=True)
      for path in _modules_under("workers_env/vectorize",
                                 skip=("limits.py", "definitions.py", "store/names.py"))),
    *(Audited(f"d1-{path.removeprefix('workers_env/d1/').removesuffix('.py')}", path, D1_TESTS, texts=True, code=True)
      for path in _modules_under("workers_env/d1", skip=("limits.py",))),
    *(Audited(f"kv-{path.removeprefix('workers_env/kv/').removesuffix('.py')}", path, KV_TESTS, texts=True, code=True)
      for path in _modules_under("workers_env/kv", skip=("limits.py",))),
    *(Audited(f"q-{path.removeprefix('workers_env/queues/').removesuffix('.py')}", path, QUEUE_TESTS, texts=True,
              code=True)
      for path in _modules_under("workers_env/queues", skip=("limits.py",))),
    *(Audited(f"ai-{path.removeprefix('workers_env/ai/').removesuffix('.py')}", path, AI_TESTS, texts=True, code=True)
      for path in _modules_under("workers_env/ai", skip=("limits.py",))),
    *(Audited(f"assets-{path.removeprefix('workers_env/assets/').removesuffix('.py')}", path, ASSETS_TESTS,
              texts=True, code=True)
      for path in _modules_under("workers_env/assets", skip=("limits.py",))),
    *(Audited(f"rl-{path.removeprefix('workers_env/ratelimit/').removesuffix('.py')}", path, RATELIMIT_TESTS,
              texts=True, code=True)
      for path in _modules_under("workers_env/ratelimit", skip=("limits.py",))),
    # the texts of the config reader (its refusals, ``with_compatibility``'s), of the compatibility
    # date's and flags' checks, of the library's shared errors and JS values (``_errors``, ``_jsvalues`` and
    # the modules split from it)
    Audited("config-wrangler", "workers_env/config/wrangler.py", (*CONFIG_TESTS, "test_wrangler_*"), texts=True,
            code=True),
    Audited("config-compat", "workers_env/config/compat.py", (*CONFIG_TESTS, "test_compat*", "test_plugin_*"),
            texts=True, code=True),
    Audited("errors", "workers_env/_errors.py", ("test_errors*", "test_service_binding_*", "test_binding_*"),
            texts=True, code=True),
    *(Audited(name.removeprefix("_"), f"workers_env/{name}.py", (*RUNTIME_TESTS, "test_binding_*"), texts=True,
              code=True)
      for name in ("_jsvalues", "_jsontext", "_float32decimals", "_sendchecks", "_sentvalues", "_proxytype",
                   "_jscoercions", "_vectorizeversions")),
    # the metaclass of the classes shown under production's module names (meta55)
    Audited("sdkclasses", "workers_env/_sdkclasses.py", (*RUNTIME_TESTS, "test_binding_*"), texts=True, code=True),
    # the patterns compiled at their first use (startup57; no text of its own)
    Audited("lazyre", "workers_env/_lazyre.py", ("test_start_up_*", "test_assets_*", "test_config_*"), texts=True,
            code=True),
    # wrangler's log levels (WRANGLER_LOG's warning for a value that is no level)
    Audited("loglevel", "workers_env/_loglevel.py", ("test_cli_*", "test_dev_*", "test_wrangler_log*"), texts=True,
            code=True),
    Audited("env", "workers_env/_env.py", ("test_env_*", "test_load_env*", "test_fuzz_load_env*"), texts=True, code=True),
    # the one parser of "package.module:function" references (leftovers60): factories, embedders, replies
    Audited("targets", "workers_env/_targets.py",
            ("test_package_module_function_*", "test_plugged_function_*", "test_ai_plugged_*", "test_ai_pyproject_*",
             "test_supplied_bindings*", "test_binding_factory_*", "test_pyproject_*", "test_load_env*"),
            texts=True, code=True),
    Audited("plugin", "workers_env/pytest_plugin.py", ("test_plugin_*",), texts=True, code=True),
    Audited("seeding", "workers_env/seeding.py", ("test_plugin_*", "test_seeding_*"), texts=True, code=True),
)
#: texts and collections that are no limit nor error text (allow-lists, names of operations, the
#: Workers AI catalog's model descriptions as cloudflare-docs' model files give them: data, no message;
#: the commands' one-line summaries, cli/toplevel.py's, each command's argparse ``help=``)
SKIPPED_NAMES = {"ALLOWED_FUNCTIONS", "ALLOWED_PRAGMAS", "RESERVED_PREFIX", "CATALOG_ENTRIES", "SUMMARIES"}
#: the rows of a table of flags (``WORKERD_FLAGS_SINCE_6552D99``: name, disable name, date, ...,
#: implications) whose dates ``compat-dates`` audits -- those the audited code follows or a session
#: added (currency55: workerd 1.20261129.1's and 1.20261201.1's); a row's every date moves
DATED_ROWS = {"fetch_redirect_error", "udp_ingress", "python_dedicated_snapshot_keep_import_caches"}


@dataclass
class Mutation:
    module: str
    path: str
    line: int
    symbol: str  # the constant or function it changes
    kind: str  # "number", "text" or "date"
    change: str  # "512 -> 513", "'exceeds' -> 'MUTANT'"
    start: int  # offsets in the file's text
    end: int
    replacement: str
    grep: tuple[str, ...] = ()  # what tier 1 looks for in test files
    result: str = "not run"  # killed, survived, timeout, not run
    tier: str = ""  # which tier decided
    seconds: float = 0.0
    killed_by: str = ""
    literal: str = ""  # a text's words (``{}`` for a replacement field), what names it in ``left.txt``
    name: str = ""  # how ``--list`` prints it and ``--pick`` finds it (``_name_all``)

    @property
    def place(self) -> tuple[str, int, int]:
        return (self.path, self.start, self.end)


# -- finding the mutations --------------------------------------------------------------
def _offsets(text: str) -> list[int]:
    starts = [0]
    for line in text.splitlines(keepends=True):
        starts.append(starts[-1] + len(line))
    return starts


def _span(node: ast.AST, starts: list[int]) -> tuple[int, int]:
    # ast's col_offset counts UTF-8 bytes; the audited modules' lines before any node are ASCII
    # up to the node except in texts, so convert through the line's bytes
    def at(line: int, col: int) -> int:
        line_text = _line(starts, line)
        return starts[line - 1] + len(line_text.encode()[:col].decode())

    return at(node.lineno, node.col_offset), at(node.end_lineno, node.end_col_offset)  # type: ignore[attr-defined]


_TEXT: str = ""


def _line(starts: list[int], line: int) -> str:
    return _TEXT[starts[line - 1]:starts[line]]


def _int_value(node: ast.AST) -> int | None:
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Mult, ast.Pow)):
        left, right = _int_value(node.left), _int_value(node.right)
        if left is not None and right is not None:
            return left * right if isinstance(node.op, ast.Mult) else left ** right
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):  # -(2**30)
        value = _int_value(node.operand)
        return None if value is None else -value
    return None


def _number_mutations(audited: Audited, symbol: str, node: ast.AST, starts: list[int], *, code: bool = False
                      ) -> list[Mutation]:
    value = _int_value(node)
    if value is None:
        return []
    start, end = _span(node, starts)
    if code:
        new_values = [value + 1]
    elif value >= MIB and re.search("BYTES|SIZE", symbol):
        new_values = [value + 1, value - 1, value * 2, value // 2]
    elif value == 0:
        new_values = [1]
    else:
        new_values = [value + 1, value - 1]
    spellings = {str(value), f"{value:_}", f"{value:,}"}
    return [
        Mutation(audited.key, audited.path, node.lineno, symbol, "number", f"{_TEXT[start:end]} -> {new}",
                 start, end, str(new), grep=(symbol.split("[")[0].split(".")[0], *sorted(spellings)))
        for new in new_values
    ]


DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _date_mutations(audited: Audited, symbol: str, node: ast.AST, starts: list[int]) -> list[Mutation]:
    """A date (``"2026-04-21"``): a day later and a day earlier -- each side of it has its test."""
    if not (isinstance(node, ast.Constant) and isinstance(node.value, str) and DATE.fullmatch(node.value)):
        return []
    day = datetime.date.fromisoformat(node.value)
    start, end = _span(node, starts)
    return [Mutation(audited.key, audited.path, node.lineno, symbol, "date", f"{node.value!r} -> {new!r}", start,
                     end, repr(new), grep=(symbol, "=" + node.value))
            for new in ((day + datetime.timedelta(days=1)).isoformat(), (day - datetime.timedelta(days=1)).isoformat())]


def _literal_words(node: ast.AST) -> list[str]:
    parts = [node] if isinstance(node, ast.Constant) else [v for v in node.values if isinstance(v, ast.Constant)]
    words: list[str] = []
    for part in parts:
        words += re.findall(r"[A-Za-z]+", part.value)
    return words


def _masked(source: str, fstring: bool) -> str:
    """The source of a text with each ``{...}`` replacement field blanked out."""
    if not fstring:
        return source
    out, depth = [], 0
    i = 0
    while i < len(source):
        char = source[i]
        if depth == 0 and source.startswith("{{", i):
            out.append("  ")
            i += 2
            continue
        if char == "{":
            depth += 1
        if depth:
            out.append(" ")
        else:
            out.append(char)
        if char == "}" and depth:
            depth -= 1
        i += 1
    return "".join(out)


def _literal_text(node: ast.AST) -> str:
    """A text's words as ``--list`` names it: its replacement fields ``{}``, its runs of white space one
    space, its first ``LITERAL_CHARS`` characters -- what a moved line or a re-wrapped text keeps."""
    parts = [node] if isinstance(node, ast.Constant) else node.values
    text = "".join(part.value if isinstance(part, ast.Constant) else "{}" for part in parts)
    text = " ".join(text.split())
    return text if len(text) <= LITERAL_CHARS else text[:LITERAL_CHARS] + "..."


LITERAL_CHARS = 40


def _text_mutation(audited: Audited, symbol: str, node: ast.AST, starts: list[int]) -> Mutation | None:
    text = node.value if isinstance(node, ast.Constant) else "".join(
        v.value for v in node.values if isinstance(v, ast.Constant))
    if not re.search(r"[ :]", text):
        return None  # a token such as "insert" or "all", not a text
    start, end = _span(node, starts)
    source = _TEXT[start:end]
    masked = _masked(source, isinstance(node, ast.JoinedStr))
    words = _literal_words(node)
    for index, word in enumerate(words):
        if len(word) < 3:
            continue
        found = re.search(rf"(?<![A-Za-z\\]){word}(?![A-Za-z])", masked)
        if found is None:
            continue
        around = [" ".join(words[max(0, index - 1):index + 1]), " ".join(words[index:index + 2])]
        grep = tuple(w for w in around if " " in w) or (word,)
        token = re.search(rf"[^\s{{}}]*(?<![A-Za-z]){word}(?![A-Za-z])[^\s{{}}]*", text)
        if token and not token.group().isalpha():  # "D1_ERROR:" says more than "D ERROR"
            grep += ("=" + token.group().rstrip(":.,;"),)
        return Mutation(audited.key, audited.path, node.lineno, symbol, "text", f"{word!r} -> {MUTANT!r}",
                        start + found.start(), start + found.end(), MUTANT, grep=(symbol, *grep),
                        literal=_literal_text(node))
    if audited.forms and isinstance(node, ast.JoinedStr) and not words:
        # a form (``{name}: {message}``): its first run of punctuation between the quotes
        quote = len(source) - len(source.lstrip("fFrRbBuU")) + 1
        found = re.search(r"[^\sA-Za-z0-9{}]+", masked[quote:len(masked) - 1])
        if found is not None:
            return Mutation(audited.key, audited.path, node.lineno, symbol, "text",
                            f"{found.group()!r} -> {MUTANT!r}", start + quote + found.start(),
                            start + quote + found.end(), MUTANT, grep=(symbol,), literal=_literal_text(node))
    return None


def _child_nodes(node: ast.AST) -> Iterator[ast.AST]:
    """``ast.iter_child_nodes``, in its order, without its ``iter_fields`` generator under it."""
    for field in node._fields:
        value = getattr(node, field, None)
        if isinstance(value, ast.AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, ast.AST):
                    yield item


def _nodes(node: ast.AST) -> list[ast.AST]:
    """Every node under ``node`` and itself, as ``ast.walk`` finds them but not in its order:
    for the walks whose findings are a set (the whole audit made these its main cost)."""
    found, todo = [], [node]
    while todo:
        current = todo.pop()
        found.append(current)
        for field in current._fields:
            value = getattr(current, field, None)
            if isinstance(value, ast.AST):
                todo.append(value)
            elif isinstance(value, list):
                todo.extend(item for item in value if isinstance(item, ast.AST))
    return found


def _texts_in(node: ast.AST) -> list[ast.AST]:
    """The outermost texts under ``node``: a whole f-string, not its parts."""
    found: list[ast.AST] = []

    def walk(current: ast.AST) -> None:
        if isinstance(current, ast.JoinedStr) or (isinstance(current, ast.Constant) and isinstance(current.value, str)):
            found.append(current)
            return
        for child in _child_nodes(current):
            walk(child)

    walk(node)
    return found


def _float_mutations(audited: Audited, symbol: str, node: ast.Constant, starts: list[int]) -> list[Mutation]:
    """A limit written as a float (a timeout of ``1.0`` seconds): +1 and -1 (only +1 when that
    would take it below 0)."""
    value = node.value
    start, end = _span(node, starts)
    return [Mutation(audited.key, audited.path, node.lineno, symbol, "number", f"{_TEXT[start:end]} -> {new!r}",
                     start, end, repr(new), grep=(symbol.split("[")[0], repr(value)))
            for new in (value + 1, value - 1) if new >= 0]


def _value_mutations(audited: Audited, symbol: str, node: ast.AST, starts: list[int]) -> list[Mutation]:
    """A number's mutations (a float's too), or a text's one, or those of each item of a tuple of them (a range
    such as ``(0, 100, False)``: ``NAME[key][0]``, ``NAME[key][1]``; nothing for anything else)."""
    if _int_value(node) is not None:
        return _number_mutations(audited, symbol, node, starts)
    if isinstance(node, ast.Constant) and type(node.value) is float and not audited.texts:
        return _float_mutations(audited, symbol, node, starts)
    if isinstance(node, ast.Tuple) and not audited.texts:
        return [m for index, item in enumerate(node.elts)
                for m in _value_mutations(audited, f"{symbol}[{index}]", item, starts)]
    is_text = isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant) and isinstance(node.value, str))
    mutation = _text_mutation(audited, symbol, node, starts) if is_text else None
    return [mutation] if mutation else []


#: keywords whose texts are no message a test would pin (argparse's help and usage texts); a
#: module of messages also leaves out its ``register`` function (it builds the parser) and its
#: constants named ``*_HELP``
HELP_KEYWORDS = {"help", "description", "epilog", "metavar", "usage", "prog", "title"}
HELP_CALLS = {"add_argument_group", "add_mutually_exclusive_group"}  # their titles too
LOG_CALLS = {"debug", "info"}  # a logger's debug and info lines: no message a user meets (its warnings are)


def _undocumented(body: list[ast.stmt]) -> list[ast.stmt]:
    """``body`` without its docstring."""
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        return body[1:]
    return body


def _function_texts(audited: Audited, symbol: str, body: list[ast.stmt], starts: list[int]) -> list[Mutation]:
    """One mutation for each text in ``body``; in a module of messages, not the texts of argparse's
    help keywords, nor a nested function's docstring."""
    skipped: set[int] = set()
    if audited.texts:
        for statement in body:
            for node in _nodes(statement):  # (what is skipped is a set: the order does not count)
                if isinstance(node, ast.keyword) and node.arg in HELP_KEYWORDS:
                    skipped |= {id(text) for text in _texts_in(node.value)}
                elif (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                      and node.func.attr in HELP_CALLS | LOG_CALLS):
                    skipped |= {id(text) for arg in node.args for text in _texts_in(arg)}
                elif audited.code and _is_token_place(node):
                    skipped |= {id(text) for text in _texts_in(node)}
                elif audited.code and isinstance(node, ast.Dict):  # a class made by type(): its docstring
                    skipped |= {id(text) for key, value in zip(node.keys, node.values)
                                if isinstance(key, ast.Constant) and key.value == "__doc__" for text in _texts_in(value)}
                elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    first = node.body[0] if node.body else None
                    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                        skipped.add(id(first.value))
    mutations = []
    for statement in body:
        for text in _texts_in(statement):
            if id(text) in skipped:
                continue
            if audited.code and not any(" " in part.value for part in _constant_parts(text)):
                continue  # a token ("http:", "named:{text}"), no message
            if audited.code and _is_code_text(text):
                continue  # code: SQL, Python source, a list of columns -- a changed word breaks the module
            if audited.code and isinstance(text, ast.Constant) and text.value in _LITERALS:
                continue  # a value of one of the module's ``Literal[...]`` types: a kind passed, no message
            mutation = _text_mutation(audited, symbol, text, starts)
            mutations += [mutation] if mutation else []
    return mutations


#: the first word of a text that is an SQL statement (or its start)
SQL_START = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE|"
                       r"ALTER|DROP|WITH|REPLACE|VACUUM|ATTACH|DETACH|ANALYZE)\b", re.MULTILINE)  # a line's start
#: an SQL comment, a marker appended to a statement
SQL_COMMENT = re.compile(r"\s*/\*.*\*/\s*", re.DOTALL)
#: a list of three or more constant names ("SQLITE_OK SQLITE_ERROR ...", split by the code)
CONSTANT_NAMES = re.compile(r"\s*[A-Z][A-Z0-9_]*(\s+[A-Z][A-Z0-9_]*){2,}\s*")
#: a table of code points and their ranges ("378-379 380-383 38B ...", split by the code)
CODE_POINT_RANGES = re.compile(r"\s*[0-9A-F]+(-[0-9A-F]+)?(\s+[0-9A-F]+(-[0-9A-F]+)?){2,}\s*")
#: a list of column names ("uid, id, name")
NAME_LIST = re.compile(r"\s*\w+(\s*,\s*\w+){2,}\s*,?\s*")  # three or more: "br, gzip" is a header's value
#: Python statements no message reads as ("Error: {x}" is an annotated name, "a; b=c" an assignment)
CODE_STATEMENTS = (ast.Raise, ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef,
                   ast.Return)
#: calls whose text arguments are code: the DB-API's and Python's compilers
CODE_CALLS = {"execute", "executemany", "executescript", "parse", "compile", "exec", "eval",
              "loads",  # JSON data written as a text (a model's input schema)
              "startswith", "endswith", "removeprefix", "removesuffix",  # and a text's prefix or suffix compared
              "filterwarnings",  # (a warning's message, matched as a regular expression)
              "lazy_pattern"}  # a regular expression compiled at its first use (_lazyre, startup57)


def _is_code_text(text: ast.AST) -> bool:
    """Whether ``text`` is code, no message: an SQL statement, a list of column names, or Python
    source with a statement in it (``raise ...``, ``err = f(...)``; a phrase such as ``not found``,
    a usage line such as ``seed_kv(binding, items)`` or a console line such as ``Error: {x}`` parses
    as an expression or an annotated name only), or a union of types (``"str | js.Blob"``, a type
    alias written as a text). Its replacement fields are read as a name."""
    parts = [text] if isinstance(text, ast.Constant) else text.values
    # a replacement field read as a name, then as one with spaces around (``for {cells}in rows``)
    values = ["".join(part.value if isinstance(part, ast.Constant) else field for part in parts)
              for field in ("x", " x ")]
    if SQL_START.search(values[0]) or NAME_LIST.fullmatch(values[0]) or CONSTANT_NAMES.fullmatch(values[0]):
        return True
    if CODE_POINT_RANGES.fullmatch(values[0]):
        return True
    if SQL_COMMENT.fullmatch(values[0]):
        return True  # a comment appended to SQL (" /* workers-env internal */")
    return any(_is_python_code(value) for value in values)


def _is_python_code(value: str) -> bool:
    """Whether ``value`` parses as Python with a statement in it, or as a union of types."""
    try:
        module = ast.parse(value)
    except (SyntaxError, ValueError):
        return False
    if len(module.body) == 1 and isinstance(module.body[0], ast.Expr) and _is_type_union(module.body[0].value):
        return True
    return any(isinstance(statement, CODE_STATEMENTS)
               or (isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call))
               for statement in module.body)


def _is_type_union(node: ast.AST) -> bool:
    """Whether ``node`` is a union of types written as a text (``"str | js.Blob | Blob"``, ``"str | None"``)."""
    def leaf(part: ast.AST) -> bool:
        return (isinstance(part, (ast.Name, ast.Attribute, ast.Subscript)) or _is_type_union(part)
                or (isinstance(part, ast.Constant) and part.value is None))  # "str | None"
    return isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr) and leaf(node.left) and leaf(node.right)


def _constant_parts(text: ast.AST) -> list[ast.Constant]:
    return [text] if isinstance(text, ast.Constant) else [v for v in text.values if isinstance(v, ast.Constant)]


def _is_token_place(node: ast.AST) -> bool:
    """Whether the texts under ``node`` are tokens of the code, no message: compared, split into a
    table, a regular expression, a ``Literal[...]``'s values, a docstring set by hand (``__doc__ = ...``)."""
    if isinstance(node, ast.Compare):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "cast":
        return True  # typing.cast's type, written as a text
    if isinstance(node, ast.Call) and (node.func.attr if isinstance(node.func, ast.Attribute) else
                                       getattr(node.func, "id", None)) in CODE_CALLS:
        return True  # code handed to SQLite or to Python's compiler, a prefix compared
    if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "split"
            and isinstance(node.func.value, ast.Constant)):
        return True  # a table of tokens written as one text ("text/html text/plain ...".split())
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
        return node.func.value.id == "re"
    if isinstance(node, ast.Subscript):
        return isinstance(node.value, ast.Name) and node.value.id == "Literal"
    if isinstance(node, ast.Assign):
        return any(isinstance(t, ast.Attribute) and t.attr == "__doc__" for t in node.targets)
    return False


_LITERALS: set[str] = set()  # the texts of the audited module's ``Literal[...]`` types


def _literal_values(tree: ast.AST) -> set[str]:
    """Every text a ``Literal[...]`` of ``tree`` names (``MissingSdkKind``'s ``"main only"``)."""
    return {node.value for sub in _nodes(tree) if isinstance(sub, ast.Subscript)
            and isinstance(sub.value, ast.Name) and sub.value.id == "Literal"
            for node in _nodes(sub.slice) if isinstance(node, ast.Constant) and isinstance(node.value, str)}


def find_mutations(audited: Audited) -> list[Mutation]:
    global _TEXT, _LITERALS
    _TEXT = (ROOT / audited.path).read_text()
    starts = _offsets(_TEXT)
    tree = ast.parse(_TEXT)
    _LITERALS = _literal_values(tree)
    mutations: list[Mutation] = []
    for statement in tree.body:
        if isinstance(statement, (ast.Assign, ast.AnnAssign)):
            targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
            names = [t.id for t in targets if isinstance(t, ast.Name)]
            if not names or names[0] in SKIPPED_NAMES or names[0] == "__all__":
                continue
            if names[0].startswith("_") and not audited.names and not audited.texts:  # private only when named
                continue
            name, value = names[0], statement.value
            if audited.names and not re.search(audited.names, name):
                continue
            if value is None:
                continue
            if audited.texts:
                if not name.endswith("_HELP"):  # a help text, no message
                    mutations += _function_texts(audited, name, [statement], starts)
            elif isinstance(value, ast.Dict):
                for key, item in zip(value.keys, value.values):
                    mutations += _value_mutations(audited, f"{name}[{ast.unparse(key) if key else '**'}]", item, starts)
            elif audited.dates and isinstance(value, ast.Tuple):  # a table of flags: the rows named
                for row in value.elts:
                    first = row.elts[0] if isinstance(row, ast.Tuple) and row.elts else None
                    if isinstance(first, ast.Constant) and first.value in DATED_ROWS:
                        for node in ast.walk(row):
                            mutations += _date_mutations(audited, f"{name}[{first.value}]", node, starts)
            elif isinstance(value, ast.Call):
                if audited.dates:
                    for arg in [*value.args, *(keyword.value for keyword in value.keywords)]:
                        mutations += _date_mutations(audited, name, arg, starts)
                if isinstance(value.func, ast.Name) and value.func.id == "range" and not audited.texts:
                    for index, arg in enumerate(value.args):  # a range's ends (V8's Smi: 31 bits)
                        mutations += _number_mutations(audited, f"{name}[{index}]", arg, starts)
                for keyword in value.keywords:
                    if keyword.arg and _int_value(keyword.value) is not None:
                        mutations += _number_mutations(audited, f"{name}.{keyword.arg}", keyword.value, starts)
            else:
                mutations += _value_mutations(audited, name, value, starts)
        elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef)) and audited.functions:
            if audited.texts and statement.name == "register":  # builds the parser: help texts only
                continue
            mutations += _function_texts(audited, statement.name, _undocumented(statement.body), starts)
            if audited.texts:
                continue
            for inner in statement.body:
                for node in ast.walk(inner):
                    if isinstance(node, ast.keyword) and node.arg == "code":
                        mutations += _number_mutations(audited, f"{statement.name}(code)", node.value, starts,
                                                       code=True)
        elif isinstance(statement, ast.ClassDef) and audited.texts:
            for member in _undocumented(statement.body):
                if isinstance(member, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    if member.name == "__repr__":  # a repr, no message
                        continue
                    symbol = f"{statement.name}.{member.name}"
                    mutations += _function_texts(audited, symbol, _undocumented(member.body), starts)
                else:
                    mutations += _function_texts(audited, statement.name, [member], starts)
    _name_all(mutations)
    return mutations


def _name_all(mutations: list[Mutation]) -> None:
    """Name each of one module's mutations by what a moved line keeps: the module, the constant or
    the function (``Class.method``) it is in, the change, a text's words (``in '...'``); and, where
    two or more share all that, `` #1``, `` #2`` ... in the file's order."""
    for mutation in mutations:
        words = f" in {mutation.literal!r}" if mutation.literal else ""
        mutation.name = f"{mutation.module} {mutation.symbol} {mutation.change}{words}"
    shared: dict[str, list[Mutation]] = {}
    for mutation in sorted(mutations, key=lambda m: m.start):
        shared.setdefault(mutation.name, []).append(mutation)
    for group in shared.values():
        if len(group) > 1:
            for index, mutation in enumerate(group, 1):
                mutation.name += f" #{index}"


# -- running the tests --------------------------------------------------------------------
class Scratch:
    """A copy of the tree that takes one mutation (or one batch) at a time."""

    IGNORE = staticmethod(shutil.ignore_patterns(".git", "__pycache__", ".hypothesis", ".pytest_cache", ".wrangler",
                                    "*.egg-info", ".benchmarks", ".mypy_cache"))

    def __init__(self) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="limit-mutations-"))
        self.root = self.dir / "tree"
        shutil.copytree(ROOT, self.root, ignore=self.IGNORE, symlinks=True)
        self.originals: dict[str, str] = {}
        self.running: subprocess.Popen[str] | None = None
        self.closed = False
        self.stamp = int(time.time()) + 10

    def apply(self, mutations: list[Mutation]) -> None:
        by_path: dict[str, list[Mutation]] = {}
        for mutation in mutations:
            by_path.setdefault(mutation.path, []).append(mutation)
        for path, group in by_path.items():
            text = self.originals.setdefault(path, (self.root / path).read_text())
            for mutation in sorted(group, key=lambda m: m.start, reverse=True):
                text = text[:mutation.start] + mutation.replacement + text[mutation.end:]
            compile(text, path, "exec")  # a mutation never breaks the syntax
            self._write(path, text)

    def restore(self) -> None:
        for path, text in self.originals.items():
            self._write(path, text)
        self.originals.clear()

    def _write(self, path: str, text: str) -> None:
        target = self.root / path
        target.write_text(text)
        # a new mtime every time and no stale bytecode: the suite compiles workers_env first
        self.stamp += 2
        os.utime(target, (self.stamp, self.stamp))
        for cached in (target.parent / "__pycache__").glob(f"{target.stem}.*.pyc"):
            cached.unlink()

    def pytest(self, args: list[str], timeout: float) -> tuple[str, float, str]:
        """Run pytest in the copy: ("passed" | "failed" | "timeout" | "error", seconds, tail)."""
        if self.closed:  # the audit was stopped: a thread between two runs starts no more
            raise SystemExit("stopped")
        env = {**os.environ, "PYTHONPATH": str(self.root)}
        env.pop("PYTEST_ADDOPTS", None)
        began = time.monotonic()
        # its own process group, so that a timeout or the end of the audit stops xdist's workers too
        self.running = subprocess.Popen([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *args],
                                        cwd=self.root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                                        text=True, start_new_session=True)
        try:
            output, _ = self.running.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            return "timeout", time.monotonic() - began, ""
        returncode, self.running = self.running.returncode, None
        seconds = time.monotonic() - began
        lines = output.strip().splitlines()
        tail = "\n".join([line for line in lines if line.startswith(("FAILED ", "ERROR "))] + lines[-3:])
        outcome = {0: "passed", 1: "failed", 2: "failed"}.get(returncode, "error")
        return outcome, seconds, tail

    def stop(self) -> None:
        if self.running is not None and self.running.poll() is None:
            os.killpg(self.running.pid, signal.SIGKILL)
            self.running.wait()
        self.running = None

    def close(self) -> None:
        self.closed = True
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)


def _test_files(patterns: tuple[str, ...]) -> list[str]:
    return sorted({str(p.relative_to(ROOT)) for pattern in patterns for p in (ROOT / "tests").glob(f"{pattern}.py")})


_TEST_TEXTS: dict[str, str] = {}


def _tier_one(mutation: Mutation, audited: Audited) -> list[str]:
    if not _TEST_TEXTS:
        for path in sorted((ROOT / "tests").glob("test_*.py")):
            _TEST_TEXTS[str(path.relative_to(ROOT))] = path.read_text()
    name, *rest = mutation.grep
    files = {path for path, text in _TEST_TEXTS.items() if re.search(rf"\b{re.escape(name)}\b", text)}
    if mutation.kind in ("text", "date"):  # a date: the files holding it as written
        for phrase in rest:
            if phrase.startswith("="):  # a token as it is written
                files |= {path for path, text in _TEST_TEXTS.items() if phrase[1:] in text}
                continue
            pattern = r"\s*(?:[\"']\s*[\"']?\s*)?".join(re.escape(word) for word in phrase.split())
            files |= {path for path, text in _TEST_TEXTS.items() if re.search(pattern, text)}
    else:
        named = set(files)
        group = set(_test_files(audited.groups))
        for spelling in rest:
            files |= {path for path in group if re.search(rf"(?<![\d_.,]){re.escape(spelling)}(?![\d_,])",
                                                          _TEST_TEXTS.get(path, ""))}
        if len(files) > TIER_ONE_MAX:
            files = named  # a common value (100): only the files that name the constant
    return sorted(files)


def _phrase_patterns(mutation: Mutation) -> list[re.Pattern[str]]:
    """What tier 1 looks for besides the name: a text's words around the mutated one (a token as
    it is written after ``=``), a number's spellings."""
    patterns = []
    for phrase in mutation.grep[1:]:
        if mutation.kind == "number":
            patterns.append(re.compile(rf"(?<![\d_.,]){re.escape(phrase)}(?![\d_,])"))
        elif phrase.startswith("="):
            patterns.append(re.compile(re.escape(phrase[1:])))
        else:
            patterns.append(re.compile(r"\s*(?:[\"']\s*[\"']?\s*)?".join(re.escape(word) for word in phrase.split())))
    return patterns


def _likeliest(files: list[str], mutation: Mutation, audited: Audited) -> list[str]:
    """Tier 1 when more than ``TIER_ONE_MAX`` files matched: the ``TIER_ONE_MAX`` likeliest to
    notice -- the files naming the constant or builder, then the binding's own, then those
    holding the words (or value) most often; a mutation they miss goes on to tier 2."""
    name = re.compile(rf"\b{re.escape(mutation.grep[0])}\b")
    group = set(_test_files(audited.groups))
    patterns = _phrase_patterns(mutation)

    def rank(path: str) -> tuple[bool, bool, int, str]:
        text = _TEST_TEXTS.get(path, "")
        hits = sum(len(pattern.findall(text)) for pattern in patterns)
        return (not name.search(text), path not in group, -hits, path)

    return sorted(sorted(files, key=rank)[:TIER_ONE_MAX])


def _targeted(mutation: Mutation, audited: Audited) -> tuple[list[str], str]:
    """Tier 1's files and its label."""
    first = _tier_one(mutation, audited)
    if len(first) <= TIER_ONE_MAX:
        return first, "1 (files naming it)"
    return _likeliest(first, mutation, audited), f"1 (the {TIER_ONE_MAX} likeliest of {len(first)} files naming it)"


def _run_tier(scratch: Scratch, mutation: Mutation, tier: str, files: list[str], timeout: float) -> bool:
    """Run ``files`` under ``mutation``; True when it was killed."""
    workers = ["-n", "0"] if len(files) <= 6 else ["-n", "2"]
    scratch.apply([mutation])
    try:
        outcome, seconds, tail = scratch.pytest(["-x", *workers, *files], timeout)
    finally:
        scratch.restore()
    mutation.seconds += seconds
    if outcome == "error":
        sys.exit(f"pytest could not run {files} under {mutation.symbol} {mutation.change}:\n{tail}")
    if outcome in ("failed", "timeout"):
        mutation.result, mutation.tier = ("timeout" if outcome == "timeout" else "killed"), tier
        mutation.killed_by = (tail.splitlines() or [outcome])[0][:200]
        return True
    mutation.result, mutation.tier = "survived", tier
    return False


def _failing_tests(scratch: Scratch, batch: list[Mutation], timeout: float) -> tuple[list[str], float]:
    report = scratch.dir / "batch.xml"
    scratch.apply(batch)
    try:
        outcome, seconds, _ = scratch.pytest(["-n", "2", f"--junitxml={report}", "tests"], timeout)
    finally:
        scratch.restore()
    failing: list[str] = []
    if report.exists():
        for case in ElementTree.parse(report).getroot().iter("testcase"):
            if case.find("failure") is not None or case.find("error") is not None:
                module = case.get("classname", "").split(".")
                # classname "tests.test_x" or "tests.test_x.TestClass"
                path = "/".join(module[:2]) + ".py"
                node = "::".join([path, *module[2:], case.get("name", "")])
                failing.append(node)
        report.unlink()
    if outcome == "timeout":
        failing.append("<timeout>")
    return failing, seconds


def run(mutations: list[Mutation], args: argparse.Namespace) -> None:
    scratches = [Scratch() for _ in range(args.jobs)]
    idle: queue.Queue[Scratch] = queue.Queue()
    for scratch in scratches:
        idle.put(scratch)
    modules = {m.key: m for m in MODULES}
    done = iter(range(1, len(mutations) + 1))
    lock = threading.Lock()

    def one(mutation: Mutation) -> None:
        scratch = idle.get()
        try:
            audited = modules[mutation.module]
            first = _tier_one(mutation, audited)
            group = _test_files(audited.groups)
            targeted, label = _targeted(mutation, audited)
            if args.tests:  # tier 1 is the files asked for
                targeted, label = args.tests, "1 (--tests)"
            killed = bool(targeted) and _run_tier(scratch, mutation, label, targeted, args.timeout)
            if not killed and args.binding_files:
                _run_tier(scratch, mutation, "2 (binding's files)", sorted(set(group) | set(first)), args.timeout)
            elif not killed and not targeted:  # straight on to the whole suite
                mutation.result, mutation.tier = "survived", "1 (no test file names it)"
        finally:
            idle.put(scratch)
        with lock:
            if args.json:  # as it goes: a run stopped early keeps what it measured
                args.json.write_text(json.dumps([asdict(m) for m in mutations], indent=1))
            print(f"[{next(done)}/{len(mutations)}] {mutation.name} (line {mutation.line}): {mutation.result} (tier {mutation.tier}, {mutation.seconds:.0f} s) "
                  f"{mutation.killed_by}", file=sys.stderr, flush=True)

    try:
        if args.baseline:
            for audited in MODULES:
                if not any(m.module == audited.key for m in mutations):
                    continue
                outcome, seconds, tail = scratches[0].pytest(["-x", "-n", "2", *_test_files(audited.groups)],
                                                             args.timeout)
                print(f"baseline {audited.key}: {outcome} in {seconds:.0f} s", file=sys.stderr)
                if outcome != "passed":
                    sys.exit(f"the unmutated tests of {audited.key} do not pass:\n{tail}")
        pool = ThreadPoolExecutor(args.jobs)
        try:
            list(pool.map(one, mutations))
        finally:  # stopped (SIGTERM, Ctrl-C): nothing more starts
            pool.shutdown(wait=False, cancel_futures=True)
        if args.whole_suite:
            _whole_suite(scratches[0], [m for m in mutations if m.result == "survived"], args.timeout * 4)
    finally:
        for scratch in scratches:
            scratch.close()


def _whole_suite(scratch: Scratch, survivors: list[Mutation], timeout: float) -> None:
    batches: list[list[Mutation]] = []
    for mutation in survivors:  # one mutation per place in a batch
        for batch in batches:
            if all(other.place != mutation.place for other in batch):
                batch.append(mutation)
                break
        else:
            batches.append([mutation])
    for batch in batches:
        failing, seconds = _failing_tests(scratch, batch, timeout)
        print(f"whole suite, batch of {len(batch)}: {len(failing)} failing in {seconds:.0f} s "
              f"{' '.join(failing[:5])}", file=sys.stderr, flush=True)
        for mutation in batch:
            mutation.seconds += seconds / len(batch)
            if not failing:
                mutation.tier = "3 (whole suite)"
                continue
            if "<timeout>" in failing:
                sys.exit("a whole-suite batch timed out; run with a longer --timeout")
            _run_tier(scratch, mutation, "3 (whole suite)", failing, timeout)
            print(f"  {mutation.name} (line {mutation.line}): {mutation.result}",
                  file=sys.stderr, flush=True)


# -- the report ---------------------------------------------------------------------------
def report(mutations: list[Mutation], total: int, args: argparse.Namespace) -> str:
    ran = [m for m in mutations if m.result != "not run"]
    killed = [m for m in ran if m.result == "killed"]
    survivors = [m for m in ran if m.result == "survived"]
    # a run that timed out is no kill: on a loaded machine a slow run is the likelier cause
    timeouts = [m for m in ran if m.result == "timeout"]
    lines = [f"{len(ran)} mutations ({total} found{', sampled' if len(mutations) < total else ''}), "
             f"{len(killed)} killed, {len(survivors)} survived"
             f"{f', {len(timeouts)} timed out (run them again with a longer --timeout)' if timeouts else ''}"
             f"{'' if args.whole_suite else ' the binding files (whole suite not run)'}", ""]
    by_module: dict[str, list[int]] = {}
    for mutation in ran:
        counts = by_module.setdefault(mutation.module, [0, 0])
        counts[0] += 1
        counts[1] += mutation in killed
    lines += ["| module | mutations | killed |", "| --- | --- | --- |"]
    lines += [f"| {module} | {n} | {k} |" for module, (n, k) in by_module.items()]
    lines += ["", "Survivors:", "", "| module | line | symbol | mutation | last tier run |",
              "| --- | --- | --- | --- | --- |"]
    lines += [f"| {m.module} | {m.line} | `{m.symbol}` | {m.change} | {m.tier} |" for m in survivors + timeouts]
    if not survivors:
        lines.append("| (none) | | | | |")
    return "\n".join(lines)


OLD_FORMAT = re.compile(r"(?P<module>[\w-]+):(?P<line>\d+) (?P<rest>.+)")


def picked(lines: list[str], mutations: list[Mutation]) -> tuple[list[Mutation], list[str]]:
    """The mutations ``lines`` name (as ``--list`` prints them; blank lines and ``#`` comments skipped),
    and the lines that name none. A line of the old format, ``module:LINE symbol change`` (before
    audit25), is read too: the mutation at that line, else the one mutation of that module, symbol
    and change wherever it moved."""
    by_name = {m.name: m for m in mutations}
    found: list[Mutation] = []
    unknown: list[str] = []
    for line in (line.strip() for line in lines):
        if not line or line.startswith("#"):
            continue
        mutation = by_name.get(line)
        old = OLD_FORMAT.fullmatch(line) if mutation is None else None
        if old:
            same = [m for m in mutations if m.module == old["module"] and f"{m.symbol} {m.change}" == old["rest"]]
            at_line = [m for m in same if m.line == int(old["line"])]
            mutation = (at_line or same)[0] if len(at_line) == 1 or len(same) == 1 else None
        if mutation is None:
            unknown.append(line)
        else:
            found.append(mutation)
    chosen = {id(m) for m in found}
    return [m for m in mutations if id(m) in chosen], unknown


def _modules_picked(lines: list[str]) -> set[str]:
    """The modules ``lines`` (a ``--pick`` file, see :func:`picked`) name: each line's first word, a
    mutation's module (``module:LINE`` in the old format). Only these are worked out for ``--pick``
    (each of the 301 audited modules is about 20 ms of walking its tree)."""
    return {line.split(" ", 1)[0].split(":", 1)[0] for line in (line.strip() for line in lines)
            if line and not line.startswith("#")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--only", action="append", choices=[m.key for m in MODULES],
                        help="audit only this module (repeatable)")
    parser.add_argument("--symbol", action="append", help="only the mutations of this constant or function")
    parser.add_argument("--skip", action="append", help="leave out the mutations of this constant or function")
    parser.add_argument("--pick", type=Path, help="only the mutations this file lists, one a line as --list prints "
                        "them (the ones an earlier, stopped run did not reach)")
    parser.add_argument("--list", action="store_true", help="list the mutations and run nothing")
    parser.add_argument("--sample", type=int, help="run only this many mutations, chosen at random (--seed)")
    parser.add_argument("--seed", type=int, default=31)
    parser.add_argument("--no-whole-suite", dest="whole_suite", action="store_false",
                        help="stop after the binding's files (tier 2)")
    parser.add_argument("--tests", action="append", help="tier 1 runs this test file (repeatable) instead of the "
                        "files naming the mutation: to show survivors killed by the tests written for them")
    parser.add_argument("--no-binding-files", dest="binding_files", action="store_false",
                        help="skip tier 2: what tier 1 leaves goes straight to the whole suite (on a loaded machine "
                        "one whole-suite batch costs less than a binding's files run once per mutation)")
    parser.add_argument("--no-baseline", dest="baseline", action="store_false",
                        help="do not first check that the unmutated binding files pass")
    parser.add_argument("--jobs", type=int, default=1, help="mutations run at once, each in its own copy")
    parser.add_argument("--timeout", type=float, default=300, help="seconds per run (the whole suite gets 4x)")
    parser.add_argument("--json", type=Path, help="also write every mutation's result here")
    args = parser.parse_args(argv)

    picks = args.pick.read_text().splitlines() if args.pick else None
    named = _modules_picked(picks) if picks is not None else None  # (no other module's mutation is one of them)
    mutations = [m for audited in MODULES if (not args.only or audited.key in args.only)
                 and (named is None or audited.key in named) for m in find_mutations(audited)]
    if args.symbol:
        mutations = [m for m in mutations if m.symbol in args.symbol or m.symbol.split("(")[0] in args.symbol]
    if args.skip:
        mutations = [m for m in mutations if m.symbol not in args.skip and m.symbol.split("(")[0] not in args.skip]
    if picks is not None:
        mutations, unknown = picked(picks, mutations)
        if unknown:
            parser.error(f"{args.pick} lists mutations that are not (or no longer) found: {unknown[:5]}")
    total = len(mutations)
    if args.sample and args.sample < total:
        mutations = sorted(random.Random(args.seed).sample(mutations, args.sample), key=lambda m: (m.path, m.start))
    if args.list:
        for m in mutations:
            print(m.name)
        print(f"{len(mutations)} mutations")
        return 0
    # those no test file names first, then the others in a random order: the likeliest survivors
    # are measured first, and a run cut short has measured a fair sample of the rest
    modules = {m.key: m for m in MODULES}
    random.Random(args.seed).shuffle(mutations)
    mutations.sort(key=lambda m: bool(_tier_one(m, modules[m.module])))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("stopped"))
    began = time.monotonic()
    run(mutations, args)
    text = report(mutations, total, args)
    print(text)
    print(f"\n({time.monotonic() - began:.0f} s)")
    if args.json:
        args.json.write_text(json.dumps([asdict(m) for m in mutations], indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
