"""The pytest plugin's KV seeding: keys put before a test by the ``kv_seed`` marker, the
``workers_env_kv_seed`` fixture or the ``seed_kv`` fixture -- a dict, a list of items as
``wrangler kv bulk put`` takes them, or such a JSON file -- through ``put``'s own checks, so a
refused item writes nothing and fails the test with one line; every test starts empty again."""

from __future__ import annotations

import json
import re
import textwrap

import pytest

WRANGLER = """\
name = "plugin-kv"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[[kv_namespaces]]
binding = "CACHE"
id = "0f2ac74b498b48028cb68387c421e279"

[[vectorize]]
binding = "VECTORIZE"
index_name = "docs"
"""

PYPROJECT = """\
[tool.workers-env.indexes.docs]
dimensions = 3
metric = "cosine"
"""

ENTRY = """\
from workers import Response, WorkerEntrypoint

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        return Response(await self.env.CACHE.get("greeting") or "none")
"""


def run(pytester: pytest.Pytester, *args: str) -> pytest.RunResult:
    return pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest", *args)


@pytest.fixture
def kv_project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makefile(".toml", wrangler=WRANGLER, pyproject=PYPROJECT)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(**{"src/entry": ENTRY})
    (pytester.path / "tests").mkdir()
    (pytester.path / "tests" / "items.json").write_text(json.dumps([
        {"key": "greeting", "value": "hello from the file"},
        {"key": "blob", "value": "aGk=", "base64": True, "metadata": {"kind": "b64"}},
    ]))
    return pytester


def test_marker_fixture_and_call_put_keys_and_each_test_starts_empty(kv_project):
    kv_project.makepyfile(**{"tests/test_it": textwrap.dedent("""
        import pytest

        @pytest.mark.kv_seed("CACHE", {"greeting": "hello", "raw": b"\\x00\\xff"})
        @pytest.mark.asyncio
        async def test_dict(env, worker):
            assert await env.CACHE.get("greeting") == "hello"
            assert bytes(await env.CACHE.get("raw", "arrayBuffer")) == b"\\x00\\xff"
            assert await (await worker.fetch("/")).text() == "hello"

        @pytest.mark.kv_seed("CACHE", "items.json")
        @pytest.mark.asyncio
        async def test_file(env):
            assert await env.CACHE.get("greeting") == "hello from the file"
            got = await env.CACHE.getWithMetadata("blob")
            assert (got.value, got.metadata) == ("hi", {"kind": "b64"})

        @pytest.mark.kv_seed("CACHE", [{"key": "k", "value": "v", "metadata": {"n": 1}, "expiration_ttl": 60}])
        @pytest.mark.asyncio
        async def test_items_expire_on_the_tests_clock(env, workers_env_clock):
            listed = await env.CACHE.list()
            assert [(k.name, k.metadata) for k in listed["keys"]] == [("k", {"n": 1})]
            assert listed["keys"][0].expiration == int(workers_env_clock.now()) + 60
            workers_env_clock.advance(60)
            assert await env.CACHE.get("k") is None

        @pytest.mark.asyncio
        async def test_fresh(env):
            assert (await env.CACHE.list())["keys"] == []

        @pytest.mark.asyncio
        async def test_call(env, seed_kv):
            assert seed_kv("CACHE", {"a": "1", "b": "2"}) == 2
            assert [k.name for k in (await env.CACHE.list())["keys"]] == ["a", "b"]
    """)})
    result = run(kv_project)
    result.assert_outcomes(passed=5)


def test_conftest_fixture_then_markers_outermost_first_the_closest_winning(kv_project):
    kv_project.makepyfile(**{
        "tests/conftest": textwrap.dedent("""
            import pytest

            @pytest.fixture
            def workers_env_kv_seed():
                return {"CACHE": {"a": "fixture", "b": "fixture", "c": "fixture"}}
        """),
        "tests/test_order": textwrap.dedent("""
            import pytest

            pytestmark = pytest.mark.kv_seed("CACHE", {"b": "module", "c": "module"})

            @pytest.mark.kv_seed("CACHE", {"c": "test"})
            @pytest.mark.asyncio
            async def test_order(env):
                got = [await env.CACHE.get(k) for k in "abc"]
                assert got == ["fixture", "module", "test"]
        """),
    })
    run(kv_project).assert_outcomes(passed=1)


