"""The pytest plugin's fixtures, run in throw-away projects with pytester (strict and auto asyncio modes)."""

from __future__ import annotations

import json
import textwrap

import pytest

WRANGLER = """\
name = "plugin-test"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[vars]
GREETING = "hi"

[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"
"""

PYPROJECT = """\
[tool.workers-env.indexes."docs"]
dimensions = 3
metric = "cosine"
version = "v2"
"""

ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.VECTORIZE.query([1, 0, 0], topK=10)
        return Response.json({"ids": [m["id"] for m in res["matches"]], "greeting": self.env.GREETING})
"""

VECTORS = [
    {"id": "a", "values": [1, 0, 0]},
    {"id": "b", "values": [0, 1, 0]},
]


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    """Run pytest in-process without the cache and the (slow to import) hypothesis plugin."""
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A Python Worker project with one v2 index and an NDJSON seed file beside the tests."""
    pytester.makefile(".toml", wrangler=WRANGLER)
    pytester.path.joinpath("src").mkdir()
    pytester.path.joinpath("src", "entry.py").write_text(ENTRY)
    pytester.path.joinpath("seed.ndjson").write_text("\n".join(json.dumps(v) for v in VECTORS) + "\n")
    return pytester


def write_pyproject(pytester: pytest.Pytester, mode: str) -> None:
    pytester.path.joinpath("pyproject.toml").write_text(
        PYPROJECT + f'\n[tool.pytest.ini_options]\nasyncio_mode = "{mode}"\nasyncio_default_fixture_loop_scope = "function"\n'
    )


STRICT_TESTS = """
import pytest

@pytest.mark.asyncio
async def test_env_starts_empty(env):
    assert (await env.VECTORIZE.describe()).vectorCount == 0
    await env.VECTORIZE.upsert([{"id": "leak", "values": [1, 1, 1]}])

@pytest.mark.asyncio
async def test_no_leak_from_previous_test(env):
    assert (await env.VECTORIZE.describe()).vectorCount == 0

@pytest.mark.vectorize_seed("VECTORIZE", "seed.ndjson")
@pytest.mark.asyncio
async def test_seeded_from_ndjson(worker):
    resp = await worker.fetch("/")
    assert await resp.json() == {"ids": ["a", "b"], "greeting": "hi"}

@pytest.mark.vectorize_seed("VECTORIZE", [{"id": "z", "values": [1, 0, 0]}], namespace="ns")
@pytest.mark.asyncio
async def test_seeded_from_list(env):
    got = await env.VECTORIZE.getByIds(["z"])
    assert got[0]["namespace"] == "ns"

@pytest.mark.asyncio
async def test_seed_vectors_fixture(env, seed_vectors):
    assert seed_vectors("VECTORIZE", [{"id": str(i), "values": [1, i, 0]} for i in range(1500)]) == 1500
    assert (await env.VECTORIZE.describe()).vectorCount == 1500
"""


def test_strict_mode(project: pytest.Pytester) -> None:
    write_pyproject(project, "strict")
    project.makepyfile(test_strict=STRICT_TESTS)
    run(project).assert_outcomes(passed=5)


def test_anyios_plugin_runs_them_without_pytest_asyncio(project: pytest.Pytester) -> None:
    project.path.joinpath("pyproject.toml").write_text(PYPROJECT)
    project.makeconftest("""
        import pytest

        @pytest.fixture
        def anyio_backend():
            return "asyncio"
        """)
    project.makepyfile(test_anyio=STRICT_TESTS.replace("pytest.mark.asyncio", "pytest.mark.anyio"))
    run(project, "-p", "no:asyncio").assert_outcomes(passed=5)


def test_auto_mode(project: pytest.Pytester) -> None:
    write_pyproject(project, "auto")
    project.makepyfile(
        test_auto="""
        import pytest

        async def test_worker_fixture(worker):
            resp = await worker.fetch("/")
            assert resp.status == 200
            assert await resp.json() == {"ids": [], "greeting": "hi"}

        @pytest.mark.vectorize_seed("VECTORIZE", "seed.ndjson")
        async def test_seeded(env):
            assert (await env.VECTORIZE.describe()).vectorCount == 2
        """
    )
    run(project).assert_outcomes(passed=2)


