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
import datetime
import json
import os
import re
import signal
import sys
import threading
import uuid
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from workers_env._errors import UnindexedFilterWarning, WorkersEnvError
from workers_env._jscoercions import js_truthy
from workers_env._jsontext import json_int
from workers_env._loglevel import emit, shows
from workers_env.cli.common import (
    CommandError,
    dump_json,
    error,
    js_number,
    log,
    note,
    render_table,
    value_optional,
    warn,
    with_hint,
)
from workers_env.vectorize import limits as _limits
from workers_env.vectorize.binding import VectorizeBinding
from workers_env.vectorize.ndjson import iter_sized_vectors
from workers_env.vectorize.store import state_dir

from .common import command, open_store, persist_to_of, require_index

if TYPE_CHECKING:
    from workers_env.vectorize.persistent import NoIndexPurpose

__all__ = ["register", "encode_cursor", "decode_cursor"]

def _js_number(text: str) -> int | float:
    """A number option as yargs parses it: JavaScript's ``Number()`` (``0x10`` is 16; Python's own
    spellings ``1_000``, ``nan`` and ``inf`` are no numbers there), so a whole one becomes an
    ``int`` only while it is safe (``99999999999999999999`` stays the double ``1e20``, not a
    BigInt the binding would refuse to serialise). NaN, which wrangler would send as ``null``, is
    refused here."""
    value = js_number(text)
    if value != value:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}")
    return int(value) if value.is_integer() and abs(value) <= 2**53 - 1 else value


def _whole_number(text: str) -> int:
    value = js_number(text)
    if value != value or not float(value).is_integer():
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}")
    return int(value)


def _binding(store: Any, args: argparse.Namespace, purpose: NoIndexPurpose = "read") -> VectorizeBinding:
    """The binding on the index ``args.name``, of the generation the command's API takes
    (:func:`~.common.require_index`)."""
    require_index(store, args, purpose)
    return VectorizeBinding(store.open_index(args.name), binding=None)


# -- insert / upsert -----------------------------------------------------------------------------
def _batches(path: Path, size: int) -> Iterator[tuple[list[dict[str, Any]], int, int]]:
    """Batches of vectors, each with the file line of its last vector and its size as
    wrangler uploads it (the vectors' lines joined by line feeds)."""
    batch: list[dict[str, Any]] = []
    number = 0
    nbytes = -1  # no separator before the first line
    for number, vector, line_bytes in iter_sized_vectors(path):
        batch.append(vector)
        nbytes += line_bytes + 1
        if len(batch) >= size:
            yield batch, number, nbytes
            batch = []
            nbytes = -1
    if batch:
        yield batch, number, nbytes


def _count_lines(path: Path) -> int:
    with path.open("rb") as handle:
        return sum(1 for line in handle if line.strip())


def _progress(path: Path) -> Any:
    """A tqdm bar on stderr when it is a terminal and the command's lines are shown (not from
    ``WRANGLER_LOG=info`` down), else ``None``."""
    if not sys.stderr.isatty() or not shows("log"):
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
        emit("warn", "Stopping after the batch in flight (press Ctrl+C again to stop at once)...", "stderr")  # (a note's level)

    def __exit__(self, *exc: object) -> None:
        if self._previous is not None:
            signal.signal(signal.SIGINT, self._previous)


def _interrupted(args: argparse.Namespace, op: str, written: str, last_line: int, more: bool) -> None:
    """What was written before Ctrl+C, and how to finish the job."""
    state = f" --persist-to {args.persist_to}" if args.persist_to else ""
    if getattr(args, "deprecated_v1", False):  # the flag the index needs again (insert of a v1 index)
        state = " --deprecated-v1" + state
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


# wrangler's figures (src/vectorize/common.ts, insert.ts, upsert.ts): insert sends 1000 vectors per
# batch by default, upsert 5000; at most 5000 per batch for v2 indexes (insert: 1000 for v1); a run
# stops after 100,000 vectors.
DEFAULT_BATCH_SIZE = {"insert": _limits.MAX_VECTORS_PER_WRITE, "upsert": _limits.MAX_VECTORS_PER_HTTP_WRITE}
MAX_VECTORS_PER_RUN = 100_000


