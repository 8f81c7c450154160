"""Compatibility dates and flags, decided as workerd and ``wrangler dev`` decide them.

A flag of workerd's ``compatibility-date.capnp`` is on when the config names its enable
flag, off when it names its disable flag, and otherwise on from its enable date. A config
without ``compatibility_date`` runs, as under ``wrangler dev``, on a default date with a
warning; wrangler's default is the release date of its bundled workerd, ours is today's
date (UTC), since workers-env stands in for the newest runtime.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from workers_env.config.workerd_flags import FLAGS as WORKERD_FLAGS

__all__ = [
    "ALLOW_EVAL_DURING_STARTUP",
    "BROTLI_CONTENT_ENCODING",
    "CACHE_NO_CACHE",
    "CACHE_OPTION_ENABLED",
    "CACHE_RELOAD",
    "DEVELOPMENT_PYODIDE_FLAG",
    "ENABLE_REQUEST_SIGNAL",
    "FETCH_STANDARD_URL",
    "KNOWN_FLAGS",
    "PYTHON_EXTERNAL_SDK",
    "PYTHON_FORCE_NEW_VENDOR_PATH",
    "PYTHON_NO_GLOBAL_HANDLERS",
    "PYTHON_PROCESS_PTH_FILES",
    "PYTHON_RELEASES",
    "QUEUES_JSON_MESSAGES",
    "QUEUE_EXPOSE_ERROR_CODES",
    "REQUEST_SIGNAL_PASSTHROUGH",
    "VECTORIZE_QUERY_METADATA_OPTIONAL",
    "WORKERD_EXPERIMENTAL_FLAGS",
    "CompatFlag",
    "PythonRelease",
    "cache_modes",
    "compatibility_date",
    "compatibility_date_problem",
    "compatibility_flags_problem",
    "compatibility_flags_refusal",
    "contradictory_flags",
    "date_example",
    "experimental_flags",
    "flag_enabled",
    "future_date_refusal",
    "invalid_date_refusal",
    "set_by_flag",
    "missing_date_warning",
    "newer_than_wranglers_runtime",
    "python_release",
    "redundant_flag_warnings",
    "unknown_flags",
    "workerd_refusal",
]


@dataclass(frozen=True)
class CompatFlag:
    """One workerd compatibility flag: its field name, its two config spellings, its date."""

    field: str
    enable: str
    disable: str
    date: str | None  # None: only the enable flag turns it on


#: ``pythonNoGlobalHandlers``: only ``class Default(WorkerEntrypoint)`` is dispatched.
PYTHON_NO_GLOBAL_HANDLERS = CompatFlag(
    "pythonNoGlobalHandlers", "python_no_global_handlers", "disable_python_no_global_handlers", "2025-08-14"
)
#: ``pythonExternalSDK``: the Python SDK is the vendored ``workers-runtime-sdk``, not workerd's own.
PYTHON_EXTERNAL_SDK = CompatFlag(
    "pythonExternalSDK", "enable_python_external_sdk", "disable_python_external_sdk", "2026-04-21"
)


#: ``allowEvalDuringStartup``: JavaScript ``eval()``/``new Function()`` at a Worker's top level
#: (never while handling a request), so ``pyodide.code.run_js`` there
ALLOW_EVAL_DURING_STARTUP = CompatFlag(
    "allowEvalDuringStartup", "allow_eval_during_startup", "disallow_eval_during_startup", "2025-06-01"
)


#: ``queuesJsonMessages``: a Queue's ``send(body)`` without a ``contentType`` serialises to JSON
#: (``JSON.stringify``), no longer with V8's serializer.
QUEUES_JSON_MESSAGES = CompatFlag("queuesJsonMessages", "queues_json_messages", "no_queues_json_messages", "2024-03-18")
#: ``fetcherNoGetPutDelete``: a ``Fetcher`` (a service binding, a Durable Object stub) no longer has
#: ``get``, ``put`` and ``delete``, shortcuts for ``fetch()`` with that method (workerd http.h).
FETCHER_NO_GET_PUT_DELETE = CompatFlag("fetcherNoGetPutDelete", "fetcher_no_get_put_delete",
                                       "fetcher_has_get_put_delete", "2024-03-26")
#: ``queueExposeErrorCodes``: a Queue's refused ``send``/``sendBatch`` throws the service's cause and
#: code (``Unknown Internal Error (15000)`` when it gives none, as Miniflare's broker never does),
#: no longer ``Queue send failed: <status text>``.
QUEUE_EXPOSE_ERROR_CODES = CompatFlag(
    "queueExposeErrorCodes", "queue_expose_error_codes", "no_queue_expose_error_codes", "2026-03-12")
#: ``brotliContentEncoding``: ``Content-Encoding: br`` bodies are decoded and encoded as ``gzip`` ones are.
BROTLI_CONTENT_ENCODING = CompatFlag(
    "brotliContentEncoding", "brotli_content_encoding", "no_brotli_content_encoding", "2024-04-29")
#: ``fetchStandardUrl``: ``new Request(url)`` parses its URL with the WHATWG parser; before it the
#: string is kept as given, and ``fetch`` parses it with kj's own parser (http.c++ ``Fetcher::parseUrl``).
FETCH_STANDARD_URL = CompatFlag("fetchStandardUrl", "fetch_standard_url", "fetch_legacy_url", "2024-06-03")
#: ``stripAuthorizationOnCrossOriginRedirect``: a redirect ``fetch`` follows to another origin
#: drops the request's ``Authorization`` header (http.c++ ``handleHttpRedirectResponse``).
STRIP_AUTHORIZATION_ON_CROSS_ORIGIN_REDIRECT = CompatFlag(
    "stripAuthorizationOnCrossOriginRedirect", "strip_authorization_on_cross_origin_redirect",
    "retain_authorization_on_cross_origin_redirect", "2025-09-01")
#: ``transformStreamJavaScriptControllers``: ``new TransformStream()`` is the standard one; before
#: it an ``IdentityTransformStream`` (streams/transform.c++ ``TransformStream::constructor``).
TRANSFORM_STREAM_STANDARD_CONSTRUCTOR = CompatFlag(
    "transformStreamJavaScriptControllers", "transformstream_enable_standard_constructor",
    "transformstream_disable_standard_constructor", "2022-11-30")
#: ``fixupTransformStreamBackpressure``: a JavaScript ``TransformStream`` applies back-pressure
#: after every chunk it passes on, not only once at its start (standard.c++ ``TransformStreamDefaultController::write``).
FIXUP_TRANSFORM_STREAM_BACKPRESSURE = CompatFlag(
    "fixupTransformStreamBackpressure", "fixup-transform-stream-backpressure", "original-transform-stream-backpressure",
    "2024-12-16")
#: ``internalWritableStreamAbortClearsQueue``: an internal stream's (``IdentityTransformStream``,
#: ``FixedLengthStream``) ``abort()`` fails its queued writes at once; before it, the abort waits
#: for the write in flight (internal.c++ ``doAbort``'s pending abort).
INTERNAL_WRITABLE_STREAM_ABORT_CLEARS_QUEUE = CompatFlag(
    "internalWritableStreamAbortClearsQueue", "internal_writable_stream_abort_clears_queue",
    "internal_writable_stream_abort_does_not_clear_queue", "2024-09-02")
#: ``writableStreamSpecCompliantWriter``: a JavaScript ``WritableStream``'s writer as the spec has
#: it -- its ``ready`` resolved at ``getWriter()`` (not once the stream's start settled) and, at
#: ``releaseLock()``, rejected even when it had resolved; before it, a resolved ``ready`` stays
#: resolved (standard.c++ ``lockWriter``, ``releaseWriter``).
WRITABLE_STREAM_SPEC_COMPLIANT_WRITER = CompatFlag(
    "writableStreamSpecCompliantWriter", "writable_stream_spec_compliant_writer",
    "no_writable_stream_spec_compliant_writer", "2026-03-24")
#: ``pipeToBackwardPropagation``: a ``pipeTo`` waiting on its source whose destination errors
#: (a JavaScript ``TransformStream`` whose readable side is canceled) cancels the source and
#: rejects with the error; before it the source is canceled too but the pipe resolves (wrangler dev
#: 4.164.0, workerd 1.20261117.1: ``ok`` at 2026-11-16, ``Error: rcancel`` at 2026-11-17).
PIPE_TO_BACKWARD_PROPAGATION = CompatFlag(
    "pipeToBackwardPropagation", "pipe_to_backward_propagation", "no_pipe_to_backward_propagation", "2026-11-17")
#: ``specCompliantDispatchExceptions``: an event the runtime dispatches (an ``AbortSignal``'s
#: abort) reports a listener's error (``Uncaught Error: ...``) and calls the other listeners;
#: before it, the first error ends the dispatch and ``abort()`` throws it (workerd
#: 1.20261117.1's ``effectiveExceptionPolicy``; wrangler dev 4.164.0 at 2026-09-14 and -15).
SPEC_COMPLIANT_DISPATCH_EXCEPTIONS = CompatFlag(
    "specCompliantDispatchExceptions", "spec_compliant_dispatch_exceptions",
    "no_spec_compliant_dispatch_exceptions", "2026-09-15")
#: ``vectorizeQueryMetadataOptional``: a v1 Vectorize index's ``query()`` takes ``returnValues`` and
#: ``returnMetadata`` and answers flat matches ``{id, score, values?, metadata?}``; before it,
#: ``returnVectors`` and ``{vectorId, score, vector?}`` (the binding sends ``compat:
#: {queryMetadataOptional}``, vectorize-api.ts). v2 indexes are not affected.
VECTORIZE_QUERY_METADATA_OPTIONAL = CompatFlag(
    "vectorizeQueryMetadataOptional", "vectorize_query_metadata_optional", "vectorize_query_original", "2023-11-08")
#: ``nodeJsCompatV2``: the Node.js globals ``Buffer`` and ``process`` exist everywhere; implied
#: by ``nodejs_compat`` on a date from 2024-09-23 (``$impliedByAfterDate``), on for all from 2026-08-04.
NODEJS_COMPAT_V2 = CompatFlag("nodeJsCompatV2", "nodejs_compat_v2", "no_nodejs_compat_v2", "2026-08-04")
#: ``enableRequestSignal``: an incoming request's ``signal`` aborts when its client disconnects
#: while the handler runs (worker-entrypoint.c++); no enable date ("still experimental").
# on from 2026-11-17 in workerd 1.20261117.1 (wrangler 4.164.0's; ``Cloudflare.compatibilityFlags``
# false at 2026-11-16, true at 2026-11-17); no date at 6552d99
ENABLE_REQUEST_SIGNAL = CompatFlag("enableRequestSignal", "enable_request_signal", "disable_request_signal",
                                   "2026-11-17")
#: ``requestSignalPassthrough``: that signal goes on to the subrequests made from the request;
#: without it a ``fetch()`` ignores it (basics.c++ ``isIgnoredForSubrequests``). No enable date.
REQUEST_SIGNAL_PASSTHROUGH = CompatFlag(
    "requestSignalPassthrough", "request_signal_passthrough", "no_request_signal_passthrough", None)


#: ``enhancedErrorSerialization``: an error structured-cloned (across RPC, a service binding's
#: ``fetch``) keeps any ``name`` and its own properties; before it only V8's error classes keep
#: theirs, any other written into the message (``Error: PythonError: ...``). Measured under wrangler
#: dev 4.164.0: enhanced only when both Workers have it.
ENHANCED_ERROR_SERIALIZATION = CompatFlag("enhancedErrorSerialization", "enhanced_error_serialization",
                                          "legacy_error_serialization", "2026-04-21")


#: ``cacheOptionEnabled``: a Request init may have a ``cache`` member (``"no-store"``) and a Request
#: has a ``cache`` property; before it the member is an ``Error`` (http.c++ ``RequestInitializerDict::validate``).
CACHE_OPTION_ENABLED = CompatFlag("cacheOptionEnabled", "cache_option_enabled", "cache_option_disabled", "2024-11-11")
#: ``cacheNoCache``: ``cache: "no-cache"`` too. No date of its own: implied by ``cacheOptionEnabled``
#: on dates from 2025-08-07 (``$impliedByAfterDate``), unless its disable flag is named.
CACHE_NO_CACHE = CompatFlag("cacheNoCache", "cache_no_cache_enabled", "cache_no_cache_disabled", None)
CACHE_NO_CACHE_IMPLIED_FROM = "2025-08-07"
#: ``cacheReload``: ``cache: "reload"`` too; experimental, no date.
CACHE_RELOAD = CompatFlag("cacheReload", "cache_reload_enabled", "cache_reload_disabled", None)


def cache_modes(config: Any) -> frozenset[str] | None:
    """The ``cache`` modes a Request init may name under ``config`` (workerd's http.c++
    ``RequestInitializerDict::validate``), or None where the member is not implemented at all."""
    if not flag_enabled(CACHE_OPTION_ENABLED, config):
        return None
    flags = set(getattr(config, "compatibility_flags", None) or ())
    modes = {"no-store"}
    implied = CACHE_NO_CACHE.disable not in flags and compatibility_date(config) >= CACHE_NO_CACHE_IMPLIED_FROM
    if flag_enabled(CACHE_NO_CACHE, config) or implied:
        modes.add("no-cache")
    if flag_enabled(CACHE_RELOAD, config):
        modes.add("reload")
    return frozenset(modes)


def node_globals(config: Any) -> bool:
    """Whether ``Buffer`` and ``process`` are JavaScript globals for ``config`` (workerd's
    ``compatibility-date.capnp``: ``nodeJsCompatV2``)."""
    flags = set(getattr(config, "compatibility_flags", None) or ())
    if NODEJS_COMPAT_V2.disable in flags:
        return False
    if flag_enabled(NODEJS_COMPAT_V2, config):
        return True
    return "nodejs_compat" in flags and compatibility_date(config) >= "2024-09-23"


#: ``pythonWorkersForceNewVendorPath``: the Worker's ``vendor/`` folder is no longer on ``sys.path``
#: (vendored packages go in ``python_modules/``); before it, workerd puts it there.
PYTHON_FORCE_NEW_VENDOR_PATH = CompatFlag(
    "pythonWorkersForceNewVendorPath", "python_workers_force_new_vendor_path", "", "2025-08-11"
)


#: ``pythonProcessPthFiles``: workerd runs ``site.addsitedir`` on the uploaded ``python_modules/``
#: at startup (setup_python_search_path.py), so its ``.pth`` files are processed; before, ignored.
PYTHON_PROCESS_PTH_FILES = CompatFlag(
    "pythonProcessPthFiles", "python_process_pth_files", "disable_python_process_pth_files", "2026-05-26"
)


def today() -> str:
    """Today's date in UTC, ``YYYY-MM-DD``."""
    return datetime.now(timezone.utc).date().isoformat()


