"""``random`` while a Python Worker's top level runs, as workerd's Python runtime restricts it.

Production runs the main module's top level before any request, when the isolate may not yet
draw real entropy (workerd ``src/pyodide/internal/topLevelEntropy``): once ``random`` is
imported there, ``entropy_import_context.py`` puts a proxy of it in ``sys.modules``
(``import_patch_manager.block_calls``, allowlist ``Random`` and ``SystemRandom``) whose every
other function raises ``RuntimeError("Cannot use random.<name>() outside of request context.
<TOP_LEVEL_ENTROPY_ERROR>")`` when called before the first request (the text of workerd
2026-11-17, whose ``allow_entropy.py`` gives the same ``TOP_LEVEL_ENTROPY_ERROR`` to the
``OSError`` its patched ``os.urandom`` raises). Before the first request all of it is undone; the
proxy that ``import random`` / ``from random import choice`` handed out stays in the Worker's
globals and passes calls through from then on. workerd's ``random`` test pins the messages.

``sys.modules`` is one for the process: a thread of the test (or of the Worker's thread pool, or
another Worker's step) that runs ``import random`` while a Worker loads gets the proxy too. It
blocks only code running as the Worker being loaded (:func:`~workers_env.runtime.current.current_runtime`
is its runtime, as the import scope marks it); anything else goes straight to the module.

Production also patches ``os.urandom`` and ``_random.Random.seed`` for the top level
(``entropy_patches.py``): a draw of entropy there -- ``os.urandom(16)``, ``uuid.uuid4()``,
``secrets.token_hex()``, ``random.SystemRandom().random()``, an unseeded ``random.Random()`` --
raises ``OSError(29, TOP_LEVEL_ENTROPY_ERROR)``, and the Worker does not deploy -- whoever calls
them: the Worker's own code, or a package its top level imports (egnaro9/crashkit's first port:
its ``RunStore`` named an in-memory database with ``uuid.uuid4()`` at import, "so the module
raised before a single route was registered") -- except inside the imports of the modules
``entropy_import_context*.py`` (workerd's and workers-runtime-sdk's) grant a set number of draws
or keep from drawing (:data:`GRANTED`). A process whose packages are imported already cannot
follow those grants call for call (a count is not kept), and CPython's standard library imports
differently from Pyodide's, so here a draw is refused when the module being executed nearest
the call (the innermost ``<module>`` frame; code ``exec`` or ``eval`` runs counting as its caller's,
whatever namespace it runs in: it is no import) is one of the Worker's files (not a package vendored
in ``python_modules/`` or ``vendor/``), or is a package's (installed or vendored) that the
Worker's code is importing, no module of :data:`GRANTED` (``numpy.random`` standing for its C
extension ``mtrand``, whose import has no frame) being executed between; a draw made while a standard-library
module is imported, by ``tempfile`` (production names its temporary files deterministically at
the top level) or by workers-env itself (its own lazy imports included) goes through.

``uuid.uuid1()`` draws through ``random`` in production: Pyodide has no ``_uuid`` extension (no
libuuid), so CPython's ``uuid1`` takes its pure-Python path, whose clock sequence is
``random.getrandbits(14)`` and whose node, from ``getnode()`` (no getter for Emscripten), is
``random.getrandbits(48)`` -- both refused by the blocked ``random`` at the top level. The host's
``uuid`` has libuuid's ``generate_time_safe`` and a real MAC address, which draw nothing from
``random``; while a Worker loads, its code meets the refusal there too (:func:`_pyodide_uuid`).
"""

from __future__ import annotations

import contextlib
import functools
import os
import random
import sys
import tempfile
import threading
import uuid
from collections.abc import Iterator
from types import FrameType
from typing import Any

from workers_env.runtime.current import current_runtime
from workers_env.runtime.pyhash import workers_own_subfolders
from workers_env.runtime.tracebacks import PACKAGE_DIR

__all__ = ["GRANTED", "TOP_LEVEL_ENTROPY_ERROR", "BlockedCallModule", "top_level_entropy"]

_ALLOWED = ("Random", "SystemRandom")  # entropy_import_context.py's allowlist for ``random``

#: ``allow_entropy.py``'s ``TOP_LEVEL_ENTROPY_ERROR`` as workerd 2026-11-17 (wrangler 4.164.0)
#: ships it: the ``OSError``'s text, and the end of the blocked ``random`` calls' ``RuntimeError``
TOP_LEVEL_ENTROPY_ERROR = (
    "Randomness is not allowed while a Worker is starting because startup "
    "values will be repeated across Worker instances, making them predictable. "
    "If this error occurs from importing a package, import the package from a "
    "function to load it after the Worker starts."
)


