"""The ``js`` and ``pyodide.ffi`` stand-ins' ``__getattr__`` functions pickled before they moved from
runtime/standins.py (to notemulatedglobals.py and pyodideffi.py) still load, as the same functions:
such a pickle names ``workers_env.runtime.standins._js_getattr`` / ``_ffi_attribute``, which
standins.py still imports to build the modules. The bytes are what b70218ee (the last commit before
the move) wrote, ``pickle.dumps(X, protocol=0)`` of ``js.__getattr__`` and ``pyodide.ffi.__getattr__``."""

from __future__ import annotations

import pickle

from workers_env.runtime.standins import standin_modules

JS_GETATTR = b"cworkers_env.runtime.standins\n_js_getattr\np0\n."
FFI_ATTRIBUTE = b"cworkers_env.runtime.standins\n_ffi_attribute\np0\n."


def test_js_getattr_pickled_before_loads_as_the_js_modules() -> None:
    assert pickle.loads(JS_GETATTR) is standin_modules()["js"].__getattr__


def test_ffi_attribute_pickled_before_loads_as_pyodide_ffis() -> None:
    assert pickle.loads(FFI_ATTRIBUTE) is standin_modules()["pyodide.ffi"].__getattr__