#: wrangler 4.168.0's ``DEFAULT_COMPAT_DATE`` (@cloudflare/workers-utils 0.57.0): the release date of
#: the workerd it pins (1.20261123.1), which ``wrangler dev`` runs a config without a date on (measured,
#: currency68; 4.164.0's was 2026-11-17). Not today's date: that workerd refuses any date after
#: 2026-11-30 ("This Worker requires compatibility date ..., but the newest date supported by this
#: server binary is ...").
WRANGLER_DEFAULT_COMPAT_DATE = "2026-11-23"

#: the wrangler whose ``wrangler dev`` these two dates are, and its workerd
WRANGLER_VERSION, WRANGLER_WORKERD = "4.168.0", "1.20261123.1"

#: The newest date wrangler 4.168.0's workerd (1.20261123.1) takes (its ``MAXIMUM_COMPATIBILITY_DATE``;
#: measured, currency68: 2026-12-01 stops wrangler dev; 4.164.0's 1.20261117.1 took up to 2026-11-24).
WRANGLER_NEWEST_COMPAT_DATE = "2026-11-30"


def newer_than_wranglers_runtime(config: Any) -> str | None:
    """dev's warning for a date after :data:`WRANGLER_NEWEST_COMPAT_DATE` (and not refused): wrangler
    dev 4.168.0 stops on it with workerd's line (measured), deploy takes it, and so does workers-env."""
    date = getattr(config, "compatibility_date", None)
    if not isinstance(date, str) or date <= WRANGLER_NEWEST_COMPAT_DATE or compatibility_date_problem(config):
        return None
    return (f'This Worker requires compatibility date "{date}", but the newest date supported by wrangler '
            f'{WRANGLER_VERSION}\'s Workers runtime (workerd {WRANGLER_WORKERD}) is "{WRANGLER_NEWEST_COMPAT_DATE}": '
            'its wrangler dev stops here '
            '("The Workers runtime failed to start"). workers-env runs the Worker, as Cloudflare does: deploy takes '
            "any date up to today.")


