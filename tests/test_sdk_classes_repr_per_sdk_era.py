"""``repr`` of each SDK class Worker code sees -- ``str(type(x))``, which Worker code compares with
production's text -- names the module production defines it in for the running Worker's SDK
(``<class 'workers.rpc.JsDict'>``, ``<class 'workers._workers._BindingWrapper'>`` before 1.6.4, ...),
as do its ``__module__``, ``__qualname__`` and ``__name__`` (sdk_era_helpers: the eras measured)."""

from __future__ import annotations

from typing import Any

import pytest
from sdk_era_helpers import CLASSES, era_params, running, shown_name


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_each_class_reads_as_productions(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        got = {name: [repr(cls), str(cls), cls.__module__, cls.__qualname__, cls.__name__] for name, cls in CLASSES.items()}
    for name, module in modules.items():
        shown = shown_name(name)
        assert got[name] == [f"<class '{module}.{shown}'>"] * 2 + [module, shown, shown], name
