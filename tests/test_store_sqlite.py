"""The SQLite state layer: schema identity, round trips, change tracking, bad files, names."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from workers_env import StateError
from workers_env.vectorize.definitions import IndexDefinition
from workers_env.vectorize.store import (
    APPLICATION_ID,
    DB_FILENAME,
    SCHEMA_VERSION,
    StateDB,
    check_index_name,
    state_dir,
)

V2 = IndexDefinition(dimensions=3, metric="cosine", version="v2")


@pytest.fixture
def db(tmp_path: Path):
    with StateDB.open(tmp_path / "state") as opened:
        yield opened


def put(db: StateDB, uid: int, name: str, ids, *, namespaces=None, metadata=None, deletes=()):
    values = np.arange(len(ids) * 3, dtype=np.float32).reshape(len(ids), 3) + 0.25
    with db.write_txn(uid, name) as txn:
        if ids:
            txn.put_vectors(ids, values, namespaces or [None] * len(ids), metadata or [None] * len(ids))
        if deletes:
            txn.delete_vectors(list(deletes))
        txn.finish("m", "t")
        return txn.seq


def test_file_lives_under_v3_vectorize_with_identity_and_pragmas(tmp_path: Path, db: StateDB) -> None:
    assert db.path == tmp_path / "state" / "v3" / "vectorize" / DB_FILENAME
    assert state_dir(tmp_path / "state") == db.path.parent
    conn = sqlite3.connect(db.path)
    try:
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        conn.close()
    assert db._conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    assert db._conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_create_list_find_delete(db: StateDB) -> None:
    defn = IndexDefinition(768, "euclidean", "v2", metadata_indexes={"genre": "string"}, description="films")
    record = db.create_index("films", defn)
    db.create_index("alpha", IndexDefinition(384, "cosine", preset="@cf/baai/bge-small-en-v1.5"))
    assert [r.name for r in db.list_indexes()] == ["alpha", "films"]
    found = db.find_index("films")
    assert found is not None and found.uid == record.uid
    assert found.definition() == defn
    assert found.metadata_indexes[0].created_seq == 0
    assert found.created_on.endswith("Z") and found.mutation_id is None and found.seq == 0
    with pytest.raises(StateError, match="already exists"):
        db.create_index("films", defn)
    assert db.delete_index("films") is True
    assert db.delete_index("films") is False
    assert db.find_index("films") is None


def test_vectors_round_trip_as_float32_blobs_with_metadata_and_namespaces(db: StateDB) -> None:
    rec = db.create_index("i", V2)
    seq = put(db, rec.uid, "i", ["a", "b"], namespaces=[None, "ns"], metadata=[None, '{"k":[1,"é"]}'])
    record, rows = db.load_index("i")
    assert record.seq == seq == 1 and record.mutation_id == "m"
    assert rows.ids == ["a", "b"] and rows.namespaces == [None, "ns"]
    assert rows.metadata == [{}, {"k": [1, "é"]}]
    assert rows.values.dtype == np.float32 and rows.values.shape == (2, 3)
    np.testing.assert_array_equal(rows.values[1], np.array([3.25, 4.25, 5.25], np.float32))
    blob = db._conn.execute("SELECT vals FROM vectors WHERE id = 'a'").fetchone()[0]
    assert len(blob) == 12  # three little-endian float32s


def test_changes_since_reports_upserts_and_deletes_after_a_seq(db: StateDB) -> None:
    rec = db.create_index("i", V2)
    put(db, rec.uid, "i", ["a", "b", "c"])  # seq 1
    put(db, rec.uid, "i", ["b"], deletes=["a"])  # seq 2
    put(db, rec.uid, "i", ["a"], deletes=["c"])  # seq 3: a comes back, c goes
    changes = db.changes_since(rec.uid, 1)
    assert sorted(changes.upserted.ids) == ["a", "b"] and changes.deleted == ["c"]
    assert changes.record.seq == 3
    assert db.changes_since(rec.uid, 3).upserted.ids == []
    assert db.changes_since(rec.uid + 100, 0) is None


def test_upsert_and_delete_of_one_id_in_one_write_deletes_it(db: StateDB) -> None:
    rec = db.create_index("i", V2)
    put(db, rec.uid, "i", ["a"], deletes=["a"])
    assert db.load_index("i")[1].ids == []
    assert db.changes_since(rec.uid, 0).deleted == ["a"]


def test_failed_write_rolls_back_everything(db: StateDB) -> None:
    rec = db.create_index("i", V2)
    with pytest.raises(RuntimeError):
        with db.write_txn(rec.uid, "i") as txn:
            txn.put_vectors(["a"], np.zeros((1, 3), np.float32), [None], [None])
            txn.finish("m", "t")
            raise RuntimeError("boom")
    record, rows = db.load_index("i")
    assert rows.ids == [] and record.seq == 0


def test_list_vector_ids_pages_in_code_point_order(db: StateDB) -> None:
    rec = db.create_index("i", V2)
    ids = ["b", "a", "Z", "é", "10", "2"]
    put(db, rec.uid, "i", ids)
    page, total, more = db.list_vector_ids(rec.uid, after=None, limit=4)
    assert page == ["10", "2", "Z", "a"] and total == 6 and more
    page, total, more = db.list_vector_ids(rec.uid, after="a", limit=4)
    assert page == ["b", "é"] and not more


def test_data_version_moves_on_another_connections_commit(tmp_path: Path) -> None:
    with StateDB.open(tmp_path) as one, StateDB.open(tmp_path) as two:
        before = one.data_version()
        two.create_index("x", V2)
        assert one.data_version() != before
        assert one.find_index("x") is not None
        mine = one.data_version()
        one.create_index("y", V2)  # our own commits do not move our data_version
        assert one.data_version() == mine


def test_write_on_an_index_deleted_elsewhere_is_refused(tmp_path: Path) -> None:
    with StateDB.open(tmp_path) as one, StateDB.open(tmp_path) as two:
        rec = one.create_index("x", V2)
        two.delete_index("x")
        with pytest.raises(StateError, match="no longer exists"):
            put(one, rec.uid, "x", ["a"])


# -- damaged and foreign files ----------------------------------------------------------------
def _state_file(tmp_path: Path) -> Path:
    folder = state_dir(tmp_path)
    folder.mkdir(parents=True)
    return folder / DB_FILENAME


def test_non_sqlite_file_is_reported_with_its_path(tmp_path: Path) -> None:
    path = _state_file(tmp_path)
    path.write_text("name,value\nthis is a CSV, not a database\n")
    with pytest.raises(StateError) as info:
        StateDB.open(tmp_path)
    assert str(path) in str(info.value) and "not an SQLite database" in str(info.value)
    assert path.read_text().startswith("name,value")  # left untouched


def test_foreign_sqlite_database_is_reported_and_untouched(tmp_path: Path) -> None:
    path = _state_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.execute("INSERT INTO notes VALUES ('mine')")
    conn.commit()
    conn.close()
    with pytest.raises(StateError) as info:
        StateDB.open(tmp_path)
    assert str(path) in str(info.value) and "another application" in str(info.value)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # not switched to WAL
    assert conn.execute("SELECT body FROM notes").fetchall() == [("mine",)]
    conn.close()


def test_other_application_id_is_foreign(tmp_path: Path) -> None:
    path = _state_file(tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    with pytest.raises(StateError, match="application_id 0x4d2"):
        StateDB.open(tmp_path)


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    with StateDB.open(tmp_path) as db:
        path = db.path
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StateError, match="newer workers-env"):
        StateDB.open(tmp_path)


def test_damaged_database_pages_give_a_state_error_naming_the_file(tmp_path: Path) -> None:
    with StateDB.open(tmp_path) as db:
        rec = db.create_index("i", IndexDefinition(64, "cosine", "v2"))
        with db.write_txn(rec.uid, "i") as txn:
            n = 400
            txn.put_vectors([f"v{i}" for i in range(n)], np.ones((n, 64), np.float32), [None] * n, [None] * n)
            txn.finish("m", "t")
        path = db.path
    raw = bytearray(path.read_bytes())
    assert len(raw) > 8 * 4096
    raw[4096:] = b"\xde\xad\xbe\xef" * ((len(raw) - 4096) // 4) + b"\x00" * ((len(raw) - 4096) % 4)
    path.write_bytes(bytes(raw))
    with pytest.raises(StateError) as info:
        with StateDB.open(tmp_path) as again:
            again.load_index("i")
    assert str(path) in str(info.value) and "damaged" in str(info.value)


def test_damaged_vector_blob_is_reported(tmp_path: Path) -> None:
    with StateDB.open(tmp_path) as db:
        rec = db.create_index("i", V2)
        put(db, rec.uid, "i", ["a", "b"])
        db._conn.execute("UPDATE vectors SET vals = x'0000' WHERE id = 'b'")
        with pytest.raises(StateError, match="vector 'b' of index 'i' has damaged values"):
            db.load_index("i")
        # (vals_check NULL: as a row written before per-row checks, so the metadata is what fails)
        db._conn.execute("UPDATE vectors SET vals = zeroblob(12), vals_check = NULL, metadata = '{oops' WHERE id = 'b'")
        with pytest.raises(StateError, match="damaged metadata"):
            db.load_index("i")


def test_state_folder_that_is_a_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "v3").write_text("not a folder")
    with pytest.raises(StateError, match="cannot create the state folder"):
        StateDB.open(tmp_path)


# -- index names ------------------------------------------------------------------------------
ESCAPING_NAMES = ["../x", "/abs", "..", ".", "a/../../b", "..\\..\\win", "~/home", "C:\\x", "con", "x" * 64]


@pytest.mark.parametrize("name", ESCAPING_NAMES)
def test_path_like_names_stay_data_inside_the_state_file(tmp_path: Path, name: str) -> None:
    root = tmp_path / "root"
    root.mkdir()
    outside_before = sorted(p.name for p in tmp_path.iterdir())
    with StateDB.open(root / "state") as db:
        rec = db.create_index(name, V2)
        put(db, rec.uid, name, ["a"])
        assert db.load_index(name)[1].ids == ["a"]
        assert [r.name for r in db.list_indexes()] == [name]
    assert sorted(p.name for p in tmp_path.iterdir()) == outside_before
    files = sorted(str(p.relative_to(root)) for p in root.rglob("*") if p.is_file())
    assert files == [f"state/v3/vectorize/{DB_FILENAME}"]
    assert not Path("/abs").exists()


@pytest.mark.parametrize(
    "name, problem",
    [
        ("a\x00b", "U+0000"),
        ("\x00", "U+0000"),
        ("line\nbreak", "U+000A"),
        ("tab\t", "U+0009"),
        ("del\x7f", "U+007F"),
        ("", "must not be empty"),
        ("x" * 65, "65 bytes"),
        ("é" * 33, "66 bytes"),
        ("bad\ud800", "U+D800"),
        (None, "must be a string"),
        (b"bytes", "must be a string"),
    ],
)
def test_names_that_cannot_be_names_are_refused(tmp_path: Path, name: object, problem: str) -> None:
    with pytest.raises(StateError, match=problem.replace("+", r"\+")):
        check_index_name(name)
    with StateDB.open(tmp_path) as db:
        with pytest.raises(StateError):
            db.create_index(name, V2)  # type: ignore[arg-type]
        assert db.list_indexes() == []
