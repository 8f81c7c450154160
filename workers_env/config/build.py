"""The config's ``[build] command``, and whether it runs pywrangler's sync.

wrangler runs the ``[build] command`` through the shell before ``dev`` and ``deploy``. When it
runs ``pywrangler sync`` -- or a pywrangler command that syncs first: ``dev``, ``publish``,
``deploy``, ``versions ...`` and, from workers-py 1.17.5, ``preview`` (1.17.9
``ProxyToWranglerGroup.get_command``; ``dev --remote`` exits 1 unsynced from 1.17.6) --
the Worker's packages and ``workers-runtime-sdk`` are vendored into ``python_modules/`` by the
time wrangler uploads. Every other pywrangler command (``build``, ``types``, ``init``, ...) is
handed to wrangler (or create-cloudflare) unsynced. pywrangler's project is the first folder
holding a ``pyproject.toml`` from the folder it runs in (the build's: the config's folder, or
``build.cwd`` relative to it) upwards (workers-py's ``find_pyproject_toml``); with none it stops
with ``pyproject.toml not found in <folder> or any parent directories`` (exit 1), so the build
fails, and wrangler's deploy with it.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path
from typing import Any

from workers_env._oneload import resolved

__all__ = ["SYNCING_COMMANDS", "build_command", "build_folder", "build_syncs", "command_syncs",
           "pywrangler_project", "unfound_pyproject"]

#: the pywrangler commands that vendor python_modules/: ``sync`` itself, and those it runs first
SYNCING_COMMANDS = frozenset({"sync", "dev", "publish", "deploy", "versions", "preview"})
#: a command's options pywrangler refuses before syncing (workers-py 1.17.6 ``unsupported_flags.py``:
#: "`pywrangler dev --remote` is not supported for Python Workers.", exit 1)
_REFUSED_OPTIONS = {"dev": ("--remote", "-r")}
#: what separates the shell's commands on one line (``&&``, ``||``, ``;``, ``|``, ``&``, brackets)
_SEPARATORS = frozenset({"&&", "||", ";", "|", "&", ";;", "(", ")", "|&"})
#: pywrangler's group options before its command: ``--debug`` goes on, ``--help``/``--version`` exit
_EXITING = frozenset({"--help", "--version"})
_ASSIGNMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*=")
#: words that run the command after them (``env``, ``time``, ``exec``, ...), skipped to reach it
_PREFIXES = frozenset({"env", "exec", "time", "command", "nice", "nohup", "sudo"})


def _build_table(config: Any) -> dict[str, Any]:
    """The config's ``[build]`` table (of the selected environment); empty when it has none."""
    merged = getattr(config, "merged", None)
    build = merged.get("build") if isinstance(merged, dict) else None
    return build if isinstance(build, dict) else {}


def build_command(config: Any) -> str | None:
    """The config's ``[build] command`` (of the selected environment), if any."""
    command = _build_table(config).get("command")
    return command if isinstance(command, str) and command else None


def build_folder(config: Any) -> Path | None:
    """The folder the ``[build] command`` runs in: the config's, or ``build.cwd`` relative to it
    (``None`` for a config without a folder)."""
    root = getattr(config, "root", None)
    if root is None:
        return None
    cwd = _build_table(config).get("cwd")
    return Path(root) / cwd if isinstance(cwd, str) and cwd else Path(root)


def pywrangler_project(folder: Path) -> Path | None:
    """The folder pywrangler run in ``folder`` takes as its project: the first one holding a
    ``pyproject.toml``, ``folder`` itself then its parents (workers-py 1.16.7
    ``find_pyproject_toml``); ``None`` when there is none, where pywrangler stops."""
    start = resolved(folder)
    return next((f for f in (start, *start.parents) if (f / "pyproject.toml").is_file()), None)


def unfound_pyproject(config: Any) -> str | None:
    """pywrangler's error when the config's ``[build] command`` runs a syncing pywrangler command
    and no ``pyproject.toml`` is in the build's folder or above it (workers-py 1.16.7
    ``find_pyproject_toml``, which then exits with 1: the build fails, and the deploy); else
    ``None``."""
    command = build_command(config)
    folder = build_folder(config)
    if command is None or folder is None or not command_syncs(command) or pywrangler_project(folder) is not None:
        return None
    return f"pyproject.toml not found in {folder.resolve()} or any parent directories"


