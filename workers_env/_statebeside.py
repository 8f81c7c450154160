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

import os
import sys
import warnings
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from workers_env._errors import StateElsewhereWarning

if TYPE_CHECKING:
    from workers_env.config import WorkerConfig

__all__ = ["other_state_beside", "warn_state_elsewhere"]


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
    except (OSError, RuntimeError):  # RuntimeError: a symlink loop, on Python 3.11 and 3.12
        return None  # the store's own error says what is wrong with the folder
    return beside


def _caller_level() -> int:
    """The ``stacklevel`` that points a warning at the first frame outside workers-env (the
    ``load_env`` call)."""
    package = str(Path(__file__).parent) + os.sep  # a sibling folder (workers_env_extra/) is outside it
    frame: FrameType | None = sys._getframe(1)
    level = 1
    while frame is not None and frame.f_code.co_filename.startswith(package):
        frame, level = frame.f_back, level + 1
    return level


def warn_state_elsewhere(what: str, binding: str, persist_to: Path, beside: Path) -> None:
    """Warn that ``what`` (``the KV namespace "id"``) is empty under ``persist_to`` while the
    state beside the config holds entries of it."""
    warnings.warn(
        f"{what} (binding {binding}) is empty under persist_to={str(persist_to)!r} ({persist_to.resolve()}), "
        f"while the state beside the config ({beside}, where workers-env and wrangler write) holds some: "
        "a relative persist_to is read from the current folder, not the config's (an absolute "
        "persist_to reads the same state from any folder)",
        StateElsewhereWarning, stacklevel=_caller_level())
