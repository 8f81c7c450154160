"""Building ``env.<BINDING>`` for each ``[[d1_databases]]`` entry of a config.

Without ``persist_to`` every database is a fresh, empty in-memory SQLite database; with it,
the file wrangler itself uses for the database (:mod:`.layout`), so state is shared with
``wrangler dev`` and ``wrangler d1 ... --local``. Two bindings naming the same database
share it.

SQLite, the binding and the migrations are imported where they are used: ``load_env`` calls
:func:`build_bindings` for every config, most of which have no ``[[d1_databases]]``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers_env._env import AssemblyContext
from workers_env.config import WorkerConfig
from workers_env.d1.layout import database_file, local_database_name

if TYPE_CHECKING:
    import sqlite3

    from workers_env.d1.binding import D1Database
    from workers_env.d1.database import Database

__all__ = ["D1Entry", "d1_entries", "find_entry", "has_user_tables", "build_bindings"]

_FIELDS = ("binding", "database_name", "database_id", "preview_database_id", "migrations_dir", "migrations_table",
           "migrations_pattern")


@dataclass(frozen=True)
class D1Entry:
    """One ``[[d1_databases]]`` entry, checked enough to be used."""

    binding: str
    database_name: str | None = None
    database_id: str | None = None
    preview_database_id: str | None = None
    migrations_dir: str = "migrations"
    migrations_table: str = "d1_migrations"
    migrations_pattern: str | None = None
    migrations_dir_set: bool = False  # (wrangler refuses a migrations_pattern without a migrations_dir)

    @property
    def local_name(self) -> str:
        """The name of the database's local Durable Object (what its file is named after)."""
        return local_database_name(self.binding, self.database_id, self.preview_database_id)

    def migrations_path(self, root: Path) -> Path:
        return (root / self.migrations_dir).resolve()

    def migrations_glob(self, config_file: str) -> str:
        """The ``migrations_pattern`` relative to ``migrations_dir`` (``*.sql`` without one);
        :class:`~workers_env.d1.migration_pattern.PatternError` with wrangler's text when it refuses it."""
        from workers_env.d1 import migration_pattern

        return migration_pattern.resolve(self.migrations_dir if self.migrations_dir_set else None,
                                         self.migrations_pattern, config_file)


def _entry(raw: dict[str, Any]) -> D1Entry:
    """An entry of a checked config: the config's check (``config/diagnostics/bindings.py``, as
    wrangler's) refused an entry that is no table, a field that is no string and a missing
    ``binding`` before any command or ``load_env`` reads it."""
    values: dict[str, Any] = {name: raw[name] for name in _FIELDS if raw.get(name) is not None}
    values["migrations_dir_set"] = "migrations_dir" in values
    return D1Entry(**values)


def d1_entries(config: WorkerConfig) -> list[D1Entry]:
    """The selected environment's D1 entries."""
    return [_entry(raw) for raw in config.entries("d1_databases")]


def find_entry(config: WorkerConfig, name: str) -> D1Entry | None:
    """The entry whose ``database_name`` or ``binding`` is ``name`` (wrangler's lookup)."""
    for entry in d1_entries(config):
        if name in (entry.database_name, entry.binding):
            return entry
    return None


def open_database(entry: D1Entry, persist_to: Path | None) -> Database:
    """The entry's database: in memory, or wrangler's file under ``persist_to``."""
    from workers_env.d1.database import Database

    if persist_to is None:
        return Database(None, name=entry.local_name)
    return Database(database_file(persist_to, entry.local_name), name=entry.local_name)


def has_user_tables(persist_to: Path, entry: D1Entry) -> bool:
    """Whether the entry's database under ``persist_to`` holds a table of the user's: not one of
    SQLite's (``sqlite_sequence``, ``sqlite_stat1``), D1's or workerd's (``_cf_KV``, any ``_cf_``
    name) nor the migrations table (``migrations list`` makes an empty one). Read as guidance
    only (read-only, no wait on a lock, no file made): a missing, locked or unreadable file has none."""
    from workers_env._statebeside import read_quietly

    def read(db: sqlite3.Connection) -> bool:
        return db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND lower(name) <> lower(?) LIMIT 1",
            (entry.migrations_table,)).fetchone() is not None

    return bool(read_quietly(database_file(persist_to, entry.local_name), read))


def _migrations_hint(database: Database, entry: D1Entry, config: WorkerConfig,
                     persist_to: Path | None = None) -> Callable[[str], str | None]:
    """For a "no such table" error: the migrations of the entry's folder not applied yet, and
    the database of wrangler's state beside the config when a relative ``persist_to`` read from a
    subfolder is another state (a fresh database, while the one the migrations were applied to
    sits beside the config: that note alone, as the commands the others name write the state
    beside the config, not this one; walk58), else how to create tables in a database that has none yet."""
    from workers_env.d1 import migration_pattern
    from workers_env.d1.migrations import pending_note

    def hint(message: str) -> str | None:
        if "no such table" not in message:
            return None
        elsewhere = _state_elsewhere(entry, config, persist_to)
        if elsewhere is not None:  # the cause: the commands a pending-migration note names write the other state
            return elsewhere
        try:
            pending = pending_note(database, entry.migrations_path(config.root), entry.migrations_table, entry.binding,
                                   entry.migrations_glob(config.path.name), message, in_memory=persist_to is None)
        except (OSError, RuntimeError, migration_pattern.PatternError):  # a migrations folder that cannot be read (RuntimeError: a symlink loop)
            pending = None  # a note only: D1's error stays as it was
        notes = [pending, _state_unread(entry, config, persist_to)]
        if pending is None:
            notes.append(_no_tables_yet(database, entry, config, persist_to, state_unread=notes[1] is not None))
        return "; ".join(note for note in notes if note) or None
    return hint


