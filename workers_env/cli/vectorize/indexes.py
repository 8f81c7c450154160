"""``create``, ``delete``, ``get``, ``list`` and ``info``: indexes in the persisted state."""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path
from typing import Any

from workers_env._errors import ConfigError, StateError
from workers_env.cli.common import (
    CommandError,
    dump_json,
    js_number,
    log,
    note,
    render_table,
    value_optional,
    warn,
)
from workers_env.config import find_config
from workers_env.config.diagnostics.fields import INDEX_NAME_RE, INDEX_NAME_RULE
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.definitions import definition_clashes, parse_index_definition
from workers_env.vectorize.store import IndexRecord, check_index_name

from .common import api_version, command, open_store, require_index

__all__ = ["register"]


def _index_json(record: IndexRecord) -> dict[str, Any]:
    """An index as the Vectorize REST API (and so ``wrangler vectorize get --json``) shows it."""
    out: dict[str, Any] = {
        "created_on": record.created_on,
        "modified_on": record.modified_on,
        "name": record.name,
    }
    if record.description is not None:
        out["description"] = record.description
    out["config"] = {"dimensions": record.dimensions, "metric": record.metric}
    return out


def _index_row(record: IndexRecord) -> dict[str, str]:
    """wrangler's table columns: the version is the one the command asked for (``--deprecated-v1``)."""
    return {
        "name": record.name,
        "dimensions": str(record.dimensions),
        "metric": record.metric,
        "description": record.description or "",
        "created": record.created_on,
        "modified": record.modified_on,
    }


def _valid_binding_name(name: str, fallback: str) -> str:
    """wrangler's ``getValidBindingName``: the name as a JavaScript identifier, or the fallback."""
    out = re.sub(r"_+", "_", re.sub(r"[^a-zA-Z0-9_]", "", re.sub(r"[\s-]", "_", name)))
    if re.match(r"[0-9]", out):
        out = "_" + out
    return fallback if not out or re.fullmatch(r"_+", out) else out


def _config_path(args: argparse.Namespace) -> Path | None:
    if args.config == "":  # wrangler's "no config"
        return None
    try:
        return find_config(args.config).resolve()
    except ConfigError:
        return None


def _snippet(entry: dict[str, Any], config_path: Path | None) -> str:
    """wrangler's ``formatConfigSnippet``: TOML for a .toml config, JSON otherwise."""
    if config_path is not None and config_path.name.endswith("toml"):
        lines = ["[[vectorize]]"] + [f"{k} = {json.dumps(v)}" for k, v in entry.items()]
        return "\n".join(lines)
    return json.dumps({"vectorize": [entry]}, indent=2, ensure_ascii=False)


@command
def create(args: argparse.Namespace) -> int:
    """Create an index: v2 unless ``--deprecated-v1``, as ``wrangler vectorize create``."""
    version = "v1" if args.deprecated_v1 else "v2"
    if args.preset:
        raw: dict[str, Any] = {"preset": args.preset}
    elif args.dimensions and args.dimensions == args.dimensions and args.metric:  # NaN and 0 are falsy in JS
        raw = {"metric": args.metric,
               "dimensions": int(args.dimensions) if float(args.dimensions).is_integer() else args.dimensions}
    else:
        raise CommandError(
            "🚨 You must provide both dimensions and a metric, or a known model preset when creating an index."
        )
    name = check_index_name(args.name)  # what cannot be a name at all (lone surrogates, control characters)
    limit = _limits.API_LIMITS[version].max_name_bytes
    if not INDEX_NAME_RE.match(name):  # the service's rule, checked before anything is written
        raise CommandError(f"🚨 Invalid index name {json.dumps(name, ensure_ascii=False)}: {INDEX_NAME_RULE}")
    if len(name.encode("utf-8")) > limit:
        raise CommandError(f"🚨 index names of {version} indexes are at most {limit} bytes; {name!r} is longer")
    definition = parse_index_definition(
        {**raw, "version": version, **({"description": args.description} if args.description is not None else {})},
        where=f"index {name!r}",
    )
    if not args.json and args.preset:
        log(f"Configuring index based for the embedding model {args.preset}.")
    if args.deprecated_v1 and not args.json:
        warn("Creation of legacy Vectorize indexes will be blocked by December 2024")
    if not args.json:
        log(f"🚧 Creating index: '{name}'")
    with open_store(args, create=True) as store:
        try:
            record = store.create_index(name, definition)
        except StateError as exc:
            if "already exists" not in str(exc):
                raise
            raise CommandError(_exists(args, name, str(exc))) from None
    if args.json:
        log(dump_json(_index_json(record)))
        return 0
    fallback = "VECTORIZE_INDEX" if version == "v1" else "VECTORIZE"
    entry: dict[str, Any] = {
        "binding": _valid_binding_name(args.binding if args.binding is not None else fallback, fallback),
        "index_name": name,
    }
    if args.use_remote:
        entry["remote"] = True
    log(f"✅ Successfully created a new Vectorize index: '{name}'")
    where = f' in the "{args.env}" environment' if getattr(args, "env", None) else ""
    log(f"To access your new Vectorize Index in your Worker, add the following snippet to your configuration file{where}:")
    config_path = _config_path(args)
    log(_snippet(entry, config_path))
    if (args.update_config or args.binding is not None) and config_path is not None:
        log(
            f"workers-env does not edit {config_path.name}: add the snippet above yourself "
            "(wrangler edits .json/.jsonc configs when asked)."
        )
    clash = _clash_with_project(args, name, record)
    if clash is not None:
        note(clash)
    return 0


