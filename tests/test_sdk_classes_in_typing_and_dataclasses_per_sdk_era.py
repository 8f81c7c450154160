"""``typing`` and ``dataclasses`` read an SDK class as any class: a hint's ``repr`` names the module
the class shows for the running Worker's SDK (``typing.Optional[workers.rpc.JsDict]``), a
dataclass with a ``JsDict`` field prints, resolves its hints and ``asdict``\\s it as a ``JsDict``."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Optional

import pytest
from sdk_era_helpers import CLASSES, era_params, running

from workers_env._jsvalues import JsDict


@dataclasses.dataclass
class Holder:
    result: JsDict
    maybe: Optional[JsDict] = None  # noqa: UP045 - typing's Optional is what is checked


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_hints_name_the_shown_module(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        got = {name: [repr(Optional[cls]), repr(list[cls]), typing._type_repr(cls)]  # noqa: UP045
               for name, cls in CLASSES.items()}
        hints = typing.get_type_hints(Holder)
        held = Holder(JsDict(a=1))
        printed, plain = repr(held), dataclasses.asdict(held)
    for name, cls in CLASSES.items():
        shown = f"{modules[name]}.{cls.__qualname__}"
        assert got[name] == [f"typing.Optional[{shown}]", f"list[{shown}]", shown], name
    assert hints == {"result": JsDict, "maybe": Optional[JsDict]}  # noqa: UP045
    assert printed == "Holder(result={'a': 1}, maybe=None)"
    assert type(plain["result"]) is JsDict and plain == {"result": {"a": 1}, "maybe": None}