class _Gate:
    """Whether the top level is over: production's ``IN_REQUEST_CONTEXT``, one per load, for
    the code of the Worker being loaded (``runtime``) only."""

    def __init__(self, runtime: object) -> None:
        self.open = False
        self.runtime = runtime

    def blocks(self) -> bool:
        return not self.open and current_runtime() is self.runtime


class BlockedCallModule:
    """``import_patch_manager.BlockedCallModule``: attributes read through to the module; a
    callable other than the allowlist's is wrapped to raise until the top level is over."""

    def __init__(self, module: Any, allowlist: tuple[str, ...], gate: _Gate):
        object.__setattr__(self, "_mod", module)
        object.__setattr__(self, "_allow_list", allowlist)
        object.__setattr__(self, "_gate", gate)

    def __getattribute__(self, key: str) -> Any:
        mod = object.__getattribute__(self, "_mod")
        orig = getattr(mod, key)
        gate = object.__getattribute__(self, "_gate")
        if not gate.blocks() or not callable(orig) or key in object.__getattribute__(self, "_allow_list"):
            return orig

        @functools.wraps(orig)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            if gate.blocks():
                raise _blocked_call(mod.__name__, key)
            return orig(*args, **kwargs)

        return wrapper

    def __setattr__(self, key: str, value: Any) -> None:
        setattr(object.__getattribute__(self, "_mod"), key, value)

    def __dir__(self) -> list[str]:
        return dir(object.__getattribute__(self, "_mod"))


#: ``block_calls`` of ``entropy_import_context.py`` and ``entropy_import_context_packages.py``:
#: module -> the names it lets through. (Production blocks ``numpy.random.mtrand`` too; blocked
#: here, ``numpy.random``'s ``from .mtrand import *`` would bind its wrappers in ``numpy.random``
#: for the whole process. ``numpy.random``'s proxy refuses the same calls.)
_BLOCKED: dict[str, tuple[str, ...]] = {
    "random": _ALLOWED,
    "numpy.random": ("default_rng", "RandomState"),
}


def _attribute(package: str, name: str) -> Any:
    """``package``'s own attribute ``name`` (no module ``__getattr__``: numpy's imports the
    submodule it is asked for), or None."""
    return getattr(sys.modules.get(package), "__dict__", {}).get(name)