def _exists(args: argparse.Namespace, name: str, refusal: str) -> str:
    """The refusal of a name the state holds already, with the ways on (walk58: a project whose
    ``[tool.workers-env.indexes]`` defines the index had it made by ``workers-env dev``'s start,
    and ``create`` said only that it exists)."""
    config = args.worker_config
    made = (" (workers-env dev and load_env(persist_to=...) make the indexes pyproject.toml's "
            "[tool.workers-env.indexes] defines when they open the state)"
            if config is not None and name in config.pyproject_indexes else "")
    return (f"{refusal}{made}: `workers-env vectorize info {name}` shows it; "
            f"to make it anew, `workers-env vectorize delete {name}` first (its vectors go with it)")


def _clash_with_project(args: argparse.Namespace, name: str, record: IndexRecord) -> str | None:
    """What differs between the index just created and the project's own definition of it
    (``[tool.workers-env.indexes]`` in pyproject.toml beside the config), which ``load_env``,
    the fixtures and ``workers-env dev`` hold persisted state to: said at once, not at the next
    ``dev``. ``None`` when the project defines no such index, or one that agrees."""
    config = args.worker_config  # as the command read it first
    raw = config.pyproject_indexes.get(name) if config is not None else None
    if raw is None:
        return None
    try:
        defined = parse_index_definition(raw, where=name)  # (its errors are not shown here)
    except ConfigError:  # the definition's own mistake is reported where it is read
        return None
    clashes = definition_clashes(defined, record, held_as="created", advise=False)
    if not clashes:
        return None
    return (f"pyproject.toml defines index {name!r} with " + ", ".join(clashes) + "; load_env, the pytest "
            "fixtures and workers-env dev will refuse this state until the two agree: fix the definition, or "
            f"`{_limits.delete_command(name, record.version)}` and "
            "create it again as defined")


def _confirm(question: str) -> bool:
    """Ask on a terminal; elsewhere take the default (yes), as wrangler does."""
    if not sys.stdin.isatty():
        log(f"? {question}\n🤖 Using fallback value in non-interactive context: yes")
        return True
    answer = input(f"? {question} (Y/n) ").strip().lower()
    return answer in ("", "y", "yes")


@command
def delete(args: argparse.Namespace) -> int:
    """Delete an index and all its vectors."""
    with open_store(args) as store:
        require_index(store, args, purpose="delete")
        log(f"Deleting Vectorize index {args.name}")
        if not args.force and not _confirm(f"OK to delete the index '{args.name}'?"):
            log("Deletion cancelled.")
            return 0
        store.delete_index(args.name)
    log(f"✅ Deleted index {args.name}")
    return 0


@command
def get(args: argparse.Namespace) -> int:
    """Show one index's configuration (of the generation ``--deprecated-v1`` names, as the API answers)."""
    with open_store(args) as store:
        record = require_index(store, args)
    if args.json:
        log(dump_json(_index_json(record)))
    else:
        log(render_table([_index_row(record)]))
    return 0


@command
def list_(args: argparse.Namespace) -> int:
    """List the v2 indexes in the state, or with ``--deprecated-v1`` the v1 ones: wrangler calls
    one generation's API, which lists only its own. A ``(workers-env: ...)`` line names the other
    generation's indexes, if any, so none seems lost."""
    if not args.json:
        log("📋 Listing Vectorize indexes...")
    with open_store(args) as store:
        every = store.list_indexes()
    wanted = api_version(args)
    records = [r for r in every if r.version == wanted]
    if not records:
        if args.json:
            log(dump_json([]))
        else:
            warn(
                "\nYou haven't created any indexes in this local state.\n\n"
                "Use 'workers-env vectorize create <name>' to create one."
            )
    elif args.json:
        log(dump_json([_index_json(r) for r in records]))
    else:
        log(render_table([_index_row(r) for r in records]))
    others = [r.name for r in every if r.version != wanted]
    if others:
        other = "v2" if wanted == "v1" else "v1"
        how = "without --deprecated-v1" if wanted == "v1" else "with --deprecated-v1"
        shown = ", ".join(others[:5]) + (", ..." if len(others) > 5 else "")
        note(f"this state also holds {len(others)} {other} index{'es' if len(others) != 1 else ''} "
             f"({shown}), which `workers-env vectorize list` lists {how}, as wrangler does")
    return 0


