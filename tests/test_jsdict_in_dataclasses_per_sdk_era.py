"""``dataclasses`` read a ``JsDict`` field as any class's, in each SDK era: a dataclass holding a
result prints it as a dict, resolves its hints to the class (by the module it shows: none here, so
by the dataclass's own) and ``asdict`` keeps it a ``JsDict``."""

from __future__ import annotations

import dataclasses
import typing
from typing import Any, Optional

import pytest
from sdk_era_helpers import era_params, running

from workers_env._jsvalues import JsDict


@dataclasses.dataclass
class Holder:
    result: JsDict
    maybe: Optional[JsDict] = None  # noqa: UP045 - typing's Optional is what is checked


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_a_dataclass_holds_a_result(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        hints = typing.get_type_hints(Holder)
        held = Holder(JsDict(a=1))
        printed, plain, again = repr(held), dataclasses.asdict(held), dataclasses.replace(held, maybe=JsDict(b=2))
        field_type = dataclasses.fields(Holder)[0].type
    assert hints == {"result": JsDict, "maybe": Optional[JsDict]}  # noqa: UP045
    assert printed == "Holder(result={'a': 1}, maybe=None)" and field_type == "JsDict"
    assert type(plain["result"]) is JsDict and plain == {"result": {"a": 1}, "maybe": None}
    assert type(again.maybe) is JsDict and again.result is held.result
