"""ASCII batches look their words up by their bytes in a numpy table in front of the id
dictionary: every word gets the vector of the slow reference whatever its length (8, 9, 16 and
17 bytes sit on the table's key boundaries), whether it was first met in an ASCII text, a
non-ASCII one or the same batch, and however often the table grew meanwhile."""

from __future__ import annotations

import random
import string
from typing import Any

import numpy as np
from test_ai_embedder_determinism import reference

from workers_env.ai.embedder import _AsciiIds, embed_levels

MODEL = "@cf/test/ascii-lookup"


def _word(rng: random.Random, length: int) -> str:
    return "".join(rng.choice(string.ascii_lowercase + string.digits + "_") for _ in range(length))


def _check(texts: list[str], d: int = 96) -> None:
    fast = embed_levels(texts, d, model=MODEL)
    for i, text in enumerate(texts):
        assert fast[i].tolist() == reference(text, d, MODEL), text


def test_words_on_the_key_length_boundaries_match_the_reference():
    rng = random.Random(1)
    lengths = [1, 2, 7, 8, 9, 15, 16, 17, 24, 40]
    words = [_word(rng, n) for n in lengths for _ in range(3)]
    texts = [" ".join(rng.sample(words, 6)) for _ in range(12)]
    _check(texts)
    _check(texts)  # the second time every word is found in the table
    _check([w.upper() + "!" for w in words])  # case and punctuation: the same keys


def test_a_word_first_met_in_a_non_ascii_text_is_found_in_an_ascii_one():
    rng = random.Random(2)
    words = [_word(rng, n) for n in (5, 8, 12, 16, 20)]
    _check([" ".join(words) + " café"])  # the dictionary learns them (regular-expression path)
    _check([" ".join(reversed(words))])  # the table misses them, the dictionary answers


def test_the_table_growing_many_times_keeps_every_id():
    rng = random.Random(3)
    seen: list[str] = []
    for _ in range(6):  # 6 x 1,500 new words: the table doubles several times
        fresh = [_word(rng, rng.randint(3, 18)) for _ in range(1500)]
        seen += fresh
        batch = [" ".join(fresh[i : i + 30]) for i in range(0, len(fresh), 30)]
        embed_levels(batch, 64, model=MODEL)
    sample = rng.sample(seen, 200)
    _check([" ".join(sample[i : i + 8]) for i in range(0, len(sample), 8)], d=64)


def test_repeated_new_words_and_separators_in_one_batch():
    rng = random.Random(4)
    w = _word(rng, 11)
    _check([f"{w} {w} {w}", "", w, f"{w}\x00{w}", "  ", f"_{w}_ {w}9"])


def test_words_differing_only_in_one_byte_or_in_length_stay_apart():
    base = "abcdefghijklmnopqrs"
    words = [base[:n] for n in range(1, 19)]  # every prefix: 1 to 18 bytes
    for i in range(18):  # the same 18 bytes but one, at every position
        words.append(base[:i] + "9" + base[i + 1 : 18])
    texts = [" ".join(words[i : i + 5]) for i in range(0, len(words), 5)]
    _check(texts)
    _check(texts[::-1])
    _check([" ".join(reversed(t.split())) for t in texts])


def test_placing_keys_already_in_the_table_adds_only_the_new_ones():
    """The vectorised placement (used from 1,024 new words on) skips a key another thread
    placed meanwhile: every key ends up in the table once, with its id."""
    rng = np.random.default_rng(6)
    keys = rng.integers(1, 2**63, size=(3000, 2), dtype=np.int64).astype(np.uint64)
    ids = np.arange(3000, dtype=np.intp)
    table = _AsciiIds()
    table_k1, table_k2, table_ids = table._empty(8192)
    table._place(table_k1, table_k2, table_ids, keys[:2000, 0], keys[:2000, 1], ids[:2000])
    assert table._count == 2000
    table._place(table_k1, table_k2, table_ids, keys[1000:, 0], keys[1000:, 1], ids[1000:])  # 1,000 already there
    assert table._count == 3000
    filled = table_ids >= 0
    assert sorted(table_ids[filled].tolist()) == list(range(3000))  # each key once
    placed = {(a, b): i for a, b, i in zip(table_k1[filled].tolist(), table_k2[filled].tolist(), table_ids[filled].tolist())}
    assert placed == {(a, b): i for (a, b), i in zip(keys.tolist(), ids.tolist())}


