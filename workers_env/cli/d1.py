"""``workers-env d1``: ``wrangler d1 execute``, ``export`` and ``migrations`` on local state
(the account's ``create|info|list|delete|time-travel|insights``: ``d1account``, refused).

The database is the one ``wrangler dev`` / ``wrangler d1 ... --local`` use
(``<persist-to>/v3/d1/miniflare-D1DatabaseObject/<id>.sqlite``, default ``.wrangler/state``
beside the wrangler config), found by ``database_name`` or ``binding`` as wrangler does.
Output follows wrangler's (without its banner). ``--remote`` is refused where wrangler would
reach the account (its login), after the same argument checks, lines and lookups as wrangler's.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from pathlib import Path
from typing import Any, NoReturn

from workers_env._errors import ConfigError, WorkersEnvError
from workers_env._jsvalues import js_string, well_formed
from workers_env.cli.common import (
    CommandError,
    UsageError,
    close_name,
    dump_json,
    fail,
    locations_given,
    log,
    note,
    message_of,
    node_fs_error,
    print_hint,
    render_table,
    reports_errors,
    resource_location,
    value_optional,
    warn,
    with_hint,
)
from workers_env.cli.d1account import add_database_commands, add_insights, add_time_travel
from workers_env.cli.negations import FALSE, PATH_FALSE, failed_hint
from workers_env.cli.othersections import in_other_sections, section_label
from workers_env.cli.temporary import add_temporary_options
from workers_env.cli.toplevel import SUMMARIES
from workers_env.cli.wrangler_config import read_config
from workers_env.config.wrangler import display_path
from workers_env.d1 import migration_pattern, migrations
from workers_env.d1.assembly import (
    D1Entry,
    d1_entries,
    find_entry,
    has_user_tables,
    open_database,
)
from workers_env.d1.database import Database, SqlFailure
from workers_env.d1.export import export_lines
from workers_env.d1.sqltext import file_statements
from workers_env.d1.values import row_objects
from workers_env._statebeside import default_persist_to

__all__ = ["register"]

_REMOTE_REFUSED = (
    "workers-env works on local state only, so --remote is not supported: drop --remote "
    "(commands always run on the local database, as with --local), or use wrangler itself for "
    "the remote database."
)
# wrangler 4.164.0's own refusals (executeSql), also for migrations list/apply
_BOTH_LOCATIONS = "Error: can't use --local and --remote at the same time"
_PREVIEW_NEEDS_REMOTE = (
    "Cannot use --preview without --remote. The --preview flag targets a preview D1 database, which "
    "requires the --remote flag. Remove --preview or add --remote."
)
_PERSIST_TO_NEEDS_LOCAL = (
    "Cannot use --persist-to without --local. The --persist-to flag specifies a local persistence "
    "directory, which requires the --local flag. Remove --persist-to or add --local."
)


def _add_options(parser: argparse.ArgumentParser, *, persist: bool = True, location: bool = True) -> None:
    parser.add_argument("database", help="the name or binding of the DB")
    if location:  # wrangler's `migrations create` has neither (yargs: `Unknown argument: local`)
        parser.add_argument("--local", action="store_true", help="run on the local database (always the case here)")
        parser.add_argument("--remote", action="store_true",
                            help="refused where wrangler would reach your account: workers-env has no remote databases")
    parser.add_argument("--config", "-c", metavar="PATH", default=None, help="wrangler config file or folder")
    parser.add_argument("--env", "-e", metavar="NAME", default=None, help="wrangler environment ([env.NAME])")
    if persist:
        parser.add_argument(
            "--persist-to", metavar="DIR", default=None,
            help="state root, as wrangler's --persist-to, with --local (default: .wrangler/state beside the wrangler config)",
        )
        parser.add_argument("--preview", action="store_true",
                            help="refused: a preview database is remote (wrangler needs --remote with it)")


def register(subparsers: Any) -> None:
    """Add ``d1`` (``execute``, ``export``, ``migrations create|list|apply``; the account's
    ``create|info|list|delete|time-travel|insights``, refused: ``d1account``) to the
    ``workers-env`` parser, its commands in ``wrangler d1 --help``'s order."""
    parser = subparsers.add_parser(
        "d1", help=SUMMARIES["d1"],
        description="Run SQL, exports and migrations on the local D1 databases wrangler dev uses "
                    "(the commands on your Cloudflare account's databases need its API: refused).",
    )
    sub = parser.add_subparsers(dest="d1_command", metavar="COMMAND")
    add_database_commands(sub)

    execute = sub.add_parser("execute", help="execute a command or SQL file")
    _add_options(execute)
    execute.add_argument("--command", dest="sql", metavar="SQL", default=None, **value_optional(),
                         help="the SQL query to execute, or several separated by ';'")
    execute.add_argument("--file", metavar="PATH", default=None, **value_optional(), help="a .sql file to execute")
    execute.add_argument("--json", action="store_true", help="print the results as clean JSON")
    execute.add_argument("--yes", "-y", action="store_true", help="answer yes to prompts (there are none locally)")
    execute.set_defaults(handler=_execute, location_first=True)

    export = sub.add_parser("export", help="export the contents or schema of a database as a .sql file")
    _add_options(export, persist=False)  # wrangler's export has no --persist-to either
    export.add_argument("--output", metavar="PATH", required=True, **value_optional(),
                        help="path to the SQL file for your export")
    export.add_argument("--table", metavar="TABLE", nargs="*", action="extend", default=None,
                        help="tables to include in the export (repeatable; default: all)")
    export.add_argument("--schema", action=argparse.BooleanOptionalAction, default=True,
                        help="--no-schema: only output table contents, not the DB schema")
    export.add_argument("--data", action=argparse.BooleanOptionalAction, default=True,
                        help="--no-data: only output table schema, not the contents of the tables")
    export.add_argument("--compatibility", choices=("d1", "sqlite3_cli_only"), default=None,
                        help="dump format: d1 (sqlite3_cli_only is remote only, so refused)")
    export.add_argument("--skip-confirmation", "-y", action="store_true",
                        help="skip confirmation (there is none locally)")
    export.set_defaults(handler=_export, location_first=True)

    def usage(p: argparse.ArgumentParser) -> Any:
        def show(_: argparse.Namespace) -> int:
            p.print_help()  # as `wrangler d1`, `d1 migrations` and `d1 time-travel`: the help, exit 0
            return 0
        return show

    add_time_travel(sub, usage)
    mig = sub.add_parser("migrations", help="create, list and apply migrations")
    msub = mig.add_subparsers(dest="migrations_command", metavar="COMMAND")
    create = msub.add_parser("create", help="create a new migration file")
    _add_options(create, persist=False, location=False)
    create.add_argument("message", help="the migration's name")
    create.set_defaults(handler=_create)
    listing = msub.add_parser("list", help="list migrations not applied yet")
    _add_options(listing)
    listing.set_defaults(handler=_list, location_first=True)
    apply = msub.add_parser("apply", help="apply the migrations not applied yet")
    _add_options(apply)
    apply.add_argument("--force", "-y", action="store_true",
                       help="apply every pending migration without the question (wrangler 4.168.0's option)")
    apply.set_defaults(handler=_apply, location_first=True)
    add_insights(sub)

    parser.set_defaults(handler=usage(parser))
    mig.set_defaults(handler=usage(mig))
    add_temporary_options(parser)  # wrangler's hidden --temporary, --event-code on each command


