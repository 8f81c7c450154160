"""The rows ``run()`` returns are the default embedder's levels as JS numbers reach Python:
exactly ``level / LEVELS`` for every component (negative ones too), whatever order the
vocabulary learnt its words in, also when threads teach it new words at the same time."""

from __future__ import annotations

import random
import string
import threading

import numpy as np
import pytest
from ai_helpers import ai_env, run

from workers_env._jsvalues import js_number
from workers_env.ai.embedder import LEVELS, embed_levels

BGE = "@cf/baai/bge-base-en-v1.5"


def _words(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(string.ascii_lowercase) for _ in range(rng.randint(3, 12))) for _ in range(count)]


def test_rows_are_the_levels_over_levels_as_floats(tmp_path):
    rng = random.Random(5)
    texts = [" ".join(_words(rng, 40)) for _ in range(20)] + ["x", "The cat sat on the mat."]
    res = run(ai_env(tmp_path), BGE, {"text": texts})
    levels = embed_levels(texts, 768, model=BGE, variant="mean", max_words=512)
    slow = [[js_number(level / LEVELS) for level in row] for row in levels.tolist()]
    assert res.data == slow
    assert [list(map(type, row)) for row in res.data] == [list(map(type, row)) for row in slow]
    assert 1 in res.data[-2] or -1 in res.data[-2]  # "x" alone: one feature, a whole component
    flat = np.array(res.data)
    assert (flat < -0.01).any() and (flat > 0.01).any()  # both signs of the table are exercised


def test_threads_teaching_new_words_at_once_get_the_vectors_of_a_quiet_run(tmp_path):
    env = ai_env(tmp_path)
    rng = random.Random(11)
    batches = [[" ".join(_words(rng, 30)) for _ in range(20)] for _ in range(8)]
    got: dict[int, list] = {}
    errors: list[BaseException] = []

    def work(i: int) -> None:
        try:
            got[i] = run(env, BGE, {"text": batches[i]}).data
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(i,)) for i in range(len(batches))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for i, batch in enumerate(batches):  # every word known now: each text alone, one at a time
        assert got[i] == [run(env, BGE, {"text": text}).data[0] for text in batch]


def test_the_table_of_shared_numbers_is_every_level_over_levels():
    """The binding's table (built in numpy) against one ``js_number(level / LEVELS)`` per entry:
    the same values and types (the whole ones ``int``), and one object per distinct level."""
    from workers_env.ai.binding import _level_table
    from workers_env.ai.embedder import INDEX_LEVELS

    table = _level_table().tolist()
    slow = [js_number(level / LEVELS) for level in INDEX_LEVELS.tolist()]
    assert table == slow
    assert list(map(type, table)) == list(map(type, slow))
    assert sum(type(x) is int for x in table) == 4  # +-1 in each half
    assert len({id(x) for x in table}) == len(set(INDEX_LEVELS.tolist()))


@pytest.mark.parametrize("by_bits", [True, False])
def test_levels_become_indices_as_rint_rounds_them_ties_to_even(monkeypatch, by_bits):
    """``embed_indices`` rounds by adding 1.5 * 2**52 and reading the sum's bits: the same
    indices as ``np.rint`` plus the column's offset, ties to even, -0.0 and the extremes too;
    and so does its path for a 32-bit ``np.intp`` (no bits trick), forced here."""
    from workers_env.ai import embedder
    from workers_env.ai.embedder import _indices, _projection

    if not by_bits:
        monkeypatch.setattr(embedder, "_ROUND_BY_BITS", False)

    projection = _projection(BGE, "mean", 768)
    rng = np.random.default_rng(3)
    special = [-0.0, 0.0, 0.5, -0.5, 1.5, -1.5, 2.5, -2.5, 0.49999999999999994, -0.49999999999999994,
               32767.5, -32767.5, float(LEVELS), -float(LEVELS), 1e-300, -1e-300]
    scaled = rng.uniform(-LEVELS, LEVELS, size=(40, 768))
    scaled[:, : len(special)] = special
    scaled[1] = np.round(scaled[1]) + 0.5  # every tie
    expected = (np.rint(scaled) + projection.index_offset).astype(np.intp)
    got = _indices(scaled.copy(), projection)
    assert got.dtype == np.intp
    assert got.tolist() == expected.tolist()
