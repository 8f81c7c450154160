"""A PyProxy's own ``type`` and ``length`` for the objects the first cut missed, as Pyodide
0.26.0a4, 0.28.2 and 314.0.6 answer them under Node (differential group
``pyproxy-own-type-edge-cases``): a ``create_proxy`` handle's ``type`` is the object's
``tp_name`` whatever ``obj.type`` is, and ``length`` is ``len()`` only for a type with its own
``__len__`` -- not an ``Enum`` member, whose class has ``EnumType``'s -- and an
``OverflowError`` above ``2**31 - 1`` (wasm32's ``Py_ssize_t``); a class name longer than the
200 characters ``object.__format__``'s refusal keeps is whole; ``create_proxy`` of a callable
is a Blob option's ``type`` (``"type"``, ``"function"``) and owns no enumerable properties, as
any PyProxy; an ``Enum`` member as ``new Headers()``'s init is not iterable: no headers."""

from __future__ import annotations

import enum
import warnings

import pytest

from workers_env import PyProxyWarning, js
from workers_env.runtime.jsfunctions import create_proxy  # pyodide.ffi's, in a Worker


class Typed:
    type = "image/png"
    length = 3


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        if self.n < 0:
            raise ValueError("no len")
        return self.n


class Colour(enum.Enum):
    RED = 1


def test_a_create_proxy_handles_type_is_the_tp_name_not_the_attribute():
    proxy = create_proxy(Typed())
    assert proxy.type == "Typed"
    assert proxy.length == 3  # no __len__: the attribute


def test_a_class_name_longer_than_200_characters_is_whole():
    long_class = type("N" * 250, (), {})
    assert create_proxy(long_class()).type == "N" * 250


@pytest.mark.parametrize(("n", "answer"), [
    (3, 3), (2**31 - 1, 2**31 - 1),
])
def test_length_is_len(n, answer):
    assert create_proxy(Sized(n)).length == answer


@pytest.mark.parametrize(("n", "error"), [
    (-1, ValueError), (2**31, OverflowError), (2**70, OverflowError),
])
def test_a_length_pyodide_cannot_give_is_its_error(n, error):
    with pytest.raises(error):
        create_proxy(Sized(n)).length


def test_an_enum_members_proxy_has_no_length_of_its_metaclass():
    proxy = create_proxy(Colour.RED)
    assert proxy.type == "Colour"
    with pytest.raises(AttributeError):
        proxy.length


def test_create_proxy_of_a_callable_is_read_as_its_pyproxy():
    def handler():
        pass

    assert create_proxy(handler).type == "function"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", PyProxyWarning)
        assert js.Blob.new([], create_proxy(Typed)).type == "type"
        assert js.Blob.new([], create_proxy(handler)).type == "function"
    assert list(js.Object.keys(create_proxy(handler))) == []
    assert list(js.Object.values(create_proxy(Typed))) == []
    assert list(js.Object.entries(create_proxy(Typed()))) == []


def test_an_enum_member_as_a_headers_init_makes_no_headers():
    with pytest.warns(PyProxyWarning, match="lists none of its attributes"):
        assert list(js.Headers.new(Colour.RED).entries()) == []
