"""Every Vectorize limit and every Vectorize error text, in one place.

Figures and wording come from ``shared/vectorize-spec.md``; each builder returns the
:class:`VectorizeError` the real service would raise, so callers ``raise`` it and no other
module formats a Vectorize message.
"""

from __future__ import annotations

from dataclasses import dataclass

from workers_env._errors import VectorizeError, add_hint

# -- index definitions (spec §5, §6) ------------------------------------------------
MIN_DIMENSIONS = 1
MAX_DIMENSIONS = 1536
METRICS = ("cosine", "euclidean", "dot-product")
VERSIONS = ("v1", "v2")
PRESETS: dict[str, tuple[int, str]] = {
    "@cf/baai/bge-small-en-v1.5": (384, "cosine"),
    "@cf/baai/bge-base-en-v1.5": (768, "cosine"),
    "@cf/baai/bge-large-en-v1.5": (1024, "cosine"),
    "openai/text-embedding-ada-002": (1536, "cosine"),
    "cohere/embed-multilingual-v2.0": (768, "cosine"),
}
METADATA_INDEX_TYPES = ("string", "number", "boolean")
MAX_METADATA_INDEXES = 10
MAX_INDEXED_STRING_BYTES = 64

# -- vectors and writes (spec §2) ------------------------------------------------------
MAX_ID_BYTES = 64
MAX_METADATA_BYTES = 10240
MAX_VECTORS_PER_WRITE = 1000  # per binding call ("1000 (Workers) / 5000 (HTTP API)")
MAX_VECTORS_PER_HTTP_WRITE = 5000  # per HTTP API batch (v2), what `wrangler vectorize insert` sends
MAX_UPLOAD_BYTES = 100 * 1024 * 1024  # v2 "Maximum vectors upload size: 100 MB" per HTTP API upload
MAX_NAMESPACES_PER_INDEX = 50_000  # v2; v1 indexes allow 1,000 (Cloudflare's v1 limits table)
MAX_NAMESPACES_PER_INDEX_V1 = 1_000

# -- list-vectors (v2's limits table: "Maximum vectors in a list-vectors page: 1000"; the Vectorize
# API page: --count "Must be between 1 and 1000 (default: 100)") ------------------------------
LIST_VECTORS_MAX_COUNT = 1000
LIST_VECTORS_DEFAULT_COUNT = 100

# -- filters (spec §4) -----------------------------------------------------------------
MAX_FILTER_BYTES = 2048  # compact JSON must be strictly under this
MAX_FILTER_KEY_CHARS = 512
FILTER_OPERATORS = ("$eq", "$ne", "$in", "$nin", "$lt", "$lte", "$gt", "$gte")


def is_property_name(name: object) -> bool:
    """A metadata property a filter can name: 1-512 characters of Unicode text (no lone
    surrogate, which neither JSON to the service nor local state can carry), no ``"``, no empty
    or ``$``-led dot-separated part [D]; the rule for metadata index property names."""
    return (
        isinstance(name, str)
        and 0 < len(name) <= MAX_FILTER_KEY_CHARS
        and '"' not in name
        and lone_surrogate(name) is None
        and all(part and not part.startswith("$") for part in name.split("."))
    )


def lone_surrogate(text: str) -> str | None:
    """What makes ``text`` not Unicode (``the lone surrogate U+DCFF (the byte 0xFF, which is not
    UTF-8)``), or None when it is: U+DC80..U+DCFF is how Python carries a byte of a command-line
    argument that is not UTF-8."""
    if text.isascii():
        return None
    code = next((ord(c) for c in text if 0xD800 <= ord(c) <= 0xDFFF), None)
    if code is None:
        return None
    origin = f" (the byte 0x{code - 0xDC00:02X}, which is not UTF-8)" if 0xDC80 <= code <= 0xDCFF else ""
    return f"the lone surrogate U+{code:04X}{origin}"


@dataclass(frozen=True)
class ApiLimits:
    """What differs between the v1 and v2 Vectorize APIs (spec §1), as plain data."""

    version: str
    top_k_default: int
    top_k_max: int
    top_k_max_with_values: int  # with returnValues or returnMetadata="all"
    max_name_bytes: int  # index names and namespaces
    max_vectors: int
    max_namespaces: int
    max_get_ids: int | None
    max_delete_ids: int | None
    filter_operators: tuple[str, ...]
    filter_needs_metadata_index: bool
    supports_query_by_id: bool
    supports_metadata_indexes: bool


