"""workers-env's own public errors read by the names the README gives them -- a traceback's
last line, pytest's ``E`` line and ``repr()`` say ``workers_env.ConfigError``, not the private
module ``workers_env._errors`` they are defined in (walk58: a plugged embedder's wrong shape
showed ``E  workers_env._errors.ConfigError: ...``, a script's AiError
``workers_env._errors.AiError``) -- and still pickle. In Worker code the JavaScript errors keep
Pyodide's name, ``pyodide.ffi.JsException`` (test_runtime_js_errors_are_pyodide_ffi_js_exceptions_in_worker_code)."""

from __future__ import annotations

import pickle
import traceback

import pytest

import workers_env
from workers_env import load_env

PUBLIC = ["WorkersEnvError", "ConfigError", "IndexDefinitionError", "StateError", "NotEmulatedError",
          "BindingNotEmulatedError", "JsException", "VectorizeError", "AiError"]  # (the last three outside Worker code)


@pytest.mark.parametrize("name", PUBLIC)
def test_the_class_is_named_where_the_readme_imports_it(name):
    cls = getattr(workers_env, name)
    assert repr(cls) == f"<class 'workers_env.{name}'>"
    assert f"{cls.__module__}.{cls.__qualname__}" == f"workers_env.{name}"


def test_a_traceback_names_it_so_and_it_pickles(tmp_path):
    (tmp_path / "wrangler.toml").write_text('name = "w"\n[[vectorize]]\nbinding = "V"\nindex_name = "idx"\n')
    with pytest.raises(workers_env.IndexDefinitionError) as info:
        load_env(tmp_path)
    last = traceback.format_exception_only(info.type, info.value)[-1]
    assert last.startswith('workers_env.IndexDefinitionError: The Vectorize index "idx" (binding V) has no definition')
    again = pickle.loads(pickle.dumps(workers_env.ConfigError("bad", problems=["a", "b"])))
    assert type(again) is workers_env.ConfigError and again.problems == ["a", "b"]
    again = pickle.loads(pickle.dumps(workers_env.AiError("No such model x or task", code=5007)))
    assert type(again) is workers_env.AiError and (str(again), again.code) == ("AiError: 5007: No such model x or task", 5007)
