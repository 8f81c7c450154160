"""What pytest reads of the installed plugin distributions, read once a test process while they
stay as they are (tests/conftest.py installs it): the in-process pytester runs start a pytest
each, and each read every pytest11 distribution's ``RECORD`` again (to mark its modules for
assertion rewriting, ``Config._mark_plugins_for_rewrite``), parsed each plugin's ``METADATA``
for the ``plugins:`` header line (``_pytest.terminal._plugin_nameversions``) and every installed
distribution's ``entry_points.txt`` to find the pytest11 plugins (pluggy's
``load_setuptools_entrypoints``): 0.05, 0.18 and 0.12 s a run under cProfile, most of the run's
``_prepareconfig``.

Both answers are kept keyed by what they were read from -- each distribution's folder, with the
mtime and size of its folder, ``RECORD``, ``entry_points.txt``, ``METADATA`` and ``direct_url.json`` (pytest 9.2's look for an editable
install) -- so a
distribution installed, removed or rewritten during the run (or one a test puts on ``sys.path``)
is read afresh; a distribution that is not a folder on disk is always read as pytest reads it.
What the runs print and which modules they rewrite is what pytest's own reads give.

Each of the three is replaced only where its code is of a shape known here (the names it uses,
as checked in ``_SHAPES``): pytest 9.0.3 or 9.2.0 with pluggy 1.6.0 or 1.7.0 (Python 3.12 on inlines
a function's comprehensions, whose names are then the function's own: 9.2.0's two shapes). The rewritten
modules and the ``plugins:`` names are what pytest's own function gave the first time (its calls
of ``mark_rewrite`` replayed), and pluggy's loop is the installed pluggy's: 1.6 registers a
plugin unless ``get_plugin`` has it and keeps ``DistFacade(dist)``, 1.7 asks ``has_plugin`` and
keeps ``dist`` itself. A shape not known leaves pytest's and pluggy's own in place.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Iterable
from typing import Any

__all__ = ["install", "replaced"]

_FILES = ("", "RECORD", "entry_points.txt", "METADATA", "direct_url.json")

#: the names each replaced function's code uses, a tuple for each version known here
_SHAPES: dict[str, tuple[tuple[str, ...], ...]] = {
    "mark": (
        ("pluginmanager", "rewrite_hook", "importlib", "metadata", "distributions", "_iter_rewritable_modules",
         "mark_rewrite"),  # pytest 9.0.3
        ("pluginmanager", "rewrite_hook", "importlib", "metadata", "distributions", "entry_points", "set",
         "_iter_rewritable_modules", "files", "_is_editable_install", "mark_rewrite"),  # pytest 9.2.0
        ("pluginmanager", "rewrite_hook", "importlib", "metadata", "distributions", "entry_points", "group", "set",
         "_iter_rewritable_modules", "files", "_is_editable_install", "_plugin_rewrite_name", "value", "partition",
         "strip", "mark_rewrite"),  # pytest 9.2.0 on Python 3.12+ (PEP 709: its comprehensions' names are its own)
    ),
    "nameversions": (
        ("project_name", "version", "startswith", "append"),  # pytest 9.0.3
        ("project_name", "version", "removeprefix", "append"),  # pytest 9.2.0
    ),
    "load": (
        ("importlib.metadata", "list", "metadata", "distributions", "entry_points", "group", "name", "get_plugin",
         "is_blocked", "load", "register", "_plugin_distinfo", "append", "DistFacade"),  # pluggy 1.6.0
        ("importlib.metadata", "list", "metadata", "distributions", "entry_points", "group", "name", "has_plugin",
         "is_blocked", "load", "register", "_plugin_distinfo", "append"),  # pluggy 1.7.0
    ),
}


def _shape(what: str, function: Any) -> int | None:
    """Which of ``_SHAPES[what]`` ``function`` is, or ``None``."""
    code = getattr(function, "__code__", None)
    names = getattr(code, "co_names", None)
    return _SHAPES[what].index(names) if names in _SHAPES[what] else None


def _state(dist: Any) -> tuple[Any, ...] | None:
    """Where ``dist`` (or the distribution a ``DistFacade`` wraps) is read from and how its files
    stand, or ``None`` (not a folder on disk)."""
    while type(dist).__name__ == "DistFacade":  # (pluggy's, around the distribution)
        dist = dist._dist
    path = getattr(dist, "_path", None)
    if not isinstance(path, os.PathLike):
        return None
    state: list[Any] = [os.fspath(path)]
    for name in _FILES:
        try:
            info = os.stat(os.path.join(state[0], name))
        except OSError:
            state.append(None)
            continue
        state.append((info.st_mtime_ns, info.st_size, info.st_ino))
    if state[1] is None:
        return None
    return tuple(state)


def _key(dists: Iterable[Any]) -> tuple[Any, ...] | None:
    key = []
    for dist in dists:
        state = _state(dist)
        if state is None:
            return None
        key.append(state)
    return tuple(key)


class _Recording:
    """A rewrite hook's ``mark_rewrite`` passed on, with the names kept."""

    def __init__(self, hook: Any) -> None:
        self.hook, self.calls = hook, []  # type: ignore[var-annotated]

    def mark_rewrite(self, *names: str) -> None:
        self.calls.append(names)
        self.hook.mark_rewrite(*names)


