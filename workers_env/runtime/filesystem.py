"""Reading a file of the Worker's folder that a deploy would not upload fails, and so does
writing there, as in production.

Deployed, a Python Worker's folder is workerd's read-only metadata file system holding only the
files wrangler uploaded (see :mod:`workers_env.config.uploads`); any other file of the folder
is not there. Locally it is, so a Worker reading ``content/about.md`` without a module rule
for it passes its tests and fails once deployed. An audit hook (``sys.addaudithook``, one per
process) turns such a read into ``FileNotFoundError`` while Worker code runs: only ``open``
events, only for reads of existing files under the module root, only from code that is not
workers-env's own (its D1/KV state, assets and the bindings you supply are read for the Worker).
The same hook refuses the Worker's writes under the module root (``open`` for writing, and
``mkdir``, ``remove``, ``rmdir``, ``rename``, ``truncate``, ``chmod``) with the error Pyodide gives
on workerd's read-only ``/session/metadata`` (``createReadonlyFS``, mode 0o555): writable
storage there is the in-memory file system outside it (``/tmp``), gone with the isolate.
The hook also hands the events that start a process to :mod:`workers_env.runtime.processes`.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
from types import FrameType

from workers_env.runtime import current
from workers_env.runtime.processes import PROCESS_EVENTS, refuse_process
from workers_env.runtime.tracebacks import PACKAGE_DIR

__all__ = ["done_for_the_worker", "install_upload_check"]

_INSTALLED = False
_LOCK = threading.Lock()
_PREFIXES = tuple({f(p) + os.sep for p in (sys.prefix, sys.base_prefix, sys.exec_prefix)
                   for f in (os.path.abspath, os.path.realpath)})


def done_for_the_worker(frame: FrameType | None, root: str) -> bool:
    """Whether a read (or an import) is workers-env's, for the Worker (its assets, its state, a
    binding you supplied): walking out from ``frame``, workers-env's code comes before the
    Worker's own (files under the module root); libraries between are neither (jinja2 reading a
    template for the Worker is the Worker's read)."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(PACKAGE_DIR):
            return True
        if name.startswith(root):
            return False
        frame = frame.f_back
    return False


def _installed(path: str) -> bool:
    """Whether ``path`` is in the interpreter's prefix or a site-packages folder on ``sys.path``
    (a library's own data file; deployed, libraries come from ``python_modules``)."""
    if path.startswith(_PREFIXES):
        return True
    return any(entry and "-packages" in entry and path.startswith(os.path.abspath(entry) + os.sep) for entry in sys.path)


#: audit events that change the file system -> how many of their first arguments are paths
_CHANGES = {"os.mkdir": 1, "os.remove": 1, "os.rmdir": 1, "os.rename": 2, "os.truncate": 1, "os.chmod": 1}
_READ_ONLY = ("once deployed (the Worker's folder is workerd's read-only file system there, "
              "/session/metadata; write under /tmp, which is in memory and lasts as long as the isolate)")


def _under(path: object, root: str) -> str | None:
    """``path`` made absolute when it names the module root or a place under it (a
    ``__pycache__`` of it, where the import system writes, and an installed library's files
    excepted), else ``None``. A relative name is never under it: deployed, the working folder
    is Pyodide's writable ``/home/pyodide``, whatever folder the tests or ``dev`` run in here."""
    if not isinstance(path, (str, bytes)):
        return None
    try:
        given = os.fsdecode(path)
        if not os.path.isabs(given):
            return None
        name = os.path.abspath(given)
    except (TypeError, ValueError):
        return None
    if not (name + os.sep).startswith(root):
        name = os.path.join(os.path.realpath(os.path.dirname(name)), os.path.basename(name))
        if not (name + os.sep).startswith(root):
            return None
    if "__pycache__" in name.split(os.sep) or _installed(name):
        return None
    return name


def _refuse_change(event: str, paths: tuple[object, ...], root: str) -> None:
    """Raise Pyodide's error for a change under the module root by the Worker's code:
    ``EACCES`` (``EPERM`` for ``chmod``; ``EBUSY`` removing the root, workerd's mount point;
    ``EXDEV`` renaming across its edge), each measured on a read-only FS built as workerd builds it."""
    inside = [_under(p, root) for p in paths]
    if not any(inside) or done_for_the_worker(sys._getframe(2), root):
        return
    shown = [os.fsdecode(p) for p in paths]  # type: ignore[arg-type]
    if len(paths) == 2 and not all(inside):
        raise OSError(errno.EXDEV, f"Cross-device link {_READ_ONLY}", *shown)
    if event == "os.rmdir" and inside[0] == root[:-1]:
        raise OSError(errno.EBUSY, f"Resource busy {_READ_ONLY}", *shown)
    if event == "os.chmod":
        raise PermissionError(errno.EPERM, f"Operation not permitted {_READ_ONLY}", *shown)
    raise PermissionError(errno.EACCES, f"Permission denied {_READ_ONLY}", *shown)


def _hook(event: str, args: tuple[object, ...]) -> None:
    changes = _CHANGES.get(event)
    if changes is None and event != "open":
        if event in PROCESS_EVENTS:  # the same hook, so that the process has one (runtime/processes.py)
            refuse_process(event, sys._getframe(1))
        return
    runtime = current.current_runtime()
    uploads = getattr(runtime, "uploads", None)
    if uploads is None:
        return
    if changes is not None:
        _refuse_change(event, args[:changes], str(uploads.root) + os.sep)
        return
    path, mode, flags = args[0], args[1], args[2]
    if not isinstance(path, (str, bytes)):
        return
    if (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)):
        _refuse_change(event, (path,), str(uploads.root) + os.sep)
        return
    try:
        opened = os.path.abspath(os.fsdecode(path))  # judged by the name it is opened by, as wrangler names a link
    except (TypeError, ValueError):
        return
    if opened.endswith((".py", ".pyc")):
        return
    root = str(uploads.root) + os.sep
    if not opened.startswith(root):
        if _installed(opened):  # a library's own file, the usual read outside the root: no file system calls
            return
        # the root reached through another spelling (a symlinked /tmp)
        opened = os.path.join(os.path.realpath(os.path.dirname(opened)), os.path.basename(opened))
        if not opened.startswith(root):
            return
    if _installed(opened) or not os.path.isfile(opened):  # a virtualenv inside the module root
        return
    why = uploads.missing(opened)
    if why is None or done_for_the_worker(sys._getframe(1), root):
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