@command
def info(args: argparse.Namespace) -> int:
    """Vector count and last processed mutation, as ``wrangler vectorize info``."""
    if not args.json:
        log("📋 Fetching index info...")
    with open_store(args) as store:
        record = require_index(store, args)  # the v2 API's: a v1 index is refused
        count = store.count_vectors(args.name)
    details = {
        "dimensions": record.dimensions,
        "vectorCount": count,
        "processedUpToDatetime": record.mutation_time,
        "processedUpToMutation": record.mutation_id,
    }
    if args.json:
        log(dump_json(details))
    else:
        log(render_table([{
            "dimensions": str(record.dimensions),
            "vectorCount": str(count),
            "processedUpToMutation": record.mutation_id or "",
            "processedUpToDatetime": record.mutation_time or "",
        }]))
    return 0


# Help texts: wrangler 4.164.0's descriptions of the same commands and options (src/vectorize/*.ts),
# workers-env's own only where its option does something else here.
JSON_HELP = "Return output as JSON"


def _json_flag(parser: argparse.ArgumentParser, help_text: str = JSON_HELP) -> None:
    parser.add_argument("--json", action=argparse.BooleanOptionalAction, default=False, help=help_text)


def _v1_flag(parser: argparse.ArgumentParser, help_text: str) -> None:
    parser.add_argument("--deprecated-v1", action=argparse.BooleanOptionalAction, default=False, help=help_text)


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("create", parents=[common], help="Create a Vectorize index",
                       description="Create a Vectorize index in the local state (v2 unless --deprecated-v1).")
    p.add_argument("name", help="The name of the Vectorize index to create (must be unique).")
    p.add_argument("--dimensions", type=js_number, **value_optional(None),
                   help="The dimension size to configure this index for, based on the output dimensions of your "
                        "ML model.")
    p.add_argument("--metric", **value_optional(),
                   choices=("euclidean", "cosine", "dot-product"),  # wrangler's order, in its errors
                   help="The distance metric to use for searching within the index.")
    p.add_argument("--preset", **value_optional(), choices=list(_limits.PRESETS),
                   help="The name of an preset representing an embeddings model: Vectorize will configure the "
                        "dimensions and distance metric for you when provided.")
    p.add_argument("--description", **value_optional(), help="An optional description for this index.")
    _json_flag(p)
    _v1_flag(p, "Create a deprecated Vectorize V1 index. This is not recommended and indexes created with this "
                "option need all other Vectorize operations to have this option enabled.")
    p.add_argument("--use-remote", action=argparse.BooleanOptionalAction, default=False,
                   help="add remote = true to the printed binding snippet (workers-env edits no config)")
    p.add_argument("--update-config", action=argparse.BooleanOptionalAction, default=False,
                   help="accepted for wrangler compatibility; workers-env prints the snippet and never edits the config")
    p.add_argument("--binding", **value_optional(), help="The binding name of this resource in your Worker")
    p.set_defaults(handler=create)

    p = sub.add_parser("delete", parents=[common], help="Delete a Vectorize index")
    p.add_argument("name", help="The name of the Vectorize index")
    p.add_argument("--force", "-y", action=argparse.BooleanOptionalAction, default=False, help="Skip confirmation")
    _v1_flag(p, "Delete a deprecated Vectorize V1 index.")
    p.set_defaults(handler=delete)

    p = sub.add_parser("get", parents=[common], help="Get a Vectorize index by name")
    p.add_argument("name", help="The name of the Vectorize index.")
    _json_flag(p)
    _v1_flag(p, "Fetch a deprecated V1 Vectorize index. This must be enabled if the index was created with V1 option.")
    p.set_defaults(handler=get)

    p = sub.add_parser("list", parents=[common], help="List your Vectorize indexes")
    _json_flag(p)
    _v1_flag(p, "List deprecated Vectorize V1 indexes for your account.")
    p.set_defaults(handler=list_)

    p = sub.add_parser("info", parents=[common], help="Get additional details about the index")
    p.add_argument("name", help="The name of the Vectorize index.")
    _json_flag(p, "return output as JSON")
    p.set_defaults(handler=info)