# -- shared ----------------------------------------------------------------------------------


_NO_CONFIG = "No configuration file found. Create a wrangler.jsonc file to define your D1 database."


def _config(args: argparse.Namespace) -> Any:
    """The config, its warnings printed (on stderr, with ``--json`` too, as wrangler 4.164.0
    reads the config before the command sets --json's log level); None when there is none
    anywhere (no ``--config``), which wrangler's commands then report in their own words."""
    return read_config(args)


def _found(args: argparse.Namespace, config: Any, entry: D1Entry | None) -> D1Entry:
    if entry is None:  # wrangler's configFileName: "Wrangler configuration" without a file
        raise with_hint(CommandError(
            f"Couldn't find a D1 DB with the name or binding '{args.database}' in your "
            f"{config.path.name if config is not None else 'Wrangler configuration'} file."
        ), _near_database(args.database, config))
    return entry


def _near_database(name: str, config: Any) -> str | None:
    """For a database name the config lacks: the other environment (or the top level) that has
    it, which ``--env`` reaches; else the configured name or binding it likely misspells, with
    every entry the selected section has (wrangler's text names none). Nothing without either,
    so a name unlike any (wrangler's own text alone) is printed as wrangler prints it."""
    elsewhere = in_other_sections(
        config, "d1_databases", lambda e: name in (e.get("database_name"), e.get("binding")), name,
        lambda e: f'binding {e.get("binding")}, database_name "{e.get("database_name")}"')
    if elsewhere is not None:
        return elsewhere
    entries = d1_entries(config) if config is not None else []
    near = close_name(name, [n for e in entries for n in (e.database_name, e.binding) if n])
    if near is None:
        return None
    listed = ", ".join(f'{e.binding} (database_name "{e.database_name}")' if e.database_name else e.binding
                       for e in entries)
    return (f"did you mean '{near}'? {config.path.name}'s {section_label(config, 'd1_databases', config.environment)} "
            f"are: {listed}; a database is named by its database_name or its binding")