def test_fixture_overrides_for_indexes_and_seed(project: pytest.Pytester) -> None:
    write_pyproject(project, "strict")
    project.makeconftest(
        """
        import pytest

        @pytest.fixture
        def workers_env_indexes():
            return {"docs": {"dimensions": 3, "metric": "euclidean", "version": "v1"}}

        @pytest.fixture
        def workers_env_seed():
            return {"VECTORIZE": "seed.ndjson"}
        """
    )
    project.makepyfile(
        test_override="""
        import pytest

        @pytest.mark.asyncio
        async def test_definition_and_seed(env):
            info = await env.VECTORIZE.describe()
            assert info.config == {"dimensions": 3, "metric": "euclidean"}
            assert info.vectorsCount == 2

        @pytest.mark.workers_env(indexes={"docs": {"dimensions": 3, "metric": "dot-product", "version": "v2"}})
        @pytest.mark.asyncio
        async def test_marker_wins(env):
            assert (await env.VECTORIZE.describe()).vectorCount == 2
        """
    )
    run(project).assert_outcomes(passed=2)


def test_config_from_option_ini_and_environment(pytester: pytest.Pytester) -> None:
    app = pytester.path / "app"
    (app / "src").mkdir(parents=True)
    (app / "src" / "entry.py").write_text(ENTRY)
    (app / "wrangler.toml").write_text(WRANGLER + '\n[env.staging.vars]\nGREETING = "staging"\n'
                                       '[[env.staging.vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n')
    (app / "pyproject.toml").write_text(PYPROJECT)
    pytester.makeini('[pytest]\nworkers_env_config = app\nasyncio_mode = auto\nasyncio_default_fixture_loop_scope = function\n')
    pytester.makepyfile(
        test_where="""
        def test_greeting(env, request):
            expected = request.config.getoption("wrangler_env") or "plain"
            assert env.GREETING == {"plain": "hi", "staging": "staging"}[expected]
        """
    )
    run(pytester).assert_outcomes(passed=1)
    run(pytester, "--wrangler-env", "staging").assert_outcomes(passed=1)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    run(pytester, "--wrangler-config", "app/wrangler.toml").assert_outcomes(passed=1)