def replaced(config: Any, terminal: Any, manager: Any) -> list[str]:
    """Which of the three are the ones installed here (``mark``, ``nameversions``, ``load``)."""
    return [what for what, function in (("mark", config.Config._mark_plugins_for_rewrite),
                                         ("nameversions", terminal._plugin_nameversions),
                                         ("load", manager.PluginManager.load_setuptools_entrypoints))
            if getattr(function, "__wrapped__", None) is not None]


def install(config: Any, terminal: Any, manager: Any) -> None:
    """Keep ``config.Config._mark_plugins_for_rewrite``'s module names, ``terminal._plugin_nameversions``'s
    names and the entry points ``manager.PluginManager.load_setuptools_entrypoints`` loads
    (``_pytest.config``, ``_pytest.terminal``, ``pluggy._manager``) while the distributions they come from
    stay as they are -- each where its shape is known (``_SHAPES``)."""
    mark = config.Config._mark_plugins_for_rewrite
    nameversions = terminal._plugin_nameversions
    load = manager.PluginManager.load_setuptools_entrypoints
    rewritable: dict[tuple[Any, ...], list[tuple[str, ...]]] = {}
    names: dict[tuple[Any, ...], list[str]] = {}
    entry_points: dict[tuple[Any, ...], tuple[tuple[int, Any], ...]] = {}
    load_shape = _shape("load", load)

    def load_setuptools_entrypoints(self: Any, group: str, name: str | None = None) -> int:
        dists = list(importlib.metadata.distributions())
        key = _key(dists)
        if key is None:
            return int(load(self, group, name))
        pairs = entry_points.get((group, key))
        if pairs is None:  # (each entry point with its distribution's place in the list)
            pairs = entry_points[(group, key)] = tuple((at, ep) for at, dist in enumerate(dists)
                                                       for ep in dist.entry_points if ep.group == group)
        count = 0
        for at, ep in pairs:  # (the installed pluggy's loop, on the entry points it would read)
            known = self.get_plugin(ep.name) if load_shape == 0 else self.has_plugin(ep.name)
            if (name is not None and ep.name != name) or known or self.is_blocked(ep.name):
                continue
            plugin = ep.load()
            self.register(plugin, name=ep.name)
            self._plugin_distinfo.append((plugin, manager.DistFacade(dists[at]) if load_shape == 0 else dists[at]))
            count += 1
        return count

    def mark_plugins_for_rewrite(self: Any, hook: Any, disable_autoload: bool) -> None:
        if disable_autoload:
            return mark(self, hook, disable_autoload)
        key = _key(importlib.metadata.distributions())
        if key is None:
            return mark(self, hook, disable_autoload)
        calls = rewritable.get(key)
        if calls is None:  # (pytest's own reading, its calls kept)
            recording = _Recording(hook)
            mark(self, recording, disable_autoload)
            calls = rewritable[key] = recording.calls
        self.pluginmanager.rewrite_hook = hook
        for call in calls:
            hook.mark_rewrite(*call)

    def plugin_nameversions(plugininfo: Any) -> list[str]:
        plugininfo = list(plugininfo)
        key = _key(dist for _, dist in plugininfo)
        if key is None:
            return list(nameversions(plugininfo))
        if key not in names:
            names[key] = list(nameversions(plugininfo))
        return list(names[key])

    for what, function, ours, owner, attribute in (
            ("mark", mark, mark_plugins_for_rewrite, config.Config, "_mark_plugins_for_rewrite"),
            ("nameversions", nameversions, plugin_nameversions, terminal, "_plugin_nameversions"),
            ("load", load, load_setuptools_entrypoints, manager.PluginManager, "load_setuptools_entrypoints")):
        if getattr(function, "__wrapped__", None) is None and _shape(what, function) is not None:
            ours.__wrapped__ = function  # type: ignore[attr-defined]
            setattr(owner, attribute, ours)
