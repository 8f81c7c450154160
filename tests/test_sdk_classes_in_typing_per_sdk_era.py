"""``typing`` reads an SDK class as any class: a hint's ``repr`` names the module the class shows
for the running Worker's SDK (``typing.Optional[workers.rpc.JsDict]``, ``list[workers.formdata.FormData]``)."""

from __future__ import annotations

import typing
from typing import Any, Optional

import pytest
from sdk_era_helpers import CLASSES, era_params, running


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_hints_name_the_shown_module(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        got = {name: [repr(Optional[cls]), repr(list[cls]), typing._type_repr(cls)]  # noqa: UP045
               for name, cls in CLASSES.items()}
    for name, cls in CLASSES.items():
        shown = f"{modules[name]}.{cls.__qualname__}"
        assert got[name] == [f"typing.Optional[{shown}]", f"list[{shown}]", shown], name
