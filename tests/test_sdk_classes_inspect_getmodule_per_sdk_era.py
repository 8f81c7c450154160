"""``inspect.getmodule`` of an SDK class looks up the module it shows, as Python looks up any
class's: none outside Worker code here (no ``workers.rpc`` module is imported there), and the
stand-in module inside a Worker whose SDK has it -- the class shows that module's name."""

from __future__ import annotations

import inspect
import sys
from typing import Any

import pytest
from sdk_era_helpers import CLASSES, era_params, running


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_getmodule_is_the_module_of_the_shown_name(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        got = {name: inspect.getmodule(cls) for name, cls in CLASSES.items()}
    assert got == {name: sys.modules.get(modules[name]) for name in CLASSES}
