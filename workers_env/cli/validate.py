"""``workers-env validate [PATH | -c PATH] [--env NAME] [--strict] [--json]``: check a wrangler config.

Prints wrangler's report (warnings, then errors) and exits 0 when there is no error,
1 otherwise. The rules themselves live in :mod:`workers_env.config.diagnostics`.
"""

from __future__ import annotations

import argparse
import difflib
import json
import os
from pathlib import Path
from typing import Any

from workers_env._env import unknown_fields
from workers_env._loglevel import emit, shows
from workers_env._errors import ConfigError
from workers_env.cli.toplevel import SUMMARIES
from workers_env.config import check_config, find_config
from workers_env.config.compat import (
    DEVELOPMENT_PYODIDE_FLAG,
    WRANGLER_DEFAULT_COMPAT_DATE,
    date_example,
    experimental_flags,
    future_date_refusal,
    workerd_refusal,
)
from workers_env.runtime.eras import failing_build_note, missing_sdk_note, missing_sdk_reason
from workers_env.vectorize.definitions import pyproject_diagnostics

__all__ = ["register", "run"]


def register(subparsers: Any) -> None:
    """Add the ``validate`` subcommand to the ``workers-env`` parser."""
    parser = subparsers.add_parser(
        "validate",
        help=SUMMARIES["validate"],
        description=(
            "Check a wrangler configuration with wrangler's own rules and messages. "
            "Exits 0 when there are no errors (warnings allowed), 1 otherwise."
        ),
    )
    parser.add_argument(
        "path",
        nargs="?",
        default=None,
        help="config file, or a folder to search upward from (default: the current folder)",
    )
    parser.add_argument(
        "--env",
        "-e",
        dest="env",
        default=None,
        metavar="NAME",
        help="environment to check, [env.NAME] (default: $CLOUDFLARE_ENV)",
    )
    parser.add_argument(
        "--strict",
        action="store_true",
        help="also check index names and binding names against the service's rules",
    )
    parser.add_argument("--json", action="store_true", help="print the diagnostics as JSON")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Check the config named by ``args`` and print the result; returns the exit code."""
    environment = args.env if args.env is not None else os.environ.get("CLOUDFLARE_ENV")
    environment = environment or None
    configs: list[Any] = []

    def keep(config: Any) -> tuple[()]:  # the parsed config, for the check wrangler does not make
        configs.append(config)
        return ()

    try:
        report = check_config(
            _config_path(args), environment=environment, strict=args.strict,
            extra_checks=[pyproject_diagnostics, keep],
        )
    except ConfigError as exc:
        if args.json:
            payload = {
                "ok": False,
                "config": exc.path,
                "environment": environment,
                "errors": [{"path": None, "message": str(exc), "env": None}],
                "warnings": [],
            }
            emit("log", json.dumps(payload, indent=2, ensure_ascii=False))
        else:
            emit("error", f"workers-env validate: {exc}", "stderr")
        return 1

    notes = [note for note in (_no_sdk_line(configs[0]), *_index_typo_lines(configs[0]),
                               *(_start_lines(configs[0]) if report.ok else ())) if note] if configs else []
    if args.json:
        payload = report.to_json()
        for note in notes:  # listed with the warnings: the exit code and "ok" stay wrangler's
            payload["warnings"].append({"path": None, "message": note, "env": None})
        emit("log", json.dumps(payload, indent=2, ensure_ascii=False))
    else:
        blocks = report.blocks()
        for at, (kind, text) in enumerate(blocks):  # (on stdout, a blank line between them)
            emit(kind, text + ("\n" if at < len(blocks) - 1 and shows(blocks[at + 1][0]) else ""))
        for where, name, close in unknown_fields(d.message for d in report.warnings):
            if close is not None:  # a misspelt binding section makes no binding, and the config still "is valid"
                section = "at the top level" if where == "top-level" else f"in [{where}]"
                emit("warn", f'(workers-env: "{name}" {section} is likely a misspelt "{close}": '
                             "as written it is ignored)")
        for note in notes:  # wrangler accepts the config; the Worker still does not start (or deploy)
            emit("warn", f"({note})")
        if report.ok:
            where = f' (environment "{environment}")' if environment else ""
            emit("log", f"{report.display_path()} is valid{where}.")
    return 0 if report.ok else 1


def _config_path(args: argparse.Namespace) -> str | None:
    """The config ``PATH`` or ``-c/--config`` names (the global option every command takes, which
    a ``validate -c wrangler.toml`` beside a ``wrangler.jsonc`` must check, not the one found);
    an empty ``-c``, or both naming different files (the configs they find: ``x.toml`` and its
    absolute path, or a folder and the file found from it, are one), is refused rather than guessed at."""
    config = getattr(args, "config", None)
    if config == "":
        raise ConfigError('-c "" names no config: pass the config\'s path (-c wrangler.toml), or leave -c out to '
                          "check the one found upward from here")
    if config is not None and args.path is not None and find_config(args.path).resolve() != find_config(config).resolve():
        raise ConfigError(f"Conflicting options: PATH ({args.path}) and --config ({config}) name different "
                          "configs. Please provide only one.")
    return config if config is not None else args.path


def _no_sdk_line(config: Any) -> str | None:
    """workers-env's warning for a Python Worker that will not start because nothing vendors the
    SDK in the external-SDK era (the ``ModuleNotFoundError`` ``load_worker`` raises), or whose
    ``[build] command`` fails for want of a ``pyproject.toml`` (:func:`failing_build_note`), else
    ``None``. wrangler accepts such a config, so this changes no exit code; a ``[tool.workers-env]
    python-sdk`` value that is neither is ``load_worker``'s to refuse."""
    main = getattr(config, "main_path", None)
    if main is None or Path(main).suffix != ".py":
        return None
    try:
        reason = missing_sdk_reason(config)
    except ConfigError:
        return None
    return failing_build_note(config, loading=False) if reason is None else missing_sdk_note(config, reason, loading=False)


