"""What ``import workers_env``, ``load_env`` and a Worker's first request import (startup57): a
plain import takes no binding, SQLite, numpy or the runtime; an env of a config without
``[[d1_databases]]``, ``[[kv_namespaces]]`` or ``[ai]`` -- the usual ``workers-env dev`` start --
imports none of those bindings (load_env builds every kind: D1's alone was ~14-38 ms of a start),
nor the ``.assetsignore`` rules without assets; and their modules compile none of the regular
expressions a start never uses (compiled at first use). A config naming D1 and KV gets them. One
fresh process (modules cannot be unloaded from this one)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from worker_helpers import HELLO, one_file_worker

SCRIPT = """\
import re, sys

compiled_by = set()
_compile = re._compile
def _recording(pattern, flags):
    if not isinstance(pattern, re.Pattern):
        frame = sys._getframe(1)  # past re's own frames and lazy_pattern's: the code that asked
        while frame.f_globals.get("__name__") in ("re", "workers_env._lazyre"):
            frame = frame.f_back
        if frame.f_code.co_name == "<module>":  # a module's own body: compiled as it is imported
            compiled_by.add(frame.f_globals.get("__name__"))
    return _compile(pattern, flags)
re._compile = _recording

HEAVY = ("numpy", "sqlite3", "workers_env.assets.ignorefile", "workers_env.d1.binding", "workers_env.d1.database", "workers_env.kv.namespace",
         "workers_env.ai.catalog", "workers_env.vectorize.binding")
def heavy(*more):
    return sorted(m for m in (*HEAVY, *more) if m in sys.modules)

seen = {}
import workers_env
seen["import workers_env"] = heavy("asyncio", "workers_env.runtime", "workers_env.config", "uvicorn")
env = workers_env.load_env("hello")
seen["load_env"] = heavy()
worker = workers_env.load_worker("hello", env=env)
import asyncio
response = asyncio.run(worker.fetch("http://localhost/"))
seen["a request"] = (response.status, heavy())
import workers_env.cli.dev, workers_env.runtime.server
seen["regexes compiled at import"] = sorted(compiled_by & {
    "workers_env.runtime.email_events", "workers_env.config.devvars", "workers_env.assets.redirects",
    "workers_env.assets.headers", "workers_env.runtime.eras", "workers_env.runtime.cacheapi",
    "workers_env.runtime.timezone"})
env = workers_env.load_env("named")
seen["named"] = (sorted(k for k in dir(env) if k.isupper()), heavy())
print(seen)
"""


def test_a_start_imports_no_binding_its_config_does_not_name(tmp_path: Path) -> None:
    one_file_worker(tmp_path / "hello", HELLO)
    one_file_worker(tmp_path / "named", HELLO, extra='[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\n'
                    'database_id = "x"\n\n[[kv_namespaces]]\nbinding = "KV"\nid = "abc"\n')
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT)], cwd=tmp_path, capture_output=True,
                         text=True, check=True, timeout=60).stdout
    assert eval(out) == {  # noqa: S307 - our own script's repr
        "import workers_env": [],
        "load_env": [],
        "a request": (200, []),
        "regexes compiled at import": [],
        "named": (["DB", "KV"], ["sqlite3", "workers_env.d1.binding", "workers_env.d1.database",
                                 "workers_env.kv.namespace"]),
    }
