"""The service answers kimi-k2.5's calls with kimi-k2.6 (changelog, 2026-05-08), so a reply
scripted for k2.6 -- the model that answers -- answers them too; one scripted for k2.5 comes
first, and the every-model reply last. A reply function is still called with the name the
Worker asked for."""

from __future__ import annotations

from ai_helpers import ai_env, run

K25, K26 = "@cf/moonshotai/kimi-k2.5", "@cf/moonshotai/kimi-k2.6"
HI = {"messages": [{"role": "user", "content": "hi"}]}


def content(env, model: str = K25) -> str:
    return run(env, model, HI).choices[0].message.content


def test_a_reply_for_k2_6_answers_k2_5_after_one_for_k2_5_and_before_every_model(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply("every model")
    env.AI.reply("for k2.6", model=K26)
    assert content(env) == "for k2.6" and content(env, K26) == "for k2.6"
    env.AI.reply("for k2.5", model=K25)
    assert content(env) == "for k2.5" and content(env, K26) == "for k2.6"


def test_a_queue_for_k2_6_is_used_by_k2_5_calls_in_order(tmp_path):
    env = ai_env(tmp_path, ai_replies={K26: ["first", "second"], "*": "then this"})
    assert [content(env), content(env, K26), content(env)] == ["first", "second", "then this"]


def test_a_reply_function_for_k2_6_sees_the_name_the_worker_asked_for(tmp_path):
    env = ai_env(tmp_path)
    env.AI.reply(lambda model, inputs: f"{model} <- {inputs['messages'][0]['content']}", model=K26)
    assert content(env) == f"{K25} <- hi"
