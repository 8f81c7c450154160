"""``create-metadata-index``, ``list-metadata-index``, ``delete-metadata-index`` (v2 indexes).

These work on the state file directly: no vectors are loaded. As on the service, vectors
stored before a metadata index was created are not in it until they are written again.
"""

from __future__ import annotations

import argparse
from typing import Any

from workers_env.cli.common import dump_json, log, note, render_table, value_optional, warn
from workers_env.vectorize import limits as _limits

from .common import command, open_store, require_index

__all__ = ["register"]


@command
def create_metadata_index(args: argparse.Namespace) -> int:
    log("📋 Creating metadata index...")
    with open_store(args) as store:
        require_index(store, args, purpose="write")  # the v2 API's: a v1 index is refused
        mutation = store.create_metadata_index(args.name, args.property_name, args.type)
        before = store.count_vectors(args.name)
    log(
        "✅ Successfully enqueued metadata index creation request. "
        f"Mutation changeset identifier: {mutation.id}."
    )
    if before:  # the service says nothing of it: a filter then misses them without a word
        note(_limits.vectors_predate_metadata_index(args.name, args.property_name, before))
    return 0


@command
def list_metadata_index(args: argparse.Namespace) -> int:
    if not args.json:
        log("📋 Fetching metadata indexes...")
    with open_store(args) as store:
        record = require_index(store, args)
    indexes = [{"propertyName": m.property, "indexType": m.type} for m in record.metadata_indexes]
    if args.json:
        log(dump_json(indexes))
        return 0
    if not indexes:
        warn(
            f"\nIndex '{args.name}' has no metadata indexes.\n\n"
            f"Use 'workers-env vectorize create-metadata-index {args.name}' to create one."
        )
        return 0
    log(render_table([{"propertyName": m["propertyName"], "type": m["indexType"]} for m in indexes]))
    return 0


@command
def delete_metadata_index(args: argparse.Namespace) -> int:
    log("📋 Deleting metadata index...")
    with open_store(args) as store:
        require_index(store, args)
        mutation = store.delete_metadata_index(args.name, args.property_name)
    log(
        "✅ Successfully enqueued metadata index deletion request. "
        f"Mutation changeset identifier: {mutation.id}."
    )
    return 0


# Help texts: wrangler 4.164.0's descriptions (src/vectorize/*MetadataIndex.ts).
def _property_option(parser: argparse.ArgumentParser) -> None:
    # wrangler's option is `propertyName`; yargs accepts it as --propertyName and --property-name
    parser.add_argument("--property-name", "--propertyName", dest="property_name", required=True, **value_optional(),
                        help="The name of the metadata property to index.")


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("create-metadata-index", parents=[common],
                       help="Enable metadata filtering on the specified property")
    p.add_argument("name", help="The name of the Vectorize index.")
    _property_option(p)
    p.add_argument("--type", required=True, **value_optional(), choices=_limits.METADATA_INDEX_TYPES,
                   help="The type of metadata property to index. Valid types are 'string', 'number' and 'boolean'.")
    p.set_defaults(handler=create_metadata_index)

    p = sub.add_parser("list-metadata-index", parents=[common],
                       help="List metadata properties on which metadata filtering is enabled")
    p.add_argument("name", help="The name of the Vectorize index.")
    p.add_argument("--json", action=argparse.BooleanOptionalAction, default=False, help="return output as JSON")
    p.set_defaults(handler=list_metadata_index)

    p = sub.add_parser("delete-metadata-index", parents=[common], help="Delete metadata indexes")
    p.add_argument("name", help="The name of the Vectorize index.")
    _property_option(p)
    p.set_defaults(handler=delete_metadata_index)
