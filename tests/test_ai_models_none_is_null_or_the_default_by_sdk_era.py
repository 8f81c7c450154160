"""``env.AI.models(None)``: ai-api.ts's ``models(params = {})`` runs ``Object.entries(params)``
before any request, so JavaScript ``null`` -- the external SDK's ``None`` (its ``python_to_rpc``)
-- throws V8's ``TypeError: Cannot convert undefined or null to object``, while the built-in
SDK's ``None`` is Pyodide's ``undefined``, which takes the default ``{}``: the whole catalog
(a keyword object after it is a second argument ``models`` never reads). ``models()`` is the
catalog in both eras."""

from __future__ import annotations

import pytest

from workers_env import JsException, js, load_env, to_js

EXTERNAL = "2026-05-01"
BUILTIN = "2025-11-01"


def _env(tmp_path, date):
    (tmp_path / "wrangler.toml").write_text(
        f'name = "m"\nmain = "src/entry.py"\ncompatibility_date = "{date}"\ncompatibility_flags = ["python_workers"]\n'
        '[ai]\nbinding = "AI"\n')
    return load_env(tmp_path / "wrangler.toml")


def _names(models):
    return [m["name"] for m in (models.to_py() if hasattr(models, "to_py") else models)]


@pytest.mark.asyncio
async def test_models_none_is_nulls_type_error_with_the_external_sdk(tmp_path):
    env = _env(tmp_path, EXTERNAL)
    for call in (lambda: env.AI.models(None), lambda: env.AI.models(None, task="Text Embeddings")):
        with pytest.raises(JsException) as raised:
            await call()
        assert (raised.value.name, raised.value.message) == ("TypeError", "Cannot convert undefined or null to object")
    assert len(await env.AI.models()) > 1


@pytest.mark.asyncio
async def test_models_none_is_the_default_with_the_builtin_sdk(tmp_path):
    env = _env(tmp_path, BUILTIN)
    everything = _names(await env.AI.models())
    assert len(everything) > 1
    assert _names(await env.AI.models(None)) == everything
    assert _names(await env.AI.models(None, task="Text Embeddings")) == everything  # the keywords: a 2nd argument
    embeddings = _names(await env.AI.models(task="Text Embeddings"))
    assert 0 < len(embeddings) < len(everything)


@pytest.mark.asyncio
async def test_run_options_none_is_the_default_with_the_builtin_sdk_before_keywords(tmp_path):
    """``run(model, inputs, None, key=...)``: the built-in SDK passes ``undefined`` as the options,
    which ai-api.ts's ``options = {}`` takes; the external SDK's ``null`` cannot be destructured."""
    inputs = {"text": "hello"}
    builtin = _env(tmp_path, BUILTIN)
    result = await builtin.AI.run("@cf/baai/bge-small-en-v1.5", to_js(inputs, dict_converter=js.Object.fromEntries),
                                  None, extra=1)
    assert list(result.shape) == [1, 384]
    (tmp_path / "external").mkdir()
    external = _env(tmp_path / "external", EXTERNAL)
    with pytest.raises(JsException, match="Cannot destructure property 'prefix' of 'object null'"):
        await external.AI.run("@cf/baai/bge-small-en-v1.5", inputs, None, extra=1)
