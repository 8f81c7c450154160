"""wrangler's D1 migrations: ``<migrations_dir>/0001_name.sql`` files and the table of applied ones.

``wrangler d1 migrations create`` numbers a new file one past the highest number found
(``0001_init.sql``); ``apply`` runs, in order (by leading number, then name), every file not
yet named in the migrations table (``d1_migrations`` unless ``migrations_table`` says
otherwise), each in one transaction together with its ``INSERT`` into that table. The table
is wrangler's own (``id``, ``name``, ``applied_at``), so either tool sees what the other applied.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from workers_env.d1 import migration_pattern
from workers_env.d1.database import Database
from workers_env.d1.migration_pattern import DEFAULT_PATTERN
from workers_env.d1.sqltext import file_statements

__all__ = [
    "Migration",
    "migration_files",
    "next_migration_name",
    "create_migration",
    "create_table_sql",
    "applied_migrations",
    "unapplied_migrations",
    "migration_statements",
    "apply_migration",
    "apply_all",
    "run_sql_file",
]


@dataclass(frozen=True)
class Migration:
    """A row of the migrations table."""

    id: int
    name: str
    applied_at: str


def migration_files(directory: Path, pattern: str = DEFAULT_PATTERN) -> list[str]:
    """The files under ``directory`` matching the directory-relative ``pattern`` (``*.sql``: the
    top-level ``.sql`` files), named by their relative path, in wrangler's order: wrangler 4.164
    finds default and configured patterns alike (``getD1MigrationFiles``, :mod:`.migration_pattern`)."""
    if not directory.is_dir():
        return []
    return migration_pattern.matching_files(directory, pattern)


def next_migration_name(directory: Path, message: str, pattern: str = DEFAULT_PATTERN) -> str:
    """``0001_<message>.sql`` numbered one past the highest existing number (spaces become ``_``);
    the number is ``parseInt`` of a name's first path segment before ``_`` (``getNextMigrationNumber``)."""
    name = message.replace(" ", "_")
    if "/" in name or "\\" in name:
        raise ValueError(
            f'The migration name "{message}" contains a path separator ("/" or "\\"). Please remove this and try again.'
        )
    found = [migration_pattern.leading_number(f) for f in migration_files(directory, pattern)]
    numbers = [int(n) for n in found if n == n]
    return f"{max([*numbers, 0]) + 1:04d}_{name}.sql"  # (Math.max(...numbers, 0))


def create_migration(directory: Path, message: str, *, now: datetime | None = None,
                     pattern: str = DEFAULT_PATTERN) -> Path:
    """Write a new, empty migration file with wrangler's header line; its path."""
    name = next_migration_name(directory, message, pattern)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"
    path = directory / name
    path.write_text(f"-- Migration number: {name[:4]} \t {stamp}\n")
    return path


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def create_table_sql(table: str) -> str:
    """wrangler's statement creating the migrations table."""
    return (
        f"CREATE TABLE IF NOT EXISTS {_identifier(table)}(\n"
        "\t\tid         INTEGER PRIMARY KEY AUTOINCREMENT,\n"
        "\t\tname       TEXT UNIQUE,\n"
        "\t\tapplied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL\n);"
    )


def applied_migrations(db: Database, table: str) -> list[Migration]:
    """Rows of the migrations table (created first if missing, as wrangler does)."""
    db.query([(create_table_sql(table), ())])
    result = db.query([(f"SELECT *\n\t\tFROM {_identifier(table)}\n\t\tORDER BY id", ())])[0]
    return [Migration(int(r[0]), str(r[1]), str(r[2])) for r in result.rows]


def unapplied_migrations(db: Database, directory: Path, table: str, pattern: str = DEFAULT_PATTERN) -> list[str]:
    done = {m.name for m in applied_migrations(db, table)}
    return [name for name in migration_files(directory, pattern) if name not in done]


#: the table SQLite's "no such table" names (``main.`` or another schema's prefix left out)
_MISSING_TABLE = re.compile(r"no such table: (?:\w+\.)?(?P<name>.+?)(?:: SQLITE_\w+.*)?$", re.DOTALL)


