"""Which scripted reply a call takes, whatever order they were set in (README, Text generation):
the model's queue, the every-model queue, the model's reply, then the every-model reply."""

from __future__ import annotations

from ai_helpers import ai_env, run

LLAMA = "@cf/meta/llama-3.1-8b-instruct-fast"
OTHER = "@cf/meta/llama-3.2-3b-instruct"


def answers(env, model, n):
    return [run(env, model, {"prompt": "x"}).response for _ in range(n)]


def test_the_four_layers_are_used_in_order(tmp_path):
    env = ai_env(tmp_path)
    env.AI.queue_replies(["every queued"])
    env.AI.queue_replies(["llama queued"], model=LLAMA)
    env.AI.reply("llama fixed", model=LLAMA)
    env.AI.reply("every fixed")  # set last, and still behind the model's own reply
    assert answers(env, LLAMA, 4) == ["llama queued", "every queued", "llama fixed", "llama fixed"]
    assert answers(env, OTHER, 1) == ["every fixed"]


def test_a_later_reply_for_every_model_does_not_replace_one_models_reply(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("Bonjour", model=LLAMA)
    env.AI.reply(lambda model, inputs: "yes")
    assert answers(env, LLAMA, 1) == ["Bonjour"]
    assert answers(env, OTHER, 1) == ["yes"]