def _write_file(args: argparse.Namespace, op: str) -> int:
    path = Path(args.file)
    if not (os.access(path, os.R_OK) and path.is_file() and path.stat().st_size > 0):
        raise CommandError(f"🚨 Cannot read invalid or empty file: {args.file}.")
    verb = "insertion" if op == "insert" else "upsertion"
    # wrangler checks --batch-size by the API it calls (insert's --deprecated-v1: v1), before any
    v1 = op == "insert" and args.deprecated_v1
    if v1 and args.batch_size > _limits.MAX_VECTORS_PER_WRITE:
        raise CommandError(
            f"🚨 Vectorize currently limits upload batches to {_limits.MAX_VECTORS_PER_WRITE} records at a time."
        )
    if not v1 and args.batch_size > _limits.MAX_VECTORS_PER_HTTP_WRITE:
        raise CommandError(
            "🚨 The global rate limit for the Cloudflare API is 1200 requests per five minutes. Vectorize "
            f"{'V2 ' if op == 'insert' else ''}indexes currently limit upload batches to "
            f"{_limits.MAX_VECTORS_PER_HTTP_WRITE} records at a time to stay within the service limits."
        )
    if args.batch_size < 1:
        raise CommandError(f"🚨 --batch-size must be a whole number of at least 1; got {args.batch_size}.")
    with open_store(args) as store, _StopRequest() as stop:
        binding = _binding(store, args, "write")  # an index of the other generation: the API's error
        bar = None if args.json else _progress(path)
        say = log if bar is None else (lambda text: bar.write(text, file=sys.stdout))
        written = 0
        last_line = 0  # the file line of the last vector written

        async def run() -> None:
            nonlocal written, last_line
            write = binding.insert_sync if op == "insert" else binding.upsert_sync
            limit = _limits.MAX_VECTORS_PER_WRITE if v1 else _limits.MAX_VECTORS_PER_HTTP_WRITE
            for batch, line, nbytes in _batches(path, args.batch_size):
                if not v1 and nbytes > _limits.MAX_UPLOAD_BYTES:  # refused before the service reads it
                    fits = len(batch) * _limits.MAX_UPLOAD_BYTES // nbytes
                    raise CommandError(_limits.upload_too_large(len(batch), nbytes, fits))
                result = write(batch, max_vectors=limit)  # the HTTP API takes the NDJSON as sent
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
                if written > MAX_VECTORS_PER_RUN:
                    if not args.json:
                        warn(
                            "🚧 While Vectorize is in beta, we've limited uploads to 100k vectors per run. "
                            "You may run this again with another batch to upload further"
                        )
                    return
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
_SCALAR_OPS = ("$eq", "$ne", "$lt", "$lte", "$gt", "gte")  # sic: wrangler checks "gte", not "$gte"


def _filter_scalar(value: Any) -> bool:
    return isinstance(value, (str, int, float)) and not (isinstance(value, float) and value != value)


def validate_query_filter(parsed: Any) -> dict[str, Any] | None:
    """wrangler's ``validateQueryFilter``: what of a ``--filter`` it sends, or None.

    Arrays are dropped; an operator object is kept only if every operator is one it knows
    with a value of the right type (``$gte`` is not among them: wrangler lists ``"gte"``).
    """
    if not isinstance(parsed, dict):
        return None
    result: dict[str, Any] = {}
    for field_name, value in parsed.items():
        if isinstance(value, list):
            continue
        if isinstance(value, dict):
            valid = True
            for op, inner in value.items():
                if op in _SCALAR_OPS:
                    valid = valid and _filter_scalar(inner)
                elif op in ("$in", "$nin"):
                    valid = valid and isinstance(inner, list) and all(map(_filter_scalar, inner))
                else:
                    valid = False
            if valid and value:
                result[field_name] = dict(value)
        else:
            result[field_name] = value
    return result or None


def _not_json(text: str) -> Any:
    """``NaN``/``Infinity``, which ``JSON.parse`` refuses: wrangler's invalid-filter warning
    follows, so this error has no text."""
    raise ValueError(text)


