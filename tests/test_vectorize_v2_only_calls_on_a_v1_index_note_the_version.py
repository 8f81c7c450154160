"""A v1 index refuses v2's calls with production's texts (``Invalid returnMetadata option.
Expected boolean; got: all``, ``QueryById operation is not supported for v1 indexes.``); the
likely cause is a definition without ``version = "v2"`` (v1 by default, while every index created
today is v2), so the error keeps its text and gains a note saying so. A non-boolean that is no
v2 value either gets no note."""

from __future__ import annotations

import asyncio

import pytest

from workers_env import VectorizeError, load_env

WRANGLER = '[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'
#: written out, not imported: a test comparing with the constant would move with it
V1_INDEX_NOTE = (
    'workers-env: this index is v1 -- a definition without version = "v2" is v1, while every index created today '
    '(and by workers-env vectorize create) is v2: add version = "v2" to its definition if the real index is v2'
)


def _v1(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    return load_env(tmp_path, indexes={"docs": {"dimensions": 3, "metric": "cosine"}})  # no version: v1


@pytest.mark.parametrize("value", ["all", "indexed", "none"])
def test_a_v2_return_metadata_on_v1_notes_the_version(tmp_path, value):
    env = _v1(tmp_path)
    with pytest.raises(VectorizeError) as info:
        asyncio.run(env.VECTORIZE.query([1, 0, 0], topK=1, returnMetadata=value))
    assert str(info.value) == f"Error: Invalid returnMetadata option. Expected boolean; got: {value}"
    assert info.value.__notes__ == [f'{V1_INDEX_NOTE}, or pass returnMetadata=True on v1 ("{value}" is v2\'s)']


def test_query_by_id_on_v1_notes_the_version(tmp_path):
    env = _v1(tmp_path)
    with pytest.raises(VectorizeError) as info:
        asyncio.run(env.VECTORIZE.queryById("a"))
    assert str(info.value) == "Error: QueryById operation is not supported for v1 indexes."
    assert info.value.__notes__ == [V1_INDEX_NOTE]


def test_another_non_boolean_gets_no_note(tmp_path):
    env = _v1(tmp_path)
    with pytest.raises(VectorizeError) as info:
        asyncio.run(env.VECTORIZE.query([1, 0, 0], topK=1, returnMetadata="yes"))
    assert not hasattr(info.value, "__notes__")

