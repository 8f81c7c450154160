"""The state beside the config, when a relative ``persist_to`` names another one.

``load_env(persist_to=".wrangler/state")`` reads the folder from the current one, as wrangler's
``--persist-to`` does; run from a subfolder of the project it opens a new, empty state while the
one ``workers-env kv``/``vectorize``/``d1`` and wrangler wrote sits beside the config. A KV read or
a Vectorize query of that empty state fails nowhere, so the bindings warn
(:class:`~workers_env.StateElsewhereWarning`) when the state beside the config holds entries of a
namespace or index that is empty in the other state. Only a relative ``persist_to`` is looked at: an absolute one (a test's
``tmp_path``) is a state chosen on purpose.
"""

from __future__ import annotations

import contextlib
import sqlite3
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from workers_env._errors import ConfigError, StateElsewhereWarning, caller_level

if TYPE_CHECKING:
    from workers_env.config import WorkerConfig

__all__ = ["default_persist_to", "other_state_beside", "read_quietly", "shown", "warn_state_elsewhere"]

T = TypeVar("T")

#: How long a look at the state beside the config waits on another process's lock: a few ms
#: (the stores' own connections wait up to 15 or 30 s), then the guidance is left out.
QUIET_TIMEOUT_S = 0.005


def default_persist_to(config: str | Path | None = None) -> Path:
    """The state root ``workers-env dev`` and the CLI use when no ``--persist-to`` is given.

    ``.wrangler/state`` in the folder of the wrangler config -- ``config`` (a file, or a
    folder to search upward from) or the one found upward from the current folder -- or in
    the current folder when there is none. (Here rather than with the Vectorize store, which
    imports numpy: ``workers-env dev`` of a Worker without Vectorize needs no numpy.)
    """
    from workers_env.config import find_config

    try:
        found = find_config(config)
    except ConfigError:
        if config is not None:
            raise
        return Path.cwd() / ".wrangler" / "state"
    return found.parent / ".wrangler" / "state"


def other_state_beside(config: WorkerConfig, persist_to: Path | None) -> Path | None:
    """The state beside the config when ``persist_to`` is relative, names that state read from the
    config's folder (``.wrangler/state``) and another folder read from the current one (a run from
    a subfolder). A relative ``persist_to`` naming another state from the config's folder too
    (``scratch``) is a state chosen on purpose, as an absolute one is."""
    if persist_to is None or persist_to.is_absolute():
        return None
    beside = config.root / ".wrangler" / "state"
    try:
        wanted = beside.resolve()
        if (config.root / persist_to).resolve() != wanted or persist_to.resolve() == wanted:
            return None
        persist_to.stat()  # a symlink loop: Python 3.13's resolve() leaves it unresolved, silently
    except FileNotFoundError:
        pass  # a state not made yet reads as empty: the guidance stands
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, on Python 3.11 and 3.12
        return None  # the store's own error says what is wrong with the folder
    return beside


def shown(path: Path) -> Path:
    """``path`` resolved for a message, or made absolute where resolving fails (a symlink loop,
    a folder that cannot be searched): a note never fails in place of the error it notes."""
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


def read_quietly(path: Path, read: Callable[[sqlite3.Connection], T]) -> T | None:
    """``read`` run on the SQLite file at ``path`` opened read-only, for guidance alone: it waits
    at most a few ms on another process's lock, and creates no file -- a read-only connection to
    a WAL database leaves a ``-wal`` and a ``-shm`` file behind, so one with neither beside it (no
    connection has it open) is read as immutable, and one with only one of them (a writer in
    exclusive locking mode) is skipped. ``None`` when the file is missing, cannot be searched for
    or read, is locked, damaged, or not what ``read`` expects."""
    try:
        if not path.is_file():  # raises for a folder that cannot be searched (EACCES)
            return None
        with path.open("rb") as handle:
            wal_mode = handle.read(100)[18:20] == b"\x02\x02"  # the header's read and write versions
        uri = f"{path.resolve().as_uri()}?mode=ro"
        if wal_mode:
            beside = [path.with_name(path.name + suffix).exists() for suffix in ("-wal", "-shm")]
            if not any(beside):
                uri += "&immutable=1"
            elif not all(beside):
                return None
        with contextlib.closing(sqlite3.connect(uri, uri=True, timeout=QUIET_TIMEOUT_S)) as db:
            return read(db)
    except (OSError, RuntimeError, ValueError, sqlite3.Error):  # RuntimeError: a symlink loop (3.11, 3.12)
        return None


def warn_state_elsewhere(what: str, binding: str, persist_to: Path, beside: Path) -> None:
    """Warn that ``what`` (``the KV namespace "id"``) is empty under ``persist_to`` while the
    state beside the config holds entries of it."""
    warnings.warn(
        f"{what} (binding {binding}) is empty under persist_to={str(persist_to)!r} ({shown(persist_to)}), "
        f"while the state beside the config ({beside}, where workers-env and wrangler write) holds some: "
        "a relative persist_to is read from the current folder, not the config's (an absolute "
        "persist_to reads the same state from any folder)",
        StateElsewhereWarning, stacklevel=caller_level())