def compatibility_date(config: Any) -> str:
    """The config's ``compatibility_date``, or wrangler's default date when it names none."""
    date = getattr(config, "compatibility_date", None)
    return str(date) if date else WRANGLER_DEFAULT_COMPAT_DATE


#: What workerd 1.20261117.1 (the one wrangler 4.164.0 ships) changed in the table generated from
#: 6552d99 (:data:`WORKERD_FLAGS`): its embedded ``compatibility-date.capnp`` schema (the binary's
#: strings) and ``Cloudflare.compatibilityFlags`` at each date and the day before agree on these
#: flags, dates, disable flags and implications; an entry replaces the table's of its name.
#: workerd 1.20261123.1 (npm ``workerd``'s newest on 2026-12-05) adds the last three, without a
#: date; its ``Cloudflare.compatibilityFlags`` equals :func:`workerd_flag_values` at 2026-09-07,
#: 2026-11-16 to -19, -23, -24 and -30 (its newest date) but for them. workerd 1.20261129.1 adds
#: ``udp_ingress`` (on from 2026-12-16) and has ``python_workers`` imply
#: ``python_dedicated_snapshot_keep_import_caches`` from 2026-12-10; 1.20261201.1 (npm's newest on
#: 2026-12-06, its newest date 2026-12-15) adds ``fetch_redirect_error`` (on from 2026-12-22).
WORKERD_FLAGS_SINCE_6552D99: tuple[tuple[str, str | None, str | None, bool, tuple[tuple[str, str], ...]], ...] = (
    ("new_module_registry", "legacy_module_registry", "2026-11-17", False, ()),
    ("enable_request_signal", "disable_request_signal", "2026-11-17", False, ()),
    ("python_workers_314", "no_python_workers_314", None, False, (("python_workers", "2026-09-08"),)),
    ("spec_compliant_dispatch_exceptions", "no_spec_compliant_dispatch_exceptions", "2026-09-15", False, ()),
    ("auto_inject_python_workers", "no_auto_inject_python_workers", None, False, ()),
    ("durable_object_io_tasks_prevent_eviction", "durable_object_io_tasks_do_not_prevent_eviction", "2026-10-01",
     False, ()),
    ("webcrypto_modern_algorithms", None, None, False, ()),
    ("wasm_esm_integration_builtins", None, None, False, ()),
    ("pipe_to_backward_propagation", "no_pipe_to_backward_propagation", "2026-11-17", False, ()),
    ("cache_option_preserves_cache_control", "cache_option_overrides_cache_control", "2026-11-17", False, ()),
    ("durable_object_snapshots", None, None, False, ()),
    ("connect_handler_starttls", None, None, False, ()),
    ("offpeak_location_hint", None, None, False, ()),
    ("python_shared_standard_library", None, None, False, (("python_workers", "2026-11-19"),)),
    ("wasm_source_url_support", "no_wasm_source_url_support", "2026-12-01", False, ()),
    ("temporal", "no_temporal", "2026-12-01", False, ()),
    ("python_zstd_snapshot", None, None, False, ()),
    ("nodejs_process_version_24", "no_nodejs_process_version_24", "2026-11-24", False, ()),
    ("r2_binding_jsrpc", None, None, False, ()),
    ("rpc_dispose_cancels_call", None, None, False, ()),
    ("expose_serialization_test_class", None, None, False, ()),
    ("python_dedicated_snapshot_keep_import_caches", "no_python_dedicated_snapshot_keep_import_caches", None, False,
     (("python_workers", "2026-12-10"),)),  # the implication from 1.20261129.1
    # workerd 1.20261123.1, the newest on 2026-12-05: these three more, none dated
    ("websocket_standard_url_and_extensions", "websocket_legacy_url_and_extensions", None, False, ()),
    ("fetch_invalid_response_type_error", "fetch_invalid_response_legacy_error", None, False, ()),
    ("connect_handler_immediate_tls", None, None, False, ()),
    ("udp_ingress", "no_udp_ingress", "2026-12-16", False, ()),  # workerd 1.20261129.1
    ("fetch_redirect_error", "no_fetch_redirect_error", "2026-12-22", False, ()),  # workerd 1.20261201.1
)
#: The flags of 6552d99 that both workerds refuse ("No such compatibility flag: ...", wrangler dev
#: and the workerd binaries alike, measured): ``python_workers_20260817`` (Pyodide 314.0.5) is gone.
WORKERD_FLAGS_DROPPED_SINCE_6552D99 = ("python_workers_20260817",)
_DROPPED_NAMES = {name for entry in WORKERD_FLAGS if entry[0] in WORKERD_FLAGS_DROPPED_SINCE_6552D99
                  for name in entry[:2] if name}
