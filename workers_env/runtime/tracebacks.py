"""Which of workers-env's own frames a user's traceback leaves out, as pytest leaves out its own.

An error workers-env raises as its answer to the user's code (a binding's refusal, a config
problem: a ``WorkersEnvError``), or one the user's code raised and workers-env's plumbing only
carried, reads best as production shows it: the user's frames and the error. One that starts
inside workers-env for another reason is most likely a workers-env bug, and keeps every frame.
The pytest plugin applies this through ``__tracebackhide__``; ``workers-env dev`` to the
tracebacks it logs.
"""

from __future__ import annotations

import os
import sysconfig
from types import TracebackType

from workers_env._errors import is_users_mistake

__all__ = ["PACKAGE_DIR", "hides_our_frames", "without_our_frames"]

#: workers-env's own folder (with a trailing separator): frames of files under it are "ours"
PACKAGE_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep


#: the interpreter's and the installed libraries' folders: frames there belong to neither side
_LIBRARIES = tuple(sorted({os.path.join(os.path.abspath(p), "") for key in ("stdlib", "platstdlib", "purelib", "platlib")
                           if (p := sysconfig.get_paths().get(key))}))


def _library(filename: str) -> bool:
    return filename.startswith(_LIBRARIES) or filename.startswith("<frozen ")


def hides_our_frames(error: BaseException, tb: TracebackType | None) -> bool:
    """Whether ``error`` (raised along ``tb``) is shown without workers-env's frames: it is
    workers-env's answer (a ``WorkersEnvError``, or a builtin error marked ``users_mistake``), or the innermost frame that is neither the
    interpreter's nor an installed library's is the user's (a workers-env bug that fails inside
    ``json`` or ``asyncio`` keeps its frames)."""
    if is_users_mistake(error):
        return True
    innermost: str | None = None
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.startswith(PACKAGE_DIR) or not _library(name):
            innermost = name
        tb = tb.tb_next
    return innermost is None or not innermost.startswith(PACKAGE_DIR)


def without_our_frames(error: BaseException) -> TracebackType | None:
    """``error``'s traceback without workers-env's frames where :func:`hides_our_frames` says so
    (a new chain: the exception's own is left as it is), else its traceback unchanged."""
    tb = error.__traceback__
    if not hides_our_frames(error, tb):
        return tb
    kept: list[TracebackType] = []
    while tb is not None:
        if not tb.tb_frame.f_code.co_filename.startswith(PACKAGE_DIR):
            kept.append(tb)
        tb = tb.tb_next
    chain: TracebackType | None = None
    for entry in reversed(kept):
        chain = TracebackType(chain, entry.tb_frame, entry.tb_lasti, entry.tb_lineno)
    return chain
