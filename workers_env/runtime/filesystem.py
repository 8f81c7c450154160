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
``mkdir``, ``remove``, ``rmdir``, ``rename``, ``truncate``, ``chmod``, ``chown``) with the error
Pyodide gives on workerd's read-only ``/session/metadata`` (``createReadonlyFS``, mode 0o555):
writable storage there is the in-memory file system outside it (``/tmp``), gone with the isolate.
The ``open`` audit event of ``os.open`` carries no ``dir_fd``, so :func:`install_upload_check`
wraps ``os.open`` to hand it over. ``os.link``, ``os.mkfifo`` and ``os.mknod`` are missing in
Pyodide: the Worker's own code gets that ``AttributeError``. The hook also hands the events
that start a process to :mod:`workers_env.runtime.processes`.
"""

from __future__ import annotations

import errno
import os
import sys
import threading
import weakref
from stat import S_ISREG
from types import CodeType, FrameType
from typing import Any

from workers_env.runtime import current, tasks
from workers_env.runtime.hostmodules import HOST_NAMESPACES, INTERPRETER_FOLDERS as _PREFIXES
from workers_env.runtime.processes import PROCESS_EVENTS, refuse_process
from workers_env.runtime.threadpool import worker_frame_calls
from workers_env.runtime.tracebacks import PACKAGE_DIR, calls_the_workers

__all__ = ["by_worker_code", "done_for_the_worker", "install_upload_check"]

_INSTALLED = False
_LOCK = threading.Lock()


def done_for_the_worker(frame: FrameType | None, root: str) -> bool:
    """Whether a read (or an import) is workers-env's, for the Worker (its assets, its state, a
    binding you supplied): walking out from ``frame``, workers-env's code comes before the
    Worker's own (files under the module root); libraries between are neither (jinja2 reading a
    template for the Worker is the Worker's read)."""
    while frame is not None:
        name = frame.f_code.co_filename
        if name.startswith(PACKAGE_DIR):
            return True
        if id(frame.f_globals) in HOST_NAMESPACES:  # your test's code (runtime/hostmodules.py)
            return True
        if name.startswith(root):
            return False
        frame = frame.f_back
    return False


#: ``sys.path``'s site-packages folders as last seen (``[sys.path copy, folders]``): the
#: ``abspath`` of each entry cost the frame walk of each ``os.environ`` read by Worker code ~4 us
_SITE_FOLDERS: list[Any] = [None, ()]


def _installed(path: str) -> bool:
    """Whether ``path`` is in the interpreter's prefix or a site-packages folder on ``sys.path``
    (a library's own data file; deployed, libraries come from ``python_modules``)."""
    if path.startswith(_PREFIXES):
        return True
    seen, folders = _SITE_FOLDERS
    if seen != sys.path:
        seen = list(sys.path)
        folders = tuple(os.path.abspath(e) + os.sep for e in seen if e and "-packages" in e)
        _SITE_FOLDERS[:] = seen, folders
    return path.startswith(folders)


#: audit events that change the file system -> (the positions of the paths changed, the
#: positions of their ``dir_fd``s, the positions of the paths the error names); CPython's
#: ``PySys_Audit`` arguments, ``-1`` for no ``dir_fd`` (``shutil.rmtree`` removes by ``dir_fd``)
_CHANGES: dict[str, tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]] = {
    "os.mkdir": ((0,), (2,), (0,)), "os.remove": ((0,), (1,), (0,)), "os.rmdir": ((0,), (1,), (0,)),
    "os.rename": ((0, 1), (2, 3), (0, 1)), "os.truncate": ((0,), (), (0,)), "os.chmod": ((0,), (2,), (0,)),
    "os.utime": ((0,), (3,), (0,)), "os.symlink": ((1,), (2,), (0, 1)), "os.link": ((1,), (3,), (0, 1)),
    "os.chown": ((0,), (3,), (0,)),
}
#: the changes whose path may be an open file's descriptor (``fchmod``, ``fchown``, ``futimens``)
_BY_FD = frozenset({"os.chmod", "os.chown", "os.utime"})
#: the changes Pyodide refuses with ``EPERM`` (Emscripten's ``setattr`` of a read-only node)
_NOT_PERMITTED = frozenset({"os.chmod", "os.utime", "os.chown"})
_READ_ONLY = ("once deployed (the Worker's folder is workerd's read-only file system there, "
              "/session/metadata; write under /tmp, which is in memory and lasts as long as the isolate)")


