"""Vectors written before a v2 metadata index are not in it (as on the service, which says
nothing): a filter on the property cannot match them until they are written again. workers-env
says so with an ``UnindexedFilterWarning`` where it is exact and cheap -- when a definition's
``metadata_indexes`` adds the index to persisted state already holding vectors (``load_env``,
the fixtures, ``workers-env dev``), and at query time, counting the vectors that carry the
property but predate its index (the state keeps each row's write and each index's creation) --
and stays silent once they are written again, or when the index came first."""

from __future__ import annotations

import asyncio
import json
import warnings
from pathlib import Path

import pytest

from workers_env import UnindexedFilterWarning, load_env
from workers_env.cli import main

WRANGLER = '[[vectorize]]\nbinding = "V"\nindex_name = "docs"\n'
DEFINITION = '[tool.workers-env.indexes.docs]\ndimensions = 2\nmetric = "cosine"\nversion = "v2"\n'
WITH_PRICE = DEFINITION + 'metadata_indexes = { price = "number" }\n'
VECTORS = [
    {"id": "a", "values": [1, 0], "metadata": {"price": 3}},
    {"id": "b", "values": [1, 0.1], "metadata": {"price": 4}},
    {"id": "c", "values": [0, 1]},  # no price: nothing a filter on it could miss
]
CHEAP = {"topK": 3, "filter": {"price": {"$lt": 5}}}


def project(tmp_path: Path, definition: str) -> Path:
    tmp_path.mkdir(exist_ok=True)
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(definition)
    return tmp_path


def filled_without_the_index(tmp_path: Path) -> Path:
    with load_env(project(tmp_path, DEFINITION), persist_to=tmp_path / "st") as env:
        asyncio.run(env.V.upsert(VECTORS))
    (tmp_path / "pyproject.toml").write_text(WITH_PRICE)
    return tmp_path


def messages(caught: list[warnings.WarningMessage]) -> list[str]:
    return [str(w.message) for w in caught if issubclass(w.category, UnindexedFilterWarning)]


def test_a_definitions_metadata_index_added_to_filled_state_warns_once(tmp_path: Path) -> None:
    filled_without_the_index(tmp_path)
    with pytest.warns(UnindexedFilterWarning) as caught:
        env = load_env(tmp_path, persist_to=tmp_path / "st")
    state = tmp_path / "st" / "v3" / "vectorize" / "workers-env-vectorize.sqlite"
    assert messages(caught) == [
        f"index 'docs' already holds 3 vectors, written before the metadata index on 'price' its definition adds now "
        f"(in {state}) and so not in it: a filter on 'price' matches none of them until they are written again, "
        "e.g. workers-env vectorize upsert docs --file <your NDJSON>"]
    assert caught[0].filename == __file__  # the caller's line
    env.close()
    with warnings.catch_warnings(record=True) as again:
        warnings.simplefilter("always")
        load_env(tmp_path, persist_to=tmp_path / "st").close()  # the index exists now: nothing to say
    assert messages(again) == []


def test_an_empty_index_gets_its_metadata_index_silently(tmp_path: Path) -> None:
    with load_env(project(tmp_path, DEFINITION), persist_to=tmp_path / "st"):
        pass
    (tmp_path / "pyproject.toml").write_text(WITH_PRICE)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        load_env(tmp_path, persist_to=tmp_path / "st").close()
    assert messages(caught) == []


@pytest.mark.filterwarnings("ignore:index 'docs' already holds")
def test_a_filter_names_the_vectors_its_index_leaves_out_until_they_are_written_again(tmp_path: Path) -> None:
    filled_without_the_index(tmp_path)
    with load_env(tmp_path, persist_to=tmp_path / "st") as env:
        with pytest.warns(UnindexedFilterWarning) as caught:
            assert asyncio.run(env.V.query([1, 0], CHEAP)).count == 0
        assert messages(caught) == [
            "filter on 'price' cannot match 2 vectors of index 'docs' that carry 'price': written before its "
            "metadata index was created, they are not in it until written again (upsert them again, e.g. "
            "workers-env vectorize upsert docs --file <your NDJSON>)"]
        asyncio.run(env.V.upsert(VECTORS[:1]))  # one written again: it is in the index, one is left
        with pytest.warns(UnindexedFilterWarning, match="cannot match 1 vector of index 'docs' that carries"):
            assert [m.id for m in asyncio.run(env.V.query([1, 0], CHEAP)).matches] == ["a"]
        asyncio.run(env.V.deleteByIds(["b"]))  # the other gone: nothing left out, nothing said
        with warnings.catch_warnings(record=True) as none:
            warnings.simplefilter("always")
            assert [m.id for m in asyncio.run(env.V.query([1, 0], CHEAP)).matches] == ["a"]
        assert messages(none) == []


def test_an_index_made_before_the_data_and_a_mistyped_filter_get_no_such_warning(tmp_path: Path) -> None:
    with load_env(project(tmp_path, WITH_PRICE), persist_to=tmp_path / "st") as env:
        asyncio.run(env.V.upsert(VECTORS))
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            assert asyncio.run(env.V.query([1, 0], CHEAP)).count == 2
        assert messages(caught) == []
    filled = filled_without_the_index(tmp_path / "older")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        env = load_env(filled, persist_to=filled / "st")
    with pytest.warns(UnindexedFilterWarning) as caught:  # the type mismatch is the one thing said
        asyncio.run(env.V.query([1, 0], {"topK": 3, "filter": {"price": {"$lt": "5"}}}))
    assert [m.split(":")[0] for m in messages(caught)] == ["filter on 'price' matches no vector"]
    env.close()


def test_the_cli_query_says_it_on_its_own_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    state = ["--persist-to", str(tmp_path / "st")]
    nd = tmp_path / "v.ndjson"
    nd.write_text("".join(json.dumps(v) + "\n" for v in VECTORS))
    assert main(["vectorize", "create", "docs", "--dimensions", "2", "--metric", "cosine", *state]) == 0
    assert main(["vectorize", "insert", "docs", "--file", str(nd), *state]) == 0
    assert main(["vectorize", "create-metadata-index", "docs", "--property-name", "price", "--type", "number", *state]) == 0
    capsys.readouterr()
    assert main(["vectorize", "query", "docs", "--vector", "1", "0", "--filter", '{"price": {"$lt": 5}}', *state]) == 0
    out, err = capsys.readouterr()
    assert out == "📋 Searching for relevant vectors...\n"
    assert err.endswith("(workers-env: filter on 'price' cannot match 2 vectors of index 'docs' that carry 'price': "
                        "written before its metadata index was created, they are not in it until written again "
                        "(upsert them again, e.g. workers-env vectorize upsert docs --file <your NDJSON>))\n")
    assert "Could not find any relevant vectors" in err