_NEWER = {entry[0]: entry for entry in WORKERD_FLAGS_SINCE_6552D99}
_ALL_WORKERD_FLAGS = tuple(  # in the schema's field order, which orders workerd's "No such" lines
    _NEWER.pop(entry[0], entry) for entry in WORKERD_FLAGS if entry[0] not in WORKERD_FLAGS_DROPPED_SINCE_6552D99
) + tuple(_NEWER.values())

#: The enable flags workerd 1.20261123.1's (and 1.20261201.1's) schema marks ``$experimental``, in its field order
#: (``tools/workerd/embedded_flags.py --compare`` holds them to a binary's): wrangler dev runs them
#: (miniflare passes ``--experimental``) and ``deploy --dry-run`` passes them, but Cloudflare refuses
#: them on upload -- workerd's ``CURRENT_DATE_FOR_CLOUDFLARE`` check: "The compatibility flag X is
#: experimental and cannot yet be used in Workers deployed to Cloudflare." (compatibility-date.c++).
WORKERD_EXPERIMENTAL_FLAGS = (
    "durable_object_rename", "experimental", "durable_object_get_existing", "service_binding_extra_handlers",
    "rtti_api", "webgpu", "unsafe_module", "js_rpc", "kv_direct_binding", "increase_websocket_message_size",
    "python_workers_development", "replica_routing", "enable_d1_with_sessions_api", "tail_worker_user_spans",
    "memory_cache_delete", "python_workers_durable_objects", "streaming_tail_worker", "enable_web_file_system",
    "enable_abortsignal_rpc", "connect_pass_through", "unsupported_process_actual_platform",
    "typescript_strip_types", "allow_insecure_inefficient_logged_eval", "cache_reload_enabled",
    "precise_timers", "streams_no_default_auto_allocate_chunk_size", "enable_version_api",
    "spec_compliant_property_attributes", "enable_ctx_version_metadata", "workflows_step_rollback",
    "enable_nodejs_inspector_local_dev", "d1_binding_jsrpc", "workflows_bindings_rpc",
    "typescript_implemented_streams", "expose_draining_reader", "wasm_memory_discard",
    "auto_inject_python_workers", "durable_object_snapshots", "connect_handler_starttls",
    "offpeak_location_hint", "python_zstd_snapshot", "r2_binding_jsrpc", "rpc_dispose_cancels_call",
    "expose_serialization_test_class", "connect_handler_immediate_tls",
)