def _context(args: argparse.Namespace, *, migrations: bool = False) -> tuple[Any, D1Entry]:
    config = _config(args)
    if config is None and migrations:
        raise CommandError(_NO_CONFIG)
    return config, _found(args, config, find_entry(config, args.database) if config is not None else None)


def _refuse_remote() -> NoReturn:
    """Where wrangler's ``--remote`` command reaches the account (``requireAuth``, whose login
    error without ``CLOUDFLARE_API_TOKEN`` it prints): refused, nothing read or written."""
    raise CommandError(_REMOTE_REFUSED)


def _local_only(args: argparse.Namespace) -> None:
    """wrangler's ``executeSql`` checks of where the command runs: --local with --remote, then
    --preview and --persist-to where they cannot apply (nothing is read or written then)."""
    if args.local and args.remote:
        raise CommandError(_BOTH_LOCATIONS)
    if args.preview and not args.remote:
        raise CommandError(_PREVIEW_NEEDS_REMOTE)
    if args.persist_to and args.persist_to != FALSE and not args.local:  # (false: yargs' `--no-persist-to`)
        raise CommandError(_PERSIST_TO_NEEDS_LOCAL)


def _persist_to(args: argparse.Namespace, config: Any) -> Path:
    if getattr(args, "persist_to", None) == FALSE:  # `--no-persist-to`: wrangler's path.join(false, "v3")
        raise with_hint(CommandError(PATH_FALSE), failed_hint("persist-to"))
    if getattr(args, "persist_to", None):
        return Path(args.persist_to)
    return default_persist_to(config.path)


def _readable(path: Path) -> str:
    """wrangler's ``readableRelative``: relative to the working folder, ``./`` before a nested
    path that does not start with a dot (``./st/v3/d1``, ``.wrangler/state/v3/d1``)."""
    relative = display_path(path)
    if os.path.isabs(relative) or os.path.basename(relative) == relative or relative.startswith("."):
        return relative
    return f"./{relative}"


def _executing(args: argparse.Namespace, entry: D1Entry, persist_to: Path) -> None:
    log(f"🌀 Executing on local database {args.database} ({entry.local_name}) from "
        f"{_readable(persist_to / 'v3' / 'd1')}:")
    log("🌀 To execute on your remote database, add a --remote flag to your wrangler command.")


def _confirmed(question: str) -> None:
    """wrangler's confirmation, answered as wrangler answers it when not interactive."""
    log(f"? {question}\n🤖 Using fallback value in non-interactive context: yes")


def _open(entry: D1Entry, persist_to: Path, config: Any = None) -> Database:
    """The entry's database under ``persist_to``; first, for a relative ``--persist-to`` (read
    from the current folder, as wrangler reads it) where the database has no table while the
    state beside the config holds one that has, a ``(workers-env: ...)`` line on stderr saying so
    (wrangler's output, a "no such table" or an empty result, follows as it prints it)."""
    if config is not None:
        hint = _state_elsewhere(entry, persist_to, config)
        if hint:
            note(hint)
    return open_database(entry, persist_to)


def _state_elsewhere(entry: D1Entry, persist_to: Path, config: Any) -> str | None:
    from workers_env._statebeside import other_state_beside, shown

    beside = other_state_beside(config, persist_to)
    if beside is None or has_user_tables(persist_to, entry) or not has_user_tables(beside, entry):
        return None
    return (f"--persist-to {persist_to} is {shown(persist_to)}, where the database of {entry.binding} has no "
            f"table, while the state beside the config ({beside}) holds one that has: a relative --persist-to is "
            "read from the current folder, as wrangler reads it")


def _blob_text(value: Any) -> Any:
    return f"[{', '.join(str(b) for b in value)}]" if isinstance(value, list) else value


# -- execute ---------------------------------------------------------------------------------


