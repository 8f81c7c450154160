"""wrangler dev 4.164.0 serves a Worker whose ``[[vectorize]]`` binding cannot run locally: it warns,
the Worker's other routes answer, and only a use of the binding fails (``Error: Binding INDEX needs
to be run remotely``; measured with a JavaScript twin, hunt41). workers-env dev refused to start when
the index had no definition, so a public Worker's own local check (adewale/xampler's verifier:
``/demo`` answers without the index) timed out. Now dev serves it, says why once, and any use of the
binding raises the definition error; ``load_env`` still raises it, and a binding the caller supplies
needs no definition at all."""

from pathlib import Path

import pytest

from test_dev_server import _run_dev, _stop, request
from workers_env import IndexDefinitionError, load_env

WORKER = '''
from workers import WorkerEntrypoint, Response

class Default(WorkerEntrypoint):
    async def fetch(self, request):
        if request.url.endswith("/plain"):
            return Response("plain answer")
        info = await self.env.INDEX.describe()
        return Response(str(info))
'''


def _project(root: Path) -> Path:
    (root / "src").mkdir(parents=True)
    (root / "src" / "entry.py").write_text(WORKER)
    (root / "wrangler.toml").write_text(
        'name = "undefined-index"\nmain = "src/entry.py"\ncompatibility_date = "2026-05-01"\n'
        'compatibility_flags = ["python_workers"]\n\n'
        '[[vectorize]]\nbinding = "INDEX"\nindex_name = "nowhere-defined"\n'
        '[[vectorize]]\nbinding = "OTHER"\nindex_name = "defined-one"\n')
    (root / "pyproject.toml").write_text('[tool.workers-env.indexes."defined-one"]\ndimensions = 3\nmetric = "cosine"\n')
    return root


def test_load_env_still_raises_and_names_the_undefined_index(tmp_path):
    project = _project(tmp_path / "app")
    with pytest.raises(IndexDefinitionError) as raised:
        load_env(project)
    assert raised.value.index_names == ["nowhere-defined"]
    assert 'The Vectorize index "nowhere-defined" (binding INDEX) has no definition' in str(raised.value)


def test_a_supplied_binding_needs_no_definition(tmp_path):
    project = _project(tmp_path / "app")
    mine = object()
    env = load_env(project, bindings={"INDEX": mine})
    assert env.INDEX is mine
    assert type(env.OTHER).__name__ == "VectorizeBinding"  # the defined one is still emulated


def test_dev_serves_the_worker_and_the_binding_fails_on_use(tmp_path):
    project = _project(tmp_path / "app")
    proc, url = _run_dev(project)
    try:
        assert request(url + "/plain")[::2] == (200, b"plain answer")
        status, _, body = request(url + "/describe")
        assert status == 500
        assert b'IndexDefinitionError: The Vectorize index "nowhere-defined" (binding INDEX) has no definition' in body
    finally:
        out = _stop(proc)
    assert f"Ready on {url}" in out
    assert ('workers-env dev: The Vectorize index "nowhere-defined" (binding INDEX) has no definition' in out)
    assert ("The Worker is served without it: any use of env.INDEX raises this error until the index is defined "
            "(wrangler dev serves such a Worker too, its Vectorize bindings unusable locally)" in out)
    # neither "not emulated" nor "runs locally" is said of it; the defined index still runs locally
    assert "BindingNotEmulatedError: INDEX" not in out
    assert 'env.INDEX (index "nowhere-defined") runs' not in out
    assert 'env.OTHER (index "defined-one") runs locally' in out