SAYS = {
    "test_not_kv": "workers-env: @pytest.mark.kv_seed('VECTORIZE', ...): cannot seed 'VECTORIZE': it is not a KV "
                   "binding; the env's KV bindings: CACHE",
    "test_misspelt": "workers-env: @pytest.mark.kv_seed('CACHES', ...): cannot seed 'CACHES' (did you mean 'CACHE'?)",
    "test_refused_by_put": "workers-env: @pytest.mark.kv_seed('CACHE', ...): item 1 (key 'xxxxxxxxxx",
    "test_json_value": "workers-env: @pytest.mark.kv_seed('CACHE', ...): the value of the KV key 'cfg' is dict "
                       "{'a': 1}: a KV value is a str or bytes (json.dumps it to store JSON)",
    "test_camel_field": "workers-env: @pytest.mark.kv_seed('CACHE', ...): item 0 has the field 'expirationTtl' "
                        "(did you mean 'expiration_ttl'?); a KV item's fields are key, value, metadata, expiration, "
                        "expiration_ttl, base64",
    "test_missing_file": "workers-env: @pytest.mark.kv_seed('CACHE', ...): cannot read the KV items file ",
    "test_not_json": "workers-env: @pytest.mark.kv_seed('CACHE', ...): the KV items file ",
    "test_ttl_too_short": "workers-env: seed_kv('CACHE', ...): item 0 (key 'k'): KV PUT failed: 400 Invalid "
                          "expiration_ttl of 30. Expiration TTL must be at least 60.",
    "test_no_value": "workers-env: the workers_env_kv_seed fixture's 'CACHE': item 0 (key 'k') has no \"value\" "
                     "(a str, or bytes)",
    "test_positional_mistake": "workers-env: @pytest.mark.kv_seed(binding, source): missing a required argument: 'source'",
}


def test_mistakes_fail_the_test_with_one_line_and_write_nothing(kv_project):
    (kv_project.path / "tests" / "broken.json").write_text('[{"key": "a", "value": "b"},]')
    kv_project.makepyfile(**{"tests/test_bad": textwrap.dedent("""
        import pytest

        @pytest.mark.kv_seed("VECTORIZE", {"a": "b"})
        def test_not_kv(env):
            pass

        @pytest.mark.kv_seed("CACHES", {"a": "b"})
        def test_misspelt(env):
            pass

        @pytest.mark.kv_seed("CACHE", [{"key": "ok", "value": "v"}, {"key": "x" * 600, "value": "v"}])
        def test_refused_by_put(env):
            pass

        @pytest.mark.kv_seed("CACHE", {"cfg": {"a": 1}})
        def test_json_value(env):
            pass

        @pytest.mark.kv_seed("CACHE", [{"key": "k", "value": "v", "expirationTtl": 60}])
        def test_camel_field(env):
            pass

        @pytest.mark.kv_seed("CACHE", "missing.json")
        def test_missing_file(env):
            pass

        @pytest.mark.kv_seed("CACHE", "broken.json")
        def test_not_json(env):
            pass

        @pytest.mark.asyncio
        async def test_ttl_too_short(env, seed_kv):
            try:
                seed_kv("CACHE", [{"key": "k", "value": "v", "expiration_ttl": 30}])
            finally:
                assert (await env.CACHE.list())["keys"] == []   # nothing was written

        @pytest.mark.kv_seed("CACHE")
        def test_positional_mistake(env):
            pass
    """), "tests/sub/conftest": textwrap.dedent("""
        import pytest

        @pytest.fixture
        def workers_env_kv_seed():
            return {"CACHE": [{"key": "k"}]}
    """), "tests/sub/test_fixture": "def test_no_value(env):\n    pass\n"})
    result = run(kv_project, "-rfE")
    outcomes = result.parseoutcomes()
    assert outcomes.get("failed", 0) + outcomes.get("errors", outcomes.get("error", 0)) == len(SAYS), result.stdout.str()
    out = result.stdout.str()
    for test, text in SAYS.items():
        lines = [line for line in out.splitlines() if test in line and ("FAILED" in line or "ERROR" in line)]
        assert lines, (test, out)
        assert text in lines[0] or text in out, (test, text, lines)
    assert "Traceback" not in out
    # (the reason is the interpreter's JSON reader's: "Expecting value" to 3.12, 3.13 names the trailing comma)
    assert re.search(r"broken\.json is not JSON \((Expecting value|Illegal trailing comma before end of array) "
                     r"at line 1 column 2[89]\): it holds a JSON array", out), out
    assert "'): KV PUT failed: 414 UTF-8 encoded length of 600 exceeds key length limit of 512." in out


