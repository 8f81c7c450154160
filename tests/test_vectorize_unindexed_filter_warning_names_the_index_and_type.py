"""The ``UnindexedFilterWarning`` of a v2 filter on a property without a metadata index says how
to create one with a command that runs as written: the index's own name (not ``<index>``) and
the type the filter's value needs -- a ``number`` index for ``{"$lt": 100}``, a ``boolean`` one
for ``true``: the ``string`` index it used to suggest for every filter would hold no number, and
the filter would still match nothing."""

from __future__ import annotations

import pytest

from workers_env import UnindexedFilterWarning, load_env

CONFIG = '[[vectorize]]\nbinding = "V"\nindex_name = "vector-index"\n'
DEFINITION = {"vector-index": {"dimensions": 3, "metric": "cosine", "version": "v2"}}


@pytest.mark.asyncio
@pytest.mark.parametrize(("value", "type_"), [
    ("notes", "string"),
    ({"$lt": 100}, "number"),
    ({"$gte": 1.5, "$lt": 9}, "number"),
    (True, "boolean"),
    ({"$in": [1, 2]}, "number"),
    ({"$nin": ["a", "b"]}, "string"),
])
async def test_the_suggested_command_names_the_index_and_the_type_the_value_needs(tmp_path, value, type_):
    (tmp_path / "wrangler.toml").write_text(CONFIG)
    env = load_env(tmp_path / "wrangler.toml", indexes=DEFINITION)
    await env.V.upsert([{"id": "a", "values": [1.0, 0.0, 0.0], "metadata": {"k": "notes"}}])
    with pytest.warns(UnindexedFilterWarning) as record:
        res = await env.V.query([1.0, 0.0, 0.0], {"topK": 1, "filter": {"k": value}})
    assert res.count == 0  # production's silent nothing, unchanged
    text = str(record[0].message)
    assert f"`workers-env vectorize create-metadata-index vector-index --property-name=k --type={type_}`" in text
    assert f'"metadata_indexes": {{"k": "{type_}"}}' in text