#: folder -> its real path, for the writes outside the root (``_REAL_FOLDERS_MAX`` kept): without
#: it each write's ``realpath`` cost about 50 us, a loop of writes to ``/tmp`` 1.6x slower
_REAL_FOLDERS: dict[str, str] = {}
_REAL_FOLDERS_MAX = 256


def _real_folder(folder: str) -> str:
    """``os.path.realpath(folder)``, remembered: a folder the Worker writes into is seldom
    turned into a symbolic link while the process runs."""
    real = _REAL_FOLDERS.get(folder)
    if real is None:
        real = os.path.realpath(folder)
        if len(_REAL_FOLDERS) >= _REAL_FOLDERS_MAX:
            _REAL_FOLDERS.clear()
        _REAL_FOLDERS[folder] = real
    return real


def _fd_folder(fd: object) -> str | None:
    """The folder an open ``dir_fd`` names (Linux ``/proc``, macOS ``F_GETPATH``), else ``None``."""
    if not isinstance(fd, int) or isinstance(fd, bool) or fd < 0:
        return None
    try:
        return os.readlink(f"/proc/self/fd/{fd}")
    except OSError:
        pass
    try:
        import fcntl

        getpath = getattr(fcntl, "F_GETPATH", None)
        if getpath is None:
            return None
        return os.fsdecode(fcntl.fcntl(fd, getpath, bytes(1024)).rstrip(b"\0"))
    except (OSError, ValueError):
        return None


def _with_folder(path: object, fd: object) -> object:
    """``path`` joined to its ``dir_fd``'s folder when it is relative to one."""
    if not isinstance(path, (str, bytes)) or fd in (None, -1):
        return path
    try:
        given = os.fsdecode(path)
    except (TypeError, ValueError):
        return path
    if os.path.isabs(given):
        return path
    folder = _fd_folder(fd)
    return path if folder is None else os.path.join(folder, given)


def _under(path: object, root: str) -> str | None:
    """``path`` made absolute when it names the module root or a place under it (a
    ``__pycache__`` of it, where the import system writes, and an installed library's files
    excepted), else ``None``. A relative name is never under it: deployed, the working folder
    is the in-memory ``/`` (workerd changes none), whatever folder the tests or ``dev`` run in here."""
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
        name = os.path.join(_real_folder(os.path.dirname(name)), os.path.basename(name))
        if not (name + os.sep).startswith(root):
            return None
    if "__pycache__" in name.split(os.sep) or _installed(name):
        return None
    return name


def _refuse_change(event: str, paths: tuple[object, ...], root: str, shown: tuple[object, ...] | None = None) -> None:
    """Raise Pyodide's error for a change under the module root by the Worker's code:
    ``EACCES`` (``EPERM`` for ``chmod``, ``chown`` and ``utime``; ``EBUSY`` removing the root, workerd's
    mount point; ``EXDEV`` renaming across its edge), each measured on a read-only FS built as
    workerd builds it. ``shown``: the names the error gives (``paths`` when not given)."""
    inside = [_under(p, root) for p in paths]
    if not any(inside) or done_for_the_worker(_past_wrappers(sys._getframe(2)), root):
        return
    names = [os.fsdecode(p) if isinstance(p, (str, bytes)) else str(p) for p in shown or paths]
    if event == "os.rename" and not all(inside):
        raise OSError(errno.EXDEV, f"Cross-device link {_READ_ONLY}", *names)
    if event == "os.rmdir" and inside[0] == root[:-1]:
        raise OSError(errno.EBUSY, f"Resource busy {_READ_ONLY}", *names)
    if event in _NOT_PERMITTED:
        raise PermissionError(errno.EPERM, f"Operation not permitted {_READ_ONLY}", *names)
    raise PermissionError(errno.EACCES, f"Permission denied {_READ_ONLY}", *names)


def _database_name(database: object) -> object:
    """The file ``sqlite3.connect`` opens: a ``file:`` URI's path (its query left out)."""
    if isinstance(database, os.PathLike):
        database = os.fspath(database)
    if isinstance(database, bytes):
        database = os.fsdecode(database)
    if isinstance(database, str) and database.startswith("file:"):
        from urllib.parse import unquote, urlsplit

        database = unquote(urlsplit(database).path)
    return database