@command
def query(args: argparse.Namespace) -> int:
    """Query by ``--vector`` or ``--vector-id``; prints the matches as JSON."""
    filter_: Any = None
    if args.filter is not None:
        try:
            filter_ = json.loads(args.filter, parse_int=json_int, parse_constant=_not_json)
        except (ValueError, RecursionError):
            warn("🚨 Invalid query filter. Please use the recommended format.")
            filter_ = None
    vector = None
    dropped: list[str] = []
    if args.vector is not None:  # yargs' coerce keeps the items that are numbers
        dropped = [v for v in args.vector if js_number(v) != js_number(v)]
        vector = [js_number(v) for v in args.vector]
        vector = [v for v in vector if v == v]
        vector = [int(v) if v.is_integer() and abs(v) < 2**53 else v for v in vector]
    options: dict[str, Any] = {
        "topK": args.top_k,
        "returnValues": args.return_values,
        "returnMetadata": args.return_metadata,
    }
    if args.namespace:
        options["namespace"] = args.namespace
    if js_truthy(filter_):  # wrangler's order: the filter, the vector check, then the index
        parsed = validate_query_filter(filter_)
        if parsed is None:
            warn("🚨 Could not parse the provided query filter. Please use the recommended format.")
        else:
            options["filter"] = parsed
    if (vector is None) == (args.vector_id is None):
        raise CommandError("🚨 Either vector or vector-id parameter must be provided, but not both.")
    log("📋 Searching for relevant vectors...")
    with open_store(args) as store, warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", UnindexedFilterWarning)
        binding = _binding(store, args)  # the v2 API's: a v1 index is refused
        if vector is not None:
            try:
                result = asyncio.run(binding.query(vector, options))
            except WorkersEnvError as exc:
                raise with_hint(exc, _dropped_items_hint(dropped)) from None
        else:
            result = asyncio.run(binding.queryById(args.vector_id, options))
    if result["count"] == 0:
        warn("Could not find any relevant vectors")
    else:
        log(dump_json(result))
    _print_filter_warnings(caught)
    return 0


def _print_filter_warnings(caught: list[warnings.WarningMessage]) -> None:
    """The binding's :class:`UnindexedFilterWarning` (a v2 filter on a property without a metadata
    index) as a ``(workers-env: ...)`` line on stderr after wrangler's output, not as Python's
    warning, whose location would be asyncio's; any other warning is shown as Python shows it."""
    for caught_warning in caught:
        if issubclass(caught_warning.category, UnindexedFilterWarning):
            note(str(caught_warning.message))
        else:
            warnings.showwarning(caught_warning.message, caught_warning.category, caught_warning.filename,
                                 caught_warning.lineno, caught_warning.file, caught_warning.line)


def _dropped_items_hint(dropped: list[str]) -> str | None:
    """What a refused ``--vector`` lost: the items that are not numbers, which wrangler drops
    without a word (a comma-separated or bracketed list is one such item)."""
    if not dropped:
        return None
    shown = ", ".join(repr(item) for item in dropped[:3]) + (", ..." if len(dropped) > 3 else "")
    return (f"--vector dropped {shown}: not a number, as wrangler drops it. Give the numbers "
            "separated by spaces: --vector 0.1 0.5 0.7")


# -- get-vectors / delete-vectors ------------------------------------------------------------------
@command
def get_vectors(args: argparse.Namespace) -> int:
    """Fetch vectors by id."""
    if not args.ids:
        raise CommandError("🚨 Please provide valid vector identifiers.")
    log("📋 Fetching vectors...")
    with open_store(args) as store:
        vectors = asyncio.run(_binding(store, args).getByIds(args.ids))
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
        binding = _binding(store, args)
        result = asyncio.run(binding.deleteByIds(args.ids))
    log(
        f"✅ Successfully enqueued {len(args.ids)} vectors into index '{args.name}' for deletion. "
        f"Mutation changeset identifier: {result['mutationId']}."
    )
    return 0


# -- list-vectors ----------------------------------------------------------------------------------------
# A cursor is a snapshot, as the service promises: the first page records every id of the
# index (in code-point order) in a small file beside the state; later pages read that file,
# so vectors written or deleted meanwhile change nothing until the listing starts again.
CURSOR_LIFETIME = datetime.timedelta(hours=1)


def _snapshot_dir(args: argparse.Namespace) -> Path:
    return state_dir(persist_to_of(args)) / "list-vectors-snapshots"


