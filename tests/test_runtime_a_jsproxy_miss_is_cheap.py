"""A JsProxy lookup that misses -- ``hasattr(js_obj, "x")``, common in Worker code -- costs no
walk of its traceback: the lookup method and ``tracebacks.missed`` are all the Python it runs
(hunt37's ``to_the_caller`` ran ten more functions and made the miss ~3x slower: BENCHMARKS.md,
``benchmarks/jsproxy_miss.py``). Held to the slow reference: the frames the caller's ``except``
sees are those ``to_the_caller``'s general path gives, when the caller is the Worker's code,
workers-env's own (its frames stay), and under ``pytest --full-trace`` (every frame kept)."""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

import pytest

from workers_env.runtime import jsproxy, notemulatedglobals, tracebacks
from workers_env.runtime.jsproxy import JsArray, JsMap, JsObject
from workers_env.runtime.standins import standin_modules


def _js() -> Any:
    return standin_modules()["js"]


#: miss -> (the JS value, the lookup the caller makes of it)
MISSES: dict[str, tuple[Callable[[], Any], str]] = {
    "attribute": (lambda: JsObject({"a": 1}), "target.nope"),
    "array attribute": (lambda: JsArray([1]), "target.nope"),
    "object map key": (lambda: JsObject({"a": 1}).as_object_map(), "target['zz']"),
    "Map key": (lambda: JsMap({"a": 1}), "target['zz']"),
    "Map key deleted": (lambda: JsMap({"a": 1}), "del target['zz']"),
    "js global": (_js, "target.nosuchglobal"),
}


def _python_calls(action: Callable[[], Any]) -> list[str]:
    """The Python functions ``action`` runs (C functions and ``action`` itself left out), by name."""
    called: list[str] = []

    def profile(frame: FrameType, event: str, _arg: Any) -> None:
        if event == "call":
            called.append(frame.f_code.co_name)

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return called[1:]


@pytest.mark.parametrize("name", ["nope", "get", "__len__"])
def test_hasattr_of_a_js_object_runs_two_python_functions(name):
    obj = JsObject({"a": 1})
    assert _python_calls(lambda: hasattr(obj, name)) == ["__getattr__", "missed"]
    assert not hasattr(obj, name) and getattr(obj, name, 7) == 7


def test_each_miss_runs_its_lookup_and_missed():
    table = JsObject({"a": 1}).as_object_map()
    array, js = JsArray([1]), _js()
    assert _python_calls(lambda: hasattr(array, "nope")) == ["__getattr__", "missed"]
    assert _python_calls(lambda: hasattr(js, "nosuchglobal")) == ["_js_getattr", "missed"]

    def key_miss() -> None:
        try:
            table["zz"]
        except KeyError:
            pass

    assert _python_calls(key_miss) == ["__getitem__", "_property_name", "missing_key", "missed"]


def test_a_maps_missing_key_runs_its_lookup_and_missed():
    """leftovers48: a ``Map``'s (``to_js(dict)``'s) ``m["zz"]`` went the general path, 3.8x a hit
    (2,645 ns against 685); now 927 (``benchmarks/jsproxy_miss.py --against main``)."""
    table = JsMap({"a": 1})

    def key_miss() -> None:
        try:
            table["zz"]
        except KeyError:
            pass

    assert _python_calls(key_miss) == ["__getitem__", "_entry_key", "missing_key", "missed"]


def _frames(case: str, *, ours: bool) -> list[tuple[str, str]]:
    """The frames (file's last part, function) the ``except`` of the code making ``case``'s
    lookup sees; that code is the Worker's, or (``ours``) compiled as a file of workers-env's."""
    value, lookup = MISSES[case]
    source = f"def catch(target):\n    try:\n        {lookup}\n    except Exception as error:\n        return error\n"
    space: dict[str, Any] = {}
    exec(compile(source, tracebacks.PACKAGE_DIR + "_cheap_miss_probe.py" if ours else "<worker>", "exec"), space)
    error = space["catch"](value())
    assert isinstance(error, (AttributeError, KeyError))
    return [(frame.filename.rsplit("/", 1)[-1], frame.name) for frame in traceback.extract_tb(error.__traceback__)]


@pytest.fixture(params=["worker", "ours", "full-trace"])
def setting(request) -> Iterator[str]:
    before = tracebacks.keep_every_frame(request.param == "full-trace")
    yield request.param
    tracebacks.keep_every_frame(before)


@pytest.mark.parametrize("case", sorted(MISSES))
def test_the_frames_are_the_general_paths(case, setting, monkeypatch):
    fast = _frames(case, ours=setting == "ours")
    for module in (jsproxy, notemulatedglobals):
        monkeypatch.setattr(module, "missed", tracebacks.to_the_caller)
    assert fast == _frames(case, ours=setting == "ours")
    caller = "_cheap_miss_probe.py" if setting == "ours" else "<worker>"
    if setting == "worker":
        assert fast == [(caller, "catch")]  # Pyodide's: the caller's line alone (hunt37)
    else:
        assert fast[0] == (caller, "catch") and len(fast) > 1  # workers-env's frames kept
