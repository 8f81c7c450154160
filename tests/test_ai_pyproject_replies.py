"""``[tool.workers-env.ai.replies]`` in ``pyproject.toml`` scripts text generation for every
env built from the project -- ``workers-env dev`` included, which has no other way to make a
model answer what a Worker parses -- and ``ai_replies=`` replaces it."""

from __future__ import annotations

import json
import textwrap
import urllib.request
from pathlib import Path

import pytest
from ai_helpers import WRANGLER, ai_env, run

from workers_env import ConfigError, load_worker
from workers_env.runtime.server import BackgroundServer

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
QWEN = "@cf/qwen/qwen2.5-coder-32b-instruct"


def project(folder: Path, table: str) -> Path:
    (folder / "wrangler.toml").write_text(WRANGLER)
    (folder / "pyproject.toml").write_text(textwrap.dedent(table))
    return folder


def answer(env, model: str = LLAMA) -> object:
    return run(env, model, {"prompt": "hi"})["response"]


def test_every_form_of_reply(tmp_path):
    (tmp_path / "replies.py").write_text("def shout(model, inputs):\n    return inputs['prompt'].upper() + ' from ' + model\n")
    folder = project(tmp_path, f"""
        [tool.workers-env.ai.replies]
        "*" = "On the mat."
        "{LLAMA}" = ["first", "second"]
        "{QWEN}" = {{ function = "replies:shout" }}
        "@cf/meta/llama-3.3-70b-instruct-fp8-fast" = {{ result = {{ response = "whole", tool_calls = [] }} }}
    """)
    env = ai_env(folder)
    assert [answer(env), answer(env), answer(env)] == ["first", "second", "On the mat."]  # a queue, then "*"
    assert answer(env, QWEN) == f"HI from {QWEN}"
    whole = run(env, "@cf/meta/llama-3.3-70b-instruct-fp8-fast", {"prompt": "x"})
    assert (whole["response"], whole["tool_calls"]) == ("whole", [])
    assert answer(env, "@cf/mistral/mistral-7b-instruct-v0.2-lora") == "On the mat."
    assert answer(ai_env(folder)) == "first"  # each env starts the queue afresh


def test_a_plain_string_answers_for_every_model_and_the_argument_replaces_the_table(tmp_path):
    folder = project(tmp_path, """
        [tool.workers-env.ai]
        replies = "Always this."
    """)
    assert answer(ai_env(folder), QWEN) == "Always this."
    replaced = ai_env(folder, ai_replies={LLAMA: "from the argument"})
    assert answer(replaced) == "from the argument"
    assert answer(replaced, QWEN).startswith("[workers-env offline reply from")  # the table is not merged


@pytest.mark.parametrize(("table", "message"), [
    ('[tool.workers-env.ai.replies]\n"@cf/meta/llama-9" = "x"\n', '"@cf/meta/llama-9" is not a Workers AI text generation model'),
    ('[tool.workers-env.ai.replies]\n"*" = { response = "x" }\n', "a reply is a string, a list of replies"),
    ('[tool.workers-env.ai.replies]\n"*" = 3\n', "a reply is a string"),
    ('[tool.workers-env.ai.replies]\n"*" = { function = "nowhere_module:f" }\n', 'cannot import "nowhere_module"'),
    ('[tool.workers-env.ai]\nreply = "x"\n', "unknown key 'reply'; the keys are embedders and replies"),
])
def test_mistakes_are_config_errors_that_say_how_to_fix_them(tmp_path, table, message):
    with pytest.raises(ConfigError, match=message.replace("[", r"\[").replace("(", r"\(")):
        ai_env(project(tmp_path, table))


@pytest.mark.parametrize(("table", "message"), [
    ("[tool.workers-env]\nai = 5\n", "[tool.workers-env.ai] in pyproject.toml must be a table"),
    ("[tool.workers-env.ai]\nreplies = 5\n",
     '[tool.workers-env.ai.replies] in pyproject.toml must map model names (or "*", every model) to replies'),
    ('[tool.workers-env.ai]\nreply = "x"\n',
     "[tool.workers-env.ai] in pyproject.toml: unknown key 'reply'; the keys are embedders and replies"),
    ('[tool.workers-env.ai.replies]\n"*" = { function = "json:nowhere" }\n',
     '[tool.workers-env.ai.replies] in pyproject.toml, "*": "json" has no "nowhere" (from "json:nowhere")'),
    ('[tool.workers-env.ai.replies]\n"*" = { function = "json" }\n',
     '[tool.workers-env.ai.replies] in pyproject.toml, "*": "json" is not "package.module:function" (a module to '
     'import, a colon, then the name of the function in it: "package.module:function", or '
     '"package.module:Class.function" for one in a class)'),
    ('[tool.workers-env.ai.replies]\n"*" = { function = "json:__doc__" }\n',
     '[tool.workers-env.ai.replies] in pyproject.toml, "*": \'json:__doc__\' is not callable; give a function '
     "(model, inputs) -> str | dict"),
])
def test_a_table_of_another_type_is_refused_in_words_pinned_whole(tmp_path, table, message):
    with pytest.raises(ConfigError) as info:
        ai_env(project(tmp_path, table))
    assert str(info.value) == message


def test_workers_env_dev_answers_with_the_scripted_reply(tmp_path):
    folder = project(tmp_path, f"""
        [tool.workers-env.ai.replies]
        "{LLAMA}" = '{{"score": 0.8}}'
    """)
    (folder / "src").mkdir()
    (folder / "src" / "entry.py").write_text(textwrap.dedent(f"""
        import json
        from workers import Response, WorkerEntrypoint

        class Default(WorkerEntrypoint):
            async def fetch(self, request):
                out = await self.env.AI.run("{LLAMA}", {{"prompt": "rate this"}})
                return Response.json(json.loads(out["response"]))
    """))
    with BackgroundServer(load_worker(folder)) as server:
        with urllib.request.urlopen(server.url + "/") as reply:
            assert json.loads(reply.read()) == {"score": 0.8}


def test_pyproject_embedders_problems_are_listed_whole(tmp_path):
    folder = project(tmp_path, """
        [tool.workers-env.ai.embedders]
        "@cf/nope" = "x:y"
        "@cf/baai/bge-small-en-v1.5" = "json:nowhere"
    """)
    with pytest.raises(ConfigError) as info:
        ai_env(folder)
    where = "[tool.workers-env.ai.embedders] in pyproject.toml"
    assert str(info.value) == (
        f'{where}, "@cf/nope": not a Workers AI text embedding model; the models are: @cf/baai/bge-small-en-v1.5, '
        "@cf/baai/bge-base-en-v1.5, @cf/baai/bge-large-en-v1.5, @cf/baai/bge-m3, @cf/google/embeddinggemma-300m, "
        "@cf/qwen/qwen3-embedding-0.6b, @cf/pfnet/plamo-embedding-1b, @cf/baai/omni-bge-base-en-v1.5\n"
        f'{where}, "@cf/baai/bge-small-en-v1.5": "json" has no "nowhere" (from "json:nowhere")')


def test_an_embedders_argument_that_is_no_mapping_is_refused_whole(tmp_path):
    with pytest.raises(ConfigError) as info:
        ai_env(tmp_path, embedders=5)
    assert str(info.value) == ('embedders= must map model names to embedding functions, e.g. '
                               '{"@cf/baai/bge-base-en-v1.5": my_function}, got int')