def _no_tables_yet(database: Database, entry: D1Entry, config: WorkerConfig, persist_to: Path | None,
                   state_unread: bool = False) -> str | None:
    """The note, when the database holds no table of the user's at all and no migration of its
    folder is pending (that note says how already): nothing has created a schema here yet -- a test
    without a schema marker, Cloudflare's D1 tutorial's ``schema.sql`` never run. In memory, the
    marker and :func:`workers_env.apply_d1_schema`; on the state beside the config, the command
    (another ``persist_to`` is left alone: the command would need it named); after
    :func:`_state_unread`'s note, which says the env reads no state, only the ways. The user's tables are
    :func:`has_user_tables`' (not SQLite's, D1's or workerd's, nor the migrations table); a view of
    theirs, or a table they dropped, is a schema made too: no note then (review84)."""
    def made(read: Callable[[str], list[tuple[Any, ...]]]) -> bool:
        """Whether a schema of the user's is or was here: a table or a view of theirs, or more schema
        changes than objects (each creation is one at least, so one was dropped: review84)."""
        objects = read("SELECT type, name FROM sqlite_master")
        if any(kind in ("table", "view") and not str(name).lower().startswith(("sqlite_", "_cf_"))
               and str(name).lower() != entry.migrations_table.lower() for kind, name in objects):
            return True
        return int(read("PRAGMA schema_version")[0][0]) > len(objects)

    try:
        if database.read_snapshot(made):
            return None
    except Exception:  # noqa: BLE001 - a note only: locked, closed or unreadable, D1's error stays as it was
        return None
    binding = entry.binding
    if persist_to is None:
        ways = (f'in tests @pytest.mark.d1_schema("{binding}", "schema.sql") (a .sql file, relative to the test '
                f'file), elsewhere workers_env.apply_d1_schema(env, "{binding}", "schema.sql") (relative to the config)')
        if state_unread:
            return f"or create {binding}'s tables in this env -- {ways}"
        return (f"{binding}'s database has no tables: this env reads no state (no persist_to), so its databases "
                f"start empty; create them first -- {ways}")
    try:
        if persist_to.resolve() != (config.root / ".wrangler" / "state").resolve():
            return None
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError on Python 3.11 and 3.12): no note
        return None
    return (f"{binding}'s database in .wrangler/state has no tables yet: create them with "
            f"`workers-env d1 execute {binding} --local --file schema.sql` (as `wrangler d1 execute`), or write "
            f"migrations (`workers-env d1 migrations create {binding} <message>`, then "
            f"`workers-env d1 migrations apply {binding} --local`)")


def _state_elsewhere(entry: D1Entry, config: WorkerConfig, persist_to: Path | None) -> str | None:
    """The note, on :func:`~workers_env._statebeside.other_state_beside`'s condition, when the
    state beside the config holds the entry's database with a table of the user's in it."""
    from workers_env._statebeside import other_state_beside, shown

    beside = other_state_beside(config, persist_to)
    if persist_to is None or beside is None or not has_user_tables(beside, entry):
        return None
    return (f"this database is under persist_to={str(persist_to)!r} ({shown(persist_to)}), while the state "
            f"beside the config ({beside}, where workers-env d1 and wrangler write) holds one for {entry.binding} "
            "too: a relative persist_to is read from the current folder, not the config's")


def _state_unread(entry: D1Entry, config: WorkerConfig, persist_to: Path | None) -> str | None:
    """The note, for an env without ``persist_to`` (in memory), when the state beside the config
    holds the entry's database with a table of the user's: what ``workers-env d1 ... --local``,
    ``workers-env dev`` and wrangler wrote is there, and this env does not read it."""
    beside = config.root / ".wrangler" / "state"
    if persist_to is not None or not has_user_tables(beside, entry):
        return None
    return (f"the state beside the config ({beside}, where workers-env d1 --local, workers-env dev and wrangler "
            f"write) holds {entry.binding}'s database with tables, which this env does not read: "
            'load_env(..., persist_to=".wrangler/state"), run from the config\'s folder, uses it '
            "(a Worker's: load_worker(env=load_env(...)))")


def build_bindings(context: AssemblyContext) -> dict[str, D1Database]:
    """One :class:`D1Database` per ``[[d1_databases]]`` entry."""
    entries = d1_entries(context.config)
    if not entries:
        return {}
    from workers_env.d1.binding import JSRPC_FLAG, D1Database

    flags = set(getattr(context.config, "compatibility_flags", None) or ())
    opened: dict[str, Database] = {}
    bindings: dict[str, D1Database] = {}
    for entry in entries:
        database = opened.get(entry.local_name)
        if database is None:
            database = opened[entry.local_name] = open_database(entry, context.persist_to)
            context.on_close(database.close)
        bindings[entry.binding] = D1Database(database, binding=entry.binding,
                                             hint=_migrations_hint(database, entry, context.config, context.persist_to),
                                             jsrpc=JSRPC_FLAG in flags)
    return bindings
