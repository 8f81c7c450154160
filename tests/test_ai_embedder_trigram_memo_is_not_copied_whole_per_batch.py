"""The memo of character trigrams met in batches of many new words grows without being copied
whole for every such batch. A vocabulary whose trigrams never stop being new (Chinese or
Japanese text, where a run of ideographs is one word) once made each batch copy every trigram
kept so far: a process's batches cost more and more (4 ms -> 17 ms per batch of 80 new words
over 3 million trigrams). Measured as the memory a batch allocates at its peak (tracemalloc
follows numpy's arrays): a few times the batch's own trigrams, not the whole memo."""

from __future__ import annotations

import random
import statistics
import tracemalloc

import pytest
from test_ai_embedder_determinism import reference

from workers_env.ai import embedder
from workers_env.ai.embedder import embed_levels

MODEL = "@cf/test/trigram-memo"
_IDEOGRAPHS = [chr(c) for c in range(0x4E00, 0x4E00 + 20000)]


@pytest.fixture
def empty_vocabulary(monkeypatch):
    """The embedder as a fresh process has it: no word, trigram or projection seen yet."""
    monkeypatch.setattr(embedder, "_VOCABULARY", embedder._Vocabulary())
    monkeypatch.setattr(embedder, "_ASCII_IDS", embedder._AsciiIds())
    monkeypatch.setattr(embedder, "_PROJECTIONS", {})


def _texts(rng: random.Random, words: int) -> list[str]:
    """Texts of ``words`` new words of 12 ideographs (12 trigrams each, all but surely new)."""
    made = ["".join(rng.choice(_IDEOGRAPHS) for _ in range(12)) for _ in range(words)]
    return [" ".join(made[i : i + 8]) for i in range(0, words, 8)]


def test_a_batch_of_new_trigrams_allocates_for_its_own_not_for_the_whole_memo(empty_vocabulary):
    rng = random.Random(11)
    embed_levels(_texts(rng, 24_000), 32, model=MODEL)  # ~288,000 trigrams kept
    kept = 16 * 288_000  # bytes: a key and a hash per trigram
    peaks = []
    tracemalloc.start()
    try:
        for _ in range(15):
            texts = _texts(rng, 80)  # 80 new words: made vectorised, ~960 new trigrams (~0.4 MB kept)
            before = tracemalloc.get_traced_memory()[0]
            tracemalloc.reset_peak()
            embed_levels(texts, 32, model=MODEL)
            peaks.append(tracemalloc.get_traced_memory()[1] - before)
    finally:
        tracemalloc.stop()
    assert statistics.median(peaks) < kept / 4, peaks  # (copied whole: 17 bytes a trigram)


def test_trigrams_kept_over_many_batches_give_the_reference_vectors(empty_vocabulary):
    rng = random.Random(12)
    batches = [_texts(rng, rng.choice([64, 80, 200, 800])) for _ in range(25)]
    for texts in batches:
        embed_levels(texts, 48, model=MODEL)
    again = [text for texts in batches[::5] for text in texts[:4]]  # trigrams from runs of every age
    again.append(" ".join(text.split()[0] + "中" for text in again) + " 日本語")  # known trigrams in new words
    for row, text in zip(embed_levels(again, 48, model=MODEL), again):
        assert row.tolist() == reference(text, 48, MODEL)
