"""Shared by CLI tests: run ``workers-env ARGS`` in-process, as ``python -m workers_env`` runs it.

``__main__`` is ``sys.exit(main())``: the exit code is what ``main`` returns, or the code of a
``SystemExit`` it raises (argparse's ``--help``/``--version``). Tests that pin what only a real
process shows (the entry point itself, signals, closed or broken pipes) start one instead.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from workers_env.cli import main


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> subprocess.CompletedProcess[str]:
    """``main(argv)``'s exit code and what it printed, in the shape ``subprocess.run`` gives."""
    capsys.readouterr()  # nothing printed before belongs to this command
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(argv), code, out, err)


#: a wrangler.toml with a KV namespace (binding KV, id top) and a D1 database (binding DB)
KV_AND_D1 = ('name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "top"\n'
             '[[d1_databases]]\nbinding = "DB"\ndatabase_name = "db"\n'
             'database_id = "00000000-0000-4000-8000-000000000001"\n')

#: a wrangler.toml with a KV namespace at the top level (binding KV) and in [env.staging] (binding KVS)
KV_AND_STAGING = ('name = "w"\n[[kv_namespaces]]\nbinding = "KV"\nid = "top"\n'
                  '[env.staging]\n[[env.staging.kv_namespaces]]\nbinding = "KVS"\nid = "stg"\n')


def in_project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, config: str = KV_AND_D1) -> Path:
    """``tmp_path`` holding ``config`` as its wrangler.toml, made the current folder, with no
    ``CLOUDFLARE_ENV``."""
    (tmp_path / "wrangler.toml").write_text(config)
    monkeypatch.delenv("CLOUDFLARE_ENV", raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def error_line(capsys: pytest.CaptureFixture[str]) -> str:
    """The first line of the error printed since the last read, without its ``✘ [ERROR]`` mark."""
    return capsys.readouterr().err.partition("\n")[0].removeprefix("✘ [ERROR] ")
