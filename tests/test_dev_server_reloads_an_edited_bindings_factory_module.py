"""An edit of a ``[tool.workers-env.bindings]`` factory module in the project folder -- or of a
project module it imports -- rebuilds the env with the module imported afresh and reloads
the Worker into it, as an edit of the config does (wrangler rebuilds a Worker when any module
it bundles changes). Once, the factory was called again after a config edit but Python's
cached module answered (the edit unseen), and an edit of the module alone did nothing. A module
that no longer imports (a syntax error, an exception at import) is reported as the config's
other problems are, and the last Worker that loaded serves on until a fix loads -- the fix of a
module that failed the first time it was named included."""

from __future__ import annotations

import os
from pathlib import Path

from dev_reload_helpers import READY, DevServer, python_project

ENTRY = ("from workers import Response, WorkerEntrypoint\n\n\nclass Default(WorkerEntrypoint):\n"
         "    async def fetch(self, request):\n        return Response(self.env.SUPPLIED)\n")
TABLE = '[tool.workers-env.bindings]\nSUPPLIED = "{}:make"\n'
FAKES = "from helper import PREFIX\n\n\ndef make():\n    return PREFIX + '{}'\n"
SAID = "[tool.workers-env.bindings] in "


def _reloaded(dev: DevServer, path: Path, text: str) -> None:
    dev.wait_for(READY, after=dev.edit(path, text))


def _refused(dev: DevServer, path: Path, text: str) -> str:
    mark = len(dev.lines)
    path.write_text(text)
    said = dev.wait_for(SAID, after=mark)
    assert dev.lines[said - 1] == ("workers-env dev: the Worker failed to load after the change; the one loaded before "
                                   "goes on serving until a fix loads:")  # (walk58: the error alone before)
    return dev.lines[said]


def test_an_edit_of_the_factory_module_or_what_it_imports_rebuilds_the_env(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, files={
        "pyproject.toml": TABLE.format("fakes"), "fakes.py": FAKES.format("one"), "helper.py": "PREFIX = 'a-'\n"})
    with DevServer(project) as dev:
        assert dev.get() == (200, "a-one")
        _reloaded(dev, project / "fakes.py", FAKES.format("two"))
        assert dev.get() == (200, "a-two")
        _reloaded(dev, project / "helper.py", "PREFIX = 'b-'\n")
        assert dev.get() == (200, "b-two")
        _reloaded(dev, project / "pyproject.toml", TABLE.format("fakes") + "# an edit of the config\n")
        assert dev.get() == (200, "b-two")  # read afresh, unchanged
        _reloaded(dev, project / "fakes.py", FAKES.format("three"))  # still watched after a config reload
        assert dev.get() == (200, "b-three")


def test_a_factory_module_that_stops_importing_keeps_the_last_worker_until_fixed(tmp_path: Path) -> None:
    project = python_project(tmp_path / "app", ENTRY, files={
        "pyproject.toml": TABLE.format("fakes"), "fakes.py": FAKES.format("one"), "helper.py": "PREFIX = ''\n",
        "later.py": "def make(:\n"})
    with DevServer(project) as dev:
        said = _refused(dev, project / "fakes.py", "def make(:\n    return 'x'\n")
        assert "SUPPLIED: importing \"fakes\" raised SyntaxError: " in said and "fakes.py, line 1" in said, said
        assert dev.get() == (200, "one")
        _reloaded(dev, project / "fakes.py", FAKES.format("two"))
        assert dev.get() == (200, "two")

        said = _refused(dev, project / "helper.py", "raise RuntimeError('no credentials at import')\n")
        assert "importing \"fakes\" raised RuntimeError: no credentials at import" in said, said
        assert dev.get() == (200, "two")
        _reloaded(dev, project / "helper.py", "PREFIX = 'c-'\n")
        assert dev.get() == (200, "c-two")

        said = _refused(dev, project / "pyproject.toml", TABLE.format("later"))  # named while broken
        assert "SUPPLIED: importing \"later\" raised SyntaxError: " in said, said
        _reloaded(dev, project / "later.py", "def make():\n    return 'later'\n")
        assert dev.get() == (200, "later")
    assert "Traceback" not in dev.output, dev.output


SITECUSTOMIZE = """import sysconfig
_paths = sysconfig.get_paths
def get_paths(*args, **kwargs):  # as a Python installed in the project folder reports itself
    return {{**_paths(*args, **kwargs), "purelib": {lib!r}}}
sysconfig.get_paths = get_paths
"""


def test_a_module_from_the_pythons_own_folders_inside_the_project_is_kept(tmp_path: Path) -> None:
    # a Python installed inside the project folder (conda create -p ./env) has no pyvenv.cfg:
    # its library folders are still not the project's, so their modules are neither dropped
    # nor imported afresh on a reload
    project = python_project(tmp_path / "app", ENTRY, files={
        "pyproject.toml": TABLE.format("fakes"), "fakes.py": "from helper import PREFIX\n\n\ndef make():\n"
        "    return PREFIX\n", "env/lib/helper.py": "PREFIX = 'installed'\n"})
    boot = tmp_path / "boot"
    boot.mkdir()
    (boot / "sitecustomize.py").write_text(SITECUSTOMIZE.format(lib=str((project / "env/lib").resolve())))
    environ = {**os.environ, "PYTHONPATH": os.pathsep.join([str(boot), str(project / "env/lib"),
                                                            os.environ.get("PYTHONPATH", "")])}
    with DevServer(project, environ=environ) as dev:
        assert dev.get() == (200, "installed")
        (project / "env/lib/helper.py").write_text("PREFIX = 'edited'\n")
        _reloaded(dev, project / "pyproject.toml", TABLE.format("fakes") + "# an edit of the config\n")
        assert dev.get() == (200, "installed")  # kept, as an installed package is