def _index_typo_lines(config: Any) -> list[str]:
    """workers-env's note for a ``[[vectorize]]`` index_name that ``[tool.workers-env.indexes]``
    does not define while it defines a name close to it (difflib's 0.8, as ``load_env``'s own "a typo
    in one of the two?") that no binding of the config names: wrangler never reads the table, so the
    config "is valid", and the pytest fixtures then find no definition for the index."""
    defined = [name for name in (getattr(config, "pyproject_indexes", None) or {}) if isinstance(name, str)]
    entries = getattr(config, "vectorize", None) or ()
    named = {entry.index_name for entry in entries}
    lines = []
    for entry in entries:
        if entry.index_name in defined:
            continue
        near = difflib.get_close_matches(entry.index_name, defined, n=1, cutoff=0.8)
        if near and near[0] not in named:
            lines.append(f'workers-env: pyproject.toml\'s [tool.workers-env.indexes] defines "{near[0]}", not '
                         f'"{entry.index_name}" (the index_name of binding {entry.binding}): a typo in one of the '
                         "two? As written, load_env and the pytest fixtures have no definition for it")
    return lines


def _start_lines(config: Any) -> list[str]:
    """workers-env's notes on what wrangler's validation passes and a deploy or start still refuses
    (wrangler deploy --dry-run 4.164.0 passes them too, measured): no ``compatibility_date`` (wrangler
    deploy's own refusal, before the upload; dev runs on its default date), and a date or flags the
    Workers runtime does not start with (Cloudflare's API judges them on upload: not measurable
    offline; ``load_worker`` and ``workers-env dev`` refuse them, in these words), and flags workerd
    marks experimental (:func:`_experimental_lines`). None without a ``main``: there is no Worker to
    deploy or start."""
    if getattr(config, "main_path", None) is None:
        return []
    deploy = _experimental_lines(config)
    if getattr(config, "compatibility_date", None) is None:
        return deploy + [f"workers-env: no compatibility_date: wrangler dev runs the Worker on its default date, "
                         f"{WRANGLER_DEFAULT_COMPAT_DATE}, but wrangler deploy stops (\"A compatibility_date is "
                         f"required when uploading a Worker.\"): add {date_example(config)} to "
                         f"{Path(str(config.path)).name}"]
    future = future_date_refusal(config)
    lines, hints = ([future[0]], [future[1]]) if future is not None else workerd_refusal(config)
    if not lines and not hints:
        return deploy
    return deploy + ["workers-env: wrangler's checks pass this config (deploy --dry-run too), but the Workers "
                     "runtime does not start its Worker (wrangler dev and load_worker stop; Cloudflare judges it on "
                     "upload): " + " ".join([f"{'; '.join(lines)}." if lines else "", *hints]).strip()]


def _experimental_lines(config: Any) -> list[str]:
    """The note on the flags workerd marks experimental: wrangler dev runs them, ``deploy --dry-run``
    passes them, Cloudflare refuses the upload, in workerd's words (``python_workers_development``
    is the load's to refuse, with its own note)."""
    named = [name for name in experimental_flags(getattr(config, "compatibility_flags", None) or ())
             if name != DEVELOPMENT_PYODIDE_FLAG]
    if not named:
        return []
    listed = named[0] if len(named) == 1 else f"{', '.join(named[:-1])} and {named[-1]}"
    them = "them" if len(named) > 1 else "it"
    refusals = " ".join(f"The compatibility flag {name} is experimental and cannot yet be used in Workers deployed "
                        "to Cloudflare." for name in named)
    return [f"workers-env: wrangler dev runs {listed}, and deploy --dry-run passes {them}, but Cloudflare refuses "
            f"the upload: {refusals} Remove {them} from compatibility_flags to deploy"]

