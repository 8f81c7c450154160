"""A ``pyodide.ffi.JsException`` pickled before its face moved from runtime/envwrap.py to
runtime/pyodideerrors.py still loads, as the same face: such a pickle calls
``workers_env.runtime.envwrap._pyodide_face``, which envwrap.py keeps for it. The bytes below are
what 13d7faf1 (the last commit before the move) wrote, ``pickle.dumps(X, protocol=0)`` of the face
of ``JsException`` and of a ``TypeError`` Worker code caught."""

from __future__ import annotations

import pickle

from workers_env._errors import JsException
from workers_env.runtime.pyodideerrors import as_pyodide_error

FACE = b"cworkers_env.runtime.envwrap\n_pyodide_face\np0\n(cworkers_env\nJsException\np1\ntp2\nRp3\n."
ERROR = (b"cworkers_env._errors\n_restored\np0\n(cworkers_env.runtime.envwrap\n_pyodide_face\np1\n(cworkers_env\n"
         b"JsException\np2\ntp3\nRp4\n(VTypeError: boom\np5\ntp6\n(dp7\nVname\np8\nVTypeError\np9\nsVmessage\np10\n"
         b"Vboom\np11\nstp12\nRp13\n.")


def test_the_face_pickled_before_loads_as_the_face() -> None:
    assert pickle.loads(FACE) is type(as_pyodide_error(JsException("x")))


def test_an_error_pickled_before_loads_with_its_face() -> None:
    error = pickle.loads(ERROR)
    assert type(error) is type(as_pyodide_error(JsException("x")))
    assert (error.name, error.message, str(error)) == ("TypeError", "boom", "TypeError: boom")
