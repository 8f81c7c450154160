"""A batch of 63, 64 or 65 new words -- just under and over the count from which their features
are made vectorised -- gives the slow reference's vectors, with words of one and two characters
(no trigrams), letters outside the Basic Multilingual Plane (four UTF-8 bytes, one code point),
combining marks, a NUL and the same new word twice in the batch."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from test_ai_embedder_determinism import reference

from workers_env.ai import embedder
from workers_env.ai.embedder import embed_levels

MODEL = "@cf/test/vectorising-threshold"
#: letters beyond U+FFFF (Gothic, Old Italic, CJK Extension B, Osage, mathematical Fraktur), a
#: combining mark that composes under NFKC and one that does not, Greek, digits
_PIECES = ["𐌰", "𐍈", "𐌀", "𠀀", "𪜀", "𐓘", "𝔘", "e\u0301", "a\u20dd", "ß", "σ", "7", "q", "zz", "é"]


def _words(n: int, salt: int) -> list[str]:
    """``n`` new words of 1 to 6 pieces, distinct as the embedder reads them (one word each)."""
    rng = random.Random(salt)
    words: dict[str, str] = {}  # as read -> as written
    while len(words) < n:
        word = "".join(rng.choice(_PIECES) for _ in range(rng.randint(1, 6)))
        read = re.findall(r"\w+", unicodedata.normalize("NFKC", word).casefold())
        if len(read) == 1 and read[0] not in words:
            words[read[0]] = word
    return list(words.values())


@pytest.fixture
def empty_vocabulary(monkeypatch):
    monkeypatch.setattr(embedder, "_VOCABULARY", embedder._Vocabulary())
    monkeypatch.setattr(embedder, "_ASCII_IDS", embedder._AsciiIds())
    monkeypatch.setattr(embedder, "_PROJECTIONS", {})


@pytest.mark.parametrize("n", [63, 64, 65])
def test_new_words_either_side_of_the_threshold_give_the_reference(empty_vocabulary, monkeypatch, n):
    vectorised: list[int] = []
    real = embedder._Vocabulary._features_of_many

    def spy(self, tokens, words, unigrams):
        vectorised.append(len(tokens))
        return real(self, tokens, words, unigrams)

    monkeypatch.setattr(embedder._Vocabulary, "_features_of_many", spy)
    words = _words(n, salt=n)
    texts = [" ".join(words[i : i + 9]) for i in range(0, n, 9)]
    texts += [words[0] + " \x00 " + words[0], f"{words[1]} {words[1]}"]  # new words again; a NUL inside a text
    rows = embed_levels(texts, 96, model=MODEL)
    assert vectorised == ([] if n < embedder._VECTORISE_FROM else [n])
    for row, text in zip(rows, texts):
        assert row.tolist() == reference(text, 96, MODEL), text