def _iso_nanos(moment: datetime.datetime) -> str:
    """The API's timestamp form: ``2025-08-13T20:32:52.469144957+00:00``."""
    return f"{moment:%Y-%m-%dT%H:%M:%S}.{moment.microsecond * 1000:09d}+00:00"


def encode_cursor(token: str, offset: int) -> str:
    """An opaque cursor: the snapshot's token and the position of the next page."""
    raw = json.dumps({"s": token, "o": offset}, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    try:
        raw = base64.b64decode(cursor + "=" * (-len(cursor) % 4), altchars=b"-_", validate=True)
        data = json.loads(raw.decode("utf-8"))
        token, offset = data["s"], data["o"]
        if not (isinstance(token, str) and re.fullmatch(r"[0-9a-f]{32}", token) and type(offset) is int and offset > 0):
            raise ValueError(token)
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError, KeyError):
        raise CommandError(f"🚨 Invalid cursor {cursor!r}; use the nextCursor of a previous list-vectors") from None
    return token, offset


def _prune(folder: Path, now: datetime.datetime) -> None:
    for old in folder.glob("*.json"):
        try:
            expires = datetime.datetime.fromisoformat(json.loads(old.read_text("utf-8"))["expires"])
            if expires <= now:
                old.unlink()
        except (OSError, ValueError, KeyError, TypeError):
            continue


@command
def list_vectors(args: argparse.Namespace) -> int:
    """A page of vector ids, in id order, with a cursor (a snapshot) for the next page."""
    count = _limits.LIST_VECTORS_DEFAULT_COUNT if args.count is None else args.count
    if not (isinstance(count, int) and 1 <= count <= _limits.LIST_VECTORS_MAX_COUNT):
        raise CommandError(_limits.list_vectors_bad_count(count))
    position = decode_cursor(args.cursor) if args.cursor else None
    if not args.json:
        log(f"📋 Listing vectors in index '{args.name}'...")
    now = datetime.datetime.now(datetime.timezone.utc)
    folder = _snapshot_dir(args)
    with open_store(args) as store:
        record = require_index(store, args)
        if position is None:
            token, offset = uuid.uuid4().hex, 0
            ids, _, _ = store.list_vector_ids(args.name, after=None, limit=2**62)
            expires = now + CURSOR_LIFETIME
        else:
            token, offset = position
            try:
                snap = json.loads((folder / f"{token}.json").read_text("utf-8"))
                expires = datetime.datetime.fromisoformat(snap["expires"])
                ids = snap["ids"]
            except (OSError, ValueError, KeyError, TypeError):
                snap, expires, ids = None, now, []
            if snap is None or expires <= now or snap.get("index") != record.id or offset > len(ids):
                raise CommandError(
                    f"🚨 The cursor {args.cursor!r} has expired or belongs to another listing; "
                    f"start again without --cursor"
                )
    page = ids[offset : offset + count]
    more = offset + count < len(ids)
    if more and position is None:
        folder.mkdir(parents=True, exist_ok=True)
        _prune(folder, now)
        text = json.dumps({"index": record.id, "expires": expires.isoformat(), "ids": ids})
        (folder / f"{token}.json").write_text(text, encoding="utf-8")
    result: dict[str, Any] = {
        "count": len(page),
        "totalCount": len(ids),
        "isTruncated": more,
        "nextCursor": encode_cursor(token, offset + count) if more else None,
        "cursorExpirationTimestamp": _iso_nanos(expires) if more else None,
        "vectors": [{"id": i} for i in page],
    }
    if args.json:
        log(dump_json(result))
        return 0
    if not page:
        warn("No vectors found in this index.")
        return 0
    log(render_table([{"#": str(n), "Vector ID": vid} for n, vid in enumerate(page, start=1)]))
    log(f"\nShowing {len(page)} of {len(ids)} total vectors")
    if more:
        again = f" --persist-to {args.persist_to}" if args.persist_to else ""
        log("\n💡 To get the next page, run:")
        log(f"   workers-env vectorize list-vectors {args.name} --cursor {result['nextCursor']}{again}")
    return 0


