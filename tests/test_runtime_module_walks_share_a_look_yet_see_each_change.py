"""A load checks ``sys.modules`` twice against what earlier walks took (the host's modules'
walk; the scope's index of top-level modules, which adds the stand-ins ``workers``, ``js``, ...),
and the two share what they took: within a load the second check compares with the entries the
first one found, held only until the load ends (scan66). Each change between the two checks is
still seen, and no module is kept alive past the load."""

from __future__ import annotations

import gc
import sys
import types
import weakref

import pytest

from workers_env.runtime import moduledicts
from workers_env.runtime.moduledicts import ModulesSnapshot, looked_at_once


class _NoWeakref:
    __slots__ = ()


#: the stand-ins a scope's entry adds (and its exit takes away again)
STANDINS = {"_scan66_standin": types.ModuleType("_scan66_standin"), "_scan66_odd": _NoWeakref()}


def _enter() -> None:
    sys.modules.update(STANDINS)


def _leave() -> None:
    for name in STANDINS:
        sys.modules.pop(name, None)


def _taken_twice() -> tuple[ModulesSnapshot, ModulesSnapshot]:
    """The load's walk's snapshot, and the scope's taken after it with the stand-ins at the end."""
    walk, scope = ModulesSnapshot(), ModulesSnapshot()
    walk.take(list(sys.modules), list(sys.modules.values()))
    _enter()
    scope.take(list(sys.modules), list(sys.modules.values()))
    _leave()
    return walk, scope


def _replace(name: str) -> None:
    sys.modules[name] = types.ModuleType(name)


def _to_none(name: str) -> None:
    sys.modules[name] = None  # type: ignore[assignment]


def _to_odd(name: str) -> None:
    sys.modules[name] = _NoWeakref()  # type: ignore[assignment]


@pytest.fixture
def modules():
    # the walk takes afresh (not built on an earlier taking the names it sees begin with): the scope's builds on it
    moduledicts._NEWEST[0] = None
    yield
    for name in [name for name in sys.modules if name.startswith("_scan66_")]:
        del sys.modules[name]


@pytest.mark.parametrize("change", [_replace, _to_none, _to_odd])
@pytest.mark.parametrize("where", ["_scan66_walked", "_scan66_standin", "_scan66_odd"])
def test_an_entry_changed_between_the_checks_of_a_load_is_seen(modules, change, where):
    sys.modules["_scan66_walked"] = types.ModuleType("_scan66_walked")
    walk, scope = _taken_twice()
    with looked_at_once():
        assert walk.current() is not None  # (the load's first check: found as taken)
        _enter()
        assert scope.current() is not None
        change(where)  # the same names, size and order: another entry under one of them
        assert scope.current() is None
        _leave()
        assert (walk.current() is None) is (where == "_scan66_walked")


def test_an_entry_changed_between_the_two_walks_of_a_load_is_seen(modules):
    sys.modules["_scan66_walked"] = types.ModuleType("_scan66_walked")
    walk, scope = _taken_twice()
    with looked_at_once():
        assert walk.current() is not None
        _replace("_scan66_walked")  # between the host's walk and the scope's entry
        _enter()
        assert scope.current() is None
        _leave()
        assert walk.current() is None


def test_the_checks_of_a_load_see_their_entries_unchanged_again(modules):
    walk, scope = _taken_twice()
    with looked_at_once():
        for _ in range(2):
            assert walk.current() == list(sys.modules.values())
            _enter()
            assert scope.current() == list(sys.modules.values())
            _leave()
    _enter()
    assert scope.current() == list(sys.modules.values())  # (after the load: read through the weak references)
    _leave()


def test_a_module_gone_after_a_load_is_not_kept_alive_by_its_checks(modules):
    module = sys.modules["_scan66_gone"] = types.ModuleType("_scan66_gone")
    gone = weakref.ref(module)
    walk, scope = _taken_twice()
    with looked_at_once():
        assert walk.current() is not None
        _enter()
        assert scope.current() is not None
        _leave()
    del sys.modules["_scan66_gone"], module
    gc.collect()
    assert gone() is None


@pytest.mark.parametrize("change", [_replace, _to_none])
def test_a_taking_whose_module_died_is_not_taken_for_the_same(modules, change):
    # a module the walk took died and another (or None: what its dead reference answers) took its
    # name: neither check, nor a new taking, goes by it
    sys.modules["_scan66_dies"] = types.ModuleType("_scan66_dies")
    walk, scope = _taken_twice()
    assert scope._taken.base is walk._taken  # (the dying module is in the taking the scope's builds on)
    change("_scan66_dies")
    gc.collect()
    assert walk.current() is None
    _enter()
    assert scope.current() is None
    again = ModulesSnapshot()
    again.take(list(sys.modules), list(sys.modules.values()))
    assert again.current() == list(sys.modules.values())
    _leave()


def _renamed(name: str) -> None:
    """The newest entry ``name`` put under another name: the same entries in the same order and size."""
    sys.modules[name + "_renamed"] = sys.modules.pop(name)


def test_the_newest_entry_put_under_another_name_is_seen(modules):
    sys.modules["_scan66_named"] = types.ModuleType("_scan66_named")  # the newest entry
    snapshot = ModulesSnapshot()
    snapshot.take(list(sys.modules), list(sys.modules.values()))
    _renamed("_scan66_named")
    assert snapshot.current() is None


@pytest.mark.parametrize("change", [_replace, _renamed])
def test_a_taking_made_after_a_change_is_its_own(modules, change):
    # the newest taking holds the same names, or the same entries, not both: a snapshot taken now
    # shares nothing of it, and finds sys.modules as it took it (pin68: shared, it answered
    # "changed" for good)
    kept = [types.ModuleType("_scan66_changed")]  # (alive throughout: the first taking stays whole)
    sys.modules["_scan66_changed"] = kept[0]
    ModulesSnapshot().take(list(sys.modules), list(sys.modules.values()))
    change("_scan66_changed")
    snapshot = ModulesSnapshot()
    snapshot.take(list(sys.modules), list(sys.modules.values()))
    assert snapshot.current() == list(sys.modules.values())
