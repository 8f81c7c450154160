"""A 314.0.x ``pyodide.http`` error pickled before its classes moved from runtime/workers_api.py to
runtime/httperrors.py still loads, as the same class: such a pickle calls
``workers_env.runtime.workers_api._made_314``, which workers_api.py keeps for it (as envwrap.py
keeps ``_pyodide_face``). The bytes are what 13d7faf1 (the last commit before the move) wrote,
``pickle.dumps(X, protocol=0)`` of the 314.0.x forms of ``BodyUsedError()`` and
``HttpStatusError(404, "Not Found", "https://x/")`` (which, as Pyodide's, does not load)."""

from __future__ import annotations

import pickle

import pytest

from workers_env.runtime import httperrors

BODY_USED = (b"cworkers_env.runtime.workers_api\n_made_314\np0\n(VBodyUsedError\np1\n(VResponse body is already used\n"
             b"p2\ntp3\ntp4\nRp5\n.")
STATUS = (b"cworkers_env.runtime.workers_api\n_made_314\np0\n(VHttpStatusError\np1\n(V404 Client Error: Not Found for "
          b"url: https://x/\np2\ntp3\ntp4\nRp5\n(dp6\nVstatus\np7\nI404\nsVstatus_text\np8\nVNot Found\np9\nsVurl\np10\n"
          b"Vhttps://x/\np11\nsb.")


def test_a_body_used_error_pickled_before_loads_as_the_314_class() -> None:
    error = pickle.loads(BODY_USED)
    assert type(error) is httperrors._IN_314[httperrors.BodyUsedError]
    assert (type(error).__module__, str(error)) == ("pyodide.http._exceptions", "Response body is already used")


def test_a_status_error_pickled_before_fails_to_load_as_one_pickled_now() -> None:
    """Pyodide's ``HttpStatusError`` does not load from its pickle: its ``__init__`` takes three
    fields and hands ``OSError`` one message, so ``args`` hold the text (pyodide/http/_exceptions.py
    of the 314.0.6 bundle, read; not run under Pyodide). One pickled before the move fails the same
    way as one pickled now, not by a missing name."""
    now = pickle.dumps(httperrors._IN_314[httperrors.HttpStatusError](404, "Not Found", "https://x/"), protocol=0)
    failures = []
    for data in (STATUS, now):
        with pytest.raises(TypeError) as caught:
            pickle.loads(data)
        failures.append(str(caught.value))
    assert failures[0] == failures[1]
    assert "missing 2 required positional arguments" in failures[0]