V1 = ApiLimits(
    version="v1",
    top_k_default=3,
    top_k_max=20,
    top_k_max_with_values=20,
    max_name_bytes=63,
    max_vectors=200_000,
    max_namespaces=MAX_NAMESPACES_PER_INDEX_V1,
    max_get_ids=None,
    max_delete_ids=None,
    filter_operators=("$eq", "$ne"),
    filter_needs_metadata_index=False,
    supports_query_by_id=False,
    supports_metadata_indexes=False,
)
V2 = ApiLimits(
    version="v2",
    top_k_default=5,
    top_k_max=100,
    top_k_max_with_values=50,
    max_name_bytes=64,
    max_vectors=20_000_000,
    max_namespaces=MAX_NAMESPACES_PER_INDEX,
    max_get_ids=20,
    max_delete_ids=100,
    filter_operators=FILTER_OPERATORS,
    filter_needs_metadata_index=True,
    supports_query_by_id=True,
    supports_metadata_indexes=True,
)
API_LIMITS = {"v1": V1, "v2": V2}

# -- operation names of the error envelope (spec §7) -----------------------------------
QUERY = "VECTOR_QUERY"
INSERT = "VECTOR_INSERT"
UPSERT = "VECTOR_UPSERT"
GET = "VECTOR_GET"
DELETE = "VECTOR_DELETE"
DESCRIBE = "INDEX_GET"


# -- error builders ----------------------------------------------------------------------
def wrong_dimensions(op: str, vector_id: str, expected: int, got: int) -> VectorizeError:
    return VectorizeError(
        op,
        f'invalid vector for id="{vector_id}", expected {expected} dimensions, '
        f"and got {got} dimensions",
        code=40012,
    )


def id_too_long(op: str, got_bytes: int) -> VectorizeError:
    return VectorizeError(op, f"id too long; max is {MAX_ID_BYTES} bytes, got {got_bytes} bytes", code=40008)


def empty_id(op: str, position: int) -> VectorizeError:
    return VectorizeError(op, f"invalid vector at position {position}: id must be a non-empty string")


def oversized_metadata(op: str, vector_id: str, got_bytes: int) -> VectorizeError:
    return VectorizeError(
        op,
        f'oversized metadata for vector id="{vector_id}"; the compact JSON representation of the '
        f"metadata must not exceed {MAX_METADATA_BYTES} bytes, got {got_bytes} bytes",
        code=40016,
    )


def unparsable_vectors(op: str, hint: str) -> VectorizeError:
    """What the service answers when the request body is not valid JSON for it."""
    kind = "insert" if op == INSERT else "upsert"
    return VectorizeError(op, f"failed to parse {kind} vectors request in json format ({hint})", code=40023)


def namespace_too_long(op: str, vector_id: str, limit: int, got_bytes: int) -> VectorizeError:
    return VectorizeError(
        op, f'invalid namespace for vector id="{vector_id}"; max is {limit} bytes, got {got_bytes} bytes'
    )


def bad_metadata_key(op: str, vector_id: str, key: str) -> VectorizeError:
    return VectorizeError(
        op,
        f'invalid metadata key {key!r} for vector id="{vector_id}"; keys must be non-empty, '
        "must not contain '.' or '\"' and must not start with '$'",
    )


def too_many_vectors(op: str, got: int, limit: int = MAX_VECTORS_PER_WRITE) -> VectorizeError:
    return VectorizeError(op, f"too many vectors in batch; max is {limit}, got {got}")


def index_full(op: str, limit: int, would_have: int) -> VectorizeError:
    return VectorizeError(
        op, f"index is full; max vectors per index is {limit}, this write would make {would_have}"
    )


def too_many_namespaces(op: str, limit: int, would_have: int) -> VectorizeError:
    return VectorizeError(
        op,
        f"too many namespaces; max is {limit} per index, this write would make {would_have}",
    )


def too_many_ids(op: str, limit: int, got: int) -> VectorizeError:
    return VectorizeError(op, f"too many ids in payload; max id count is {limit}, got {got}", code=40007)


def upload_too_large(vectors: int, got_bytes: int, fits: int) -> str:
    """The text of a ``workers-env vectorize insert/upsert`` batch over the HTTP API's upload
    size (v2's limits table: 100 MB); the service's own wording is not public [D]."""
    if fits < 1:
        advice = "one vector's line alone is over the limit: write fewer digits or less whitespace"
    else:
        advice = f"use a smaller --batch-size, such as {fits}"
    return (
        f"🚨 This batch of {vectors} vectors is {got_bytes:,} bytes of NDJSON; Vectorize takes at most "
        f"{MAX_UPLOAD_BYTES:,} bytes (100 MB) per upload: {advice}."
    )


