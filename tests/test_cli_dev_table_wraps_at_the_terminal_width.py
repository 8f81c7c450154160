"""``workers-env dev``'s bindings table on a terminal, as wrangler dev 4.164.0 lays it out
(``printBindings``: when the widest row -- ``env.NAME (value)``, six spaces, the kind, six spaces,
the mode -- is at least the terminal's width, each value goes on a line of its own under its
binding, indented two spaces, and the columns are four spaces apart). Measured in a pseudo-terminal
with a JavaScript twin of this config at 60, 100, 124, 125, 126, 127 and 200 columns (leftovers46b):
wrangler's tables and ours identical at each; this table is 126 wide, so 126 columns wrap and 127
do not. Piped (no terminal), it never wraps."""

from __future__ import annotations

import contextlib
import fcntl
import os
import select
import struct
import termios
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


class _WouldServe(Exception):
    """Raised where dev would listen: everything up to its ``Loaded`` line is printed."""


def _on_a_terminal(project: Path, columns: int, monkeypatch: pytest.MonkeyPatch) -> str:
    """What dev prints before it would listen with its stdout and stderr a pseudo-terminal
    ``columns`` wide (its line ends as written) -- run in this process through ``cli.main`` (a
    ``python -m workers_env dev`` start was ~0.55 s of CPU each): the table reads the width and
    whether it is a terminal from ``sys.stdout``, which here is that terminal's file."""
    from workers_env.cli import devtable, main
    from workers_env.runtime import server

    def bind(*_args: object, **_kwargs: object) -> None:
        raise _WouldServe

    monkeypatch.setattr(server, "bind", bind)
    monkeypatch.setattr(devtable, "_explained", False)  # (once a process: this one is not fresh)
    monkeypatch.chdir(project)
    for name in [name for name in os.environ if name.startswith("CLOUDFLARE_")]:
        monkeypatch.delenv(name)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
    out = b""
    try:
        with open(slave, "w", encoding="utf-8", buffering=1) as terminal:  # (line-buffered, as on a terminal)
            with contextlib.redirect_stdout(terminal), contextlib.redirect_stderr(terminal):
                with pytest.raises(_WouldServe):
                    main(["dev", "--port", "0", "--ip", "127.0.0.1"])
        while select.select([master], [], [], 0.5)[0]:
            try:
                chunk = os.read(master, 65536)
            except OSError:  # the terminal closed: all read
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(master)
    return out.decode().replace("\r\n", "\n")


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return python_project(tmp_path_factory.mktemp("table") / "app", answering("ok"), config_extra=CONFIG)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize(("columns", "table"), [(60, WRAPPED), (126, WRAPPED), (127, UNWRAPPED), (200, UNWRAPPED)])
def test_the_table_wraps_as_wranglers_at_the_terminals_width(project: Path, columns: int, table: str,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    assert _on_a_terminal(project, columns, monkeypatch).startswith(table + "Loaded ")


def test_piped_it_never_wraps(project: Path) -> None:
    from dev_reload_helpers import dev_start_output

    assert dev_start_output(project).startswith(UNWRAPPED)
