"""A JS error's ``name`` is an own, enumerable property once something assigns it -- Worker code
(``e.name = "X"``), Pyodide's ``JsException(name, message)`` constructor, or workerd's own error
classes (``AiInternalError``, and ``InferenceUpstreamError`` named ``AiError`` by the service:
``this.name = name`` in ``ai-api.ts``) -- so ``JSON.stringify`` writes ``{"name":...}`` and
``Object.keys`` lists it, as V8 does (node 22: ``e = new Error("m"); e.name = "X";
JSON.stringify(e)`` is ``{"name":"X"}``); a built-in ``TypeError`` owns none (``{}``). Checked
against Pyodide 0.26.0a4, 0.28.2 and 314.0.6 (the ``jsexception-constructor`` cases of
``tools/pyodide/pyodide_cases.py``). So is any other property code outside workers-env sets
(``e.code = 5``), in the order assigned; ``message`` and ``stack`` stay not enumerable, and
workers-env's own attributes (a ``VectorizeError``'s ``code``) are none of JavaScript's."""

from __future__ import annotations

import pickle

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError, JsException, js


def keys(value) -> list[str]:
    return list(js.Object.keys(value))


def test_a_built_in_error_owns_no_properties_until_its_name_is_assigned():
    error = js.Error.new("m")
    assert (js.JSON.stringify(error), keys(error)) == ("{}", [])
    error.name = "X"
    assert (js.JSON.stringify(error), keys(error), str(error)) == ('{"name":"X"}', ["name"], "X: m")
    assert js.JSON.stringify({"error": error}) == '{"error":{"name":"X"}}'


@pytest.mark.parametrize("constructor", ["TypeError", "RangeError", "SyntaxError"])
def test_v8s_other_errors_read_their_name_from_the_prototype(constructor):
    error = getattr(js, constructor).new("m")
    assert (error.name, js.JSON.stringify(error), keys(error)) == (constructor, "{}", [])


def test_an_error_the_runtime_threw_gains_the_name_worker_code_gives_it():
    with pytest.raises(JsException) as info:
        js.JSON.parse("{")
    assert js.JSON.stringify(info.value) == "{}"
    info.value.name = "Y"
    assert js.JSON.stringify(info.value) == '{"name":"Y"}'


def test_our_message_and_name_form_assigns_only_the_names_workerds_classes_assign():
    assert js.JSON.stringify(JsException("m")) == "{}"
    assert js.JSON.stringify(JsException("m", name="TypeError")) == "{}"
    assert js.JSON.stringify(JsException("m", name="AiInternalError")) == '{"name":"AiInternalError"}'


def test_an_ai_error_from_the_binding_is_written_with_its_name(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as info:
        run(env, "@cf/baai/bge-base-en-v9", {"text": "x"})
    assert (js.JSON.stringify(info.value), keys(info.value)) == ('{"name":"AiError"}', ["name"])


def test_the_own_name_survives_pickling():
    error = js.Error.new("m")
    error.name = "X"
    assert js.JSON.stringify(pickle.loads(pickle.dumps(error))) == '{"name":"X"}'
    assert js.JSON.stringify(pickle.loads(pickle.dumps(js.Error.new("m")))) == "{}"


def test_other_properties_worker_code_sets_are_own_in_the_order_assigned():
    error = js.Error.new("m")
    error.code = 5
    error.name = "X"
    error.message = "y"  # the constructor's own message: not enumerable, assigned or not
    assert (js.JSON.stringify(error), keys(error), str(error)) == ('{"code":5,"name":"X"}', ["code", "name"], "X: y")
    del error.code
    assert js.JSON.stringify(error) == '{"name":"X"}'


def test_the_attributes_workers_env_gives_its_errors_are_not_javascripts(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(AiError) as info:
        run(env, "@cf/baai/bge-base-en-v9", {"text": "x"})
    assert info.value.code == 5007 and info.value.description  # Python-side extras, set by workers-env
    assert keys(info.value) == ["name"]
