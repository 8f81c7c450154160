"""A ``sys.path`` entry naming the Worker's deployed folder (``/session/metadata/...``) is the
Worker's upload: deployed, workerd writes the uploaded files there, and Worker code that vendors
packages with ``pip install -t src/vendor`` adds that folder by its deployed name
(danlapid/python-workers-mcp's template, getjotsu/mcp-servers' seven servers). From 2025-08-11
workerd no longer adds ``vendor/`` itself, so only that entry finds the packages: here it named no
folder, and the import failed where production's succeeds."""

from __future__ import annotations

import asyncio
import importlib.metadata
import importlib.util
import sys

from worker_helpers import one_file_worker

from workers_env import load_worker

ENTRY = """\
    import sys
    sys.path.insert(0, {entry!r})
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                import hunt_vendored
            except ModuleNotFoundError as error:
                return Response(f"{{error}}")
            return Response(hunt_vendored.ANSWER + " " + str({entry!r} in sys.path))
"""


def _worker(root, answer, entry="/session/metadata/vendor", folder="vendor"):
    worker = one_file_worker(root, ENTRY.format(entry=entry), date="2026-03-01")
    (worker / "src" / folder).mkdir(parents=True, exist_ok=True)
    (worker / "src" / folder / "hunt_vendored.py").write_text(f"ANSWER = {answer!r}\n")
    return worker


def _answer(folder) -> str:
    async def answer() -> str:
        return await (await load_worker(folder).fetch("/")).text()

    return asyncio.run(answer())


def test_a_vendor_folder_added_by_its_deployed_name_imports(tmp_path):
    assert _answer(_worker(tmp_path, "carried")) == "carried True"  # the entry stays as written


def test_the_deployed_root_and_any_folder_under_it_are_the_upload(tmp_path):
    assert _answer(_worker(tmp_path / "root", "at root", entry="/session/metadata", folder=".")) == "at root True"
    assert _answer(_worker(tmp_path / "lib", "in lib", entry="/session/metadata/lib/", folder="lib")) == "in lib True"


def test_each_worker_finds_its_own_upload(tmp_path):
    # the process's Workers share sys.path_importer_cache: the entry is looked up per Worker
    assert _answer(_worker(tmp_path / "a", "first")) == "first True"
    assert _answer(_worker(tmp_path / "b", "second")) == "second True"


def test_a_folder_the_entry_does_not_name_is_not_searched(tmp_path):
    # outside the upload, a folder not there, or the vendor/ the Worker never added: not found
    for name, entry in (("out", "/session/metadata/../vendor"), ("none", "/session/metadata/nope"),
                        ("other", "/session/vendor")):
        assert _answer(_worker(tmp_path / name, "x", entry=entry)) == "No module named 'hunt_vendored'"


def test_outside_worker_code_the_entry_finds_nothing(tmp_path):
    _answer(_worker(tmp_path, "carried"))
    sys.path.insert(0, "/session/metadata/vendor")
    try:
        assert importlib.util.find_spec("hunt_vendored") is None
    finally:
        sys.path.remove("/session/metadata/vendor")


def test_importlib_metadata_finds_what_such_a_folder_holds(tmp_path):
    # mcp reads its own version (importlib.metadata.version("mcp")) as it imports
    entry = """\
        import importlib.metadata
        import sys
        sys.path.insert(0, "/session/metadata/vendor")
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                return Response(importlib.metadata.version("hunt-vendored"))
    """
    # the vendor/** Data rule getjotsu/mcp-servers has: wrangler uploads the .dist-info files too
    rule = '[[rules]]\nglobs = ["vendor/**"]\ntype = "Data"\nfallthrough = true\n'
    folder = one_file_worker(tmp_path, entry, date="2026-03-01", extra=rule)
    info = folder / "src" / "vendor" / "hunt_vendored-1.0.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: hunt-vendored\nVersion: 1.0\n")
    assert _answer(folder) == "1.0"
    assert list(importlib.metadata.distributions(name="hunt-vendored")) == []  # test code: not found


def test_pkgutil_lists_what_such_a_folder_holds(tmp_path):
    # a plugin loader's pkgutil.iter_modules(["/session/metadata/vendor"]): a FileFinder's listing deployed
    entry = """\
        import pkgutil
        import sys
        sys.path.insert(0, "/session/metadata/vendor")
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                named = pkgutil.iter_modules(["/session/metadata/vendor"], "p.")
                on_path = [m.name for m in pkgutil.iter_modules() if m.name.startswith("hunt_")]
                return Response(" ".join(sorted(f"{m.name}:{m.ispkg}" for m in named)) + " | " + " ".join(on_path))
    """
    folder = one_file_worker(tmp_path, entry, date="2026-03-01")
    (folder / "src" / "vendor" / "hunt_pkg").mkdir(parents=True)
    (folder / "src" / "vendor" / "hunt_pkg" / "__init__.py").write_text("")
    (folder / "src" / "vendor" / "hunt_vendored.py").write_text("")
    assert _answer(folder) == "p.hunt_pkg:True p.hunt_vendored:False | hunt_pkg hunt_vendored"


def test_an_entry_an_import_met_before_any_hook_is_the_upload_at_the_next_load(tmp_path, monkeypatch):
    # an import that searched the entry while no load's hook was installed (a host's, before the
    # first load) left importlib's "no finder" for it: None in
    # sys.path_importer_cache, which PathFinder never asks the hooks about again; each load drops
    # such entries (pin68: without that, every test here passed)
    monkeypatch.setitem(sys.path_importer_cache, "/session/metadata/vendor", None)
    assert _answer(_worker(tmp_path, "found")) == "found True"
