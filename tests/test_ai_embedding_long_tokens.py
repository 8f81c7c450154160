"""A token of thousands of characters (a base64 blob, a long URL) embeds like any other: the
same vector in every env, the one the slow reference gives (its trigrams were once cut by
slices cached per length, which made a 12,000-character token cost 72 million slices and half
a minute; they are now cut for the whole batch at once)."""

from __future__ import annotations

from ai_helpers import ai_env, run
from test_ai_embedder_determinism import reference

from workers_env.ai.embedder import embed_levels


def test_a_long_token_embeds_the_same_in_every_env(tmp_path):
    long_token = "ab" * 3000
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    first = run(ai_env(tmp_path / "a"), "@cf/baai/bge-small-en-v1.5", {"text": [long_token, "short words"]})
    again = run(ai_env(tmp_path / "b"), "@cf/baai/bge-small-en-v1.5", {"text": [long_token]})
    assert first["data"][0] == again["data"][0] and len(first["data"][0]) == 384
    assert first["data"][0] != first["data"][1]


def test_long_tokens_match_the_reference():
    texts = ["ab" * 3000, "x" + "0123456789abcdef" * 700 + " tail", "é" * 2000 + " 日本語" * 3, "zq" * 40 + "s"]
    fast = embed_levels(texts, 256, model="@cf/test/long-tokens")
    for i, text in enumerate(texts):
        assert fast[i].tolist() == reference(text, 256, "@cf/test/long-tokens"), text[:20]
