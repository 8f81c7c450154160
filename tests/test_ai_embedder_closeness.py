"""What the offline embedder promises: texts that share words are clearly closer than texts
that share none, so a semantic-search test over Workers AI + Vectorize behaves."""

from __future__ import annotations

import asyncio
import random
import string

import numpy as np
import pytest

from workers_env import load_env
from workers_env.ai.embedder import embed_texts

WRANGLER = """\
name = "rag"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[ai]
binding = "AI"

[[vectorize]]
binding = "VECTORIZE"
index_name = "notes"
"""

NOTES = {
    "cat": "The cat sat on the mat in the kitchen",
    "dog": "My dog loves chasing balls in the garden",
    "tax": "Remember to file the tax return before April",
    "trip": "Book train tickets for the trip to Lisbon",
    "recipe": "Bake the bread for forty minutes at high heat",
}


def test_the_cat_note_is_nearest_to_where_did_the_cat_sit(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    env = load_env(tmp_path, indexes={"notes": {"preset": "@cf/baai/bge-base-en-v1.5", "version": "v2"}})

    async def scenario():
        ids = list(NOTES)
        embedded = await env.AI.run("@cf/baai/bge-base-en-v1.5", {"text": [NOTES[i] for i in ids]})
        await env.VECTORIZE.upsert([{"id": i, "values": v} for i, v in zip(ids, embedded.data)])
        query = await env.AI.run("@cf/baai/bge-base-en-v1.5", {"text": "where did the cat sit"})
        return await env.VECTORIZE.query(query.data[0], topK=3)

    res = asyncio.run(scenario())
    assert res.matches[0].id == "cat"
    assert res.matches[0].score > res.matches[1].score + 0.1


def test_case_punctuation_and_plurals_do_not_separate_texts():
    a, b, c = embed_texts(["Cats, DOGS & birds!", "cat dog bird", "tax forms"], 768, model="m")
    assert float(a @ b) > 0.8
    assert abs(float(a @ c)) < 0.2


def _random_words(rng: random.Random, count: int) -> list[str]:
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(5, 9))))
    return sorted(words)


@pytest.mark.parametrize("shared", [3, 4])
def test_sharing_words_is_clearly_closer_than_sharing_none(shared):
    """Texts of 8 random words: one sharing ``shared`` words with the first is closer than one
    sharing none, by a clear margin, every time (unrelated texts scatter by about 1/sqrt(d))."""
    rng = random.Random(shared)
    for _ in range(60):
        words = _random_words(rng, 24)
        rng.shuffle(words)
        base = words[:8]
        near = base[:shared] + words[8 : 16 - shared]
        far = words[16:24]
        texts = [" ".join(base), " ".join(near), " ".join(far)]
        for model, d in (("@cf/baai/bge-small-en-v1.5", 384), ("@cf/baai/bge-base-en-v1.5", 768)):
            v = embed_texts(texts, d, model=model).astype(np.float64)
            assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.1, texts