def build_syncs(config: Any) -> bool:
    """Whether the config's ``[build] command`` runs a pywrangler command that syncs
    (:func:`command_syncs`) into the Worker's project, so the deploy uploads the
    ``python_modules/`` it vendors: pywrangler's project (:func:`pywrangler_project`, from the
    build's folder) is the config's folder. With no ``pyproject.toml`` there or above
    (:func:`unfound_pyproject`) the build fails; with one only above, pywrangler vendors into
    that folder's ``python_modules/``, not the one wrangler uploads."""
    command = build_command(config)
    folder = build_folder(config)
    if command is None or not command_syncs(command):
        return False
    if folder is None:  # a config without a folder: nothing to look in
        return True
    project = pywrangler_project(folder)
    return project is not None and project == Path(config.root).resolve()


def command_syncs(command: str) -> bool:
    """Whether the shell line ``command`` runs ``pywrangler sync|dev|publish|deploy|versions|preview``:
    directly (``pywrangler sync``, ``.venv/bin/pywrangler sync``), through ``uv run``, ``uvx``,
    ``uv tool run`` or ``python -m pywrangler``, in any of commands chained with ``&&``, ``;``,
    ``||`` or ``|``, or inside ``sh -c '...'``. ``pywrangler build``, ``types`` and ``--help``
    do not sync, nor does a line that only mentions pywrangler (``echo pywrangler sync``)."""
    for line in command.splitlines():
        try:
            lexer = shlex.shlex(line, posix=True, punctuation_chars=True)
            lexer.whitespace_split = True
            lexer.commenters = "#"
            tokens = list(lexer)
        except ValueError:  # an unclosed quote: the shell refuses the line too
            continue
        segment: list[str] = []
        for token in [*tokens, ";"]:
            if token in _SEPARATORS:
                if segment and _segment_syncs(segment):
                    return True
                segment = []
            else:
                segment.append(token)
    return False


def _program(word: str) -> str:
    return word.rsplit("/", 1)[-1]


def _segment_syncs(words: list[str]) -> bool:
    """Whether one simple command (its words) runs a syncing pywrangler command."""
    i = 0
    while i < len(words) and (_ASSIGNMENT.match(words[i]) or _program(words[i]) in _PREFIXES):
        i += 1  # FOO=bar, env, time, ...: the command comes after them
    if i >= len(words):
        return False
    program, rest = _program(words[i]), words[i + 1:]
    if program in ("sh", "bash", "dash", "zsh") and "-c" in rest[:-1]:
        return command_syncs(rest[rest.index("-c") + 1])
    if program == "uv" and rest[:1] == ["run"]:
        rest = rest[1:]
    elif program == "uv" and rest[:2] == ["tool", "run"]:
        rest = rest[2:]
    elif program == "uvx":
        pass
    elif program == "pywrangler":
        return _pywrangler_syncs(rest)
    elif re.fullmatch(r"python[0-9.]*", program) and rest[:2] == ["-m", "pywrangler"]:
        return _pywrangler_syncs(rest[2:])
    else:
        return False
    # uv run / uvx: their own options (some with a value, `--from workers-py`) come before the
    # program; the program is the first word that is pywrangler (or python -m pywrangler)
    for j, word in enumerate(rest):
        if _program(word) == "pywrangler":
            return _pywrangler_syncs(rest[j + 1:])
        if re.fullmatch(r"python[0-9.]*", _program(word)) and rest[j + 1:j + 3] == ["-m", "pywrangler"]:
            return _pywrangler_syncs(rest[j + 3:])
    return False


def _pywrangler_syncs(arguments: list[str]) -> bool:
    """Whether pywrangler given ``arguments`` syncs: its first word that is not an option names
    the command; ``--help`` or ``--version`` before it ends pywrangler without one, and an option
    it refuses for the command (``dev --remote``) ends it before the sync."""
    for i, word in enumerate(arguments):
        if word in _EXITING:
            return False
        if not word.startswith("-"):
            refused = _refused(_REFUSED_OPTIONS.get(word, ()), arguments[i + 1:])
            return word in SYNCING_COMMANDS and not refused
    return False


def _refused(names: tuple[str, ...], arguments: list[str]) -> bool:
    """Whether ``arguments`` (before a ``--``) turn on an option named ``names``, as pywrangler
    reads it: ``--remote`` unless the next word is ``false``, ``--remote=true`` only for ``true``."""
    words = arguments[:arguments.index("--")] if "--" in arguments else arguments
    for i, word in enumerate(words):
        if word in names and (words[i + 1] if i + 1 < len(words) else None) != "false":
            return True
        name, sep, value = word.partition("=")
        if sep and name in names and value == "true":
            return True
    return False
