"""The embedder's 64-bit hash arithmetic (splitmix64's finaliser, word pairs, the ASCII table's
home slots) overflows on purpose and runs without ``np.errstate``: numpy wraps integer arrays
silently and warns only for its scalars. With every warning an error, new words a few at a time
and many at once -- each multiplication past 2**64 -- still give the slow reference's vectors."""

from __future__ import annotations

import warnings

import pytest
from test_ai_embedder_determinism import reference

from workers_env.ai import embedder
from workers_env.ai.embedder import embed_levels

MODEL = "@cf/test/wrapping-hashes"


@pytest.fixture
def empty_vocabulary(monkeypatch):
    monkeypatch.setattr(embedder, "_VOCABULARY", embedder._Vocabulary())
    monkeypatch.setattr(embedder, "_ASCII_IDS", embedder._AsciiIds())
    monkeypatch.setattr(embedder, "_PROJECTIONS", {})


def test_new_words_few_and_many_embed_with_warnings_as_errors(empty_vocabulary):
    few = ["zebra quokka", "quokka zebra axolotl", "the numbat"]
    many = [" ".join(f"w{i}x{j}" for j in range(9)) for i in range(12)]  # 108 new words: vectorised
    assert len(set(" ".join(many).split())) >= embedder._VECTORISE_FROM
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        rows = [embed_levels([text], 64, model=MODEL)[0] for text in few]
        rows += list(embed_levels(many + few, 64, model=MODEL))
    for row, text in zip(rows, few + many + few):
        assert row.tolist() == reference(text, 64, MODEL), text
