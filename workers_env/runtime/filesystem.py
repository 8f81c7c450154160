"""Reading a file of the Worker's folder that a deploy would not upload fails, as in production.

Deployed, a Python Worker's folder is workerd's read-only metadata file system holding only the
files wrangler uploaded (see :mod:`workers_env.config.uploads`); any other file of the folder
is not there. Locally it is, so a Worker reading ``content/about.md`` without a module rule
for it passes its tests and fails once deployed. An audit hook (``sys.addaudithook``, one per
process) turns such a read into ``FileNotFoundError`` while Worker code runs: only ``open``
events, only for reads of existing files under the module root, only from code that is not
workers-env's own (its D1/KV state and assets are read for the Worker).
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from types import FrameType

from workers_env.runtime import current

__all__ = ["install_upload_check"]

_INSTALLED = False
_LOCK = threading.Lock()
_PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__))) + os.sep  # workers_env/
_STDLIB = os.path.dirname(os.__file__) + os.sep
_PREFIXES = tuple({os.path.realpath(p) + os.sep for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)})


def _called_by_workers_env(frame: FrameType | None) -> bool:
    """Whether the first caller outside the standard library is workers-env's own code."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(_PACKAGE):
            return True
        stdlib = name.startswith("<") or (name.startswith(_STDLIB) and "-packages" + os.sep not in name)
        if not stdlib:
            return False
        frame = frame.f_back
    return False


def _hook(event: str, args: tuple[object, ...]) -> None:
    if event != "open":
        return
    runtime = current.current_runtime()
    uploads = getattr(runtime, "uploads", None)
    if uploads is None:
        return
    path, mode = args[0], args[1]
    if not isinstance(path, (str, bytes)) or (isinstance(mode, str) and any(c in mode for c in "wax+")):
        return
    if isinstance(args[2], int) and args[2] & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
        return
    try:
        resolved = os.path.realpath(os.fsdecode(path))
    except (TypeError, ValueError):
        return
    if resolved.endswith((".py", ".pyc")) or resolved.startswith(_PREFIXES) or not os.path.isfile(resolved):
        return
    why = uploads.missing(resolved)
    if why is None or _called_by_workers_env(sys._getframe(1)):
        return
    raise FileNotFoundError(errno.ENOENT, f"No such file or directory once deployed ({why})", os.fsdecode(path))


def install_upload_check() -> None:
    """Add the audit hook once per process (audit hooks cannot be removed; it does nothing
    outside a Worker whose runtime carries ``uploads``)."""
    global _INSTALLED
    with _LOCK:
        if not _INSTALLED:
            sys.addaudithook(_hook)
            _INSTALLED = True