def _sqlite_connect(database: object, uploads: object) -> None:
    """The Worker's ``sqlite3.connect`` of a file under the module root that the deploy would
    not upload (a new one): SQLite's ``OperationalError: unable to open database file`` on
    workerd's read-only ``/session/metadata`` (measured in Pyodide 314.0.6, whose ``sqlite3``
    is built in). An uploaded file opens, read-only there and read-write here (the audit event
    comes before the connection can be changed): see README "Where we had to choose"."""
    root = str(uploads.root) + os.sep  # type: ignore[attr-defined]
    name = _under(_database_name(database), root)
    if name is None or done_for_the_worker(_past_wrappers(sys._getframe(2)), root):
        return
    if not os.path.isfile(name) or uploads.missing(name) is not None:  # type: ignore[attr-defined]
        import sqlite3

        error = sqlite3.OperationalError("unable to open database file")
        error.sqlite_errorcode, error.sqlite_errorname = 14, "SQLITE_CANTOPEN"  # type: ignore[attr-defined]
        raise error


_RELATIVE = ("a relative path is read from workerd's working folder /, not from the Worker's folder "
             "/session/metadata: name the file from Path(__file__).parent")
#: what the Worker wrote by a relative name (it reads those back wherever they landed), and
#: the Worker runtimes (by id) whose code changed the working folder (then its relative names
#: are its own business)
_RELATIVE_WRITES: set[str] = set()
_MOVED: dict[int, weakref.ref[object]] = {}


def _note_chdir() -> None:
    """The Worker's own ``os.chdir``: from then on its relative names are judged no more."""
    runtime = current.current_runtime()
    uploads = getattr(runtime, "uploads", None)
    if uploads is not None and by_worker_code(sys._getframe(2), str(uploads.root) + os.sep):
        for key in [k for k, ref in _MOVED.items() if ref() is None]:
            del _MOVED[key]
        _MOVED[id(runtime)] = weakref.ref(runtime)


def _moved() -> bool:
    runtime = current.current_runtime()
    ref = _MOVED.get(id(runtime))
    return ref is not None and ref() is runtime


#: :class:`~workers_env.runtime.tasks.ScopedCoroutine`'s steps (``send``'s and ``throw``'s)
_STEP_CODES = frozenset({tasks.ScopedCoroutine._step.__code__, tasks.ScopedCoroutine._outlived_step.__code__})


#: module root -> file name -> what :func:`by_worker_code` makes of its frames ("worker", "ours",
#: "tasks" (runtime/tasks.py's), "" for neither): the tests of each name cost ~1 us per read
_VERDICTS: dict[str, dict[str, str]] = {}
_TASKS_FILE = tasks.__file__


def _verdict(name: str, root: str) -> str:
    if name == _TASKS_FILE:
        return "tasks"
    if name.startswith(PACKAGE_DIR):
        return "ours"
    return "worker" if name.startswith(root) and not _installed(name) else ""


def by_worker_code(frame: FrameType | None, root: str) -> bool:
    """Whether, walking out from ``frame``, the Worker's own code (a file under the module
    root) comes before workers-env's: the Worker or a library it calls is reading. A step of a
    task the Worker's code started (a library's coroutine it hands to ``gather``) is its code, and so is
    what workers-env calls for it (FastAPI's frames under ``asgi.fetch``: ``runs_the_workers``). A frame
    is known by its module's spec's origin, else ``__file__`` (its code's file name only without
    either; a module setting ``__file__``, to its deployed name say, stays what it is): reading
    ``f_code`` is an audit event, which runs every audit hook of the process."""
    verdicts = _VERDICTS.get(root)
    if verdicts is None or len(verdicts) > 20_000:
        verdicts = _VERDICTS[root] = {}
    while frame is not None:
        names = frame.f_globals
        if id(names) in HOST_NAMESPACES:  # your test's code, whoever called it (runtime/hostmodules.py)
            return False
        spec = names.get("__spec__")  # its origin: the file imported, whatever the module set __file__ to
        name = getattr(spec, "origin", None) if spec is not None else names.get("__file__")
        if name.__class__ is not str:
            name = frame.f_code.co_filename
        verdict = verdicts.get(name)
        if verdict is None:
            verdict = verdicts[name] = _verdict(name, root)
        if verdict:
            if verdict == "worker":
                return True
            code = frame.f_code
            if verdict == "tasks" and code in _STEP_CODES:
                return bool(getattr(frame.f_locals.get("self"), "for_worker", False))
            return calls_the_workers(code)  # the ASGI app or callback the Worker handed workers-env
        frame = frame.f_back
    return False


