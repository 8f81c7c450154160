"""The default embedder gives the slow pure-Python reference's vectors, level for level, on
varied texts (ASCII and not, stopwords, plurals, long tokens, empty texts, a NUL), however its
words reach it: all new in one big batch (their features made vectorised), new a few at a time
(made word by word), or already known. Each case starts from an empty vocabulary, as a process
does, so "new" means new whatever ran before."""

from __future__ import annotations

import random
import string

import pytest
from test_ai_embedder_determinism import reference

from workers_env.ai import embedder
from workers_env.ai.embedder import STOPWORDS, embed_levels

MODEL = "@cf/test/however-words-arrive"
_UNICODE = "éèêàçœßÆøΩδσςжЖ中文日本語のｆｕｌﬁ²١İıǅ\u0301"


def _word(rng: random.Random) -> str:
    kind = rng.random()
    if kind < 0.15:
        return rng.choice(sorted(STOPWORDS)).upper() if rng.random() < 0.3 else rng.choice(sorted(STOPWORDS))
    pool = (string.ascii_lowercase if kind < 0.55 else string.ascii_letters + string.digits + "_" if kind < 0.75
            else string.ascii_lowercase + _UNICODE)
    length = rng.choice([1, 2, 3, 4, 5, 7, 8, 9, 12, 16, 17, 30, 70])
    return "".join(rng.choice(pool) for _ in range(length)) + rng.choice(["", "", "", "s", "ies", "ss", "us", "is"])


def _texts(seed: int) -> list[str]:
    rng = random.Random(seed)
    texts = [rng.choice([" ", ", ", "! ", "\n", " -- "]).join(_word(rng) for _ in range(rng.choice([1, 3, 12, 40])))
             for _ in range(40)]
    return texts + ["", "x" * 300 + " " + "ab" * 500, "Straße, CAFÉ and ｆｕｌｌｗｉｄｔｈ", "a\x00b NUL inside", "数字 123 日本語"]


@pytest.fixture
def empty_vocabulary(monkeypatch):
    """The embedder as a fresh process has it: no word, trigram or projection seen yet."""
    monkeypatch.setattr(embedder, "_VOCABULARY", embedder._Vocabulary())
    monkeypatch.setattr(embedder, "_ASCII_IDS", embedder._AsciiIds())
    monkeypatch.setattr(embedder, "_PROJECTIONS", {})


def _check(rows, texts: list[str], d: int, max_words: int | None = None) -> None:
    for row, text in zip(rows, texts):
        assert row.tolist() == reference(text, d, MODEL, max_words=max_words), text[:40]


@pytest.mark.parametrize("seed", [1, 2])
def test_every_word_new_in_one_batch(empty_vocabulary, seed):
    texts = _texts(seed)
    assert len(set(" ".join(texts).split())) > 4 * embedder._VECTORISE_FROM  # the batch's new words go vectorised
    _check(embed_levels(texts, 256, model=MODEL), texts, 256)


@pytest.mark.parametrize("seed", [3, 4])
def test_words_new_a_few_at_a_time(empty_vocabulary, seed):
    texts = _texts(seed)
    for text in texts:
        _check(embed_levels([text], 96, model=MODEL), [text], 96)


def test_known_words_and_a_word_window(empty_vocabulary):
    texts = _texts(5)
    first = embed_levels(texts, 128, model=MODEL)
    again = embed_levels(texts[::-1], 128, model=MODEL)[::-1]
    assert (first == again).all()
    _check(first, texts, 128)
    _check(embed_levels(texts, 128, model=MODEL, max_words=7), texts, 128, max_words=7)


def test_words_first_met_few_then_many_and_the_reverse(empty_vocabulary):
    few, many = _texts(6)[:3], _texts(7)
    for text in few:  # these words made word by word first ...
        embed_levels([text], 64, model=MODEL)
    batch = many + few  # ... then met again beside many new ones, whose trigrams they share
    _check(embed_levels(batch, 64, model=MODEL), batch, 64)
    extra = [_texts(8)[0]]
    _check(embed_levels(extra, 64, model=MODEL), extra, 64)


def test_the_sums_are_the_same_with_or_without_a_fast_add_at(monkeypatch):
    """Cells are summed by ``np.add.at`` into a reused array where numpy makes that a plain loop
    (1.25 on), by ``np.bincount`` before: the same additions in the same order."""
    texts = _texts(9)
    fast = embed_levels(texts, 192, model=MODEL)
    monkeypatch.setattr(embedder, "_FAST_ADD_AT", not embedder._FAST_ADD_AT)
    assert (embed_levels(texts, 192, model=MODEL) == fast).all()
    _check(fast, texts, 192)


def test_trigrams_hashed_for_many_new_words_are_not_hashed_again_for_a_few(empty_vocabulary, monkeypatch):
    many = _texts(10)
    embed_levels(many, 64, model=MODEL)  # many new words: their trigrams hashed vectorised
    # words whose trigrams were hashed there (plain lower-case words, no plural to strip)
    known = {word for text in many for word in text.split() if word.isascii() and word.isalpha()
             and word.islower() and len(word) >= 3 and word not in STOPWORDS and not word.endswith("s")}
    few = [word[:-1] + "q" + word[-1] for word in sorted(known) if len(word) >= 4][:5]  # new words, known trigrams mostly
    hashed: list[str] = []
    real = embedder._h64_array

    def spy(prefix: str, items: list[str]):
        hashed.extend(prefix + item for item in items)
        return real(prefix, items)

    monkeypatch.setattr(embedder, "_h64_array", spy)
    text = " ".join(few)
    _check(embed_levels([text], 64, model=MODEL), [text], 64)  # a few new words: made word by word

    def trigrams(words):
        return {f"<{w}>"[i : i + 3] for w in words for i in range(len(w))}

    hashed_grams = {h[2:] for h in hashed if h.startswith("c\x1f")}
    assert hashed_grams and hashed_grams <= trigrams(few) - trigrams(known)  # only the ones never met