def list_vectors_bad_count(count: object) -> str:
    """The text of a ``workers-env vectorize list-vectors --count`` outside 1-1000; the
    service's own wording is not public [D]."""
    return f"🚨 --count must be a whole number from 1 to {LIST_VECTORS_MAX_COUNT}; got {count}"


def incorrect_api_version(index_name: str, index_version: str, api_version: str) -> str:
    """The REST API's answer to a call on an index of the other generation (what ``wrangler
    vectorize`` gets for ``get --deprecated-v1`` of a v2 index, or ``query`` of a v1 one): quoted
    from a v1 ``GET /vectorize/indexes/<name>`` of a v2 index (doobidoo/mcp-memory-service#689);
    the v2 API on a v1 index is taken to fill the same template [D]."""
    return (f'vectorize.incorrect_api_version - Index: "{index_name}" with version "{index_version}" '
            f'called with api version "{api_version}" [code: 1010]')


def wrong_query_dimensions(expected: int, got: int) -> VectorizeError:
    return VectorizeError(
        QUERY, f"invalid query vector, expected {expected} dimensions, and got {got} dimensions", code=40006
    )


def top_k_too_large(k: int, *, limit: int, with_values_limit: bool, version: str) -> VectorizeError:
    if version == "v1":
        return VectorizeError(QUERY, f"max top K is {limit}, but got {k}")
    if with_values_limit:
        return VectorizeError(
            QUERY,
            f"with returnValues=true or returnMetadata=all, max top K is {limit}, but got {k}; "
            "for a top K up to 100, retry with returnValues=false and returnMetadata=indexed",
            code=40025,
        )
    return VectorizeError(QUERY, f"max top K is {limit}, but got {k}", code=40025)


def bad_query_option(text: str) -> VectorizeError:
    """Any other malformed query request (topK not a positive integer, bad filter, ...)."""
    return VectorizeError(QUERY, text, code=40026)


def return_metadata_false() -> VectorizeError:
    return VectorizeError(
        QUERY, "Failed to parse the request body as JSON: returnMetadata: expected value", code=40026
    )


# Messages the binding's JavaScript raises before any request is made (no envelope).
def js_error(message: str) -> VectorizeError:
    """A plain JS ``Error`` thrown by the binding wrapper itself (no ``<OP>_ERROR`` envelope)."""
    return VectorizeError(None, message)


def query_by_id_unsupported() -> VectorizeError:
    error = js_error("QueryById operation is not supported for v1 indexes.")
    add_hint(error, V1_INDEX_NOTE)
    return error


#: the note on a v2-only call made on a v1 index: most likely the definition lacks its version
V1_INDEX_NOTE = ("workers-env: this index is v1 -- a definition without version = \"v2\" is v1, while every index "
                 "created today (and by workers-env vectorize create) is v2: add version = \"v2\" to its definition "
                 "if the real index is v2")


def return_metadata_not_boolean(value: object) -> VectorizeError:
    """A v1 index's refusal of a non-boolean ``returnMetadata``; v2's values (``"all"`` ...) get
    a note that the index is v1."""
    error = js_error(f"Invalid returnMetadata option. Expected boolean; got: {value}")
    if value in ("all", "indexed", "none"):
        add_hint(error, f'{V1_INDEX_NOTE}, or pass returnMetadata=True on v1 ("{value}" is v2\'s)')
    return error


def return_metadata_invalid(value: object) -> VectorizeError:
    return js_error(
        f'Invalid returnMetadata option. Expected: true, false, "none", "indexed" or "all"; got: {value}'
    )


# -- metadata filters (spec §4) ---------------------------------------------------------
# The service answers every malformed filter with VECTOR_QUERY_ERROR (code = 40026); the
# texts after "invalid filter:" are ours [D], written to say what to change.
def bad_filter(text: str) -> VectorizeError:
    """A filter the service rejects: ``VECTOR_QUERY_ERROR (code = 40026): invalid filter: ...``."""
    return bad_query_option(f"invalid filter: {text}")


def filter_not_object(got: str) -> VectorizeError:
    return bad_filter(f'a filter must be an object such as {{"category": "docs"}}, got {got}')


def filter_empty() -> VectorizeError:
    return bad_filter("a filter must not be an empty object; leave the filter out to match every vector")


def filter_not_json(detail: str) -> VectorizeError:
    return bad_filter(f"the filter cannot be sent as JSON: {detail}")


def filter_lone_surrogate(where: str) -> VectorizeError:
    return bad_filter(
        f"{where} holds a lone UTF-16 surrogate, which is not valid Unicode and cannot be sent as JSON"
    )


