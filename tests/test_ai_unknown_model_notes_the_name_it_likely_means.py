"""A model name the catalog does not hold keeps the service's ``5007: No such model ... or
task`` as its text (what production code sees and may match on) and gains a note naming the
catalog model it most likely means -- a missing ``@cf/`` prefix, a dash, a version -- or, for a
name like none of them, where the names are listed."""

from __future__ import annotations

import pytest
from ai_helpers import ai_env, run

from workers_env import AiError

LISTS = "env.AI.models() lists the models workers-env emulates, with their names"


@pytest.mark.parametrize(("wrong", "meant"), [
    ("bge-base-en-v1.5", "@cf/baai/bge-base-en-v1.5"),            # without the @cf/<author>/ prefix
    ("BAAI/bge-base-en-v1.5", "@cf/baai/bge-base-en-v1.5"),       # Hugging Face's name for it
    ("@cf/meta/llama3.2-3b-instruct", "@cf/meta/llama-3.2-3b-instruct"),
    ("@cf/baai/bge-base-en-v9", "@cf/baai/bge-base-en-v1.5"),
])
def test_a_near_miss_is_noted_with_the_model_it_likely_means(tmp_path, wrong, meant):
    with pytest.raises(AiError) as info:
        run(ai_env(tmp_path), wrong, {"text": "x"})
    assert str(info.value) == f"AiError: 5007: No such model {wrong} or task"
    assert info.value.__notes__ == [f"did you mean {meant!r}? ({LISTS})"]


@pytest.mark.parametrize(("wrong", "meant", "use"), [
    ("@cf/meta/llama3-8b-instruct", "@cf/meta/llama-3-8b-instruct", "use an active model"),
    ("meta/llama-3.1-8b-instruct", "@cf/meta/llama-3.1-8b-instruct",
     "use its active variant '@cf/meta/llama-3.1-8b-instruct-fast', which answers in the same form"),
    ("@cf/meta/llama-3.1-8b-instruc", "@cf/meta/llama-3.1-8b-instruct",
     "use its active variant '@cf/meta/llama-3.1-8b-instruct-fast', which answers in the same form"),
])
def test_a_near_miss_of_a_retired_model_says_it_was_retired(tmp_path, wrong, meant, use):
    """The right name would only move the Worker on to 5028: the note says so, and names the
    retired model's ``-fast`` variant where the catalog keeps one (as the 5028 note does)."""
    with pytest.raises(AiError) as info:
        run(ai_env(tmp_path), wrong, {"prompt": "x"})
    assert str(info.value) == f"AiError: 5007: No such model {wrong} or task"
    assert info.value.__notes__ == [f"did you mean {meant!r}? It was retired on 2026-05-30: run() answers it with "
                                    f"the service's 5028 error; {use} ({LISTS})"]


def test_a_name_like_no_model_says_where_the_names_are(tmp_path):
    with pytest.raises(AiError) as info:
        run(ai_env(tmp_path), "gpt-4", {"text": "x"})
    assert str(info.value) == "AiError: 5007: No such model gpt-4 or task"
    assert info.value.__notes__ == ["'gpt-4' is no model of the Workers AI catalog as @cloudflare/workers-types "
                                    f"5.20261117.1 lists it; {LISTS}"]


def test_embed_with_a_model_of_another_task_says_the_task_not_did_you_mean_the_same_name(tmp_path):
    binding = ai_env(tmp_path).unwrapped("AI")
    with pytest.raises(AiError) as info:
        binding.embed("@cf/meta/llama-3.1-8b-instruct-fast", ["x"])
    assert str(info.value) == "AiError: 5007: No such model @cf/meta/llama-3.1-8b-instruct-fast or task"
    [note] = info.value.__notes__
    assert note.startswith("'@cf/meta/llama-3.1-8b-instruct-fast' is no text embeddings model: embed() takes one of ")
    assert "@cf/baai/bge-base-en-v1.5" in note and "did you mean" not in note
