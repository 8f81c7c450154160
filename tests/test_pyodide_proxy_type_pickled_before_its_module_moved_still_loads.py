"""The JS values' metaclass pickled before it moved from _jsvalues.py to _proxytype.py still loads, as
the same class: such a pickle names ``workers_env._jsvalues.PyodideProxyType``, which _jsvalues.py
still imports (its ``JsSet`` is made by it). The bytes are what 67f5bcc5 (the last commit before the
move) wrote, ``pickle.dumps(PyodideProxyType, protocol=p)`` for protocols 0, 2 and 4."""

from __future__ import annotations

import pickle

import pytest

from workers_env._proxytype import PyodideProxyType

PICKLED_BEFORE = (
    b"cworkers_env._jsvalues\nPyodideProxyType\np0\n.",
    b"\x80\x02cworkers_env._jsvalues\nPyodideProxyType\nq\x00.",
    b"\x80\x04\x95.\x00\x00\x00\x00\x00\x00\x00\x8c\x15workers_env._jsvalues\x94\x8c\x10PyodideProxyType\x94\x93\x94.",
)


@pytest.mark.parametrize("data", PICKLED_BEFORE)
def test_the_metaclass_pickled_before_the_move_loads_as_itself(data: bytes) -> None:
    assert pickle.loads(data) is PyodideProxyType