def workerd_flag_values(config: Any) -> dict[str, bool]:
    """Every enable flag of workerd (``compatibility-date.capnp``, :data:`WORKERD_FLAGS` with
    :data:`WORKERD_FLAGS_SINCE_6552D99`) and
    whether it is on for ``config``, as workerd compiles them (compatibility-date.c++: the enable
    flag, else the date unless the disable flag is named; then a flag implied by another one
    that is on, from the implying date) -- what a Python Worker's ``_cloudflare_compat_flags``
    module holds (``PyodideMetadataReader::getCompatibilityFlags``: enable names only)."""
    named = set(getattr(config, "compatibility_flags", None) or ())
    date = compatibility_date(config)
    key = (frozenset(named), date)
    known = _FLAG_VALUES.get(key)
    if known is not None and known[0] is _ALL_WORKERD_FLAGS:
        return dict(known[1])
    values: dict[str, bool] = {}
    implied: list[tuple[str, str]] = []
    for enable, disable, on_date, all_dates, implied_by in _ALL_WORKERD_FLAGS:
        switched_off = disable is not None and disable in named
        by_date = all_dates or (on_date is not None and date >= on_date)
        values[enable] = enable in named or (by_date and not switched_off)
        if not switched_off:
            implied += [(enable, other) for other, since in implied_by if date >= since]
    for enable, other in implied:
        if values.get(other):
            values[enable] = True
    _remember(_FLAG_VALUES, key, (_ALL_WORKERD_FLAGS, dict(values)))
    return values


#: what :func:`workerd_flag_values`, :func:`unknown_flags` and :func:`contradictory_flags` worked
#: out, by the flags named (and the date): each load asks, and a test suite's configs name a few
#: sets of flags (~0.1 ms each a time, load63). Each answer keeps the flag table it was worked
#: out from, and counts only while that is the table (a test swaps it)
_FLAG_VALUES: dict[tuple[frozenset[str], str], tuple[tuple[Any, ...], dict[str, bool]]] = {}
_UNKNOWN: dict[tuple[Any, ...], tuple[tuple[Any, ...], tuple[str, ...]]] = {}
_CONTRADICTORY: dict[tuple[Any, ...], tuple[tuple[Any, ...], tuple[tuple[str, str], ...]]] = {}


def _remember(memo: dict[Any, Any], key: object, answer: object) -> None:
    if len(memo) >= 256:  # (bounded: a process naming many sets of flags starts again)
        memo.clear()
    memo[key] = answer


