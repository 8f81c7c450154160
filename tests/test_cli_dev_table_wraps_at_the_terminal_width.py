"""``workers-env dev``'s bindings table on a terminal, as wrangler dev 4.164.0 lays it out
(``printBindings``: when the widest row -- ``env.NAME (value)``, six spaces, the kind, six spaces,
the mode -- is at least the terminal's width, each value goes on a line of its own under its
binding, indented two spaces, and the columns are four spaces apart). Measured in a pseudo-terminal
with a JavaScript twin of this config at 60, 100, 124, 125, 126, 127 and 200 columns (leftovers46b):
wrangler's tables and ours identical at each; this table is 126 wide, so 126 columns wrap and 127
do not. Piped (no terminal), it never wraps."""

from __future__ import annotations

import fcntl
import os
import select
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from dev_reload_helpers import answering, python_project

CONFIG = '''[vars]
A_RATHER_LONG_VARIABLE_NAME_FOR_WRAPPING = "a value that is long enough to be cut by wrangler's truncate"
SHORT = "x"
[[kv_namespaces]]
binding = "MY_KV_NAMESPACE_WITH_A_LONG_NAME"
id = "0123456789abcdef0123456789abcdef"
[[d1_databases]]
binding = "DB"
database_name = "db"
database_id = "x"
'''
WRAPPED = '''Your Worker has access to the following bindings:
Binding                                         Resource                Mode
env.MY_KV_NAMESPACE_WITH_A_LONG_NAME            KV Namespace            local
  0123456789abcdef0123456789abcdef
env.DB                                          D1 Database             local
  db
env.A_RATHER_LONG_VARIABLE_NAME_FOR_WRAPPING    Environment Variable    local
  "a value that is long enough to be cut..."
env.SHORT                                       Environment Variable    local
  "x"

'''
UNWRAPPED = '''Your Worker has access to the following bindings:
Binding                                                                                        Resource                  Mode
env.MY_KV_NAMESPACE_WITH_A_LONG_NAME (0123456789abcdef0123456789abcdef)                        KV Namespace              local
env.DB (db)                                                                                    D1 Database               local
env.A_RATHER_LONG_VARIABLE_NAME_FOR_WRAPPING ("a value that is long enough to be cut...")      Environment Variable      local
env.SHORT ("x")                                                                                Environment Variable      local

'''


def _on_a_terminal(project: Path, columns: int) -> str:
    """What dev prints up to ``Ready on`` on a pseudo-terminal ``columns`` wide (its line ends as written)."""
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    env = {k: v for k, v in os.environ.items() if not k.startswith("CLOUDFLARE_")}
    proc = subprocess.Popen([sys.executable, "-m", "workers_env", "dev", "--port", "0", "--ip", "127.0.0.1"],
                            cwd=project, stdin=slave, stdout=slave, stderr=slave, env={**env, "PYTHONUNBUFFERED": "1"})
    os.close(slave)
    out = b""
    try:
        deadline = time.monotonic() + 60
        while b"Ready on" not in out and time.monotonic() < deadline and proc.poll() is None:
            if select.select([master], [], [], 0.2)[0]:
                try:
                    out += os.read(master, 65536)
                except OSError:  # the terminal closed: dev ended
                    break
    finally:
        proc.terminate()
        proc.wait(60)
        os.close(master)
    return out.decode().replace("\r\n", "\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return python_project(tmp_path_factory.mktemp("table") / "app", answering("ok"), config_extra=CONFIG)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("columns", "table"), [(60, WRAPPED), (126, WRAPPED), (127, UNWRAPPED), (200, UNWRAPPED)])
def test_the_table_wraps_as_wranglers_at_the_terminals_width(project: Path, columns: int, table: str) -> None:
    assert _on_a_terminal(project, columns).startswith(table + "Loaded ")


def test_piped_it_never_wraps(project: Path) -> None:
    from dev_reload_helpers import dev_start_output

    assert dev_start_output(project).startswith(UNWRAPPED)