class _BothGiven(CommandError):
    """``--command`` and ``--file`` together: wrangler throws its ``createFatalError``, whose
    ``--json`` form is the message alone as a JSON string, not ``{"error": {"text": ...}}``."""


#: wrangler's warning before a remote import or export (asked as a question by export)
_UNAVAILABLE = ("\u26a0\ufe0f This process may take some time, during which your D1 database will be "
                "unavailable to serve queries.")


def _unreadable(path: str) -> str:
    return f'Unable to read SQL text file "{path}". Please check the file path and try again.'


def _check_input(args: argparse.Namespace) -> None:
    """wrangler's checks of the options, in its order, before the database is looked up."""
    if args.file and args.sql:  # as wrangler's truthiness: `--file "" --command Q` runs Q
        raise _BothGiven("Error: can't provide both --command and --file.")
    if not args.file and not args.sql:  # `--file` alone is "" as yargs reads it: none given
        raise CommandError(
            'Missing required option --command or --file. Provide a SQL command inline with '
            '--command="<SQL>", or a path to a SQL file with --file=<path>.'
        )
    _local_only(args)
    if args.file:
        try:
            with open(args.file, "rb") as f:
                head = f.read(15)
        except OSError:
            raise CommandError(_unreadable(args.file)) from None
        if head == b"SQLite format 3":
            raise CommandError(
                "Provided file is a binary SQLite database file instead of an SQL text file. "
                "The execute command can only process SQL text files. Please export an SQL file from your "
                "SQLite database and try again."
            )


def _statements(args: argparse.Namespace) -> list[str]:
    """The queries wrangler sends to D1 for ``--command`` or ``--file``."""
    if args.file:
        try:
            text = Path(args.file).read_bytes().decode("utf-8", errors="replace")
        except OSError:
            raise CommandError(_unreadable(args.file)) from None
    else:
        text = well_formed(args.sql)  # argv bytes that are not UTF-8: U+FFFD, as Node reads them
    try:
        return file_statements(text)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def _execute(args: argparse.Namespace) -> int:
    try:
        if not args.json:
            resource_location(args)
        config = _config(args)  # wrangler reads the config before the command runs,
        _check_input(args)  # then checks the input, then looks the database up
        if args.remote:  # executeRemotely: the --file warning, then the account
            if args.file and not args.json:  # (--json sets the log level to errors only)
                warn(_UNAVAILABLE)
            _refuse_remote()
        entry = _found(args, config, find_entry(config, args.database) if config is not None else None)
        persist_to = _persist_to(args, config)
        if not args.json:
            _executing(args, entry, persist_to)
        statements = _statements(args)
        db = _open(entry, persist_to, config)
        try:
            results = db.query([(sql, ()) for sql in statements])
        finally:
            db.close()
    except (WorkersEnvError, SqlFailure) as exc:
        message = exc.message if isinstance(exc, SqlFailure) else message_of(exc)
        if args.json and not isinstance(exc, ConfigError):  # wrangler reads the config before
            # the command runs, so a broken one is its plain error, not --json's JSON; the JSON
            # comes from its handleError, after that one's empty line
            log("")
            log(dump_json(message if isinstance(exc, _BothGiven) else {"error": {"text": message}}))
        else:
            fail(message)  # as wrangler's handleError reports what the command threw
        print_hint(exc)
        return 1
    output: list[dict[str, Any]] = [
        {
            "results": [{k: _blob_text(v) for k, v in row.items()} for row in row_objects(r.columns, r.rows)],
            "success": True,
            "meta": {"duration": r.meta["duration"]},
        }
        for r in results
    ]
    if not args.json:
        n = len(output)
        log(f"🚣 {n} command{'' if n == 1 else 's'} executed successfully.")
    if sys.stdout.isatty() and not args.json:  # wrangler's cells are String(value): null, 1, 1e+21
        for result in output:
            if result["results"]:
                log(render_table([{k: js_string(v) for k, v in row.items()} for row in result["results"]]))
    else:
        log(dump_json(output))
    return 0


# -- export ----------------------------------------------------------------------------------


