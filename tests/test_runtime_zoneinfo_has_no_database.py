"""``zoneinfo`` in Worker code has Pyodide's time zone database: none. Pyodide has no
``/usr/share/zoneinfo`` and workerd loads no ``tzdata`` a Worker does not vendor, so
``ZoneInfo("UTC")`` is ``ZoneInfoNotFoundError`` in production (measured under Node with Pyodide
0.26.0a4, 0.28.2 and 314.0.6; from 0.28 with Pyodide's ``loadPackage('tzdata')`` hint), and a
module calling it at its top level does not start -- a public FastAPI weather Worker's
``APP_TIMEZONE = ZoneInfo("Asia/Karachi")`` (hunt34) started here from the host's database.
Test code keeps the host's database."""

from __future__ import annotations

import asyncio
import importlib.abc
import importlib.util
import json
import shutil
import sys
import zoneinfo
from pathlib import Path

import pytest
from worker_helpers import one_file_worker

from workers_env import load_worker

HINT = ". \n On Pyodide you must do pyodide.loadPackage('tzdata') package before you use zoneinfo."

LOOKUPS = '''
import json, os, zoneinfo
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {"available": sorted(zoneinfo.available_timezones())[:3]}
        for key in ("UTC", "Pacific/Chatham"):
            try:
                out[key] = str(zoneinfo.ZoneInfo(key))
            except zoneinfo.ZoneInfoNotFoundError as exc:
                out[key] = [exc.args[0], type(exc.__context__).__name__, isinstance(exc, KeyError)]
        zones = os.path.join(os.path.dirname(__file__), "zones")
        zoneinfo.reset_tzpath(["/usr/share/zoneinfo", zones])
        try:
            out["uploaded"] = str(zoneinfo.ZoneInfo.no_cache("Test/Own"))
            out["host folder"] = str(zoneinfo.ZoneInfo.no_cache("Europe/Paris"))
        except zoneinfo.ZoneInfoNotFoundError as exc:
            out["host folder"] = exc.args[0]
        finally:
            zoneinfo.reset_tzpath()
        return Response(json.dumps(out))
'''


class _HideTzdata(importlib.abc.MetaPathFinder):
    """``tzdata`` not found, as in a Worker that vendors none, whatever this environment has
    (pandas 2 installs it; Windows' Python needs it)."""

    def find_spec(self, fullname, path=None, target=None):
        if fullname == "tzdata" or fullname.startswith("tzdata."):
            raise ModuleNotFoundError(f"No module named {fullname!r}", name=fullname)
        return None


@pytest.fixture
def no_tzdata(monkeypatch):
    hide = _HideTzdata()
    sys.meta_path.insert(0, hide)
    for name in [name for name in sys.modules if name == "tzdata" or name.startswith("tzdata.")]:
        monkeypatch.delitem(sys.modules, name)
    yield
    sys.meta_path.remove(hide)


def _host_zone_file() -> Path:
    for folder in zoneinfo.TZPATH:
        if (Path(folder) / "Europe" / "Paris").is_file():
            return Path(folder) / "Europe" / "Paris"
    pytest.skip("the host has no time zone database")


@pytest.mark.asyncio
@pytest.mark.parametrize(("date", "hint"), [("2025-09-01", ""), ("2026-05-01", HINT)])
async def test_worker_code_finds_no_zone_but_those_it_uploads(tmp_path, date, hint, no_tzdata):
    source = _host_zone_file()
    folder = one_file_worker(tmp_path, LOOKUPS, date=date,
                             extra='[[rules]]\ntype = "Data"\nglobs = ["zones/**"]\n')
    (folder / "src" / "zones" / "Test").mkdir(parents=True)
    shutil.copy(source, folder / "src" / "zones" / "Test" / "Own")
    zoneinfo.ZoneInfo.clear_cache()  # Pyodide's cache starts empty; the host's may hold UTC
    answers = json.loads(await (await load_worker(folder).fetch("/")).text())
    assert answers == {
        "available": [],
        "UTC": ["No time zone found with key UTC" + hint, "ModuleNotFoundError", True],
        "Pacific/Chatham": ["No time zone found with key Pacific/Chatham" + hint, "ModuleNotFoundError", True],
        "uploaded": "Test/Own",  # a folder inside the Worker's own is uploaded with it
        "host folder": "No time zone found with key Europe/Paris" + hint,
    }
    assert str(zoneinfo.ZoneInfo.no_cache("Europe/Paris")) == "Europe/Paris"  # test code: the host's