def _known(memo: dict[Any, Any], named: Sequence[str]) -> tuple[tuple[Any, ...] | None, Any]:
    """(the key of ``named`` in ``memo``, the answer kept for it under the current flag table or
    ``None``); the key is ``None`` for names that cannot be one (worked out each time, as before)."""
    if type(named) not in (tuple, list):  # (one read once, a str, ...: as before)
        return None, None
    try:
        key = tuple(named)
        known = memo.get(key)
    except TypeError:  # (an unhashable name: the work below raises as it did)
        return None, None
    return key, known[1] if known is not None and known[0] is _ALL_WORKERD_FLAGS else None


def compatibility_date_problem(config: Any) -> str | None:
    """Why the Workers runtime refuses to start with the config's ``compatibility_date``, or
    None: :func:`future_date_refusal`'s or :func:`invalid_date_refusal`'s line, then its hint."""
    refusal = future_date_refusal(config) or invalid_date_refusal(config)
    return None if refusal is None else "\n".join(refusal)


def future_date_refusal(config: Any) -> tuple[str, str] | None:
    """miniflare's refusal of a ``compatibility_date`` after today (UTC), before workerd starts
    (wrangler dev 4.164.0: ``Compatibility date "X" is in the future and unsupported``, exit 1), and
    workers-env's hint; else None. miniflare compares the text, so "garbage" and "20260101" are
    "in the future" too (measured). ``validate`` and ``deploy --dry-run`` pass a future date."""
    date = getattr(config, "compatibility_date", None)
    if not isinstance(date, str) or date <= today():
        return None
    return (f'Compatibility date "{date}" is in the future and unsupported',
            f"Use a date no later than today ({today()} UTC), as wrangler dev and deploy require."
            if re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) else _write_it_as(config))


def invalid_date_refusal(config: Any) -> tuple[str, str] | None:
    """workerd's refusal of a ``compatibility_date`` that is not ``YYYY-MM-DD`` with a year 2000-2999,
    a month 1-12 and a day 1-31 (``CompatDate::parse``: "Invalid compatibility date: ..."; 2026-02-30
    runs), and workers-env's hint; else None (a date after today is :func:`future_date_refusal`'s).
    ``validate`` passes what JavaScript's ``new Date()`` reads (2026-1-01, 1999-12-31), as wrangler's does."""
    date = getattr(config, "compatibility_date", None)
    if not isinstance(date, str) or future_date_refusal(config) is not None:  # "" given: "Invalid ...: "
        return None
    shape = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date)
    if shape is None:
        return f"Invalid compatibility date: {date}", _write_it_as(config)
    if shape.group(1).startswith("2") and 1 <= int(shape.group(2)) <= 12 and 1 <= int(shape.group(3)) <= 31:
        return None
    return (f"Invalid compatibility date: {date}",
            "The Workers runtime takes years 2000 to 2999, months 01 to 12 and days 01 to 31: give a date from "
            f"2000-01-01 to today, e.g. {date_example(config)}.")


def _write_it_as(config: Any) -> str:
    return f"Write it as YYYY-MM-DD, e.g. {date_example(config)} (the Workers runtime takes no other form)."


def date_example(config: Any) -> str:
    """The date to write, as the user gives it (option, argument or the config file's key): wrangler's
    default date in it."""
    return _date_written_as(config).format(date=WRANGLER_DEFAULT_COMPAT_DATE)


def _date_written_as(config: Any) -> str:
    """How the user wrote the date, ``{date}`` in it: the option or argument that replaced the
    config's (``WorkerConfig.with_compatibility``'s ``given_as``), else the config file's key."""
    given_as = getattr(config, "compatibility_date_given_as", None)
    if isinstance(given_as, str):
        return given_as
    suffix = str(getattr(config, "path", "")).rsplit(".", 1)[-1]
    return '"compatibility_date": "{date}"' if suffix in ("json", "jsonc") else 'compatibility_date = "{date}"'


def flag_enabled(flag: CompatFlag, config: Any) -> bool:
    """Whether ``flag`` is on for ``config``: explicit flags first, then the date. With both
    of its flags named the enable flag wins, as workerd compiles it (compatibility-date.c++:
    ``enableByFlag || (enableByDate && !disableByFlag)``); a Worker does not start then
    (:func:`compatibility_flags_problem`)."""
    flags = set(getattr(config, "compatibility_flags", None) or ())
    if flag.enable in flags:
        return True
    if flag.disable and flag.disable in flags:
        return False
    return flag.date is not None and compatibility_date(config) >= flag.date


def set_by_flag(flag: CompatFlag, config: Any) -> bool:
    """Whether ``flag``'s state for ``config`` is its compatibility flags' doing, not its date's
    (``python_no_global_handlers`` named before 2025-08-14, or its disable flag after): what a
    hint about it names as the cause."""
    return flag_enabled(flag, config) != (flag.date is not None and compatibility_date(config) >= flag.date)


@dataclass(frozen=True)
class PythonRelease:
    """One Python runtime release of workerd (``build/python_metadata.bzl``)."""

    python: tuple[int, int]
    pyodide: str
    flag: CompatFlag | None  # None: the first release, under ``python_workers`` alone


