"""The service's input limits, on both sides, and its error texts; a refused input never
reaches an embedder."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError, JsException, NotEmulatedError

BGE = "@cf/baai/bge-base-en-v1.5"
LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"


@pytest.fixture
def spy(tmp_path):
    """An env whose every embedding model is plugged with a recording function."""
    calls: list[list[str]] = []

    def embedder(d):
        def embed(texts):
            calls.append(texts)
            return [[1.0] + [0.0] * (d - 1) for _ in texts]
        return embed

    from workers_env.ai.catalog import EMBEDDING_MODELS

    env = ai_env(tmp_path, embedders={m.name: embedder(m.dimensions) for m in EMBEDDING_MODELS.values()})
    return env, calls


def refused(env, model, inputs, options=None) -> AiError:
    with pytest.raises(AiError) as info:
        run(env, model, inputs, options)
    return info.value


def test_unknown_model_is_5007_naming_it(spy):
    env, calls = spy
    err = refused(env, "@cf/baai/bge-base-en-v9", {"text": "x"})
    assert str(err) == "AiError: 5007: No such model @cf/baai/bge-base-en-v9 or task"
    assert (err.code, err.name) == (5007, "AiError") and isinstance(err, JsException)
    assert str(refused(env, None, {"text": "x"})) == "AiError: 5007: No such model undefined or task"
    assert calls == []


@pytest.mark.parametrize("model,limit", [(BGE, 100), ("@cf/baai/bge-m3", 100), ("@cf/qwen/qwen3-embedding-0.6b", 32)])
def test_batch_limit_on_both_sides(spy, model, limit):
    env, calls = spy
    assert run(env, model, {"text": ["x"] * limit}).shape[0] == limit
    err = refused(env, model, {"text": ["x"] * (limit + 1)})
    assert err.code == 5006 and f"Array at '/text' has {limit + 1} items, more than maxItems {limit}" in str(err)
    assert [len(c) for c in calls] == [limit]  # the refused batch reached no embedder


def test_models_without_schema_limits_take_empty_and_many_texts(spy):
    env, _ = spy
    assert run(env, "@cf/pfnet/plamo-embedding-1b", {"text": [""] * 300}).shape[0] == 300
    assert run(env, "@cf/pfnet/plamo-embedding-1b", {"text": ""}).shape[0] == 1
    # embeddinggemma's newest catalog schema has minLength 1 and maxItems 100, as bge's
    assert "Length of '/text' must be >= 1 not met" in str(refused(env, "@cf/google/embeddinggemma-300m", {"text": ""}))
    assert "more than maxItems 100" in str(refused(env, "@cf/google/embeddinggemma-300m", {"text": ["a"] * 101}))


def test_minimum_length_on_both_sides(spy):
    env, calls = spy
    assert run(env, BGE, {"text": "a"}).shape == [1, 768]
    err = refused(env, BGE, {"text": ""})
    assert str(err) == (  # bge's text is a oneOf of a string and a list: both branches complain
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Length of '/text' must be >= 1 not met, "
        "Type mismatch of '/text', 'array' not in 'string', required properties at '/' are 'text', "
        "required properties at '/' are 'requests'"
    )
    # cabidela does not check the items of a list of only strings and numbers: "" passes there
    assert run(env, BGE, {"text": ["ok", ""]}).shape == [2, 768]
    err = refused(env, BGE, {"text": ["ok", {"a": 1}, ""]})  # an object makes it an ordinary list: item by item
    assert str(err) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/text', 'string' not in 'array', "
        "Type mismatch of '/text/1', 'string' not in 'object', required properties at '/' are 'text', "
        "required properties at '/' are 'requests'"
    )
    # a null passes cabidela (its binary test reads `null == undefined`); no model embeds it: ours
    assert str(refused(env, BGE, {"text": ["ok", None]})) == "AiError: 5006: Error: Type mismatch of '/text/1', 'string' not in 'null'"
    assert calls == [["a"], ["ok", ""]]


def test_embedding_input_errors(spy):
    env, calls = spy
    assert str(refused(env, BGE, {})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'text', "
        "required properties at '/' are 'requests'"
    )
    # cabidela: text is a oneOf (string | array); the string branch complains, the array branch
    # passes over a non-array in silence, so text counts as missing
    assert str(refused(env, BGE, {"text": 42})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/text', 'string' not in "
        "'number','integer', required properties at '/' are 'text', required properties at '/' are 'requests'"
    )
    assert str(refused(env, BGE, {"text": None})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/text', 'string' not in "
        "'null', required properties at '/' are 'text', required properties at '/' are 'requests'"
    )
    assert str(refused(env, BGE, {"text": ""})) == (  # both branches complain about a too-short string
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Length of '/text' must be >= 1 not met, "
        "Type mismatch of '/text', 'array' not in 'string', required properties at '/' are 'text', "
        "required properties at '/' are 'requests'"
    )
    assert str(refused(env, "@cf/baai/bge-m3", {"text": [[1]]})) == (  # bge-m3: {contexts}, {text}, {requests}
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'contexts', "
        "Type mismatch of '/text', 'string' not in 'array', Type mismatch of '/text/0', 'string' not in 'array','binary', "
        "required properties at '/' are 'text', required properties at '/' are 'requests'"
    )
    assert str(refused(env, "@cf/baai/bge-m3", {"text": "a", "contexts": [{"text": "b"}]})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 2 matches: Type mismatch of '/text', 'array' not in 'string'"
    )  # two branches match; what the text's own oneOf noted on the way is printed too
    assert "Type mismatch of '/text/1', 'string' not in 'null'" in str(refused(env, BGE, {"text": ["a", None]}))
    assert "enum max not in mean,cls at '/pooling'" in str(refused(env, BGE, {"text": "a", "pooling": "max"}))
    # inputs that are not an object have no properties to cabidela: they fail as missing ones
    assert str(refused(env, BGE, ["a"])) == str(refused(env, BGE, {}))
    assert str(refused(env, "@cf/google/embeddinggemma-300m", "a text")) == (
        "AiError: 5006: Error: required properties at '/' are 'text'"
    )
    assert str(refused(env, "@cf/google/embeddinggemma-300m", {"txt": "a"})) == (
        "AiError: 5006: Error: required properties at '/' are 'text'"
    )
    assert str(refused(env, "@cf/baai/bge-m3", {"contexts": [{"text": 1}]})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/contexts/0/text', 'string' not in "
        "'number','integer', required properties at '/' are 'text', required properties at '/' are 'requests'"
    )
    assert calls == []


def test_text_generation_input_errors(tmp_path):
    env = ai_env(tmp_path)
    assert str(refused(env, LLAMA, {})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
        "required properties at '/' are 'messages'"
    )
    # cabidela, as the service runs it: a thrown problem ends a branch; a string-only content
    # that is null is a type error
    content_null = {"messages": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": None}]}
    assert str(refused(env, LLAMA, content_null)) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
        "Type mismatch of '/messages/1/content', 'string' not in 'null'"
    )
    assert str(refused(env, LLAMA, {"messages": [{"role": "user"}]})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
        "required properties at '/messages/0' are 'role,content'"
    )
    assert str(refused(env, LLAMA, {"prompt": None})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/prompt', 'string' not in 'null', "
        "required properties at '/' are 'messages'"
    )
    assert str(refused(env, LLAMA, {"prompt": "a", "messages": []})) == "AiError: 5006: Error: oneOf at '/' not met, 2 matches"
    # each branch stops at its first throw: the Prompt branch at top_k, the Messages branch at role
    assert str(refused(env, LLAMA, {"messages": [{"role": 1, "content": 2}], "top_k": 99})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: '/top_k' must be <= 50, "
        "Type mismatch of '/messages/0/role', 'string' not in 'number','integer'"
    )
    assert str(refused(env, LLAMA, {"prompt": "x", "stream": "true"})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/stream', 'boolean' not in 'string'"
    )
    assert str(refused(env, LLAMA, {"prompt": "x", "max_tokens": 2.5})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: Type mismatch of '/max_tokens', 'integer' not in 'number'"
    )
    # a list of only strings is `binary` to cabidela, not checked item by item: it passes
    assert run(env, LLAMA, {"messages": ["hi"]}).response
    assert env.AI.calls[-1].model == LLAMA  # every call is recorded, refused ones too


def test_prompt_length_on_both_sides(tmp_path):
    env = ai_env(tmp_path)
    assert run(env, LLAMA, {"prompt": "x" * 131072}).response
    err = refused(env, LLAMA, {"prompt": "x" * 131073})
    assert "Length of '/prompt' must be <= 131072, required properties at '/' are 'messages'" in str(err)
    assert "Length of '/prompt' must be >= 1 not met, required" in str(refused(env, LLAMA, {"prompt": ""}))


NEWER = "@cf/meta/llama-3.3-70b-instruct-fp8-fast"  # a newer input schema in the catalog's model files


@pytest.mark.parametrize("model,option,low,high,below,above", [
    (LLAMA, "temperature", 0, 5, -0.1, 5.1),
    (LLAMA, "top_p", 0, 2, -1, 2.5),
    (LLAMA, "top_k", 1, 50, 0, 51),
    (LLAMA, "seed", 1, 9999999999, 0, 10000000000),
    (LLAMA, "repetition_penalty", 0, 2, -0.5, 2.01),
    (LLAMA, "frequency_penalty", 0, 2, -0.5, 2.01),
    (LLAMA, "presence_penalty", 0, 2, -0.5, 2.01),
    (NEWER, "top_p", 0.001, 1, 0.0005, 1.01),  # the newer schemas have their own ranges
    (NEWER, "frequency_penalty", -2, 2, -2.1, 2.1),
    (NEWER, "presence_penalty", -2, 2, -2.1, 2.1),
    (NEWER, "repetition_penalty", 0, 2, -0.5, 2.01),  # not -2..2 as the other two penalties there
    (NEWER, "temperature", 0, 5, -0.1, 5.1),
])
def test_generation_option_ranges_on_both_sides(tmp_path, model, option, low, high, below, above):
    env = ai_env(tmp_path)
    for ok in (low, high):
        run(env, model, {"prompt": "hi", option: ok})
    # a range error is thrown in both branches before their `required`: printed once (a set)
    prefix = "AiError: 5006: Error: oneOf at '/' not met, 0 matches: "
    assert str(refused(env, model, {"prompt": "hi", option: below})) == f"{prefix}'/{option}' must be >= {low}"
    assert str(refused(env, model, {"prompt": "hi", option: above})) == f"{prefix}'/{option}' must be <= {high}"


def test_what_is_not_emulated_is_said_and_is_not_a_js_error(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(NotEmulatedError) as info:
        run(env, "@cf/black-forest-labs/flux-1-schnell", {"prompt": "a cat"})
    assert str(info.value) == (
        "workers-env does not emulate @cf/black-forest-labs/flux-1-schnell (Text-to-Image) offline: it emulates the "
        "catalog's text embedding models, @cf/baai/bge-reranker-base and the text generation models that answer in "
        'the classic {"response"}, the chat-completions or gpt-oss\'s form; env.AI.models() lists every one.')
    with pytest.raises(NotEmulatedError, match=r"does not emulate @cf/nvidia/nemotron-speech-streaming-en-0\.6b"):
        run(env, "@cf/nvidia/nemotron-speech-streaming-en-0.6b", {"audio": "UklGRg=="})  # newest in workers-types
    with pytest.raises(NotEmulatedError) as info:
        run(env, BGE, {"text": "a"}, {"websocket": True})
    assert str(info.value) == ("workers-env does not emulate the run() option 'websocket' offline (it needs "
                               "Cloudflare's network); remove it for local runs.")
    with pytest.raises(NotEmulatedError, match="asynchronous batch"):
        run(env, BGE, {"requests": [{"text": "a"}]})
    for inputs in ({"requests": [{"text": "a"}]}, {"request_id": "000-000-000"}):  # the batch page's send and poll
        with pytest.raises(NotEmulatedError) as info:
            run(env, "@cf/baai/bge-m3", inputs, {"queueRequest": True})
        assert str(info.value) == (
            "workers-env does not emulate the asynchronous batch API (the run() option queueRequest, with which a "
            "batch is sent and polled) offline: it needs Cloudflare's queue. In local runs, send each of the "
            "batch's requests in a run() call of its own, without queueRequest.")
    with pytest.raises(NotEmulatedError, match="asynchronous batch"):  # llama-3.3 and llama-4 take batches too
        run(env, "@cf/meta/llama-3.3-70b-instruct-fp8-fast", {"requests": [{"prompt": "a"}]})
    with pytest.raises(AiError, match="required properties at '/' are 'prompt'"):  # the others: no such branch
        run(env, LLAMA, {"requests": [{"prompt": "a"}]})
    assert not issubclass(NotEmulatedError, JsException)
    # options that only matter on Cloudflare's side are accepted
    assert run(env, BGE, {"text": "a"}, {"gateway": {"id": "my-gateway"}, "tags": ["t"]}).shape == [1, 768]


def test_values_the_sdk_cannot_send_are_refused_before_the_call(tmp_path):
    env = ai_env(tmp_path)
    with pytest.raises(TypeError, match="<class 'tuple'> cannot be sent over RPC."):
        run(env, BGE, {"text": ("a", "b")})
    assert env.AI.calls == []


SCOUT = "@cf/meta/llama-4-scout-17b-16e-instruct"


def test_content_parts_where_the_model_schema_takes_them(tmp_path):
    env = ai_env(tmp_path)
    parts = [{"type": "text", "text": "where is"}, {"type": "image_url", "image_url": {"url": "data:image/png;base64,AA=="}},
             {"type": "text", "text": "the cat"}]
    assert run(env, SCOUT, {"messages": [{"role": "user", "content": parts}]}).response.endswith("You said: where is the cat")
    one_part = {"messages": [{"role": "user", "content": {"type": "text", "text": "one part"}}]}
    assert run(env, SCOUT, one_part).response.endswith("You said: one part")
    assert run(env, SCOUT, {"messages": [{"content": "no role"}, {"role": "assistant"}]}).response  # both optional there
    # a content that fits none of its oneOf branches is only noted: the call goes through...
    assert run(env, SCOUT, {"messages": [{"role": "user", "content": 5}]}).response
    # ...and the note is printed when something throws (here in both branches)
    assert str(refused(env, SCOUT, {"messages": [{"role": "user", "content": 5}], "temperature": 9})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: '/temperature' must be <= 5, "
        "Type mismatch of '/messages/0/content', 'string' not in 'number','integer'"
    )
    # a model whose messages take a string only
    assert str(refused(env, LLAMA, {"messages": [{"role": "user", "content": parts}]})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
        "Type mismatch of '/messages/0/content', 'string' not in 'array'"
    )


def test_tools_are_a_list_of_objects(tmp_path):
    env = ai_env(tmp_path)
    tool = {"name": "get_weather", "description": "The weather", "parameters": {"type": "object", "properties": {}}}
    chat = [{"role": "user", "content": "hi"}]
    assert run(env, LLAMA, {"messages": chat, "tools": [tool, {"type": "function", "function": tool}]}).response
    assert str(refused(env, LLAMA, {"messages": chat, "tools": "get_weather"})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
        "Type mismatch of '/tools', 'array' not in 'string'"
    )
    # an item that is neither kind of tool fails only an inner oneOf: noted, printed if something throws
    assert run(env, LLAMA, {"messages": chat, "tools": [tool, 3]}).response
    err = str(refused(env, LLAMA, {"messages": chat, "tools": [tool, 3], "stream": "yes"}))
    assert err.startswith("AiError: 5006: Error: oneOf at '/' not met, 0 matches: "
                          "Type mismatch of '/stream', 'boolean' not in 'string', ")
    assert "required properties at '/tools/1/parameters' are 'type,properties'" in err  # what tools' oneOf noted


def test_text_parts_where_the_catalog_schema_takes_them(tmp_path):
    env = ai_env(tmp_path)
    r1 = "@cf/deepseek-ai/deepseek-r1-distill-qwen-32b"  # content: a string or a list of {type, text}
    one_part = [{"type": "text", "text": "where is the cat"}]
    assert run(env, r1, {"messages": [{"role": "user", "content": one_part}]}).response.endswith("where is the cat")
    # cabidela counts a oneOf branch's matched list items as its matches: two parts make the
    # list branch match twice, so content fits "no" branch and counts as missing
    two_parts = [{"type": "text", "text": "where is"}, {"type": "text", "text": "the cat"}]
    assert str(refused(env, r1, {"messages": [{"role": "user", "content": two_parts}]})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
        "Type mismatch of '/messages/0/content', 'string' not in 'array', "
        "required properties at '/messages/0' are 'role,content'"
    )
    assert str(refused(env, r1, {"messages": [{"content": "no role"}]})) == (  # role and content stay required
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
        "Type mismatch of '/messages/0/content', 'array' not in 'string', "
        "required properties at '/messages/0' are 'role,content'"
    )
    assert str(refused(env, r1, {"messages": [{"role": "user", "content": 3}]})) == (
        "AiError: 5006: Error: oneOf at '/' not met, 0 matches: required properties at '/' are 'prompt', "
        "Type mismatch of '/messages/0/content', 'string' not in 'number','integer', "
        "required properties at '/messages/0' are 'role,content'"
    )


@pytest.mark.parametrize("model,task", [
    ("@cf/moondream/moondream3.1-9B-A2B", "Image-to-Text"),
    ("@cf/swiss-ai/apertus-v1.5-8b", "input schema not published"),
    ("@cf/cloudflare/clef-flash", "decision model"),
    ("@cf/facebook/detr-resnet-50", "Object Detection"),
])
def test_catalog_models_in_other_forms_say_they_are_not_emulated(tmp_path, model, task):
    with pytest.raises(NotEmulatedError, match=f"does not emulate {model} .*{task}"):
        run(ai_env(tmp_path), model, {"prompt": "hi"})


@pytest.mark.parametrize("model", ["@cf/meta/llama-3.1-8b-instruct-fast", "@cf/meta-llama/llama-2-7b-chat-hf-lora"])
def test_catalog_models_answering_response_are_emulated(tmp_path, model):
    assert run(ai_env(tmp_path), model, {"prompt": "hi"}).response.startswith(f"[workers-env offline reply from {model}]")


def test_newer_schemas_set_no_prompt_length_cap(tmp_path):
    env = ai_env(tmp_path)
    assert run(env, NEWER, {"prompt": "x" * 131073}).response
    assert run(env, NEWER, {"messages": [{"role": "user", "content": "x" * 131073}]}).response
    assert "Length of '/messages/0/content' must be <= 131072" in str(
        refused(env, LLAMA, {"messages": [{"role": "user", "content": "x" * 131073}]})
    )
    # and an older schema's range still applies where the newer one would allow it
    assert str(refused(env, LLAMA, {"prompt": "hi", "frequency_penalty": -1})).endswith("'/frequency_penalty' must be >= 0")