def test_a_module_making_a_zone_at_its_top_level_does_not_start(tmp_path, no_tzdata):
    folder = one_file_worker(tmp_path, '''
        from zoneinfo import ZoneInfo
        from workers import Response, WorkerEntrypoint

        APP_TIMEZONE = ZoneInfo("Asia/Karachi")


        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return Response(str(APP_TIMEZONE))
    ''')
    zoneinfo.ZoneInfo.clear_cache()
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError) as caught:
        load_worker(folder)
    assert caught.value.args == ("No time zone found with key Asia/Karachi" + HINT,)
    assert str(zoneinfo.ZoneInfo("Asia/Karachi")) == "Asia/Karachi"  # test code: the host's


VENDORED = '''
import json, zoneinfo
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
    async def fetch(self, request):
        out = {"vendored": str(zoneinfo.ZoneInfo("Test/Vendored"))}
        try:
            zoneinfo.ZoneInfo("Nowhere/Zone")
        except zoneinfo.ZoneInfoNotFoundError as exc:
            out["unknown"] = exc.args[0]
        return Response(json.dumps(out))
'''


@pytest.mark.asyncio
async def test_a_tzdata_the_worker_can_import_supplies_its_zones(tmp_path, monkeypatch):
    """Declared, ``tzdata`` is vendored and importable in production, and zoneinfo reads its
    zones with ``importlib.resources``; here it is the environment's. An unknown key then fails
    without Pyodide's ``loadPackage`` hint (Pyodide's ``_common.py`` adds it only while
    ``tzdata`` is not in ``sys.modules``)."""
    source = _host_zone_file()
    package = tmp_path / "site-packages" / "tzdata"
    (package / "zoneinfo" / "Test").mkdir(parents=True)
    for folder in (package, package / "zoneinfo", package / "zoneinfo" / "Test"):
        (folder / "__init__.py").write_text("")
    shutil.copy(source, package / "zoneinfo" / "Test" / "Vendored")
    monkeypatch.syspath_prepend(str(tmp_path / "site-packages"))
    for name in [name for name in sys.modules if name == "tzdata" or name.startswith("tzdata.")]:
        monkeypatch.delitem(sys.modules, name)
    folder = one_file_worker(tmp_path / "worker", VENDORED, date="2026-05-01")
    try:
        answers = json.loads(await (await load_worker(folder).fetch("/")).text())
    finally:
        for name in [name for name in sys.modules if name == "tzdata" or name.startswith("tzdata.")]:
            del sys.modules[name]
        zoneinfo.ZoneInfo.clear_cache(only_keys=["Test/Vendored"])
    assert answers == {"vendored": "Test/Vendored", "unknown": "No time zone found with key Nowhere/Zone"}


def test_a_declared_tzdata_the_environment_lacks_is_named_when_a_zone_is_made(tmp_path, capsys):
    """zoneinfo imports ``tzdata`` itself, so the Worker's own code never does; the
    missing-package line still names the declared ``tzdata`` (runtime/uninstalled.py), which
    production vendors and which would supply the zone."""
    if importlib.util.find_spec("tzdata") is not None:
        pytest.skip("this environment has tzdata")
    folder = one_file_worker(tmp_path, '''
        import zoneinfo
        from workers import Response, WorkerEntrypoint


        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return Response(str(zoneinfo.ZoneInfo("Test/Declared")))
    ''', date="2026-03-01")
    (folder / "pyproject.toml").write_text('[project]\nname = "w"\nversion = "0"\ndependencies = ["tzdata", "workers-py"]\n')
    worker = load_worker(folder)
    with pytest.raises(zoneinfo.ZoneInfoNotFoundError, match="Test/Declared"):
        asyncio.run(worker.fetch("/"))
    assert "workers-env: pyproject.toml declares tzdata, which `pywrangler sync` vendors" in capsys.readouterr().err