def _check_export(args: argparse.Namespace) -> None:
    """wrangler's checks of export's options, in its order, before the database is looked up."""
    if not args.schema and not args.data:
        raise CommandError(
            "Cannot use --no-schema and --no-data together. At least one of schema or data must be "
            "included in the export. Remove one of the flags."
        )
    if args.compatibility == "sqlite3_cli_only" and not args.remote:
        raise CommandError(
            "--compatibility sqlite3_cli_only is only supported for remote exports. Add the --remote flag."
        )
    if args.compatibility == "sqlite3_cli_only" and not (args.schema and args.data):
        raise CommandError(
            "Cannot use --no-schema or --no-data with --compatibility sqlite3_cli_only. The SQLite CLI dump "
            "always includes the schema and the data."
        )
    try:
        is_folder = stat.S_ISDIR(os.stat(args.output).st_mode)
    except (FileNotFoundError, NotADirectoryError):  # statSync(output, {throwIfNoEntry: false})
        is_folder = False
    except OSError as exc:
        raise CommandError(node_fs_error(exc, "stat", args.output)) from None
    if is_folder:
        raise CommandError("Please specify a file path for --output, not a directory.")


def _export(args: argparse.Namespace) -> int:
    """``wrangler d1 export --local``: Miniflare's dump of the database, written to ``--output``
    (nothing is written when anything fails)."""
    if len(given := locations_given(args)) == 2:  # yargs' conflicts, before the command runs (even given false)
        raise UsageError(f"Arguments {given[0]} and {given[1]} are mutually exclusive")
    # wrangler's options `no-schema` and `no-data` conflict too: given only as `--no-data=X`
    # (bare `--no-data` is yargs' negation of `data`)
    keys = [flag for flag, _ in getattr(args, "flags_given", ()) if flag in ("no-schema", "no-data")]
    if len(set(keys)) == 2:
        raise UsageError(f"Arguments {keys[0]} and {'no-data' if keys[0] == 'no-schema' else 'no-schema'} are "
                         "mutually exclusive")
    try:
        resource_location(args)
        config = _config(args)
        _check_export(args)
        if args.remote:  # exportRemotely: the account first, before the database's lookup
            if not args.skip_confirmation:
                _confirmed(f"{_UNAVAILABLE}\n  Ok to proceed?")
            _refuse_remote()
        entry = _found(args, config, find_entry(config, args.database) if config is not None else None)
        persist_to = _persist_to(args, config)
        log(f"🌀 Exporting local database {args.database} ({entry.local_name}) from "
            f"{_readable(persist_to / 'v3' / 'd1')}:")
        log("🌀 To export your remote database, add a --remote flag to your wrangler command.")
        db = _open(entry, persist_to, config)
        try:
            log(f"🌀 Exporting SQL to {args.output}...")
            lines = export_lines(db, no_schema=not args.schema, no_data=not args.data, tables=args.table or ())
        finally:
            db.close()
        try:
            with open(args.output, "wb") as file:  # "" is ENOENT, as for Node (not Path's ".")
                file.write("\n".join(lines).encode("utf-8"))
        except OSError as exc:
            raise CommandError(node_fs_error(exc, "open", args.output)) from None
    except (WorkersEnvError, SqlFailure) as exc:
        fail(exc.message if isinstance(exc, SqlFailure) else message_of(exc))
        print_hint(exc)
        return 1
    log("Done!")
    return 0


# -- migrations ------------------------------------------------------------------------------


def _migrations_dir(config: Any, entry: D1Entry, *, create: bool) -> Path:
    directory = entry.migrations_path(config.root)
    if directory.is_dir():
        return directory
    if directory.exists():
        raise CommandError(f"{directory} is not a folder: migrations live in a folder of .sql files "
                           f"(set `migrations_dir` in your {config.path.name} file to choose another path).")
    hint = "" if entry.migrations_dir_set else (  # wrangler: only when migrations_dir is unset
        f" Set `migrations_dir` in your {config.path.name} file to choose a different path."
    )
    if create:
        _confirmed(f"No migrations folder found.{hint}\nOk to create {directory}?")
        directory.mkdir(parents=True, exist_ok=True)
        return directory
    warn(f"No migrations folder found.{hint}")
    raise CommandError(f"No migrations present at {directory}.")


def _glob(config: Any, entry: D1Entry) -> str:
    """The entry's ``migrations_pattern`` (directory-relative), or wrangler's refusal of it."""
    try:
        return entry.migrations_glob(config.path.name)
    except migration_pattern.PatternError as exc:
        raise CommandError(str(exc)) from None


def _pattern_failure(exc: ValueError) -> CommandError:
    """wrangler's error for a pattern its minimatch throws on (or another refusal), with our line."""
    return with_hint(CommandError(str(exc)), getattr(exc, "hint", None))