def _keys(words: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Each ASCII word's two table keys: its first and next 8 bytes, little-endian, zero-padded."""
    raw = [w.encode("ascii").ljust(16, b"\0") for w in words]
    return (np.array([int.from_bytes(k[:8], "little") for k in raw], dtype=np.uint64),
            np.array([int.from_bytes(k[8:], "little") for k in raw], dtype=np.uint64))


def _filled(words: list[str], size: int) -> tuple[_AsciiIds, np.ndarray, list[int]]:
    """A table of ``size`` slots holding ``words`` (their dictionary ids), placed one by one; the
    ids and how many slots past its home each word sits."""
    from workers_env.ai.embedder import _VOCABULARY

    table = _AsciiIds()
    table_k1, table_k2, table_ids = table._empty(size)
    k1, k2 = _keys(words)
    ids = np.array(_VOCABULARY.ids_of(words), dtype=np.intp)
    homes = table._home(k1, k2, size - 1)
    table._probe_each(table_k1, table_k2, table_ids, k1, k2, ids, homes)
    table._table = (table_k1, table_k2, table_ids)
    at = {int(k): slot for slot, k in enumerate(table_k1.tolist()) if table_ids[slot] >= 0}
    return table, ids, [(at[int(a)] - int(h)) % size for a, h in zip(k1.tolist(), homes.tolist())]


def test_words_far_from_their_home_slot_are_found_and_misses_past_long_runs_are_missed():
    """A look-up reads a word's home slot, then a window of slots at once for the few words not
    there: in a table nearly full, some words sit more than a window past home (read in a second
    window), and a word that is not in the table is missed at the first empty slot after its run."""
    from workers_env.ai.embedder import _VOCABULARY, _WINDOW

    rng = random.Random(7)
    words = list(dict.fromkeys(_word(rng, rng.randint(3, 16)) for _ in range(61)))[:60]
    absent = [w for w in (_word(rng, 10) for _ in range(40)) if w not in words][:20]
    table, ids, distance = _filled(words, 64)
    assert max(distance) > len(_WINDOW)  # (some word needs a second window)
    assert 0 in distance and any(0 < d <= len(_WINDOW) for d in distance)
    raw = " ".join(words + absent).encode("ascii")
    found = table.lookup(raw).tolist()
    assert found[: len(words)] == ids.tolist()
    assert found[len(words) :] == [_VOCABULARY.ids[w] for w in absent]  # missed here, the dictionary answers
    _check([" ".join(words[i : i + 10] + absent[i // 10 : i // 10 + 3]) for i in range(0, 60, 10)])


def _one_slot_probe(table: tuple[np.ndarray, np.ndarray, np.ndarray], a: int, b: int, slot: int) -> int | None:
    """The slow reference: linear probing one slot at a time, from home to the key or an empty slot."""
    table_k1, table_k2, table_ids = table
    while table_ids[slot] >= 0:
        if int(table_k1[slot]) == a and int(table_k2[slot]) == b:
            return int(table_ids[slot])
        slot = (slot + 1) & (len(table_ids) - 1)
    return None


def _recording(monkeypatch) -> tuple[list[str], Any]:
    """The words the id dictionary is asked for from now on (recorded in the list returned), and
    the dictionary itself."""
    from workers_env.ai import embedder

    asked: list[str] = []
    vocabulary = embedder._VOCABULARY

    class Recording:
        def ids_of(self, tokens: list[str]) -> list[int]:
            asked.extend(tokens)
            return vocabulary.ids_of(tokens)

    monkeypatch.setattr(embedder, "_VOCABULARY", Recording())
    return asked, vocabulary


def test_the_window_finds_and_misses_exactly_what_a_one_slot_probe_does(monkeypatch):
    """The look-up's home slot then 16-slot windows find every word a one-slot-at-a-time probe
    finds and miss the others, in a table nearly full (words up to 48 slots past home): a word
    the table holds is never sent to the dictionary (which would give its id just the same, so
    the ids alone cannot tell a skipped slot)."""
    rng = random.Random(200)  # (a seed whose table has the shape asserted below under _home)
    words = list(dict.fromkeys(_word(rng, rng.randint(3, 16)) for _ in range(260)))[:250]
    absent = [w for w in (_word(rng, 9) for _ in range(120)) if w not in words][:100]
    table, ids, distance = _filled(words, 256)
    assert set(range(24)) <= set(distance) and max(distance) > 1 + 2 * 16  # home, every slot of the first window, a third window
    k1, k2 = _keys(words + absent)
    homes = table._home(k1, k2, 255)
    expected = [_one_slot_probe(table._table, a, b, h) for a, b, h in zip(k1.tolist(), k2.tolist(), homes.tolist())]
    assert expected == ids.tolist() + [None] * len(absent)

    asked, vocabulary = _recording(monkeypatch)
    monkeypatch.setattr(table, "_add", lambda *args: None)  # the table stays as placed
    found = table.lookup(" ".join(words + absent).encode("ascii")).tolist()
    assert sorted(asked) == sorted(absent)  # exactly the one-slot probe's misses (asked round by round)
    assert found == vocabulary.ids_of(words + absent) and found[: len(words)] == ids.tolist()


def test_words_a_batch_missed_are_found_in_the_table_by_the_next(monkeypatch):
    """A word the dictionary answered is added under the keys the look-up reads (its first and
    next 8 bytes, the bytes past it masked off), so the next batch finds it without asking: every
    length up to the 16-byte keys, words that are prefixes of each other, few and many at once
    (one by one, and the vectorised placing from 256 on). Its ids alone could not tell: a word
    added under wrong keys is missed and asked again, with the same id (review67)."""
    asked, vocabulary = _recording(monkeypatch)
    rng = random.Random(67)
    prefixes = ["abcdefghijklmnop"[:n] for n in range(1, 17)]
    for count in (20, 300):
        words = list(dict.fromkeys(prefixes + [_word(rng, rng.randint(1, 16)) for _ in range(count)]))
        table = _AsciiIds()
        raw = " ".join(words).encode("ascii")
        first = table.lookup(raw).tolist()
        assert sorted(asked) == sorted(words)
        asked.clear()
        assert table.lookup(raw).tolist() == first == vocabulary.ids_of(words)
        assert asked == []  # every word found in the table