def test_projects_without_a_wrangler_config_still_run(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(
        test_plain="""
        def test_unrelated():
            assert 1 + 1 == 2

        def test_env_is_used(env):
            pass
        """
    )
    result = run(pytester)
    result.assert_outcomes(passed=1, errors=1)
    result.stdout.fnmatch_lines(["*workers-env: the env fixture found no wrangler config*", "*--wrangler-config*"])


def test_a_config_that_does_not_build_is_reported_once_without_the_finding_advice(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makefile(".toml", wrangler='name = "w"\n[[vectorize]]\nbinding = "VEC"\nindex_name = "docs"\n')
    pytester.makepyfile(test_env="def test_env_is_used(env):\n    pass\n")
    result = run(pytester)
    result.assert_outcomes(errors=1)
    out = result.stdout.str()
    report = out.split("short test summary info")[0]  # the summary repeats it in full when CI is set
    assert report.count('The Vectorize index "docs" (binding VEC) has no definition') == 1
    assert "During handling of the above exception" not in out and "--wrangler-config" not in out
    result.stdout.fnmatch_lines(["*workers-env: the env fixture could not build the env of *wrangler.toml:",
                                 '*version = "v2"*', "*workers_env_indexes fixture*"])


def test_a_worker_that_does_not_load_fails_the_worker_fixture_with_one_line(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makepyfile(test_worker="def test_worker_is_used(worker):\n    pass\n")
    result = run(pytester)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(['workers-env: the worker fixture could not load the worker: the wrangler config has '
                                 'no "main": name the Python Worker\'s entry file, e.g. main = "src/entry.py"'])


def test_an_unmarked_async_test_in_strict_mode_is_told_to_add_the_marker(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makepyfile(test_async="""
        async def test_ours(env):
            pass

        async def test_not_ours():
            pass
        """)
    result = run(pytester)
    result.assert_outcomes(failed=2)
    out = result.stdout.str()
    assert out.count("pytest-asyncio did not run it") == 1  # only where our fixtures are used
    result.stdout.fnmatch_lines(["*- workers-env -*", "*needs @pytest.mark.asyncio*asyncio_mode = auto under [[]pytest] "
                                 "in tox.ini*"])  # makeini writes tox.ini: the hint names the file pytest read
    result.stdout.fnmatch_lines(["*This test is `async def` but pytest-asyncio did not run it: in strict mode "
                                 "(pytest-asyncio's default) a test needs "
                                 "@pytest.mark.asyncio -- or set*"])


def test_an_asyncio_marker_added_after_collection_is_named(pytester: pytest.Pytester) -> None:
    # pytest-asyncio picks its tests while collecting: a conftest hook marking them later leaves
    # the test a plain function, which pytest then refuses as "not natively supported"
    pytester.makeini("[pytest]\nasyncio_mode = strict\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makeconftest("import pytest\n\ndef pytest_collection_modifyitems(items):\n"
                          "    for item in items:\n        item.add_marker(pytest.mark.asyncio)\n")
    pytester.makepyfile(test_async="async def test_ours(env):\n    pass\n")
    result = run(pytester)
    result.assert_outcomes(failed=1)
    result.stdout.fnmatch_lines(["*- workers-env -*", "This test is `async def` and marked @pytest.mark.asyncio, but "
                                 "pytest-asyncio did not run it."])


ASYNC_TESTS = """
    async def test_ours(env):
        pass

    async def test_not_ours():
        pass
    """


def test_without_pytest_asyncio_the_hint_names_anyios_marker(pytester: pytest.Pytester) -> None:
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makepyfile(test_async=ASYNC_TESTS)
    result = run(pytester, "-p", "no:asyncio")  # anyio's plugin (installed with anyio) stays
    result.assert_outcomes(failed=2)
    assert "pytest-asyncio did not run it" not in result.stdout.str()
    result.stdout.fnmatch_lines(["*This test is `async def` but no plugin ran it: pytest-asyncio is turned off (-p "
                                 "no:asyncio), and anyio's pytest plugin runs only tests marked @pytest.mark.anyio*or "
                                 "drop -p no:asyncio and mark it @pytest.mark.asyncio."])


def test_with_pytest_asyncio_turned_off_the_hint_says_so(pytester: pytest.Pytester) -> None:
    # installed (it runs this suite), so "not installed" and "pip install" would send the user astray
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makepyfile(test_async=ASYNC_TESTS)
    result = run(pytester, "-p", "no:asyncio", "-p", "no:anyio")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*This test is `async def` but no plugin ran it: pytest-asyncio is turned off (-p "
                                 "no:asyncio): drop -p no:asyncio, then mark the test @pytest.mark.asyncio*"])
    assert "not installed" not in result.stdout.str()


def test_with_plugin_autoloading_off_the_hint_says_how_to_load_it(pytester: pytest.Pytester,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makepyfile(test_async=ASYNC_TESTS)
    result = pytester.runpytest("-p", "workers_env.pytest_plugin", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*pytest-asyncio is installed but not loaded (plugin autoloading is off): load it "
                                 "with -p pytest_asyncio.plugin, then mark the test @pytest.mark.asyncio*"])


def test_with_no_async_plugin_the_hint_says_what_to_install(pytester: pytest.Pytester,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PYTEST_DISABLE_PLUGIN_AUTOLOAD", "1")  # no anyio plugin either
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makepyfile(test_async=ASYNC_TESTS)
    # pytest-asyncio cannot be imported in this run: as if it were not installed
    pytester.makeconftest("import sys\nsys.modules['pytest_asyncio'] = None\n")
    result = pytester.runpytest("-p", "workers_env.pytest_plugin", "-p", "no:cacheprovider")
    result.assert_outcomes(failed=2)
    result.stdout.fnmatch_lines(["*pytest-asyncio is not installed: pip install 'workers-env?pytest?' (pytest-asyncio comes with it)*"])


def test_an_async_test_old_pytest_would_skip_fails_instead(pytester: pytest.Pytester) -> None:
    # pytest before 8.4 skips an async test no plugin ran, with this text; the suite then "passes"
    pytester.makeconftest("""
        import inspect
        import pytest

        @pytest.hookimpl(tryfirst=True)
        def pytest_pyfunc_call(pyfuncitem):
            if inspect.iscoroutinefunction(pyfuncitem.obj):
                pytest.skip("async def function and no async plugin installed (see warnings)")
        """)
    pytester.makefile(".toml", wrangler='name = "w"\n')
    pytester.makepyfile(test_async=ASYNC_TESTS)
    result = run(pytester, "-p", "no:asyncio", "-p", "no:anyio")
    result.assert_outcomes(failed=1, skipped=1)  # test_not_ours keeps pytest's own outcome
    result.stdout.fnmatch_lines(["*pytest skipped this test without running it*",
                                 "*pytest-asyncio is turned off (-p no:asyncio)*"])


def test_markers_are_registered(pytester: pytest.Pytester) -> None:
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    result = run(pytester, "--markers")
    result.stdout.fnmatch_lines(["@pytest.mark.workers_env(*", "@pytest.mark.vectorize_seed(*"])


def test_seed_errors_name_the_binding(project: pytest.Pytester) -> None:
    write_pyproject(project, "strict")
    project.makepyfile(
        test_bad=textwrap.dedent(
            """
            import pytest

            @pytest.mark.vectorize_seed("NOPE", [])
            def test_x(env):
                pass
            """
        )
    )
    result = run(project)
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*cannot seed 'NOPE'*"])


BUILTIN_ERA_ENTRY = """\
from js import Object
from pyodide.ffi import to_js
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        res = await self.env.VECTORIZE.query(to_js([1, 0, 0]), to_js({"topK": 10}, dict_converter=Object.fromEntries))
        return Response.json({"ids": [m.id for m in res.matches], "length": res.matches.length,
                              "plain": res.to_py()["count"]})
"""


def test_fixtures_in_the_builtin_sdk_era(project: pytest.Pytester) -> None:
    """A config dated before 2026-04-21: ``env`` and ``worker`` hand out raw JavaScript bindings."""
    project.path.joinpath("wrangler.toml").write_text(WRANGLER.replace("2026-05-01", "2025-09-01"))
    project.path.joinpath("src", "entry.py").write_text(BUILTIN_ERA_ENTRY)
    write_pyproject(project, "auto")
    project.makepyfile(
        test_builtin="""
        import pytest
        from workers_env import JsException, PyProxyWarning, js, to_js

        @pytest.mark.vectorize_seed("VECTORIZE", "seed.ndjson")
        async def test_worker_fixture(worker):
            assert await (await worker.fetch("/")).json() == {"ids": ["a", "b"], "length": 2, "plain": 2}

        async def test_env_fixture_gives_js_objects(env, seed_vectors):
            with pytest.warns(PyProxyWarning, match="to_js"), pytest.raises(JsException, match="no id"):
                await env.VECTORIZE.upsert([{"id": "a", "values": [1, 0, 0]}])  # as production's binding reads it
            assert seed_vectors("VECTORIZE", [{"id": "a", "values": [1, 0, 0]}]) == 1
            res = await env.VECTORIZE.query([1, 0, 0], to_js({"topK": 1}, dict_converter=js.Object.fromEntries))
            assert (res.count, res.matches.length, res.matches[0].id) == (1, 1, "a")
            assert res.to_py()["matches"][0]["id"] == "a"
            with pytest.raises(TypeError):
                res["count"]
        """
    )
    run(project).assert_outcomes(passed=2)


def test_seed_vectors_reads_an_ndjson_path_relative_to_the_test_file(project: pytest.Pytester) -> None:
    write_pyproject(project, "auto")
    # the same name at the rootdir, where pytest runs, holds another vector: it must not be read
    project.path.joinpath("data.ndjson").write_text(json.dumps({"id": "root", "values": [1, 0, 0]}) + "\n")
    tests = project.path / "tests"
    tests.mkdir()
    tests.joinpath("data.ndjson").write_text("\n".join(json.dumps(v) for v in VECTORS) + "\n")
    tests.joinpath("test_seed_path.py").write_text(textwrap.dedent("""
        async def test_seeded(env, seed_vectors):
            assert seed_vectors("VECTORIZE", "data.ndjson", namespace="ns") == 2
            got = await env.VECTORIZE.getByIds(["a", "b", "root"])
            assert [(v["id"], v["namespace"]) for v in got] == [("a", "ns"), ("b", "ns")]
    """))
    run(project).assert_outcomes(passed=1)
