"""An SDK class's instance reads its class's shown module as ``x.__module__`` (Python's own
instances read their class's), and ``object.__repr__``-style texts name it, per SDK era; a class
Worker code derives from one keeps its own module, its instances too, as in production."""

from __future__ import annotations

from typing import Any

import pytest
from sdk_era_helpers import CLASSES, era_params, running

from workers_env.runtime.forms import FormData

EXAMPLES = {"JsDict": ({"a": 1},), "JsMapResult": ({"k": "v"},), "FormData": (), "Blob": (["x"],), "File": (["x"], "f.txt"),
            "Response": ("x",), "Request": ("https://example.com/",), "_BindingWrapper": ({"k": 1},),
            "_EnvWrapper": ({"k": 1},), "_RpcStubWrapper": ({"k": 1},)}


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_an_instance_reads_its_class_module(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        got = {name: CLASSES[name](*args).__module__ for name, args in EXAMPLES.items()}
        shown = repr(FormData()).split(" object at 0x")[0]
    assert got == {name: modules[name] for name in EXAMPLES}
    assert shown == f"<{modules['FormData']}.FormData"


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_a_subclass_of_ones_own_keeps_its_module(era: Any, modules: dict[str, str]) -> None:
    with running(era):
        made = {name: type("Mine", (CLASSES[name],), {"__module__": "worker"}) for name in EXAMPLES}
        got = {name: [cls.__module__, repr(cls), cls(*EXAMPLES[name]).__module__] for name, cls in made.items()}
    assert got == {name: ["worker", "<class 'worker.Mine'>", "worker"] for name in EXAMPLES}