#: workerd's Python releases, newest first: a Worker runs on the first whose flag is on.
#: ``python_workers_314`` came after the workerd this table was first read from (2026-08-22):
#: Cloudflare's docs (cloudflare-docs #32987, "enables python 314"), pywrangler's metadata
#: (3.14 with the flag or from compatibility date 2026-09-08) and workerd v1.20260923.1's
#: python_metadata.bzl (bundle 314.0.6) as quoted by its users agree on it.
PYTHON_RELEASES = (
    PythonRelease((3, 14), "314.0.6", CompatFlag(
        "pythonWorkers314", "python_workers_314", "no_python_workers_314", "2026-09-08")),
    PythonRelease((3, 14), "314.0.4", CompatFlag(
        "pythonWorkers20260610", "python_workers_20260610", "no_python_workers_20260610", None)),
    PythonRelease((3, 13), "0.28.2", CompatFlag(
        "pythonWorkers20250116", "python_workers_20250116", "no_python_workers_20250116", "2025-09-29")),
    PythonRelease((3, 12), "0.26.0a2", None),
)


#: Every flag workers-env reads (each a :class:`CompatFlag` with its era's date).
KNOWN_FLAGS = (
    PYTHON_NO_GLOBAL_HANDLERS, PYTHON_EXTERNAL_SDK, QUEUES_JSON_MESSAGES, QUEUE_EXPOSE_ERROR_CODES,
    BROTLI_CONTENT_ENCODING, FETCH_STANDARD_URL,
    STRIP_AUTHORIZATION_ON_CROSS_ORIGIN_REDIRECT,
    TRANSFORM_STREAM_STANDARD_CONSTRUCTOR, FIXUP_TRANSFORM_STREAM_BACKPRESSURE, VECTORIZE_QUERY_METADATA_OPTIONAL,
    INTERNAL_WRITABLE_STREAM_ABORT_CLEARS_QUEUE, WRITABLE_STREAM_SPEC_COMPLIANT_WRITER, PIPE_TO_BACKWARD_PROPAGATION,
    SPEC_COMPLIANT_DISPATCH_EXCEPTIONS,
    NODEJS_COMPAT_V2, PYTHON_FORCE_NEW_VENDOR_PATH, PYTHON_PROCESS_PTH_FILES, ENABLE_REQUEST_SIGNAL, REQUEST_SIGNAL_PASSTHROUGH,
    CACHE_OPTION_ENABLED, CACHE_NO_CACHE, CACHE_RELOAD, ALLOW_EVAL_DURING_STARTUP,
    *(release.flag for release in PYTHON_RELEASES if release.flag is not None),
)

#: workerd's ``pythonWorkersDevPyodide``: the development build of Pyodide (python_metadata.bzl's
#: "development" release, ``pyodide_version = "dev"``), an ``$experimental`` ``$pythonSnapshotRelease``
DEVELOPMENT_PYODIDE_FLAG = "python_workers_development"


def compatibility_flags_problem(config: Any) -> str | None:
    """Why the Workers runtime refuses to start with the config's ``compatibility_flags``, or
    None: :func:`compatibility_flags_refusal`'s lines, workerd's then workers-env's hints."""
    workerd, hints = compatibility_flags_refusal(config)
    return "\n".join(workerd + hints) or None


def compatibility_flags_refusal(config: Any) -> tuple[list[str], list[str]]:
    """workerd's lines refusing the config's ``compatibility_flags``, in its order
    (compatibility-date.c++) -- "Compatibility flags are mutually contradictory: ..." for both
    spellings of one workerd flag (:func:`contradictory_flags`), then "No such compatibility
    flag: ..." for each name that is no workerd flag (wrangler dev stops on them; deploy's API
    answers code 10021) -- and workers-env's hints after them, naming where the flags were given
    (``compatibility_flags_given_as``: the option or argument that replaced the config's)."""
    named = tuple(getattr(config, "compatibility_flags", None) or ())
    where = getattr(config, "compatibility_flags_given_as", None) or "compatibility_flags"
    clashes = contradictory_flags(named)
    unknown = unknown_flags(named)
    lines = [f"Compatibility flags are mutually contradictory: {enable} vs {disable}" for enable, disable in clashes]
    lines += [f"No such compatibility flag: {name}" for name in unknown]
    hints = []
    if clashes:
        hints.append(f"Keep one of each pair in {where} (the first turns the behaviour on, the second "
                     "off): the Workers runtime does not start a Worker that names both.")
    if unknown:
        hints.append(_unknown_flags_hint(unknown, where))
    if DEVELOPMENT_PYODIDE_FLAG in named:
        hints.append(f"{DEVELOPMENT_PYODIDE_FLAG} runs a Python Worker on workerd's development build of Pyodide "
                     "(python_metadata.bzl's \"development\" release), which no workerd release ships and "
                     "workers-env does not emulate. The flag is experimental: Cloudflare refuses it at deploy (\"The "
                     f"compatibility flag {DEVELOPMENT_PYODIDE_FLAG} is experimental and cannot yet be used in "
                     "Workers deployed to Cloudflare.\"). Remove it; python_workers_314 or the compatibility date "
                     "picks a released Python.")
    return lines, hints


def workerd_refusal(config: Any) -> tuple[list[str], list[str]]:
    """workerd's lines refusing the config's date and flags, in its order -- the date's
    (:func:`invalid_date_refusal`) before the flags' (:func:`compatibility_flags_refusal`; measured:
    ``--compatibility-date 2026-1-01`` with a contradictory pair and an unknown flag, wrangler dev
    4.164.0) -- and workers-env's hints, in the same order."""
    lines, hints = compatibility_flags_refusal(config)
    date = invalid_date_refusal(config)
    return ([date[0], *lines], [date[1], *hints]) if date is not None else (lines, hints)


