"""PersistentIndex through the binding: reopening, metadata-index seqs, two connections."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from workers_env import StateError, UnindexedFilterWarning, VectorizeError
from workers_env.vectorize.binding import VectorizeBinding
from workers_env.vectorize.definitions import IndexDefinition
from workers_env.vectorize.index import VectorBatch
from workers_env.vectorize.persistent import (
    PersistentIndex,
    default_persist_to,
    open_state,
)

V2 = IndexDefinition(dimensions=3, metric="cosine", version="v2")
V1 = IndexDefinition(dimensions=3, metric="euclidean", version="v1")


def run(coro: Any) -> Any:
    return asyncio.run(coro)


def bind(store: Any, name: str = "idx", definition: IndexDefinition | None = V2) -> VectorizeBinding:
    return VectorizeBinding(store.open_index(name, definition))


def vec(vid: str, values: list[float], **extra: Any) -> dict[str, Any]:
    return {"id": vid, "values": values, **extra}


def ids_of(result: Any) -> list[str]:
    return [m["id"] for m in result["matches"]]


def test_state_survives_reopening(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        b = bind(store)
        run(b.upsert([vec("a", [1, 0, 0], metadata={"k": "x", "n": 1.5}), vec("b", [0, 1, 0], namespace="ns")]))
        run(b.insert([vec("c", [0, 0, 1]), vec("a", [9, 9, 9])]))  # "a" exists: skipped
        mutation = run(b.deleteByIds(["c"]))["mutationId"]
        before = run(b.getByIds(["a", "b"]))
        described = run(b.describe())
    with open_state(tmp_path) as store:
        b = bind(store, definition=None)
        assert run(b.getByIds(["a", "b", "c"])) == before
        assert before[0]["values"] == [1, 0, 0] and before[0]["metadata"] == {"k": "x", "n": 1.5}
        assert before[1]["namespace"] == "ns"
        again = run(b.describe())
        assert again == described and again["processedUpToMutation"] == mutation
        assert ids_of(run(b.query([1, 0, 0], topK=5))) == ["a", "b"]
        assert ids_of(run(b.query([1, 0, 0], namespace="ns"))) == ["b"]


def test_v1_describe_keeps_its_index_id_across_reopening(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        first = run(bind(store, definition=V1).describe())
    with open_state(tmp_path) as store:
        second = run(bind(store, definition=None).describe())
    assert first == second and first["config"] == {"dimensions": 3, "metric": "euclidean"}


def test_values_come_back_as_the_stored_float32(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        run(bind(store).upsert([vec("a", [0.2321, 1e-7, -3.4028234663852886e38])]))
    with open_state(tmp_path) as store:
        got = run(bind(store, definition=None).getByIds(["a"]))[0]["values"]
    assert got == [0.2321, 1e-7, -3.4028235e38]


def test_metadata_index_membership_survives_a_restart(tmp_path: Path) -> None:
    """Vectors written before a metadata index exists stay out of it, also after reopening."""
    with open_state(tmp_path) as store:
        b = bind(store)
        run(b.upsert([vec("old", [1, 0, 0], metadata={"k": "x"})]))
        store.open_index("idx").create_metadata_index("k", "string")
        run(b.upsert([vec("new", [1, 0, 0], metadata={"k": "x"})]))
        with pytest.warns(UnindexedFilterWarning, match="cannot match 1 vector of index 'idx' that carries 'k'"):
            assert ids_of(run(b.query([1, 0, 0], filter={"k": "x"}))) == ["new"]
    with open_state(tmp_path) as store:
        b = bind(store, definition=None)
        with pytest.warns(UnindexedFilterWarning, match="cannot match 1 vector"):  # "old" still left out
            assert ids_of(run(b.query([1, 0, 0], filter={"k": "x"}))) == ["new"]
        run(b.upsert([vec("old", [1, 0, 0], metadata={"k": "x"})]))  # written again: now indexed
        assert sorted(ids_of(run(b.query([1, 0, 0], filter={"k": "x"})))) == ["new", "old"]
    with open_state(tmp_path) as store:
        b = bind(store, definition=None)
        assert sorted(ids_of(run(b.query([1, 0, 0], filter={"k": "x"})))) == ["new", "old"]


def test_definition_metadata_indexes_cover_vectors_written_after_creation(tmp_path: Path) -> None:
    defn = IndexDefinition(3, "cosine", "v2", metadata_indexes={"k": "number"})
    with open_state(tmp_path) as store:
        run(bind(store, definition=defn).upsert([vec("a", [1, 0, 0], metadata={"k": 2})]))
    with open_state(tmp_path) as store:
        b = bind(store, definition=defn)
        assert ids_of(run(b.query([1, 0, 0], filter={"k": {"$gte": 2}}))) == ["a"]
        assert store.get_index("idx") == defn


def test_a_new_metadata_index_in_the_definition_is_added_at_the_current_seq(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        run(bind(store).upsert([vec("a", [1, 0, 0], metadata={"k": 2})]))
    defn = IndexDefinition(3, "cosine", "v2", metadata_indexes={"k": "number"})
    with open_state(tmp_path) as store:
        with pytest.warns(UnindexedFilterWarning, match="already holds 1 vector, written before the metadata index"):
            b = bind(store, definition=defn)
        with pytest.warns(UnindexedFilterWarning, match="cannot match 1 vector"):
            assert ids_of(run(b.query([1, 0, 0], filter={"k": 2}))) == []  # written before the index
        assert store.get_definition("idx") == defn


def test_definition_that_disagrees_with_the_stored_index_is_an_error(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        store.open_index("idx", V2)
    with open_state(tmp_path) as store:
        with pytest.raises(StateError, match=r"dimensions 4 \(stored: 3\).*version 'v1' \(stored: 'v2'\)"):
            store.open_index("idx", IndexDefinition(4, "cosine", "v1"))
        with pytest.raises(StateError, match="string metadata index"):
            store.open_index("idx", IndexDefinition(3, "cosine", "v2", metadata_indexes={"k": "string"}))
            store.open_index("idx", IndexDefinition(3, "cosine", "v2", metadata_indexes={"k": "number"}))


def test_open_without_definition_needs_an_existing_index(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        assert store.get_index("nope") is None
        with pytest.raises(StateError, match="no index named 'nope'"):
            store.open_index("nope")


def test_binding_errors_leave_the_file_unchanged(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        b = bind(store)
        run(b.upsert([vec("a", [1, 0, 0])]))
        with pytest.raises(VectorizeError, match="expected 3 dimensions"):
            run(b.upsert([vec("b", [1, 0, 0]), vec("c", [1, 0])]))
    with open_state(tmp_path) as store:
        assert store.count_vectors("idx") == 1


# -- two connections on one state ---------------------------------------------------------------------------
def test_two_stores_see_each_others_writes(tmp_path: Path) -> None:
    with open_state(tmp_path) as one, open_state(tmp_path) as two:
        a, b = bind(one), bind(two, definition=None)
        run(a.upsert([vec("x", [1, 0, 0], metadata={"from": "one"})]))
        assert run(b.getByIds(["x"]))[0]["metadata"] == {"from": "one"}
        run(b.upsert([vec("x", [0, 1, 0], metadata={"from": "two"}), vec("y", [0, 0, 1])]))
        run(b.deleteByIds(["y"]))
        assert run(a.getByIds(["x", "y"])) == [
            {"id": "x", "namespace": None, "metadata": {"from": "two"}, "values": [0, 1, 0]}
        ]
        assert run(a.describe())["processedUpToMutation"] == run(b.describe())["processedUpToMutation"]
        assert run(a.describe())["vectorCount"] == 1


def test_writing_without_refresh_first_catches_up_inside_the_transaction(tmp_path: Path) -> None:
    with open_state(tmp_path) as one, open_state(tmp_path) as two:
        a, b = bind(one), bind(two, definition=None)
        run(b.upsert([vec("from-two", [0, 1, 0])]))
        index = a.index
        batch = VectorBatch(["from-one"], np.array([[1, 0, 0]], np.float32), [None], [{}])
        index.write(batch)  # no refresh() before: the write lock catches memory up
        assert sorted(index.core.ids) == ["from-one", "from-two"]
        assert index.seq == 2


def test_metadata_index_created_by_the_cli_store_reaches_a_live_index(tmp_path: Path) -> None:
    with open_state(tmp_path) as live, open_state(tmp_path) as cli:
        b = bind(live)
        run(b.upsert([vec("before", [1, 0, 0], metadata={"k": "x"})]))
        cli.create_metadata_index("idx", "k", "string")
        run(b.upsert([vec("after", [1, 0, 0], metadata={"k": "x"})]))
        with pytest.warns(UnindexedFilterWarning, match="cannot match 1 vector"):  # "before" is left out
            assert ids_of(run(b.query([1, 0, 0], filter={"k": "x"}))) == ["after"]
        cli.delete_metadata_index("idx", "k")
        with pytest.warns(UserWarning, match="no metadata index on 'k'"):
            assert ids_of(run(b.query([1, 0, 0], filter={"k": "x"}))) == []
        assert b.index.metadata_index_types() == {}


def test_an_index_deleted_elsewhere_fails_clearly_and_a_recreated_one_is_reloaded(tmp_path: Path) -> None:
    with open_state(tmp_path) as live, open_state(tmp_path) as cli:
        b = bind(live)
        run(b.upsert([vec("a", [1, 0, 0])]))
        cli.delete_index("idx")
        with pytest.raises(StateError, match="'idx' was deleted"):
            run(b.query([1, 0, 0]))
        cli.create_index("idx", IndexDefinition(2, "euclidean", "v1"))
        assert run(b.describe())["config"] == {"dimensions": 2, "metric": "euclidean"}
        assert run(b.getByIds(["a"])) == []


def test_refresh_without_changes_reads_nothing_and_with_changes_reads_only_them(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with open_state(tmp_path) as one, open_state(tmp_path) as two:
        a, b = bind(one), bind(two, definition=None)
        run(a.upsert([vec(f"v{i}", [i, 1, 0]) for i in range(50)]))
        b.index.refresh()
        calls: list[int] = []
        original = two.db.changes_since
        monkeypatch.setattr(two.db, "load_index", lambda name: pytest.fail("full reload"))
        monkeypatch.setattr(
            two.db, "changes_since",
            lambda uid, since: (lambda ch: (calls.append(len(ch.upserted)), ch)[1])(original(uid, since)),
        )
        for _ in range(5):
            b.index.refresh()
        assert calls == []
        run(a.upsert([vec("v3", [0, 0, 1])]))
        b.index.refresh()
        assert calls == [1]
        assert run(b.getByIds(["v3"]))[0]["values"] == [0, 0, 1]


def test_many_small_writes_reload_with_their_own_seqs(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        b = bind(store)
        for i in range(30):
            run(b.upsert([vec(f"v{i}", [1, i, 0], metadata={"i": i})]))
            if i == 14:
                store.open_index("idx").create_metadata_index("i", "number")
    with open_state(tmp_path) as store:
        index = store.open_index("idx")
        assert isinstance(index, PersistentIndex) and index.seq == 31
        with pytest.warns(UnindexedFilterWarning, match="cannot match 15 vectors of index 'idx' that carry 'i'"):
            got = run(VectorizeBinding(index).query([1, 0, 0], topK=50, filter={"i": {"$gte": 0}}))
        assert sorted(ids_of(got)) == sorted(f"v{i}" for i in range(15, 30))
        rows = [index.core.row_of(f"v{i}") for i in range(30)]
        assert [index.core.seq_of(r) for r in rows] == [i + 1 if i < 15 else i + 2 for i in range(30)]


def test_two_bindings_on_one_index_share_it(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        assert store.open_index("idx", V2) is store.open_index("idx")


def test_default_persist_to_is_beside_the_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = tmp_path / "project"
    (project / "src" / "deep").mkdir(parents=True)
    (project / "wrangler.toml").write_text('name = "w"\n')
    monkeypatch.chdir(project / "src" / "deep")
    assert default_persist_to() == project / ".wrangler" / "state"
    bare = tmp_path / "bare"
    bare.mkdir()
    monkeypatch.chdir(bare)
    assert default_persist_to() == bare / ".wrangler" / "state"
    assert default_persist_to(project / "wrangler.toml") == project / ".wrangler" / "state"


def test_float32_values_survive_exactly(tmp_path: Path) -> None:
    rng = np.random.default_rng(7)
    values = rng.standard_normal((40, 3)).astype(np.float32)
    with open_state(tmp_path) as store:
        run(bind(store).upsert([vec(str(i), values[i].tolist()) for i in range(40)]))
    with open_state(tmp_path) as store:
        core = store.open_index("idx").core
        np.testing.assert_array_equal(core.values_of([core.row_of(str(i)) for i in range(40)]), values)


def test_using_an_index_after_closing_its_store_is_a_state_error(tmp_path: Path) -> None:
    store = open_state(tmp_path)
    b = bind(store)
    store.close()
    with pytest.raises(StateError, match="the state was closed"):
        run(b.upsert([vec("a", [1, 0, 0])]))


def test_insert_never_overwrites_an_id_another_process_stored_after_our_last_look(tmp_path: Path) -> None:
    with open_state(tmp_path) as first, open_state(tmp_path) as second:
        a = first.open_index("idx", V1)
        b = second.open_index("idx", V1)
        b.refresh()  # b looks now; a writes afterwards, before b's insert takes the lock
        a.write(VectorBatch(["x"], np.array([[1, 0, 0]], np.float32), [None], [{"by": "a"}]))
        batch = VectorBatch(["x", "y"], np.array([[9, 9, 9], [0, 1, 0]], np.float32), [None, None], [{"by": "b"}, {}])
        b.write(batch, only_new=True)
        assert batch.ids == ["y"]  # what was really inserted
        got = run(VectorizeBinding(b).getByIds(["x", "y"]))
        assert [(g["id"], g["metadata"]) for g in got] == [("x", {"by": "a"}), ("y", {})]


def test_persistent_metadata_index_changes_follow_the_same_rules(tmp_path: Path) -> None:
    with open_state(tmp_path) as store:
        v1 = store.open_index("old", V1)
        with pytest.raises(VectorizeError, match="metadata indexes exist only on v2 indexes"):
            v1.create_metadata_index("k", "string")
        v2 = store.open_index("idx", V2)
        with pytest.raises(VectorizeError, match="has no metadata index on 'k'"):
            v2.delete_metadata_index("k")
        with pytest.raises(VectorizeError, match="has type 'date'"):
            v2.create_metadata_index("k", "date")
        v2.create_metadata_index("k", "string")
        with pytest.raises(VectorizeError, match="already has a metadata index on 'k'"):
            v2.create_metadata_index("k", "number")
    with open_state(tmp_path) as store:  # nothing half-written by the refused calls
        assert dict(store.open_index("idx").metadata_index_types()) == {"k": "string"}
