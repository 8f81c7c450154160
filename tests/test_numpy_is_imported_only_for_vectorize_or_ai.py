"""numpy (a fifth of ``workers-env dev``'s start, trim54) is imported only where Vectorize or
Workers AI needs it: the kv, d1, dev and validate commands and an env without either binding
never import it (review85: every ``kv`` command did, through the bulk files' depth count, which
only a file that is not JSON reaches); a binding that only an ``[env.NAME]`` section holds
imports it once that environment is chosen, and ``kv bulk put`` of a file that is not JSON still
counts its depth. One fresh process (numpy cannot be unloaded from this one)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

CONFIG = """\
name = "w"
main = "src/entry.py"
compatibility_date = "2025-06-01"
compatibility_flags = ["python_workers"]

[[kv_namespaces]]
binding = "KV"
id = "abc"

[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "x"

[env.staging]
[[env.staging.vectorize]]
binding = "VEC"
index_name = "idx"
"""

SCRIPT = """\
import contextlib, io, sys
from workers_env import load_env
from workers_env.cli import build_parser, main

def loaded():
    return "numpy" in sys.modules

seen = {}
for command in ("kv", "d1", "dev", "validate"):
    build_parser(command)
    seen[command] = loaded()
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
    seen["kv key list"] = (main(["kv", "key", "list", "--binding", "KV", "--local"]), loaded())
env = load_env(".")
seen["load_env"] = (sorted(k for k in dir(env) if k.isupper()), loaded())
with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
    code = main(["kv", "bulk", "put", "bad.json", "--binding", "KV", "--local"])
seen["kv bulk put of a file that is not JSON"] = (code, "ValueExpected" in err.getvalue(), loaded())
env = load_env(".", environment="staging", indexes={"idx": {"dimensions": 3, "metric": "cosine"}})
seen["load_env staging"] = (sorted(k for k in dir(env) if k.isupper()), loaded())
print(seen)
"""


def test_numpy_waits_for_a_binding_that_needs_it(tmp_path: Path) -> None:
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    (tmp_path / "bad.json").write_text('[{"key": "a", "value": }]')
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(SCRIPT)], cwd=tmp_path, capture_output=True,
                         text=True, check=True, timeout=60).stdout
    assert eval(out) == {  # noqa: S307 - our own script's repr
        "kv": False, "d1": False, "dev": False, "validate": False,
        "kv key list": (0, False),
        "load_env": (["DB", "KV"], False),
        "kv bulk put of a file that is not JSON": (1, True, True),
        "load_env staging": (["VEC"], True),
    }