def filter_too_large(got_bytes: int) -> VectorizeError:
    return bad_filter(
        f"the filter's compact JSON must be under {MAX_FILTER_BYTES} bytes, got {got_bytes} bytes"
    )


def filter_key_empty() -> VectorizeError:
    return bad_filter("filter keys must be non-empty strings")


def filter_key_too_long(key: str, got_chars: int) -> VectorizeError:
    return bad_filter(
        f"filter key {key[:40]!r}... is {got_chars} characters long; the maximum is {MAX_FILTER_KEY_CHARS}"
    )


def filter_key_has_quote(key_json: str) -> VectorizeError:
    return bad_filter(f"filter key {key_json} must not contain '\"'")


def filter_key_starts_with_dollar(key_json: str) -> VectorizeError:
    return bad_filter(
        f"filter key {key_json} must not start with '$'; operators go inside a property, "
        'as in {"price": {"$lt": 100}}'
    )


def filter_key_bad_segment(key_json: str) -> VectorizeError:
    return bad_filter(
        f"filter key {key_json} has an empty part or a part starting with '$'; a dotted key "
        'addresses nested metadata ("a.b" reads {"a": {"b": ...}}) and metadata keys are never '
        "empty nor start with '$'"
    )


def filter_value_is_array(key_json: str) -> VectorizeError:
    return bad_filter(
        f"value of {key_json} is an array; to match any of several values use {{\"$in\": [...]}}"
    )


def filter_nested_object(key_json: str, inner_key_json: str, dotted_json: str) -> VectorizeError:
    return bad_filter(
        f"value of {key_json} is an object with the key {inner_key_json}, which is not an operator; "
        f"to filter on a nested property write the dotted key {dotted_json}"
    )


def filter_empty_operators(key_json: str, operators: tuple[str, ...]) -> VectorizeError:
    return bad_filter(f"operator object of {key_json} is empty; give one of {', '.join(operators)}")


def filter_unknown_operator(op_json: str, key_json: str, operators: tuple[str, ...]) -> VectorizeError:
    return bad_filter(f"unknown operator {op_json} on {key_json}; use one of {', '.join(operators)}")


def filter_operator_unsupported(op: str, key_json: str, version: str, operators: tuple[str, ...]) -> VectorizeError:
    return bad_filter(
        f"operator {op} on {key_json} is not supported by {version} indexes; they support only "
        f"{', '.join(operators)}"
    )


def filter_bad_scalar(op: str, key_json: str, got: str) -> VectorizeError:
    return bad_filter(f"{op} on {key_json} takes a string, number, boolean or null, got {got}")


def filter_bad_list(op: str, key_json: str, got: str) -> VectorizeError:
    return bad_filter(f"{op} on {key_json} takes a non-empty array of strings, numbers, booleans or nulls, got {got}")


def filter_empty_list(op: str, key_json: str) -> VectorizeError:
    return bad_filter(f"{op} on {key_json} takes a non-empty array; an empty one can match nothing")


def filter_bad_range_value(op: str, key_json: str, got: str) -> VectorizeError:
    return bad_filter(f"{op} on {key_json} takes a string or a number, got {got}")


def filter_bad_combination(key_json: str, ops: tuple[str, ...]) -> VectorizeError:
    return bad_filter(
        f"operators {', '.join(ops)} on {key_json} cannot be combined; one property takes one operator, "
        "or one lower bound ($gt or $gte) together with one upper bound ($lt or $lte)"
    )


def filter_range_types_differ(key_json: str) -> VectorizeError:
    return bad_filter(f"range bounds on {key_json} must both be strings or both be numbers")


def unindexed_filter_warning(key: str, type_: str = "string", index_name: str | None = None) -> str:
    """Not a Vectorize error: the warning we add when a v2 filter names an unindexed property.
    ``type_`` is the metadata index type the filter's value asks for, ``index_name`` the index's
    name, so the command it suggests runs as written."""
    return (
        f"filter on {key!r} matches no vector: this v2 index has no metadata index on {key!r}, and "
        "Vectorize silently matches nothing for such a filter. Create one (\"metadata_indexes\": "
        f'{{"{key}": "{type_}"}} in the index definition, or `workers-env vectorize '
        f"create-metadata-index {index_name or '<index>'} --property-name={key} --type={type_}`), then write the "
        "vectors again"
    )


def delete_command(index_name: str, version: str) -> str:
    """The ``workers-env vectorize delete`` command line for a stored index of ``version``: a v1
    index needs ``--deprecated-v1``, as wrangler's delete of one does."""
    return f"workers-env vectorize delete {index_name}{' --deprecated-v1' if version == 'v1' else ''}"


