"""A token of thousands of characters (a base64 blob, a long URL) embeds like any other:
its trigrams are cut for it alone, and the cache of trigram slices stays word-sized (building
every shorter length once made a 12,000-character token cost 72 million slices and half a
minute, kept for the life of the process)."""

from __future__ import annotations

from ai_helpers import ai_env, run

from workers_env.ai import embedder


def test_a_long_token_embeds_and_leaves_no_long_slices_behind(tmp_path):
    long_token = "ab" * 3000
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    first = run(ai_env(tmp_path / "a"), "@cf/baai/bge-small-en-v1.5", {"text": [long_token, "short words"]})
    again = run(ai_env(tmp_path / "b"), "@cf/baai/bge-small-en-v1.5", {"text": [long_token]})
    assert first["data"][0] == again["data"][0] and len(first["data"][0]) == 384
    assert first["data"][0] != first["data"][1]
    assert max(embedder._SLICES, default=0) <= embedder._SLICES_KEPT