def _creates(text: str, name: str) -> bool:
    """Whether SQL ``text`` may create the table (or view) ``name``: a ``CREATE [VIRTUAL] TABLE``
    or ``CREATE VIEW`` of it, or a ``RENAME TO`` it (any case, quoted or not, a schema before it)."""
    quoted = r"[\"`\[]?" + re.escape(name) + r"[\"`\]]?(?![\w$])"
    return re.search(r"\b(?:CREATE\s+(?:TEMP\w*\s+)?(?:VIRTUAL\s+)?(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?"
                     r"(?:[\"`\[]?\w+[\"`\]]?\.)?|RENAME\s+TO\s+)" + quoted, text, re.IGNORECASE) is not None


def pending_note(db: Database, directory: Path, table: str, binding: str,
                 pattern: str = DEFAULT_PATTERN, message: str = "", *, in_memory: bool = False) -> str | None:
    """What to say beside "no such table" when ``directory`` holds migrations this database has
    not had: a read only (the migrations table is not created, as :func:`applied_migrations` would).
    When none of them creates the missing table (one a schema file of the user's creates, say),
    applying them would not help: the note says so and how to create it instead. An ``in_memory``
    database (an env without ``persist_to``) is one no command reaches: the note names the Python
    call that applies them, not ``workers-env d1 ... --local``, which writes the state on disk."""
    names = migration_files(directory, pattern) if directory.is_dir() else []
    if not names:
        return None
    found = db.query([("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", (table,))])[0].rows
    done = {str(r[0]) for r in db.query([(f"SELECT name FROM {_identifier(table)}", ())])[0].rows} if found else set()
    pending = [name for name in names if name not in done]
    if not pending:
        return None
    listed = ", ".join(pending[:3]) + (", ..." if len(pending) > 3 else "")
    missing = _MISSING_TABLE.search(message)
    if missing is not None and not any(_creates(_sql_text(directory / name), missing["name"]) for name in pending):
        schema = (f'workers_env.apply_d1_schema(env, "{binding}", "schema.sql")' if in_memory
                  else f"`workers-env d1 execute {binding} --local --file schema.sql`")
        return (f"{missing['name']} is created by none of the {len(pending)} migration(s) in {directory.name}/ not "
                f"applied to {binding} ({listed}), so applying them would not help: create it with your schema "
                f'({schema}, or in tests @pytest.mark.d1_schema("{binding}", "schema.sql")), or in a migration '
                f"(`workers-env d1 migrations create {binding} <message>`)")
    if in_memory:
        return (f"{len(pending)} migration(s) in {directory.name}/ are not applied to {binding} ({listed}): this env "
                "reads no state (load_env without persist_to: its databases start empty, in memory); apply them "
                f'with workers_env.apply_d1_schema(env, "{binding}"), or in tests with @pytest.mark.d1_schema('
                f'"{binding}") or a workers_env_d1_schema fixture')
    return (f"{len(pending)} migration(s) in {directory.name}/ are not applied to {binding} ({listed}): apply them "
            f"with `workers-env d1 migrations apply {binding} --local`, or in tests with "
            f'@pytest.mark.d1_schema("{binding}") or a workers_env_d1_schema fixture')


def _sql_text(path: Path) -> str:
    """A SQL file as wrangler reads it (``readFileSync(path, "utf8")``): a byte that is not
    UTF-8 becomes U+FFFD rather than failing the migration."""
    return path.read_bytes().decode("utf-8", errors="replace")


def migration_statements(directory: Path, name: str, table: str) -> list[str]:
    """The statements ``apply`` sends for one migration: the file, then its ``INSERT``."""
    text = _sql_text(directory / name)
    escaped = name.replace("'", "''")
    return file_statements(f"{text}\nINSERT INTO {_identifier(table)} (name)\nvalues ('{escaped}');")


def apply_migration(db: Database, directory: Path, name: str, table: str) -> int:
    """Apply one migration in one transaction; the number of statements run."""
    statements = migration_statements(directory, name, table)
    db.query([(sql, ()) for sql in statements])
    return len(statements)


def apply_all(db: Database, directory: Path, table: str, pattern: str = DEFAULT_PATTERN) -> list[str]:
    """Apply every migration of ``directory`` not applied yet (as ``wrangler d1 migrations apply``),
    the database held the while, so another thread applying them waits and finds them applied."""
    with db.exclusive:
        pending = unapplied_migrations(db, directory, table, pattern)
        for name in pending:
            apply_migration(db, directory, name, table)
        return pending


def run_sql_file(db: Database, path: Path) -> int:
    """Run a ``.sql`` file in one transaction (as ``wrangler d1 execute --file``); statements run."""
    statements = file_statements(_sql_text(path))
    db.query([(sql, ()) for sql in statements])
    return len(statements)
