"""Vector commands: ``insert``, ``upsert``, ``query``, ``get-vectors``, ``delete-vectors``,
``list-vectors``.

Everything but ``list-vectors`` goes through the binding facade on the persisted index, so
the CLI validates and fails exactly as ``env.INDEX`` does in a Worker.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import binascii
import json
import os
import re
import signal
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from workers_env._errors import WorkersEnvError
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.binding import VectorizeBinding
from workers_env.vectorize.ndjson import iter_numbered_vectors

from .common import (
    CommandError,
    command,
    dump_json,
    error,
    log,
    open_store,
    render_table,
    warn,
)

__all__ = ["register", "encode_cursor", "decode_cursor"]

LIST_VECTORS_DEFAULT_COUNT = 100
LIST_VECTORS_MAX_COUNT = 1000


def _js_number(text: str) -> int | float:
    """A number option as yargs parses it (whole numbers become ints)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    return int(value) if value.is_integer() else value


def _binding(store: Any, name: str) -> VectorizeBinding:
    store.require(name)
    return VectorizeBinding(store.open_index(name), binding=None)


# -- insert / upsert -----------------------------------------------------------------------------
def _batches(path: Path, size: int) -> Iterator[tuple[list[dict[str, Any]], int]]:
    """Batches of vectors, each with the file line of its last vector."""
    batch: list[dict[str, Any]] = []
    number = 0
    for number, vector in iter_numbered_vectors(path):
        batch.append(vector)
        if len(batch) >= size:
            yield batch, number
            batch = []
    if batch:
        yield batch, number


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _progress(path: Path) -> Any:
    """A tqdm bar on stderr when it is a terminal, else ``None``."""
    if not sys.stderr.isatty():
        return None
    from tqdm import tqdm

    return tqdm(total=_count_lines(path), unit="vectors", file=sys.stderr, leave=False)


class _StopRequest:
    """Ctrl+C (SIGINT) during a file write: remembered, acted on between batches.

    Each batch is one binding call and one transaction, so the batch in flight is finished
    and the loop stops before the next; a second Ctrl+C stops at once (the transaction of
    the batch it cuts short is rolled back). Outside the main thread (the CLI run in-process
    from a thread) signals cannot be caught and nothing changes.
    """

    def __init__(self) -> None:
        self.requested = False
        self._previous: Any = None

    def __enter__(self) -> _StopRequest:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handle)
        return self

    def _handle(self, signum: int, frame: Any) -> None:
        if self.requested:
            raise KeyboardInterrupt
        self.requested = True
        print("Stopping after the batch in flight (press Ctrl+C again to stop at once)...", file=sys.stderr, flush=True)

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _interrupted(args: argparse.Namespace, op: str, written: str, last_line: int, more: bool) -> None:
    """What was written before Ctrl+C, and how to finish the job."""
    state = f" --persist-to {args.persist_to}" if args.persist_to else ""
    redo = "skips the ids already written" if op == "insert" else "writes the same vectors again"
    upto = f" (the file up to line {last_line})" if last_line else ""
    lines = [
        f"Interrupted: {written} vectors from {args.file} were written to index '{args.name}'{upto}; "
        "the rest of the file was not.",
        f"  To finish, run the same command again ({op} {redo}):",
        f"    workers-env vectorize {op} {args.name} --file {args.file}{state}",
    ]
    if more:
        nxt = last_line + 1
        lines += [
            f"  or write only the rest, from line {nxt} on:",
            f"    tail -n +{nxt} {args.file} > rest.ndjson && workers-env vectorize {op} {args.name} --file rest.ndjson{state}",
        ]
    error("\n".join(lines))


def _has_vectors_after(path: Path, line: int) -> bool:
    """Whether the file has a non-blank line after ``line``."""
    with path.open("rb") as handle:
        return any(raw.strip() for number, raw in enumerate(handle, start=1) if number > line)