# -- registration ------------------------------------------------------------------------------------------
# Help texts: wrangler 4.164.0's descriptions of the same commands and options (src/vectorize/*.ts),
# with yargs' "[default: ...]" where wrangler's option has a default.
_BATCH_HELP = {
    "insert": "Number of vector records to include when sending to the Cloudflare API.",
    "upsert": "Number of vector records to include in a single upsert batch when sending to the Cloudflare API.",
}


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    for op, verb in (("insert", "Insert"), ("upsert", "Upsert")):
        p = sub.add_parser(op, parents=[common], help=f"{verb} vectors into a Vectorize index")
        p.add_argument("name", help="The name of the Vectorize index.")
        p.add_argument("--file", required=True, **value_optional(),
                       help="A file containing line separated json (ndjson) vector objects.")
        p.add_argument(
            "--batch-size", type=_whole_number, default=DEFAULT_BATCH_SIZE[op],
            **value_optional(DEFAULT_BATCH_SIZE[op]),
            help=f"{_BATCH_HELP[op]} [default: {DEFAULT_BATCH_SIZE[op]}]",
        )
        p.add_argument("--json", action=argparse.BooleanOptionalAction, default=False, help="return output as JSON")
        if op == "insert":
            p.add_argument("--deprecated-v1", action=argparse.BooleanOptionalAction, default=False,
                           help="Insert into a deprecated V1 Vectorize index. This must be enabled if the index was "
                                "created with the V1 option.")
        p.set_defaults(handler=insert if op == "insert" else upsert)

    p = sub.add_parser("query", parents=[common], help="Query a Vectorize index")
    p.add_argument("name", help="The name of the Vectorize index")
    p.add_argument("--vector", nargs="*", help="Vector to query the Vectorize Index")
    p.add_argument("--vector-id", **value_optional(),
                   help="Identifier for a vector in the index against which the index should be queried")
    p.add_argument("--top-k", type=_js_number, default=5, **value_optional(5),
                   help="The number of results (nearest neighbors) to return [default: 5]")
    p.add_argument("--return-values", action=argparse.BooleanOptionalAction, default=False,
                   help="Specify if the vector values should be included in the results")
    p.add_argument("--return-metadata", choices=("all", "indexed", "none"), default="none", **value_optional("none"),
                   help='Specify if the vector metadata should be included in the results [default: "none"]')
    p.add_argument("--namespace", **value_optional(), help="Filter the query results based on this namespace")
    p.add_argument("--filter", **value_optional(), help="Filter the query results based on this metadata filter.")
    # argparse takes "-1" or "-.5" as values but "-2e-3" as an unknown option; widen its
    # negative-number pattern so `--vector 1 -2e-3` works as it does with wrangler.
    if hasattr(p, "_negative_number_matcher"):
        p._negative_number_matcher = re.compile(r"^-(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")
    p.set_defaults(handler=query)

    p = sub.add_parser("get-vectors", parents=[common], help="Get vectors from a Vectorize index")
    p.add_argument("name", help="The name of the Vectorize index.")
    p.add_argument("--ids", nargs="*", required=True,
                   help="Vector identifiers to be fetched from the Vectorize Index. Example: `--ids a 'b' 1 '2'`")
    p.set_defaults(handler=get_vectors)

    p = sub.add_parser("delete-vectors", parents=[common], help="Delete vectors in a Vectorize index")
    p.add_argument("name", help="The name of the Vectorize index.")
    p.add_argument("--ids", nargs="*", required=True,
                   help="Vector identifiers to be deleted from the Vectorize Index.  Example: `--ids a 'b' 1 '2'`")
    p.set_defaults(handler=delete_vectors)

    p = sub.add_parser("list-vectors", parents=[common], help="List vector identifiers in a Vectorize index")
    p.add_argument("name", help="The name of the Vectorize index")
    p.add_argument("--count", type=_js_number, default=None, **value_optional(None),
                   help=f"Maximum number of vectors to return (1-{_limits.LIST_VECTORS_MAX_COUNT})")
    p.add_argument("--cursor", **value_optional(), help="Cursor for pagination to get the next page of results")
    p.add_argument("--json", action=argparse.BooleanOptionalAction, default=False, help="Return output as JSON")
    p.set_defaults(handler=list_vectors)