class _Blocking:
    """One load's proxies: of the modules above already imported when the load starts, and --
    as production's ``PatchFinder`` does -- of those the top level imports, once executed (the
    import then binds the proxy, as ``numpy.random``, to its package too)."""

    def __init__(self, gate: _Gate) -> None:
        self.gate = gate
        self.proxies: dict[str, tuple[Any, BlockedCallModule]] = {}  # name -> (module, its proxy)

    def block(self, name: str, module: Any) -> BlockedCallModule:
        if isinstance(module, BlockedCallModule):  # another load's, under way: the module itself
            module = object.__getattribute__(module, "_mod")
        proxy = BlockedCallModule(module, _BLOCKED[name], self.gate)
        self.proxies[name] = (module, proxy)
        sys.modules[name] = proxy  # type: ignore[assignment]
        parent, _, child = name.rpartition(".")
        if parent and _attribute(parent, child) is module:  # an import binds it once it has run
            setattr(sys.modules[parent], child, proxy)
        return proxy

    def find_spec(self, fullname: str, path: Any, target: Any = None) -> Any:
        if fullname not in _BLOCKED or fullname in self.proxies:
            return None
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None)
            if finder is self or find is None:
                continue
            spec = find(fullname, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is None or not hasattr(spec.loader, "exec_module"):
            return spec
        spec.loader = _BlockingLoader(spec.loader, self, fullname)
        return spec

    def unblock(self) -> None:
        for name, (module, proxy) in self.proxies.items():
            if sys.modules.get(name) is proxy:
                sys.modules[name] = module
            parent, _, child = name.rpartition(".")
            if parent and _attribute(parent, child) is proxy:
                setattr(sys.modules[parent], child, module)


class _BlockingLoader:
    """``PatchLoader``: the module's own loader, its proxy put in place once it has run."""

    def __init__(self, loader: Any, blocking: _Blocking, name: str) -> None:
        self._loader, self._blocking, self._name = loader, blocking, name

    def __getattr__(self, key: str) -> Any:
        return getattr(self._loader, key)

    def create_module(self, spec: Any) -> Any:
        return self._loader.create_module(spec)

    def exec_module(self, module: Any) -> None:
        self._loader.exec_module(module)
        self._blocking.block(self._name, module)


#: files whose draws of entropy at the top level production lets through: ``tempfile``'s (its
#: deterministic name sequence) and workers-env's own package (its own use of entropy)
_LET_THROUGH = (os.path.abspath(tempfile.__file__),)
#: folders of a Worker's code that hold packages a deploy uploads (pywrangler's, the legacy
#: ``vendor/``): an import from there is a package's, not the Worker's own code
_VENDORED = frozenset({"python_modules", "vendor"})
#: the standard library's folder, and the folders in it (or elsewhere) installed packages live in
_STDLIB = os.path.dirname(os.path.abspath(threading.__file__)) + os.sep
_INSTALLED = frozenset({"site-packages", "dist-packages"})

#: modules whose import production lets draw (``allow_bad_entropy_calls``) or keeps from drawing
#: (a patched ``random.Random``, no ``ssl``), whatever the Worker's SDK: the exec patches of
#: workerd's ``entropy_import_context_packages.py`` (at 35aba242) and of workers-runtime-sdk
#: 1.9.5's ``_workers_sdk_entropy_import_context.py`` (an older SDK grants fewer: fastapi 0.142's
#: telemetry, which imports ``opentelemetry.context`` and its ``uuid4()`` keys, came later), by
#: name -- the count of draws each may make is not kept. ``numpy.random`` stands for
#: ``numpy.random.mtrand``, a C extension whose import runs in no Python frame; the standard
#: library's (``random``, ``tempfile``) are let through as every standard-library import is.
GRANTED = frozenset({
    "tiktoken._tiktoken", "cryptography.exceptions", "jiter", "rpds", "uuid_utils._uuid_utils",
    "numpy.random", "numpy.random.mtrand", "pydantic_core", "aiohttp.http_websocket",
    "aiohttp.connector", "requests.adapters", "urllib3.util.ssl_",
    "langsmith._internal._constants", "langchain_openai.chat_models.base",
    "opentelemetry.context", "opentelemetry.trace.propagation", "opentelemetry.baggage",
    "fastapi.telemetry", "litestar.openapi.controller", "litestar.constants",
})


def _packages(filename: str) -> bool:
    """Whether ``filename`` is a package's module (installed or vendored): a file outside the
    standard library (whose folder may hold ``site-packages``); code of no file is not."""
    return filename[:1] != "<" and (
        not filename.startswith(_STDLIB) or not _INSTALLED.isdisjoint(filename[len(_STDLIB):].split(os.sep)))


def _drawn_where_production_refuses() -> bool:
    """Whether a draw of entropy now is one production refuses: the top level of a Worker being
    loaded runs (as that Worker), and the innermost module being executed is one of the Worker's
    own files, or a package's the Worker's code imports with no granted module between (not a
    standard-library import, ``tempfile``'s names, nor workers-env's own code on the way)."""
    if not any(gate.blocks() for gate in tuple(_LOADING)):
        return False
    frame: FrameType | None = sys._getframe(2)
    importing = False  # a package's module (no granted one) is being executed, innermost first
    while frame is not None:
        filename = frame.f_code.co_filename
        if filename in _LET_THROUGH or filename.startswith(PACKAGE_DIR):
            return False
        module = frame.f_code.co_name == "<module>"
        below = workers_own_subfolders(filename)  # a folder above the Worker's is no package's
        if below is not None and _VENDORED.isdisjoint(below):
            if module or importing:
                return True
        elif module and (filename[:1] != "<" or filename.startswith("<frozen ")):  # (code exec runs: its caller's)
            if frame.f_globals.get("__name__") in GRANTED:
                return False
            if _packages(filename):
                importing = True
            elif not importing:
                return False
        frame = frame.f_back
    return False


def _blocked_call(module: str, name: str) -> RuntimeError:
    """What a blocked module's proxy raises for a call of ``module.name()`` at the top level."""
    return RuntimeError(f"Cannot use {module}.{name}() outside of request context. {TOP_LEVEL_ENTROPY_ERROR}")


def _pyodide_uuid() -> tuple[Any, Any]:
    """``uuid._generate_time_safe`` and ``uuid.getnode`` as a loading Worker's code meets them in
    Pyodide (see the module's docstring): with the default arguments ``uuid1()`` takes the
    pure-Python path and draws its clock sequence (``random.getrandbits(14)``), and ``getnode()``
    draws a random node (``random.getrandbits(48)``): both refused at the Worker's top level;
    anyone else, and the Worker after its top level, gets the host's."""
    generate, getnode = uuid._generate_time_safe, uuid.getnode  # type: ignore[attr-defined]

    def generate_time_safe() -> Any:
        if any(gate.blocks() for gate in tuple(_LOADING)):
            raise _blocked_call("random", "getrandbits")  # uuid1's clock_seq = random.getrandbits(14)
        return generate()

    @functools.wraps(getnode)
    def pyodide_getnode() -> int:
        if any(gate.blocks() for gate in tuple(_LOADING)):
            raise _blocked_call("random", "getrandbits")  # _random_getnode: random.getrandbits(48)
        return getnode()

    return (generate_time_safe if generate is not None else None), pyodide_getnode


def _refusal() -> OSError:
    """``allow_entropy.raise_unless_entropy_allowed``'s error (``EIO = 29`` there)."""
    return OSError(29, TOP_LEVEL_ENTROPY_ERROR)


#: the gates of the loads under way (in any thread): while there is one, the process's
#: ``os.urandom``, ``random._urandom`` and ``random.Random.seed`` are the patches below, put in
#: place by the first load and taken out by the last, whichever order loads overlap in
_LOADING: list[_Gate] = []
_PATCHES_LOCK = threading.Lock()
_patches: _EntropyPatches | None = None


class _EntropyPatches:
    """``entropy_patches.py``'s ``os.urandom`` and ``_random.Random.seed`` patches, and
    ``random``'s own ``_urandom`` (``SystemRandom`` and ``secrets`` draw through it; production
    imports ``random`` after patching ``os.urandom``, so its alias is the patched function): in
    place while any Worker loads, each refusing the loading Worker's draws production refuses."""

    def __init__(self) -> None:
        self.urandom = os.urandom
        self.random_urandom = getattr(random, "_urandom", None)
        self.seed = random.Random.seed
        urandom, seed = self.urandom, self.seed

        @functools.wraps(urandom)
        def patched_urandom(size: int, /) -> bytes:
            if _drawn_where_production_refuses():
                raise _refusal()
            return urandom(size)

        @functools.wraps(seed)
        def patched_seed(self: random.Random, a: Any = None, version: int = 2) -> None:
            if a is None and _drawn_where_production_refuses():
                raise _refusal()
            return seed(self, a, version)

        self.patched = (patched_urandom, patched_seed)
        self.uuid = (uuid._generate_time_safe, uuid.getnode)  # type: ignore[attr-defined]
        self.patched_uuid = _pyodide_uuid()

    def install(self) -> None:
        patched_urandom, patched_seed = self.patched
        os.urandom = patched_urandom
        if self.random_urandom is not None:
            random._urandom = patched_urandom  # type: ignore[attr-defined]
        random.Random.seed = patched_seed  # type: ignore[method-assign]
        uuid._generate_time_safe, uuid.getnode = self.patched_uuid  # type: ignore[attr-defined]

    def remove(self) -> None:
        patched_urandom, patched_seed = self.patched
        if os.urandom is patched_urandom:
            os.urandom = self.urandom
        if getattr(random, "_urandom", None) is patched_urandom:
            random._urandom = self.random_urandom  # type: ignore[attr-defined]
        if random.Random.__dict__.get("seed") is patched_seed:
            random.Random.seed = self.seed  # type: ignore[method-assign]
        if uuid.getnode is self.patched_uuid[1]:
            uuid._generate_time_safe, uuid.getnode = self.uuid  # type: ignore[attr-defined]


def _start_loading(gate: _Gate) -> None:
    global _patches
    with _PATCHES_LOCK:
        if not _LOADING:
            _patches = _EntropyPatches()
            _patches.install()
        _LOADING.append(gate)


def _stop_loading(gate: _Gate) -> None:
    global _patches
    with _PATCHES_LOCK:
        _LOADING.remove(gate)
        if not _LOADING and _patches is not None:
            _patches.remove()
            _patches = None


@contextlib.contextmanager
def top_level_entropy(runtime: object) -> Iterator[None]:
    """Around the import of a Worker's main module: ``random`` and ``numpy.random`` (imported
    already or by the top level) are production's blocking
    proxies in ``sys.modules`` (and as their package's attribute: ``np.random``), so ``import
    random`` / ``from random import choice`` / ``np.random.rand`` there get them (or their
    wrappers); the modules are put back afterwards and the proxies handed out pass calls through
    from then on. ``os.urandom``, ``random``'s ``_urandom`` and ``Random.seed(None)`` refuse the
    Worker's own code's draws meanwhile (see the module's docstring)."""
    blocking = _Blocking(_Gate(runtime))
    _start_loading(blocking.gate)
    blocking.block("random", sys.modules.get("random", random))
    if "numpy.random" in sys.modules:
        blocking.block("numpy.random", sys.modules["numpy.random"])
    sys.meta_path.insert(0, blocking)  # type: ignore[arg-type]
    try:
        yield
    finally:
        blocking.gate.open = True
        _stop_loading(blocking.gate)
        if blocking in sys.meta_path:
            sys.meta_path.remove(blocking)  # type: ignore[arg-type]
        blocking.unblock()