def _write_file(args: argparse.Namespace, op: str) -> int:
    path = Path(args.file)
    if not (os.access(path, os.R_OK) and path.is_file() and path.stat().st_size > 0):
        raise CommandError(f"🚨 Cannot read invalid or empty file: {args.file}.")
    if not 1 <= args.batch_size <= _limits.MAX_VECTORS_PER_WRITE:
        raise CommandError(
            f"🚨 A Vectorize binding writes at most {_limits.MAX_VECTORS_PER_WRITE} vectors per call, so "
            f"--batch-size must be from 1 to {_limits.MAX_VECTORS_PER_WRITE}; got {args.batch_size}."
        )
    verb = "insertion" if op == "insert" else "upsertion"
    with open_store(args) as store, _StopRequest() as stop:
        binding = _binding(store, args.name)
        v1 = binding.index.limits.version == "v1"
        if getattr(args, "deprecated_v1", False) and not v1:
            warn(f"index '{args.name}' is a v2 index; --deprecated-v1 is ignored")
        bar = None if args.json else _progress(path)
        say = log if bar is None else (lambda text: bar.write(text, file=sys.stdout))
        written = 0
        last_line = 0  # the file line of the last vector written

        async def run() -> None:
            nonlocal written, last_line
            method = binding.insert if op == "insert" else binding.upsert
            for batch, line in _batches(path, args.batch_size):
                result = await method(batch)
                last_line = line
                # progress only once the batch is committed (wrangler prints v1's line before)
                if v1:
                    written += int(result["count"])
                    if not args.json:
                        say(f"✨ Uploading vector batch ({len(batch)} vectors)")
                else:
                    written += len(batch)
                    if not args.json:
                        say(
                            f"✨ Enqueued {len(batch)} vectors into index '{args.name}' for {verb}. "
                            f"Mutation changeset identifier: {result['mutationId']}"
                        )
                if bar is not None:
                    bar.update(len(batch))
                if stop.requested:
                    return

        try:
            asyncio.run(run())
        except KeyboardInterrupt:  # the second Ctrl+C: the batch it cut short was rolled back
            if bar is not None:
                bar.close()
            _interrupted(args, op, f"at least {written}", last_line, more=False)
            return 130
        except WorkersEnvError:
            if bar is not None:
                bar.close()
            if written:
                error(f"{written} vectors from earlier batches of {args.file} were written before this error")
            raise
        if bar is not None:
            bar.close()
    if stop.requested and _has_vectors_after(path, last_line):
        if args.json:
            log(dump_json({"index": args.name, "count": written, "interrupted": True}))
        _interrupted(args, op, str(written), last_line, more=True)
        return 130
    if args.json:
        log(dump_json({"index": args.name, "count": written}))
    elif v1:
        done = "inserted" if op == "insert" else "upserted"
        log(f"✅ Successfully {done} {written} vectors into index '{args.name}'")
    else:
        log(f"✅ Successfully enqueued {written} vectors into index '{args.name}' for {verb}.")
    return 0


@command
def insert(args: argparse.Namespace) -> int:
    """Insert vectors from an NDJSON file; ids that exist are skipped (binding semantics)."""
    return _write_file(args, "insert")


@command
def upsert(args: argparse.Namespace) -> int:
    """Upsert vectors from an NDJSON file."""
    return _write_file(args, "upsert")


# -- query ------------------------------------------------------------------------------------------
@command
def query(args: argparse.Namespace) -> int:
    """Query by ``--vector`` or ``--vector-id``; prints the matches as JSON."""
    if (args.vector is None) == (args.vector_id is None):
        raise CommandError("🚨 Either vector or vector-id parameter must be provided, but not both.")
    filter_: Any = None
    if args.filter is not None:
        try:
            filter_ = json.loads(args.filter)
        except (json.JSONDecodeError, RecursionError):
            raise CommandError("🚨 Invalid query filter. Please use the recommended format.") from None
    with open_store(args) as store:
        binding = _binding(store, args.name)
        return_metadata: Any = args.return_metadata
        if binding.index.limits.version == "v1" and return_metadata in ("none", "all"):
            return_metadata = return_metadata == "all"  # v1 takes a boolean
        options: dict[str, Any] = {
            "topK": args.top_k,
            "returnValues": args.return_values,
            "returnMetadata": return_metadata,
        }
        if args.namespace:
            options["namespace"] = args.namespace
        if filter_ is not None:
            options["filter"] = filter_
        log("📋 Searching for relevant vectors...")
        if args.vector is not None:
            result = asyncio.run(binding.query(args.vector, options))
        else:
            result = asyncio.run(binding.queryById(args.vector_id, options))
    if result["count"] == 0:
        warn("Could not find any relevant vectors")
        return 0
    log(dump_json(result))
    return 0


# -- get-vectors / delete-vectors ------------------------------------------------------------------
@command
def get_vectors(args: argparse.Namespace) -> int:
    """Fetch vectors by id."""
    if not args.ids:
        raise CommandError("🚨 Please provide valid vector identifiers.")
    log("📋 Fetching vectors...")
    with open_store(args) as store:
        vectors = asyncio.run(_binding(store, args.name).getByIds(args.ids))
    if not vectors:
        warn("The index does not contain vectors corresponding to the provided identifiers")
        return 0
    log(dump_json(vectors))
    return 0


@command
def delete_vectors(args: argparse.Namespace) -> int:
    """Delete vectors by id."""
    if not args.ids:
        raise CommandError("🚨 Please provide valid vector identifiers for deletion.")
    log("📋 Deleting vectors...")
    with open_store(args) as store:
        binding = _binding(store, args.name)
        result = asyncio.run(binding.deleteByIds(args.ids))
    if "mutationId" in result:
        log(
            f"✅ Successfully enqueued {len(args.ids)} vectors into index '{args.name}' for deletion. "
            f"Mutation changeset identifier: {result['mutationId']}."
        )
    else:
        log(f"✅ Successfully deleted {result['count']} vectors from index '{args.name}'.")
    return 0


# -- list-vectors ----------------------------------------------------------------------------------------
def encode_cursor(last_id: str) -> str:
    """An opaque cursor: the last id returned, base64url without padding."""
    return base64.urlsafe_b64encode(last_id.encode("utf-8")).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> str:
    try:
        last_id = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError, ValueError):
        last_id = None
    if not last_id or encode_cursor(last_id) != cursor:
        raise CommandError(f"🚨 Invalid cursor {cursor!r}; use the nextCursor of a previous list-vectors")
    return last_id


