"""A binding section wrangler does not know (``[[vectorise]]``) makes no binding, and wrangler
only warns; so the error for the binding it should have made names that field and the one it
likely means -- in Worker code (the note), test code (the error) and a seeding marker -- rather
than leaving "it has: nothing" far from the typo."""

from __future__ import annotations

import pytest
from worker_helpers import one_file_worker

from workers_env import load_env, load_worker

ENTRY = """\
    from workers import Response, WorkerEntrypoint

    class Default(WorkerEntrypoint):
        async def fetch(self, request):
            try:
                self.env.VECTORIZE
            except AttributeError as exc:
                return Response(" ".join(getattr(exc, "__notes__", [])))
            return Response("found")
"""
MISSPELT = '[[vectorise]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'
SAYS = ("env has no binding or var named 'VECTORIZE'; it has: nothing; wrangler.toml has a field wrangler "
        'does not know at the top level, which makes no binding: "vectorise" (did you mean "vectorize"?)')


@pytest.mark.asyncio
async def test_worker_code_gets_the_misspelt_section_in_its_note(tmp_path):
    worker = load_worker(one_file_worker(tmp_path, ENTRY, extra=MISSPELT))
    assert await (await worker.fetch("/")).text() == SAYS


def test_test_code_gets_it_in_the_error(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY, extra=MISSPELT))
    with pytest.raises(AttributeError) as info:
        env.VECTORIZE
    assert str(info.value) == SAYS


def test_only_the_selected_environments_fields_are_named(tmp_path):
    extra = ('[[d1_database]]\nbinding = "DB"\n[env.staging]\n'
             'kv_namespace = [{ binding = "KV", id = "0123456789abcdef0123456789abcdef" }]\n')
    folder = one_file_worker(tmp_path, ENTRY, extra=extra)
    with pytest.raises(AttributeError) as staging:
        load_env(folder, environment="staging").KV
    assert str(staging.value).endswith('in [env.staging], which makes no binding: "kv_namespace" '
                                       '(did you mean "kv_namespaces"?)')
    assert "d1_database" not in str(staging.value)
    with pytest.raises(AttributeError) as top:
        load_env(folder).DB
    assert str(top.value).endswith('at the top level, which makes no binding: "d1_database" '
                                   '(did you mean "d1_databases"?)')


def test_a_config_without_unknown_fields_adds_nothing(tmp_path):
    env = load_env(one_file_worker(tmp_path, ENTRY))
    with pytest.raises(AttributeError) as info:
        env.VECTORIZE
    said = str(info.value)
    assert said.startswith("env has no binding or var named 'VECTORIZE'; it has: nothing;")
    assert "makes no binding" not in said and "did you mean" not in said  # only the .dev.vars note for a secret


def test_a_seeding_marker_names_it_too(pytester):
    one_file_worker(pytester.path, ENTRY, extra=MISSPELT)
    pytester.makeini("[pytest]\nasyncio_default_fixture_loop_scope = function\n")
    pytester.makepyfile(test_seed="""
        import pytest

        @pytest.mark.vectorize_seed("VECTORIZE", [{"id": "a", "values": [1, 0, 0]}])
        def test_seeded(env):
            pass
    """)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:hypothesispytest")  # in-process
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(['*cannot seed \'VECTORIZE\': the env has no bindings (from *wrangler.toml); '
                                 'wrangler.toml has a field wrangler does not know at the top level, which makes '
                                 'no binding: "vectorise" (did you mean "vectorize"?)'])


def test_probing_an_optional_binding_reads_the_warnings_once(tmp_path, monkeypatch):
    # hasattr(env, "CACHE") per request: the fields' note (difflib over wrangler's fields) is made once
    import workers_env._env as env_module

    extra = f"zz_{tmp_path.name.replace('-', '_')} = 1\n" + MISSPELT  # warnings of this config alone
    env = load_env(one_file_worker(tmp_path, ENTRY, extra=extra))
    read = []
    unknown_fields = env_module.unknown_fields
    monkeypatch.setattr(env_module, "unknown_fields", lambda *a: read.append(a) or unknown_fields(*a))
    notes = []
    for _ in range(3):
        assert not hasattr(env, "CACHE")
        with pytest.raises(AttributeError) as info:
            env.CACHE
        notes.append(str(info.value))
    assert len(set(notes)) == 1 and '"vectorise" (did you mean "vectorize"?)' in notes[0]
    assert len(read) == 1
