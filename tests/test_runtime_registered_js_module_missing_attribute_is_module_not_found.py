"""A JS object registered with ``pyodide.ffi.register_js_module`` imports as a module, and its
attributes that are JS objects as its submodules; one it lacks is ``ModuleNotFoundError: No
module named '<module>.<name>'``, as Pyodide's ``JsFinder`` raises it (0.28.2's
``_pyodide/_importhook.py``, read in its standard library zip)."""

from __future__ import annotations

from worker_helpers import EXEC_ATTEMPT, sdk_worker_answer

ENTRY = EXEC_ATTEMPT + '''
from js import JSON
from pyodide.ffi import register_js_module
from workers import Response, WorkerEntrypoint


class Default(WorkerEntrypoint):
  async def fetch(self, request):
    register_js_module("things", JSON.parse('{"inner": {"x": 1}}'))
    return Response.json([
        attempt("import things.inner\\nresult = things.inner.x"),
        attempt("import things.missing"),
    ])
'''


def test_a_missing_attribute_of_a_registered_module_is_no_module(tmp_path):
    assert sdk_worker_answer(tmp_path, ENTRY, "2026-05-01") == [
        "1", "ModuleNotFoundError: No module named 'things.missing'"]


def test_reloading_the_module_keeps_one_finder_which_still_answers(tmp_path):
    """``importlib.reload`` of ``runtime/jsmodules.py`` defines ``_JsFinder`` anew: its finder
    replaces the one before (a check by class appended a second one on each reload)."""
    import importlib
    import sys

    import workers_env.runtime.jsmodules as jsmodules

    importlib.reload(jsmodules)
    importlib.reload(jsmodules)
    finders = [each for each in sys.meta_path if type(each).__name__ == "_JsFinder"]
    assert len(finders) == 1 and type(finders[0]) is jsmodules._JsFinder
    assert sdk_worker_answer(tmp_path, ENTRY, "2026-05-01")[0] == "1"


def test_reloading_leaves_a_finder_of_the_same_name_from_another_module():
    """A finder is known by its class's module and name: another package's finder class that
    happens to be called ``_JsFinder`` stays on ``sys.meta_path`` through a reload."""
    import importlib
    import sys

    import workers_env.runtime.jsmodules as jsmodules

    foreign = type("_JsFinder", (), {"__module__": "some_other_package.finders",
                                     "find_spec": staticmethod(lambda *_: None)})()
    sys.meta_path.append(foreign)
    try:
        importlib.reload(jsmodules)
        assert foreign in sys.meta_path
    finally:
        sys.meta_path[:] = [each for each in sys.meta_path if each is not foreign]
    assert sum(type(each).__module__ == jsmodules.__name__ for each in sys.meta_path
               if type(each).__name__ == "_JsFinder") == 1