@command
def list_vectors(args: argparse.Namespace) -> int:
    """A page of vector ids, in id order, with a cursor for the next page."""
    count = LIST_VECTORS_DEFAULT_COUNT if args.count is None else args.count
    if not (isinstance(count, int) and 1 <= count <= LIST_VECTORS_MAX_COUNT):
        raise CommandError(f"🚨 --count must be a whole number from 1 to {LIST_VECTORS_MAX_COUNT}; got {count}")
    after = decode_cursor(args.cursor) if args.cursor else None
    if not args.json:
        log(f"📋 Listing vectors in index '{args.name}'...")
    with open_store(args) as store:
        ids, total, more = store.list_vector_ids(args.name, after=after, limit=count)
    result: dict[str, Any] = {"count": len(ids), "totalCount": total, "isTruncated": more}
    if more:
        result["nextCursor"] = encode_cursor(ids[-1])
    result["vectors"] = [{"id": i} for i in ids]
    if args.json:
        log(dump_json(result))
        return 0
    if not ids:
        warn("No vectors found in this index.")
        return 0
    log(render_table([{"#": str(n), "Vector ID": vid} for n, vid in enumerate(ids, start=1)]))
    log(f"\nShowing {len(ids)} of {total} total vectors")
    if more:
        again = f" --persist-to {args.persist_to}" if args.persist_to else ""
        log("\n💡 To get the next page, run:")
        log(f"   workers-env vectorize list-vectors {args.name} --cursor {result['nextCursor']}{again}")
    return 0


# -- registration ------------------------------------------------------------------------------------------
def register(sub: Any, common: argparse.ArgumentParser) -> None:
    for op, verb in (("insert", "Insert"), ("upsert", "Upsert")):
        p = sub.add_parser(op, parents=[common], help=f"{verb.lower()} vectors into a Vectorize index")
        p.add_argument("name", help="the name of the Vectorize index")
        p.add_argument("--file", required=True, help="a file of line-separated JSON (NDJSON) vector objects")
        p.add_argument(
            "--batch-size", type=int, default=_limits.MAX_VECTORS_PER_WRITE,
            help=f"vectors per binding call (1-{_limits.MAX_VECTORS_PER_WRITE}, default {_limits.MAX_VECTORS_PER_WRITE})",
        )
        p.add_argument("--json", action="store_true", help="return output as JSON")
        if op == "insert":
            p.add_argument("--deprecated-v1", action="store_true",
                           help="accepted for wrangler compatibility; the index's own version is used")
        p.set_defaults(handler=insert if op == "insert" else upsert)

    p = sub.add_parser("query", parents=[common], help="query a Vectorize index")
    p.add_argument("name", help="the name of the Vectorize index")
    p.add_argument("--vector", type=float, nargs="+", help="vector to query the index with")
    p.add_argument("--vector-id", help="id of a stored vector to query the index with (v2)")
    p.add_argument("--top-k", type=_js_number, default=5, help="the number of results to return (default 5)")
    p.add_argument("--return-values", action=argparse.BooleanOptionalAction, default=False,
                   help="include the vector values in the results")
    p.add_argument("--return-metadata", choices=("all", "indexed", "none"), default="none",
                   help="include the vector metadata in the results (default none)")
    p.add_argument("--namespace", help="only search vectors in this namespace")
    p.add_argument("--filter", help='a metadata filter as JSON, e.g. \'{"genre": {"$eq": "drama"}}\'')
    # argparse takes "-1" or "-.5" as values but "-2e-3" as an unknown option; widen its
    # negative-number pattern so `--vector 1 -2e-3` works as it does with wrangler.
    if hasattr(p, "_negative_number_matcher"):
        p._negative_number_matcher = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
    p.set_defaults(handler=query)

    p = sub.add_parser("get-vectors", parents=[common], help="get vectors from a Vectorize index")
    p.add_argument("name", help="the name of the Vectorize index")
    p.add_argument("--ids", nargs="+", required=True, help="vector identifiers to fetch")
    p.set_defaults(handler=get_vectors)

    p = sub.add_parser("delete-vectors", parents=[common], help="delete vectors in a Vectorize index")
    p.add_argument("name", help="the name of the Vectorize index")
    p.add_argument("--ids", nargs="+", required=True, help="vector identifiers to delete")
    p.set_defaults(handler=delete_vectors)

    p = sub.add_parser("list-vectors", parents=[common], help="list vector identifiers in a Vectorize index")
    p.add_argument("name", help="the name of the Vectorize index")
    p.add_argument("--count", type=_js_number, default=None,
                   help=f"maximum number of vectors to return (1-{LIST_VECTORS_MAX_COUNT}, default {LIST_VECTORS_DEFAULT_COUNT})")
    p.add_argument("--cursor", help="cursor for the next page of results")
    p.add_argument("--json", action="store_true", help="return output as clean JSON")
    p.set_defaults(handler=list_vectors)