def _no_match_hint(config: Any, entry: D1Entry, directory: Path, pattern: str) -> None:
    """wrangler's warning when nothing matches the pattern but a Drizzle layout is there."""
    hint = migration_pattern.drizzle_hint(directory, entry.migrations_dir, pattern, config.path.name)
    if hint is not None:
        warn(hint)


@reports_errors  # each reads the config itself, once
def _create(args: argparse.Namespace) -> int:
    config, entry = _context(args, migrations=True)
    pattern = _glob(config, entry)
    try:
        name = migrations.next_migration_name(entry.migrations_path(config.root), args.message, pattern)
        refusal = migration_pattern.create_refusal(entry.migrations_dir, pattern, name, config.path.name)
    except ValueError as exc:
        raise _pattern_failure(exc) from None
    if refusal is not None:
        raise CommandError(refusal)
    directory = _migrations_dir(config, entry, create=True)
    path = migrations.create_migration(directory, args.message, pattern=pattern)
    assert path.name == name
    log(f"✅ Successfully created Migration '{path.name}'!\n")
    log("The migration is available for editing here")
    log(str(path))
    return 0


def _pending_context(args: argparse.Namespace) -> tuple[Any, D1Entry, Path, str]:
    """``migrations list|apply``'s checks in wrangler's order: the resource location lines, the
    config, the migrations folder (the default one for an unknown database), ``--preview`` and
    ``--persist-to``, then the database. With ``--remote``, ``list`` reaches the account right
    after the config, ``apply`` looks the database up first and the account after those checks:
    refused there."""
    resource_location(args)
    config = _config(args)
    if args.remote and args.migrations_command == "list":
        _refuse_remote()
    if config is None:
        raise CommandError(_NO_CONFIG)
    entry = find_entry(config, args.database)
    if args.remote:  # apply --remote looks the database up first: an unknown name fails here
        entry = _found(args, config, entry)
    pattern = _glob(config, entry or D1Entry(binding=args.database))
    directory = _migrations_dir(config, entry or D1Entry(binding=args.database), create=False)
    _local_only(args)
    if args.remote:
        _refuse_remote()
    return config, _found(args, config, entry), directory, pattern


@reports_errors  # each reads the config itself, once
def _list(args: argparse.Namespace) -> int:
    config, entry, directory, pattern = _pending_context(args)
    db = _open(entry, _persist_to(args, config), config)
    try:
        pending = migrations.unapplied_migrations(db, directory, entry.migrations_table, pattern)
    except SqlFailure as exc:
        raise CommandError(exc.message) from None
    except migration_pattern.PatternError as exc:
        raise _pattern_failure(exc) from None
    finally:
        db.close()
    if not migrations.migration_files(directory, pattern):
        _no_match_hint(config, entry, directory, pattern)
    if not pending:
        log("✅ No migrations to apply!")
        return 0
    log("Migrations to be applied:")
    log(render_table([{"Name": name} for name in pending]))
    return 0


@reports_errors  # each reads the config itself, once
def _apply(args: argparse.Namespace) -> int:
    config, entry, directory, pattern = _pending_context(args)
    persist_to = _persist_to(args, config)
    db = _open(entry, persist_to, config)
    try:
        try:
            pending = migrations.unapplied_migrations(db, directory, entry.migrations_table, pattern)
        except migration_pattern.PatternError as exc:
            raise _pattern_failure(exc) from None
        if not migrations.migration_files(directory, pattern):
            _no_match_hint(config, entry, directory, pattern)
        if not pending:
            log("✅ No migrations to apply!")
            return 0
        log("Migrations to be applied:")
        log(render_table([{"name": name} for name in pending]))
        if getattr(args, "force", False):  # wrangler 4.168.0's --force (-y): no question asked
            log(f"--force passed, applying {len(pending)} migration(s) without prompt.")
        else:
            _confirmed(f"About to apply {len(pending)} migration(s)\n"
                       "Your database may not be available to serve requests during the migration, continue?")
        status = {name: "🕒️" for name in pending}
        for name in pending:
            _executing(args, entry, persist_to)
            try:
                count = migrations.apply_migration(db, directory, name, entry.migrations_table)
            except ValueError as exc:
                raise CommandError(str(exc)) from None
            except SqlFailure as exc:
                raise CommandError(exc.message) from None
            log(f"🚣 {count} command{'' if count == 1 else 's'} executed successfully.")
            status[name] = "✅"
            log(render_table([{"name": n, "status": s} for n, s in status.items()]))
    finally:
        db.close()
    return 0
