"""What pytest reads of the installed plugin distributions, read once a test process while they
stay as they are (tests/conftest.py installs it): the in-process pytester runs start a pytest
each, and each read every pytest11 distribution's ``RECORD`` again (to mark its modules for
assertion rewriting, ``Config._mark_plugins_for_rewrite``), parsed each plugin's ``METADATA``
for the ``plugins:`` header line (``_pytest.terminal._plugin_nameversions``) and every installed
distribution's ``entry_points.txt`` to find the pytest11 plugins (pluggy's
``load_setuptools_entrypoints``): 0.05, 0.18 and 0.12 s a run under cProfile, most of the run's
``_prepareconfig``.

Both answers are kept keyed by what they were read from -- each distribution's folder, with the
mtime and size of its folder, ``RECORD``, ``entry_points.txt`` and ``METADATA`` -- so a
distribution installed, removed or rewritten during the run (or one a test puts on ``sys.path``)
is read afresh; a distribution that is not a folder on disk is always read as pytest reads it.
What the runs print and which modules they rewrite is what pytest's own reads give.
"""

from __future__ import annotations

import importlib.metadata
import os
from collections.abc import Iterable
from typing import Any

__all__ = ["install"]

_FILES = ("", "RECORD", "entry_points.txt", "METADATA")


def _state(dist: Any) -> tuple[Any, ...] | None:
    """Where ``dist`` is read from and how its files stand, or ``None`` (not a folder on disk)."""
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


def install(config: Any, terminal: Any, manager: Any) -> None:
    """Keep ``config.Config._mark_plugins_for_rewrite``'s module names, ``terminal._plugin_nameversions``'s
    names and the entry points ``manager.PluginManager.load_setuptools_entrypoints`` loads
    (``_pytest.config``, ``_pytest.terminal``, ``pluggy._manager``) while the distributions they come from
    stay as they are."""
    mark = config.Config._mark_plugins_for_rewrite
    if getattr(mark, "__wrapped__", None) is not None:
        return
    nameversions = terminal._plugin_nameversions
    load = manager.PluginManager.load_setuptools_entrypoints
    rewritable: dict[tuple[Any, ...], tuple[str, ...]] = {}
    names: dict[tuple[Any, ...], list[str]] = {}
    entry_points: dict[tuple[Any, ...], tuple[tuple[Any, Any], ...]] = {}

    def load_setuptools_entrypoints(self: Any, group: str, name: str | None = None) -> int:
        dists = list(importlib.metadata.distributions())
        key = _key(dists)
        if key is None:
            return int(load(self, group, name))
        pairs = entry_points.get((group, key))
        if pairs is None:
            pairs = entry_points[(group, key)] = tuple((dist, ep) for dist in dists for ep in dist.entry_points
                                                       if ep.group == group)
        count = 0
        for dist, ep in pairs:  # (pluggy's loop, on the entry points it would read)
            if (name is not None and ep.name != name) or self.get_plugin(ep.name) or self.is_blocked(ep.name):
                continue
            plugin = ep.load()
            self.register(plugin, name=ep.name)
            self._plugin_distinfo.append((plugin, manager.DistFacade(dist)))
            count += 1
        return count

    def mark_plugins_for_rewrite(self: Any, hook: Any, disable_autoload: bool) -> None:
        if disable_autoload:
            return mark(self, hook, disable_autoload)
        dists = list(importlib.metadata.distributions())
        key = _key(dists)
        if key is None:
            return mark(self, hook, disable_autoload)
        modules = rewritable.get(key)
        if modules is None:  # (pytest's own reading, of the same distributions)
            package_files = (str(file) for dist in dists if any(ep.group == "pytest11" for ep in dist.entry_points)
                             for file in dist.files or [])
            modules = rewritable[key] = tuple(config._iter_rewritable_modules(package_files))
        self.pluginmanager.rewrite_hook = hook
        for name in modules:
            hook.mark_rewrite(name)

    def plugin_nameversions(plugininfo: Any) -> list[str]:
        plugininfo = list(plugininfo)
        key = _key(getattr(dist, "_dist", None) for _, dist in plugininfo)
        if key is None:
            return list(nameversions(plugininfo))
        if key not in names:
            names[key] = list(nameversions(plugininfo))
        return list(names[key])

    mark_plugins_for_rewrite.__wrapped__ = mark  # type: ignore[attr-defined]
    plugin_nameversions.__wrapped__ = nameversions  # type: ignore[attr-defined]
    load_setuptools_entrypoints.__wrapped__ = load  # type: ignore[attr-defined]
    manager.PluginManager.load_setuptools_entrypoints = load_setuptools_entrypoints
    config.Config._mark_plugins_for_rewrite = mark_plugins_for_rewrite
    terminal._plugin_nameversions = plugin_nameversions
