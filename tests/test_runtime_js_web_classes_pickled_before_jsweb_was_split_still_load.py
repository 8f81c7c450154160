"""Classes and functions pickled by reference before runtime/jsweb.py was split still load, as the
same objects: the classes of ``Headers`` (now in runtime/jsheaders.py) and of a body and its
stream (runtime/jsbody.py) are read back by ``class_named("workers_env.runtime.jsweb", ...)``,
a body's ``_BodyCell`` and ``json_parse`` (runtime/jsonparse.py) by their names in jsweb, which
jsweb.py keeps for them. The bytes are what b70218ee (main just before the split) wrote,
``pickle.dumps(X, protocol=0)`` (``_BodyCell()`` with ``used`` set: protocol 2, as its
``__slots__`` need)."""

from __future__ import annotations

import pickle

import pytest

from workers_env.runtime import jsbody, jsheaders, jsonparse


def _class(name: bytes) -> bytes:
    return (b"cworkers_env._errors\nclass_named\np0\n(Vworkers_env.runtime.jsweb\np1\nV" + name
            + b"\np2\ntp3\nRp4\n.")


@pytest.mark.parametrize(("data", "now"), [
    (_class(b"JsHeaders"), jsheaders.JsHeaders),
    (_class(b"_Body"), jsbody._Body),
    (_class(b"_BodyStream"), jsbody._BodyStream),
    (b"cworkers_env.runtime.jsweb\n_BodyCell\np0\n.", jsbody._BodyCell),
    (b"cworkers_env.runtime.jsweb\njson_parse\np0\n.", jsonparse.json_parse),
])
def test_a_class_or_function_pickled_before_the_split_loads_as_itself(data: bytes, now: object) -> None:
    assert pickle.loads(data) is now


def test_a_body_cell_pickled_before_the_split_loads_as_one() -> None:
    cell = pickle.loads(b"\x80\x02cworkers_env.runtime.jsweb\n_BodyCell\nq\x00)\x81q\x01N}q\x02X\x04\x00\x00\x00usedq"
                        b"\x03\x88s\x86q\x04b.")
    assert type(cell) is jsbody._BodyCell
    assert cell.used is True