def test_seed_kv_namespace_outside_pytest(tmp_path):
    from workers_env import ConfigError, load_env
    from workers_env.pytest_plugin import seed_kv_namespace

    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "items.json").write_text('[{"key": "k", "value": "v"}]')
    env = load_env(tmp_path)
    assert seed_kv_namespace(env.unwrapped("CACHE"), "items.json", base=tmp_path) == 1
    assert env.unwrapped("CACHE").get_sync("k") == "v"
    with pytest.raises(ConfigError, match="cannot seed keys into .*: it is not a KV binding"):
        seed_kv_namespace(env.unwrapped("VECTORIZE"), {"a": "b"})
    with pytest.raises(ConfigError, match=r"the keys to seed are a dict \{key: value\}.*; got int 5"):
        seed_kv_namespace(env.unwrapped("CACHE"), 5)
    with pytest.raises(ConfigError, match=r"holds a JSON array .*; it holds an object"):
        (tmp_path / "obj.json").write_text('{"key": "k", "value": "v"}')
        seed_kv_namespace(env.unwrapped("CACHE"), "obj.json", base=tmp_path)
    with pytest.raises(ConfigError, match="NaN is not JSON"):
        (tmp_path / "nan.json").write_text('[{"key": "k", "value": "v", "expiration": NaN}]')
        seed_kv_namespace(env.unwrapped("CACHE"), "nan.json", base=tmp_path)
    with pytest.raises(ConfigError, match=r'item 0 \(key \'k\'\): "base64" is true or false, got \'yes\''):
        seed_kv_namespace(env.unwrapped("CACHE"), [{"key": "k", "value": "v", "base64": "yes"}])
    with pytest.raises(ConfigError, match=r"item 0 \(key 'k'\): a \"value\" is a str or bytes, got dict"):
        seed_kv_namespace(env.unwrapped("CACHE"), [{"key": "k", "value": {"a": 1}}])
    with pytest.raises(ConfigError, match=r'item 0 needs a "key", a str; got 5'):
        seed_kv_namespace(env.unwrapped("CACHE"), [{"key": 5, "value": "v"}])
    with pytest.raises(ConfigError, match="a KV key is a str; got int 5"):
        seed_kv_namespace(env.unwrapped("CACHE"), {5: "v"})
    with pytest.raises(ConfigError, match=r'item 0 \(key \'k\'\): "expiration" is a number of seconds, got True'):
        seed_kv_namespace(env.unwrapped("CACHE"), [{"key": "k", "value": "v", "expiration": True}])
    with pytest.raises(ConfigError) as refused:  # put's own check, naming the item (KvNamespace.put_many_sync)
        seed_kv_namespace(env.unwrapped("CACHE"), [{"key": "ok", "value": "v"}, {"key": "a", "value": "v",
                                                                                "expiration_ttl": 5}])
    assert str(refused.value) == ("item 1 (key 'a'): KV PUT failed: 400 Invalid expiration_ttl of 5. Expiration TTL "
                                  "must be at least 60.")
    assert [k.name for k in env.unwrapped("CACHE").list_sync()["keys"]] == ["k"]  # the refusals wrote nothing


def test_seed_kv_namespace_names_the_json_kind_a_file_holds_and_an_item_that_is_no_dict(tmp_path):
    from workers_env import ConfigError, load_env
    from workers_env.pytest_plugin import seed_kv_namespace

    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    kv = load_env(tmp_path).unwrapped("CACHE")
    for text, kind in (('"s"', "a string"), ("1", "a number"), ("1.5", "a number"), ("true", "a boolean"),
                       ("null", "null")):
        (tmp_path / "items.json").write_text(text)
        with pytest.raises(ConfigError) as caught:
            seed_kv_namespace(kv, "items.json", base=tmp_path)
        assert str(caught.value) == ("the KV items file items.json holds a JSON array of "
                                     '{"key": ..., "value": ...} objects, as `wrangler kv bulk put` takes; '
                                     f"it holds {kind}")
    with pytest.raises(ConfigError) as caught:
        seed_kv_namespace(kv, [5])
    assert str(caught.value) == 'KV items are {"key": ..., "value": ...} dicts; item 0 is int 5'
    assert kv.list_sync()["keys"] == []  # the refusals wrote nothing


def test_a_lone_surrogate_is_seeded_as_wrangler_kv_bulk_put_stores_it(tmp_path):
    # wrangler hands the file's strings to workerd through Miniflare's proxy, as UTF-8: a lone
    # surrogate is U+FFFD (kv_differential.py's CLI cases), where a Worker's own put of such a
    # key is refused ("Could not URL-decode key name")
    from workers_env import load_env
    from workers_env.pytest_plugin import seed_kv_namespace

    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(PYPROJECT)
    (tmp_path / "items.json").write_text('[{"key": "a\\ud800", "value": "v\\udc00"}]')
    kv = load_env(tmp_path).unwrapped("CACHE")
    assert seed_kv_namespace(kv, "items.json", base=tmp_path) == 1
    assert seed_kv_namespace(kv, {"b\ud800": "w"}) == 1
    assert [k.name for k in kv.list_sync()["keys"]] == ["a\ufffd", "b\ufffd"]
    assert kv.get_sync("a\ufffd") == "v\ufffd"
