"""What an SDK class's body tells its metaclass -- ``_sdk_class`` (the module it shows),
``_shown_as`` (the name it shows) -- is data for the metaclass only, as production's classes have
no such attribute: a result's key of that name reads as the key (``res._sdk_class``, the column
value), and ``dir()`` of the classes lists neither."""

from __future__ import annotations

from sdk_era_helpers import CLASSES

from workers_env._jsvalues import JsDict, JsMapResult
from workers_env.runtime.envwrap import _BindingWrapper


def test_keys_of_those_names_read_as_keys() -> None:
    assert JsDict({"_sdk_class": 1, "_shown_as": 2})._sdk_class == 1
    assert JsMapResult({"_shown_as": 2})._shown_as == 2


def test_no_class_has_them() -> None:
    assert {name: [n for n in dir(cls) if n in ("_sdk_class", "_shown_as")] for name, cls in CLASSES.items()} == {
        name: [] for name in CLASSES}


def test_a_wrapper_reads_the_name_from_what_it_wraps() -> None:
    assert _BindingWrapper(JsDict(_sdk_class="x"))._sdk_class == "x"
