"""``pickle`` and ``copy`` of the SDK classes, and of ``JsDict`` results, work in every SDK era: a
class pickles by the module defining it here (the one it shows is none locally) and reads back as
itself, a result as a ``JsDict`` of the same keys (a KV bulk ``get``'s as its own class)."""

from __future__ import annotations

import copy
import pickle
from typing import Any

import pytest
from sdk_era_helpers import CLASSES, era_params, running

from workers_env._jsvalues import JsDict, JsMapResult


@pytest.mark.parametrize(("era", "modules"), era_params())
def test_classes_and_results_round_trip(era: Any, modules: dict[str, str]) -> None:
    value = JsDict({"a": JsMapResult({"k": "v"}), "rows": [JsDict(id=1)]})
    with running(era):
        classes = {name: [pickle.loads(pickle.dumps(cls, protocol)) is cls for protocol in (0, 2, 5)]
                   + [copy.copy(cls) is cls, copy.deepcopy(cls) is cls] for name, cls in CLASSES.items()}
        again = [pickle.loads(pickle.dumps(value, protocol)) for protocol in (0, 2, 5)]
        copies = [copy.copy(value), copy.deepcopy(value)]
    assert classes == {name: [True] * 5 for name in CLASSES}
    for each in again + copies:
        assert each == value and type(each) is JsDict and type(each["a"]) is JsMapResult
        assert type(each["rows"][0]) is JsDict
    assert copies[1]["rows"] is not value["rows"] and copies[0]["rows"] is value["rows"]
