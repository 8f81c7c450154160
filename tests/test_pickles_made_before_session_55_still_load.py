"""Pickles workers-env wrote before session 55 still load: session 55 made one function read a
pickled class back (``workers_env._errors.class_named``) where there were three --
``_errors._class_named`` (a ``JsException`` class), ``_jsvalues._class_by_own_name`` (a JS
value's class, ``JsDict``) and ``runtime.sdknames.class_named`` (an SDK class) -- and kept the
old names for the pickles that call them. The bytes below are what 330a093d (session 54's end)
wrote, ``pickle.dumps(X, protocol=0)`` and a ``JsDict`` instance at protocol 2 (audit32: a mutant
dropping an old name survived the tests). A class a pickle names that is no longer there fails,
``AttributeError``, rather than loading something else in its place."""

from __future__ import annotations

import pickle

import pytest

from workers_env._errors import JsException
from workers_env._jsvalues import JsDict
from workers_env.runtime.forms import FormData
from workers_env.runtime.jsproxy import JsArray

BEFORE = [
    (b"cworkers_env._errors\n_class_named\np0\n(Vworkers_env._errors\np1\nVJsException\np2\ntp3\nRp4\n.", JsException),
    (b"cworkers_env._jsvalues\n_class_by_own_name\np0\n(Vworkers_env._jsvalues\np1\nVJsDict\np2\ntp3\nRp4\n.", JsDict),
    (b"cworkers_env._jsvalues\n_class_by_own_name\np0\n(Vworkers_env.runtime.jsproxy\np1\nVJsArray\np2\ntp3\nRp4\n.",
     JsArray),
    (b"cworkers_env.runtime.sdknames\nclass_named\np0\n(Vworkers_env.runtime.forms\np1\nVFormData\np2\ntp3\nRp4\n.",
     FormData),
]


@pytest.mark.parametrize(("data", "cls"), BEFORE, ids=["JsException", "JsDict", "JsArray", "FormData"])
def test_a_class_pickled_before_loads(data: bytes, cls: type) -> None:
    assert pickle.loads(data) is cls


def test_a_jsdict_pickled_before_loads() -> None:
    data = (b"\x80\x02cworkers_env._jsvalues\n_class_by_own_name\nq\x00X\x15\x00\x00\x00workers_env._jsvaluesq\x01X"
            b"\x06\x00\x00\x00JsDictq\x02\x86q\x03Rq\x04)\x81q\x05X\x01\x00\x00\x00aq\x06K\x01s.")
    loaded = pickle.loads(data)
    assert type(loaded) is JsDict and loaded == {"a": 1} and loaded.a == 1


def test_a_class_no_longer_there_fails() -> None:
    gone = b"cworkers_env._errors\nclass_named\np0\n(Vworkers_env._errors\np1\nVJsException.Gone\np2\ntp3\nRp4\n."
    with pytest.raises(AttributeError, match="Gone"):
        pickle.loads(gone)