def _note_relative_write(path: object) -> None:
    try:
        given = os.fsdecode(path)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return
    if not os.path.isabs(given) and len(_RELATIVE_WRITES) < 10_000:
        _RELATIVE_WRITES.add(os.path.abspath(given))


def _relative_read_by_worker(given: str, opened: str, frame: FrameType | None, root: str) -> bool:
    """A read (or a look) at a file of the module root by a relative name, by Worker code (at
    ``frame``): deployed the working folder is ``/`` (workerd's Emscripten setup changes none),
    where the Worker's files are not, so it fails there -- here the host's working folder (the
    project, under pytest and ``dev``) finds it. Not when the Worker changed folder itself, nor
    for what it wrote by a relative name."""
    if os.path.isabs(given) or opened in _RELATIVE_WRITES or _moved():
        return False
    return by_worker_code(frame, root)


#: the code of workers-env's wrappers of audited functions (``os.open``): skipped when judging whose call it is
_WRAPPERS: set[CodeType] = set()


def _past_wrappers(frame: FrameType | None) -> FrameType | None:
    """``frame`` (the caller of an audited function), or, when that is one of :data:`_WRAPPERS`, its caller."""
    while frame is not None and frame.f_code in _WRAPPERS:
        frame = frame.f_back
    return frame


def _open_access(mode: object, flags: object) -> str:
    """What an ``open`` event asks of the file, as Emscripten's ``FS.open`` weighs its flags:
    ``"exclusive"`` (``O_CREAT|O_EXCL``, mode ``x``), ``"write"`` (write access or ``O_TRUNC``),
    ``"create"`` (``O_CREAT`` of a read-only open: a read when the file exists), ``""`` (a read)."""
    if isinstance(flags, int):
        if flags & os.O_CREAT and flags & os.O_EXCL:
            return "exclusive"
        if flags & os.O_ACCMODE != os.O_RDONLY or flags & os.O_TRUNC:
            return "write"
        return "create" if flags & os.O_CREAT else ""
    if isinstance(mode, str):
        return "exclusive" if "x" in mode else "write" if any(c in mode for c in "wa+") else ""
    return ""


def _there_deployed(name: str | None, uploads: Any) -> bool:
    """Whether ``name`` (under the module root, see :func:`_under`) is there once deployed: an
    uploaded file, the root, or a folder holding one (walked only on this refusal path)."""
    if name is None:
        return False
    if os.path.isfile(name):
        return uploads.missing(name) is None
    if not os.path.isdir(name):
        return False
    if name == str(uploads.root):
        return True
    return any(uploads.missing(os.path.join(folder, file)) is None
               for folder, _, files in os.walk(name) for file in files)


#: the ``dir_fd`` of the ``os.open`` call running in this thread (its audit event has none)
_OPENING = threading.local()


def _open_at(open_: Any) -> Any:
    """``os.open`` handing its ``dir_fd`` to the hook's ``open`` event through :data:`_OPENING`."""

    def open(path: Any, flags: int, mode: int = 0o777, *, dir_fd: int | None = None) -> int:  # noqa: A001
        if dir_fd is None:
            return open_(path, flags, mode)
        _OPENING.dir_fd = dir_fd
        try:
            return open_(path, flags, mode, dir_fd=dir_fd)
        finally:
            _OPENING.dir_fd = None

    open.__doc__, open.__wrapped__ = open_.__doc__, open_  # type: ignore[attr-defined]
    _WRAPPERS.add(open.__code__)
    return open


#: set while :func:`_stat_at`'s check runs in this thread (its own calls are not judged again)
_STATTING = threading.local()


def _stat_at(stat_: Any) -> Any:
    """``os.stat`` answering ``FileNotFoundError`` for a file of the module root that a deploy
    would not upload, when the Worker's code asks (``Path.exists()``, ``os.path.isfile``,
    ``getsize``: ``stat`` has no audit event to refuse it by). Deployed the file is not there, so
    a Worker that looks before it reads takes its fallback, as in production."""

    def stat(path: Any, *, dir_fd: int | None = None, follow_symlinks: bool = True) -> os.stat_result:
        result = stat_(path, dir_fd=dir_fd, follow_symlinks=follow_symlinks)
        if not S_ISREG(result.st_mode) or getattr(_STATTING, "active", False):
            return result
        uploads = getattr(current.current_runtime(), "uploads", None)
        if uploads is None:
            return result
        _STATTING.active = True
        try:
            why = _undeployed(_with_folder(path, dir_fd), uploads, sys._getframe(1))
        finally:
            _STATTING.active = False
        if why is not None:
            raise FileNotFoundError(errno.ENOENT, f"No such file or directory once deployed ({why})", os.fsdecode(path))
        return result

    stat.__doc__, stat.__wrapped__ = stat_.__doc__, stat_  # type: ignore[attr-defined]
    _WRAPPERS.add(stat.__code__)
    return stat


