"""``typing`` reads an SDK class as any class: a hint's ``repr`` names the module the class shows
for the running Worker's SDK (``typing.Optional[workers.rpc.JsDict]`` -- ``workers.rpc.JsDict | None``
from Python 3.14 -- ``list[workers.formdata.FormData]``), as it names a plain class's."""

from __future__ import annotations

import typing
from typing import Any, Optional

import pytest
from sdk_era_helpers import CLASSES, era_params, running


class Plain:
    """A class of no metaclass of its own: how this Python's ``typing`` writes a hint of one."""


def optional(shown: str) -> str:
    """``repr(Optional[cls])`` for a class shown as ``shown``, in this Python's form."""
    return repr(Optional[Plain]).replace(typing._type_repr(Plain), shown)  # noqa: UP045


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_hints_name_the_shown_module(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        got = {name: [repr(Optional[cls]), repr(list[cls]), typing._type_repr(cls)]  # noqa: UP045
               for name, cls in CLASSES.items()}
    for name, cls in CLASSES.items():
        shown = f"{modules[name]}.{cls.__qualname__}"
        assert got[name] == [optional(shown), f"list[{shown}]", shown], name
    assert optional("m.C") in ("typing.Optional[m.C]", "m.C | None")
