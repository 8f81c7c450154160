"""An in-process pytester run reads the installed plugin distributions' ``RECORD`` and ``METADATA``
no more once an earlier run of the process read them (tests/plugin_distributions.py, installed by
tests/conftest.py), and reads them afresh when a distribution changes: the ``plugins:`` line is
what pytest's own reading prints. (pluggy 1.7's ``pluggy.__version__``, which pytest prints at
each run, reads pluggy's own ``METADATA`` each time: not a plugin's, and left as it is.)"""

from __future__ import annotations

import importlib.metadata
import os
from pathlib import Path

import _pytest.config
import _pytest.terminal
import plugin_distributions
import pluggy
import pytest


def _fake_plugin(where: Path, version: str) -> Path:
    """A pytest11 plugin distribution ``fakeplug`` in ``where`` (on ``sys.path`` through the test)."""
    (where / "fakeplug.py").write_text("")
    info = where / "fakeplug-0.dist-info"
    info.mkdir(exist_ok=True)
    (info / "METADATA").write_text(f"Metadata-Version: 2.1\nName: fakeplug\nVersion: {version}\n")
    (info / "entry_points.txt").write_text("[pytest11]\nfakeplug = fakeplug\n")
    (info / "RECORD").write_text("fakeplug.py,,\nfakeplug-0.dist-info/METADATA,,\n")
    return info


def _plugins_line(pytester: pytest.Pytester) -> str:
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    return next(line for line in result.outlines if line.startswith("plugins:"))


def test_a_second_run_reads_no_record_or_metadata(pytester: pytest.Pytester, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile("def test_one():\n    assert True\n")
    first = _plugins_line(pytester)
    read: list[str] = []
    read_text = importlib.metadata.PathDistribution.read_text

    def counting(self, filename):  # type: ignore[no-untyped-def]
        read.append(filename if Path(self._path).name.split("-")[0] != "pluggy" else f"pluggy's {filename}")
        return read_text(self, filename)

    monkeypatch.setattr(importlib.metadata.PathDistribution, "read_text", counting)
    assert _plugins_line(pytester) == first
    assert "workers-env" in first and "asyncio" in first
    assert "RECORD" not in read and "METADATA" not in read
    site = tmp_path / "site"  # a new plugin distribution: the count sees the run read them all again
    site.mkdir()
    _fake_plugin(site, "1.0")
    monkeypatch.syspath_prepend(str(site))
    assert "fakeplug-1.0" in _plugins_line(pytester)
    assert "RECORD" in read and "METADATA" in read


def test_a_changed_distribution_is_read_again(pytester: pytest.Pytester, tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile("def test_one():\n    assert True\n")
    site = tmp_path / "site"
    site.mkdir()
    info = _fake_plugin(site, "1.0")
    monkeypatch.syspath_prepend(str(site))
    assert "fakeplug-1.0" in _plugins_line(pytester)
    assert "fakeplug-1.0" in _plugins_line(pytester)
    stat = (info / "METADATA").stat()
    (info / "METADATA").write_text((info / "METADATA").read_text().replace("1.0", "2.0"))  # the same size
    os.utime(info / "METADATA", ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
    line = _plugins_line(pytester)
    assert "fakeplug-2.0" in line and "fakeplug-1.0" not in line


def _loaded(load, times: int = 1):  # type: ignore[no-untyped-def]
    """What ``load`` (a ``load_setuptools_entrypoints``) gives a fresh plugin manager, the last of ``times``."""
    for _ in range(times):
        plugins = pluggy.PluginManager("pytest")
        count = load(plugins, "pytest11")
    distinfo = [(plugin, type(dist), os.fspath(getattr(dist, "_dist", dist)._path))
                for plugin, dist in plugins._plugin_distinfo]
    return count, plugins.list_name_plugin(), distinfo, [(p, d.project_name) for p, d in plugins.list_plugin_distinfo()]


def test_the_entry_points_are_loaded_as_the_installed_pluggy_loads_them() -> None:
    load = pluggy.PluginManager.load_setuptools_entrypoints
    assert "load" in plugin_distributions.replaced(_pytest.config, _pytest.terminal, pluggy._manager)
    expected = _loaded(load.__wrapped__)
    assert expected[0] >= 3 and "workers_env" in dict(expected[1])
    assert _loaded(load) == expected
    assert _loaded(load, times=2) == expected  # (the second from what the first read)