def vectors_predate_metadata_index(index_name: str, property_name: str, count: int,
                                   which: str = "this metadata index") -> str:
    """Not a Vectorize message: what we add when a metadata index is created on an index already
    holding vectors (``create-metadata-index``, or a definition's ``metadata_indexes`` reconciled
    with persisted state): they are not in it, as on the service, which says nothing of it."""
    vectors = f"{count} vector{'s' if count != 1 else ''}"
    misses = "matches none of them until they are" if count != 1 else "does not match it until it is"
    return (f"index {index_name!r} already holds {vectors}, written before {which} and so not in it: a filter on "
            f"{property_name!r} {misses} written again, e.g. workers-env vectorize upsert {index_name} "
            "--file <your NDJSON>")


def filter_misses_older_vectors(key: str, count: int, index_name: str | None = None) -> str:
    """Not a Vectorize error: the warning we add when a v2 filter names an indexed property that
    ``count`` vectors carry but were written before its metadata index was created."""
    vectors = f"{count} vector{'s' if count != 1 else ''}"
    where = f" of index {index_name!r}" if index_name else ""
    carry = "carries" if count == 1 else "carry"
    return (f"filter on {key!r} cannot match {vectors}{where} that {carry} {key!r}: written before its metadata "
            f"index was created, {'it is' if count == 1 else 'they are'} not in it until written again (upsert "
            f"{'it' if count == 1 else 'them'} again, e.g. "
            f"workers-env vectorize upsert {index_name or '<index>'} --file <your NDJSON>)")


#: how to give a filter a value of a metadata index's type, for the warning below
_TYPE_FIX = {
    "number": "Pass a number (float(...) or int(...) of a string such as a URL query parameter)",
    "string": "Pass a string (str(...) of a number)",
    "boolean": 'Pass a boolean, not "true" or 1',
}


def mistyped_filter_warning(key: str, op: str, values: str, type_: str) -> str:
    """Not a Vectorize error: the warning we add when a v2 filter's clause compares an indexed
    property with values none of which is of its metadata index's type (``values`` as JSON)."""
    fix = ("no metadata index holds null, so a filter cannot find vectors without the property" if values == "null"
           else _TYPE_FIX[type_])
    return (
        f"filter on {key!r} matches no vector: {op} compares with {values}, but the metadata index on {key!r} is "
        f"of type {type_} and holds {type_} values only. {fix}"
    )


# -- metadata indexes (spec §4, §5) --------------------------------------------------------
# The Cloudflare API's wording for these is not public; the texts are ours [D].
def metadata_indexes_unsupported(index_name: str, version: str) -> VectorizeError:
    return js_error(
        f'index "{index_name}" is a {version} index; metadata indexes exist only on v2 indexes '
        '(set "version": "v2" in its definition)'
    )


def too_many_metadata_indexes(index_name: str, existing: int) -> VectorizeError:
    return js_error(
        f'index "{index_name}" already has {existing} metadata indexes; the maximum is '
        f"{MAX_METADATA_INDEXES} per index (delete one first)"
    )


def bad_metadata_index_type(property_name: str, type_: object) -> VectorizeError:
    return js_error(
        f"metadata index on {property_name!r} has type {type_!r}; use one of "
        f"{', '.join(METADATA_INDEX_TYPES)}"
    )


def bad_metadata_index_property(property_name: object) -> VectorizeError:
    surrogate = lone_surrogate(property_name) if isinstance(property_name, str) else None
    if surrogate is not None:
        return js_error(f"metadata index property name {property_name!r} is not valid Unicode: it holds "
                        f"{surrogate}; use a property name of UTF-8 text")
    return js_error(
        f"metadata index property name {property_name!r} is invalid: it must be a non-empty string of "
        f"at most {MAX_FILTER_KEY_CHARS} characters, without '\"', whose dot-separated parts are "
        "non-empty and do not start with '$'"
    )


def metadata_index_exists(index_name: str, property_name: str, type_: str) -> VectorizeError:
    return js_error(
        f'index "{index_name}" already has a metadata index on {property_name!r} (type {type_}); '
        "delete it first to change its type"
    )


def metadata_index_missing(index_name: str, property_name: object, existing: tuple[str, ...]) -> VectorizeError:
    have = ", ".join(repr(p) for p in existing) if existing else "none"
    return js_error(
        f'index "{index_name}" has no metadata index on {property_name!r} (it has: {have})'
    )
