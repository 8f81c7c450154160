"""A line naming no command (``--version``, ``--help``, a bare ``workers-env``, a mistyped command)
builds no command's parser and imports neither numpy nor any binding package -- building them all
took ~0.55 s of such a line's CPU (cli57) -- and prints byte for byte what it printed with every
command's parser built."""

from __future__ import annotations

import contextlib
import importlib.abc
import io
import sys
from collections.abc import Iterator

import pytest

from workers_env import cli
from workers_env.cli.toplevel import SUMMARIES

#: what a top-level line must not import: numpy, every binding package, the runtime, each command
_FORBIDDEN = ("numpy", "workers_env.vectorize", "workers_env.ai", "workers_env.d1", "workers_env.kv",
              "workers_env.queues", "workers_env.ratelimit", "workers_env.assets", "workers_env.runtime",
              *(f"workers_env.cli.{name}" for name in SUMMARIES))


def _forbidden(name: str) -> bool:
    return any(name == top or name.startswith(top + ".") for top in _FORBIDDEN)


class _Refuse(importlib.abc.MetaPathFinder):
    """Refuses (and notes) every import of a forbidden module."""

    def __init__(self) -> None:
        self.tried: list[str] = []

    def find_spec(self, name: str, path: object = None, target: object = None) -> None:
        if _forbidden(name):
            self.tried.append(name)
            raise ImportError(f"{name} imported by a line naming no command")
        return None


@contextlib.contextmanager
def _refusing(monkeypatch: pytest.MonkeyPatch) -> Iterator[_Refuse]:
    """This process as if none of :data:`_FORBIDDEN` were imported yet, each import of one refused;
    the modules and the package attributes put back on leaving (before any assertion fails, so
    that pytest reports it with every module at hand)."""
    with monkeypatch.context() as patch:
        for name in [name for name in sys.modules if _forbidden(name)]:
            patch.delitem(sys.modules, name)
        for name in SUMMARIES:
            patch.delattr(cli, name, raising=False)
        finder = _Refuse()
        patch.setattr(sys, "meta_path", [finder, *sys.meta_path])
        yield finder


def _run(line: list[str]) -> tuple[object, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code: object = cli.main(line)
        except SystemExit as exc:
            code = ("exit", exc.code)
        except ImportError as exc:
            code = ("ImportError", str(exc))
    return code, out.getvalue(), err.getvalue()


def test_version_and_help_lines_import_no_command_nor_numpy(monkeypatch: pytest.MonkeyPatch) -> None:
    with _refusing(monkeypatch) as refused:
        shown = {" ".join(line): _run(line) for line in (["--version"], ["-v"], ["--help"], ["dve"],
                                                         ["--version=false"], [])}
        tried = list(refused.tried)
        guarded = _run(["validate", "--help"])[0]  # (the guard holds: a line naming a command imports it)
    assert tried == []
    assert shown["--version"] == shown["-v"] == (("exit", 0), cli.installed_version() + "\n", "")
    code, out, _ = shown["--help"]
    assert code == ("exit", 0) and all(f"\n    {name} " in out for name in SUMMARIES)
    assert shown["--version=false"] == shown[""] == (0, out, "")  # (yargs' false: no version)
    code, out, err = shown["dve"]  # a mistyped command: the error, the box, the help
    assert (code, err) == (1, "\u2718 [ERROR] Unknown argument: dve\n\n\n") and '"workers-env dev"' in out
    assert guarded == ("ImportError", "workers_env.cli.validate imported by a line naming no command")


#: lines naming no command, some read with every command's parser all the same (``-- dev``,
#: ``--foo dev``: dev's help; ``--prefix -1e5``: an option of some command takes ``-1e5``)
ODD_LINES = [[], ["--help"], ["-h"], ["nope"], ["--nope"], ["--version"], ["-v"], ["--version=false"],
             ["--version=1"], ["--no-v"], ["-v", "false"], ["-hv"], ["-vh"], ["--help=false"], ["vectorise"],
             ["kv:namespace"], ["--", "dve", "x"], ["--", "dev"], ["--foo", "dev"], ["--prefix", "-1e5"],
             ["-c", "x", "--version"], ["--local", "true"], ["-_=dev"], ["nope", "--version"], ["-1e5"]]


@pytest.mark.parametrize("line", ODD_LINES, ids=" ".join)
def test_top_level_line_prints_what_every_commands_parser_printed(line: list[str], monkeypatch: pytest.MonkeyPatch,
                                                                 tmp_path: object) -> None:
    monkeypatch.chdir(tmp_path)  # type: ignore[arg-type]
    shown = _run(line)
    monkeypatch.setattr(cli, "top_level_only", lambda *lines: False)  # every command's parser, as before
    assert shown == _run(line)


def test_the_summaries_are_the_commands_own_help_lines() -> None:
    assert cli.build_parser(summaries_only=True).format_help() == cli.build_parser().format_help()