def _undeployed(path: Any, uploads: Any, frame: FrameType | None, *, regular: bool = True) -> str | None:
    """Why the existing file at ``path`` (known to be one, ``regular``; else looked at) is not
    there once deployed, when the code at ``frame`` -- the Worker's, not workers-env's for it --
    reads it (the ``open`` hook) or looks at it (``os.stat``); else ``None``. Judged by the name
    it is given, as wrangler names a link: a ``python_modules/`` file by ``python_modules.exclude``;
    the root reached through another spelling (a symlinked ``/tmp``) is the root; a relative name
    is read from workerd's working folder ``/`` (:func:`_relative_read_by_worker`); a ``.py`` file
    and an installed library's are never judged."""
    try:
        given = os.fsdecode(os.fspath(path))
        opened = os.path.abspath(given)
    except (TypeError, ValueError):  # an open file's descriptor: its open was judged
        return None
    if opened.endswith((".py", ".pyc")):
        return None
    root = str(uploads.root) + os.sep
    if uploads.in_vendored(opened):  # python_modules/'s file (its folder may be outside the module root)
        vendored = uploads.vendored_missing(opened)
        if vendored is None or not (regular or os.path.isfile(opened)) or done_for_the_worker(_past_wrappers(frame), root):
            return None
        return str(vendored)
    if not opened.startswith(root):
        if _installed(opened):  # a library's own file, the usual read outside the root: no file system calls
            return None
        opened = os.path.join(_real_folder(os.path.dirname(opened)), os.path.basename(opened))
        if not opened.startswith(root):
            return None
    if _installed(opened) or not (regular or os.path.isfile(opened)):  # a virtualenv inside the module root; a folder
        return None
    frame = _past_wrappers(frame)
    if _relative_read_by_worker(given, opened, frame, root):
        return _RELATIVE
    why = uploads.missing(opened)
    if why is None or done_for_the_worker(frame, root):
        return None
    return str(why)


def _missing_in_os(name: str, module: str = "os") -> AttributeError:
    """Python's error for ``os.<name>``, which Pyodide's ``os`` lacks (``link``, ``mkfifo``,
    ``mknod``: 0.26.0a4, 0.28.2, 314.0.6), for the Worker's own call (``module``'s likewise)."""
    return AttributeError(f"module '{module}' has no attribute '{name}'")


def _missing_in_pyodide(name: str, function: Any, module: str = "os") -> Any:
    """``os.<name>`` (``module``'s) raising Pyodide's ``AttributeError`` for the running Worker's
    own code (``mkfifo``, ``mknod``: no audit event to refuse them by)."""

    def missing(*args: Any, **kwargs: Any) -> Any:
        if worker_frame_calls(sys._getframe(1)):
            raise _missing_in_os(name, module)
        return function(*args, **kwargs)

    missing.__name__ = missing.__qualname__ = name
    missing.__doc__, missing.__wrapped__ = function.__doc__, function  # type: ignore[attr-defined]
    return missing


#: workerd's folder of the Worker's files; workers-env maps it for ``sys.path`` entries only
_SESSION = "/session/metadata"
_UNMAPPED = (f"No such file or directory here: workers-env maps {_SESSION}, the Worker's folder once deployed, "
             "only as a sys.path entry, not for file access (see \"Where we had to choose\" in its README): "
             "name the file from Path(__file__).parent, which is that folder deployed and the Worker's folder here")
#: the audit events of a look into a folder by its name
_LISTINGS = frozenset({"os.listdir", "os.scandir", "os.chdir"})