def experimental_flags(named: Sequence[str]) -> list[str]:
    """The flags of ``named`` workerd marks experimental (:data:`WORKERD_EXPERIMENTAL_FLAGS`), in its order."""
    return [name for name in WORKERD_EXPERIMENTAL_FLAGS if name in named]


def contradictory_flags(named: Sequence[str]) -> list[tuple[str, str]]:
    """The (enable, disable) flags of every workerd flag ``named`` names both spellings of, in the
    order workerd reports them: its schema's field order (compatibility-date.c++'s field loop)."""
    key, known = _known(_CONTRADICTORY, named)
    if known is not None:
        return list(known)
    given = set(named)
    found = [(enable, disable) for enable, disable, *_ in _ALL_WORKERD_FLAGS
             if disable is not None and enable in given and disable in given]
    if key is not None:
        _remember(_CONTRADICTORY, key, (_ALL_WORKERD_FLAGS, tuple(found)))
    return found


def redundant_flag_warnings(config: Any) -> list[str]:
    """workerd's warnings for the enable flags the config names that its compatibility date turns
    on already (compatibility-date.c++, ``enableByFlag && enableByDate``), in the schema's field
    order: wrangler dev prints each as ``service core:user:NAME: ...`` at every start and reload
    (measured, 4.164.0), and the Worker runs. None for a date the runtime would refuse."""
    if compatibility_date_problem(config) is not None:
        return []
    named, date = set(getattr(config, "compatibility_flags", None) or ()), compatibility_date(config)
    lines = []
    for enable, _disable, on_date, all_dates, _implied in _ALL_WORKERD_FLAGS:
        if enable not in named:
            continue
        if on_date is not None and date >= on_date:
            lines.append(f"The compatibility flag {enable} became the default as of {on_date} so does not need to be "
                         "specified anymore.")
        elif all_dates:
            lines.append(f"The compatibility flag {enable} is the default, so does not need to be specified anymore.")
    return lines


def unknown_flags(named: Sequence[str]) -> list[str]:
    """The names in ``named`` that are no workerd flag (:data:`WORKERD_FLAGS` with
    :data:`WORKERD_FLAGS_SINCE_6552D99`, less the dropped ones), in workerd's order: wrangler
    passes each name once (measured), and workerd's ``kj::HashSet`` erases every flag it knows,
    field by field, moving its last name into the hole, then reports those left."""
    key, known = _known(_UNKNOWN, named)
    if known is not None:
        return list(known)
    left = list(dict.fromkeys(named))
    for enable, disable, *_ in _ALL_WORKERD_FLAGS:
        for name in (enable, disable):
            if name is not None and name in left:
                at, last = left.index(name), left.pop()
                if at < len(left):
                    left[at] = last
    if key is not None:
        _remember(_UNKNOWN, key, (_ALL_WORKERD_FLAGS, tuple(left)))
    return left


def _unknown_flags_hint(unknown: list[str], where: str) -> str:
    """workers-env's line after workerd's: what became of a dropped flag, else a near spelling
    (``where``: how the flags were given)."""
    if _DROPPED_NAMES.intersection(unknown):
        return ("python_workers_20260817 (Python 3.14 on Pyodide 314.0.5) is no longer a flag: workerd "
                "1.20261117.1 and later do not know it. Name python_workers_314 (Pyodide 314.0.6) instead, or "
                "python_workers_20260610 (314.0.4).")
    known = [name for entry in _ALL_WORKERD_FLAGS for name in entry[:2] if isinstance(name, str)]
    near = [f"{name} (did you mean {close[0]}?)" for name in unknown
            for close in [difflib.get_close_matches(name, known, n=1)] if close]
    return (f"Remove it from {where} or correct its spelling: the Workers runtime does not start a "
            "Worker that names a flag it does not know" + (f" -- {', '.join(near)}." if near else "."))


def python_release(config: Any) -> PythonRelease:
    """The Python (and Pyodide) that production runs ``config``'s Worker on."""
    for release in PYTHON_RELEASES:
        if release.flag is None or flag_enabled(release.flag, config):
            return release
    raise AssertionError("unreachable: the last release has no flag")  # pragma: no cover


def missing_date_warning(config: Any) -> str | None:
    """``wrangler dev``'s warning for a config without ``compatibility_date`` (else ``None``;
    a given ``""`` is a date, refused, not warned of: wrangler's ``compatibilityDate === undefined``)."""
    if getattr(config, "compatibility_date", None) is not None:
        return None
    date = compatibility_date(config)
    path = getattr(config, "path", None)
    file_name = getattr(path, "name", None) or "wrangler.toml"
    snippet = f'compatibility_date = "{date}"' if file_name.endswith(".toml") else f'{{"compatibility_date":"{date}"}}'
    return (
        f"No compatibility_date was specified. Using the default compatibility date: {date}.\n"
        f"\u276f\u276f Add one to your {file_name} file: {snippet}, or\n"
        f"\u276f\u276f Pass it in your terminal: wrangler dev [<SCRIPT>] --compatibility-date={date}\n\n"
        "See https://developers.cloudflare.com/workers/platform/compatibility-dates/ for more information."
    )
