"""The wrangler config as the mirror commands (``d1``, ``kv``, ``vectorize``) read it.

One reader for ``--config/-c`` and ``--env``/``CLOUDFLARE_ENV``: the config found (or named),
checked as wrangler checks it before a command runs, its warnings printed. A ``-c`` file that
cannot be opened is wrangler's ``Could not read file`` with Node's error; a ``-c`` folder is
searched upward (our addition: wrangler reads no folder). ``warn_config`` prints a config's
warnings in wrangler's block (``workers-env dev`` too).
"""

from __future__ import annotations

import argparse
import dataclasses
import os
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers_env._errors import ConfigError
from workers_env.cli.common import node_fs_error, warn_block
from workers_env.config.wrangler import checked_config
from workers_env.config.wrangler import find_config

if TYPE_CHECKING:
    from workers_env.config import WorkerConfig
    from workers_env.config.diagnostics import Report

__all__ = ["UnreadableConfig", "check_openable", "config_environment", "read_config", "state_root", "warn_config"]

#: the names wrangler reads as a config file (``parseRawConfigFile``); any other ``-c`` it
#: reads as an empty config without opening it
_CONFIG_SUFFIXES = (".toml", ".json", ".jsonc")


def warn_config(path: Any, environment: str | None, extra_checks: Sequence[Any] = ()) -> Callable[[], WorkerConfig]:
    """Print the config's warnings as wrangler does before a command runs (the unknown
    ``--env``, bindings an environment does not inherit, unexpected fields, ...); what it
    returns takes the config read (or raises load_config's error), without a second read."""
    report, take = checked_config(path, environment=environment, extra_checks=list(extra_checks))
    _warn_report(report)
    return take


def _warn_report(report: Report) -> None:
    if report.warnings:
        warn_block(dataclasses.replace(report, errors=()).render())


class UnreadableConfig(ConfigError):
    """A ``-c`` file that cannot be opened: ``Could not read file: X``, then Node's error
    (``ENOENT: ..., open '/abs/X'``) on its own line (printed as wrangler's note below it)."""


def check_openable(path: str) -> None:
    """wrangler's ``readFileSync`` failing on ``path`` (missing, a folder on the way that is a
    file, a name too long): Node's message, the first ``path`` in it made absolute, as
    wrangler writes it. A folder, an existing file and a name wrangler would not read are left
    to the config reader."""
    if not path.endswith(_CONFIG_SUFFIXES) or os.path.isdir(path):
        return
    try:
        os.stat(path)
    except OSError as exc:
        node = node_fs_error(exc, "open", path).replace(path, os.path.abspath(path), 1)
        raise UnreadableConfig(f"Could not read file: {path}\n{node}", path=path) from None


def config_environment(args: argparse.Namespace) -> str | None:
    """The environment a command reads the config for, as wrangler's ``args.env ??
    CLOUDFLARE_ENV``: ``-e NAME``, else ``$CLOUDFLARE_ENV``; an empty one (``-e ""``, which
    ``CLOUDFLARE_ENV`` does not replace) is the top level (``None``)."""
    given = getattr(args, "env", None)
    return (given if given is not None else os.environ.get("CLOUDFLARE_ENV")) or None


def state_root(args: argparse.Namespace) -> Path:
    """``.wrangler/state`` beside the config of ``args.config`` (a file, or a folder searched
    upward; default: the one found upward from the current folder), else in the current folder,
    as for wrangler's ``-c ""`` (no config)."""
    from workers_env._statebeside import default_persist_to

    return Path.cwd() / ".wrangler" / "state" if args.config == "" else default_persist_to(args.config)


def read_config(args: argparse.Namespace, *, reads: int = 1) -> WorkerConfig | None:
    """The config of ``args.config`` (file or folder; default: searched upward from the current
    folder) for ``--env`` (default ``$CLOUDFLARE_ENV``), read before the command does anything.

    Its warnings print on stderr as wrangler prints them (with ``--json`` too), before its
    errors: a broken config then raises :class:`ConfigError` (nothing written). ``reads``: how
    many times the wrangler command reads a valid config, each read printing its warnings again
    (``kv``'s handlers read it once more after wrangler's command runner: 2). ``None`` when no ``-c`` is given
    and there is no config anywhere, or ``-c ""`` (wrangler's "no config"): each command then
    answers in its own words (kv's ``--namespace-id`` still works, vectorize keeps its state in
    the current folder).
    """
    if args.config == "":  # wrangler's readConfig: an empty path is no config, none searched for
        return None
    if args.config is None:
        try:
            find_config(None)
        except ConfigError:
            return None
    else:
        check_openable(args.config)
    environment = config_environment(args)
    report, take = checked_config(args.config, environment=environment)
    for _ in range(reads if report.ok else 1):
        _warn_report(report)  # its warnings first (an unknown --env, ...), as wrangler's readConfig
    return take()  # then a broken one is reported as such