def _unmapped_session(path: object, writes: bool) -> None:
    """A Worker's file call naming ``/session/metadata`` (its deployed folder), which the host
    lacks: ``FileNotFoundError`` saying why and what to do, a write production's ``PermissionError``
    (the folder is read-only there)."""
    given = os.fsdecode(path) if isinstance(path, bytes) else path
    if not isinstance(given, str) or not given.startswith("/session/") or current.current_runtime() is None:
        return
    name = os.path.normpath(given)
    if (name != _SESSION and not name.startswith(_SESSION + "/")) or os.path.lexists(name):
        return
    if writes:
        raise PermissionError(errno.EACCES, f"Permission denied {_READ_ONLY}", path)
    raise FileNotFoundError(errno.ENOENT, _UNMAPPED, path)


def _hook(event: str, args: tuple[object, ...]) -> None:
    changes = _CHANGES.get(event)
    if changes is None and event != "open":
        if event in PROCESS_EVENTS:  # the same hook, so that the process has one (runtime/processes.py)
            refuse_process(event, sys._getframe(1))
        elif event in _LISTINGS:
            _unmapped_session(args[0], False)
            if event == "os.chdir":
                _note_chdir()
        elif event == "sqlite3.connect":
            uploads = getattr(current.current_runtime(), "uploads", None)
            if uploads is not None:
                _sqlite_connect(args[0], uploads)
        return
    runtime = current.current_runtime()
    uploads = getattr(runtime, "uploads", None)
    if uploads is None:
        return
    if changes is not None:
        changed, fds, shown = changes
        if event == "os.link" and worker_frame_calls(sys._getframe(1)):
            raise _missing_in_os("link")
        paths = tuple(_with_folder(args[i], args[f] if f < len(args) else None)
                      for i, f in zip(changed, fds or (len(args),) * len(changed)))
        for changed_path in paths:
            _unmapped_session(changed_path, True)
        if event in _BY_FD and isinstance(args[0], int) and not isinstance(args[0], bool):
            paths = (_fd_folder(args[0]),)  # fchmod & co: the open file's path
        elif event == "os.mkdir" and _there_deployed(_under(paths[0], str(uploads.root) + os.sep), uploads):
            return  # Emscripten's mayCreate answers EEXIST before EACCES: the host's FileExistsError
        _refuse_change(event, paths, str(uploads.root) + os.sep, tuple(args[i] for i in shown))
        return
    path, mode, flags = args[0], args[1], args[2]
    if not isinstance(path, (str, bytes)):
        return
    if mode is None and getattr(_OPENING, "dir_fd", None) is not None:  # os.open(name, ..., dir_fd=fd)
        joined = _with_folder(path, _OPENING.dir_fd)
        if isinstance(joined, (str, bytes)):
            path = joined
    access = _open_access(mode, flags)
    _unmapped_session(path, bool(access))
    if access:
        root = str(uploads.root) + os.sep
        name = _under(path, root)
        if name is None:
            _note_relative_write(path)
            return
        # as Emscripten's FS.open orders them, of what is there deployed: a folder is EISDIR, O_EXCL
        # EEXIST (the host's own errors, nothing changed), O_CREAT alone of a file a read; else EACCES
        there = _there_deployed(name, uploads)
        if there and (access == "exclusive" or os.path.isdir(name)):
            return
        if not (there and access == "create"):
            _refuse_change(event, (path,), root)
            return
    why = _undeployed(path, uploads, sys._getframe(1), regular=False)
    if why is not None:
        raise FileNotFoundError(errno.ENOENT, f"No such file or directory once deployed ({why})", os.fsdecode(path))


def install_upload_check() -> None:
    """Add the audit hook once per process (audit hooks cannot be removed; it does nothing
    outside a Worker whose runtime carries ``uploads``), and wrap ``os.open`` (its ``dir_fd``
    for the hook), ``os.stat`` (a file not uploaded is missing) and ``os.mkfifo`` and
    ``os.mknod`` (missing for the Worker's code)."""
    global _INSTALLED
    with _LOCK:
        if not _INSTALLED:
            sys.addaudithook(_hook)
            wrapped = _open_at(os.open)
            if os.open in os.supports_dir_fd:  # shutil.rmtree's fd walk checks it
                os.supports_dir_fd.add(wrapped)
            os.open = wrapped
            stat = _stat_at(os.stat)
            for functions in (os.supports_dir_fd, os.supports_fd, os.supports_follow_symlinks):
                if os.stat in functions:  # pathlib's and shutil's checks
                    functions.add(stat)
            os.stat = stat
            for name in ("mkfifo", "mknod"):
                if hasattr(os, name):
                    setattr(os, name, _missing_in_pyodide(name, getattr(os, name)))
            _INSTALLED = True
