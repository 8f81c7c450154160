"""The Workers AI binding as Worker code sees it: ``env.AI``.

``run(model, inputs, options)`` and ``models(params)`` have the names, arguments and result
shapes of workerd's ``Ai`` class (``src/cloudflare/internal/ai-api.ts``); errors are the
service's (``AiError: 5006: ...``, ``AiError: 5007: No such model ... or task``), and the
``lastRequest*`` fields follow each call as there. The class's other methods (``gateway()``,
``autorag()``, ``aiSearch()``, ``toMarkdown()``, ``fetch()``) need Cloudflare's services and
raise :class:`~workers_env.NotEmulatedError` naming themselves; the deprecated ``getLogs()``
returns ``[]`` as it does in production. Each async
method is a thin wrapper over synchronous work; results are plain data (``JsDict``), a
:class:`~workers_env._jsvalues.ByteStream` for ``stream: true``, which the runtime hands to
Worker code as a ``ReadableStream``, or for ``returnRawResponse`` the service's answer as an
:class:`~workers_env._jsvalues.HttpResponse`, which it hands over as a JS ``Response``.
``lastRequestId`` / ``aiGatewayLogId`` read the answer's ``cf-ai-req-id`` / ``cf-aig-log-id``,
here local ids the same in every run (:func:`local_id`, :func:`gateway_log_id`).

Python-side only (not reachable from Worker code): :meth:`AiBinding.reply` and
:meth:`AiBinding.queue_replies` script text generation, :attr:`AiBinding.calls` records
every ``run()``.
"""

from __future__ import annotations

import difflib
import re
import threading
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from http import HTTPStatus
from typing import Any, cast

import numpy as np

from workers_env._errors import AiError, ConfigError, JsException, NotEmulatedError, add_hint
from workers_env._jscoercions import js_truthy
from workers_env._jsontext import json_text
from workers_env._jsvalues import (
    UNDEFINED,
    ByteStream,
    HttpResponse,
    JsDict,
    js_number,
    js_string,
    js_type_error,
    to_py,
)
from workers_env._options import warn_unread_options
from workers_env._sendchecks import check_sendable
from workers_env._sentvalues import converted
from workers_env.ai import limits as _limits
from workers_env.ai.catalog import (
    ALIASED_MODELS,
    DEPRECATED_MODELS,
    EMBEDDING_MODELS,
    OTHER_MODELS,
    RECOMMENDED_REPLACEMENTS,
    RERANKER_MODELS,
    RETIREMENT_NOTICES,
    SERVICE_NAMES,
    TASKS,
    TEXT_GENERATION_MODELS,
    UNLISTED_MODELS,
    EmbeddingModel,
    RerankerModel,
    TextGenerationModel,
)
from workers_env.ai.catalog_entries import CATALOG_ENTRIES
from workers_env.ai.embedder import INDEX_LEVELS, LEVELS, embed_indices, embed_rows
from workers_env.ai.embedders import PluggedEmbedder
from workers_env.ai.generation import ReplyScript, generation_result, sse_stream
from workers_env.ai.requests import model_header, prefix_option, refuse_if_aborted, request_inputs
from workers_env.ai.validation import (
    EmbeddingRequest,
    RerankRequest,
    parse_embedding,
    parse_generation,
    parse_rerank,
)

__all__ = ["AiBinding", "AiCall"]

#: the namespaces of the local ids that stand in for the service's (UUID5s of binding and call number)
_REQUEST_IDS = uuid.UUID("0b4b7c53-3f4e-5a43-9f0c-6c6f63616c41")
_GATEWAY_LOG_IDS = uuid.UUID("0b4b7c53-3f4e-5a43-9f0c-6c6f63616c42")
#: Crockford's base 32, the alphabet of AI Gateway's log ids (ULIDs)
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def local_id(binding: str | None, number: int) -> str:
    """The ``cf-ai-req-id`` of the binding's ``number``-th answered call: a UUID as the
    service's are, the same in every run (a UUID5 of the binding's name and the number)."""
    return str(uuid.uuid5(_REQUEST_IDS, f"{binding or ''}/{number}"))


def gateway_log_id(binding: str | None, number: int) -> str:
    """The ``cf-aig-log-id`` of a call sent through an AI Gateway: 26 characters of Crockford
    base 32 as AI Gateway's log ids (ULIDs) are, the same in every run."""
    value = uuid.uuid5(_GATEWAY_LOG_IDS, f"{binding or ''}/{number}").int >> 2  # 126 bits: 26 characters less 4 bits
    return "".join(_CROCKFORD[(value >> (5 * k)) & 31] for k in reversed(range(26)))


def _logged(options: Any) -> bool:
    """``cleanedOptions.gateway?.id`` is truthy: the call goes through AI Gateway, which logs it."""
    gateway = options.get("gateway") if isinstance(options, Mapping) else None
    return isinstance(gateway, Mapping) and js_truthy(converted(gateway.get("id", UNDEFINED)))


def _raw_response(status: int, answer: Any, headers: list[tuple[str, str]]) -> HttpResponse:
    """The service's answer as ``returnRawResponse`` hands it over (workerd returns the fetch's
    ``Response``): a JSON result as ``application/json``, a stream as ``text/event-stream``, an
    error as its JSON body ``{internalCode, message, name, description}`` with its refusal's status."""
    if isinstance(answer, AiError):
        body: bytes | ByteStream = json_text({
            "internalCode": answer.code, "message": f"{answer.name}: {answer.description}",
            "name": answer.name, "description": answer.description,
        }).encode()
        kind = "application/json"
    elif isinstance(answer, ByteStream):
        body, kind = answer, "text/event-stream"
    else:
        body, kind = json_text(answer).encode(), "application/json"
    return HttpResponse(status, HTTPStatus(status).phrase, (("content-type", kind), *headers), body)


@dataclass(frozen=True)
class AiCall:
    """One ``run()`` call, as the binding received it."""

    model: str
    inputs: Any
    options: Any


#: the reranker's score: the logistic function of ``_RELEVANCE_SLOPE * (cosine - _RELEVANCE_MIDPOINT)``
_RELEVANCE_SLOPE, _RELEVANCE_MIDPOINT = 12.0, 0.25

#: the run() options ai-api.ts reads (``AiOptions`` in types/defines/ai.d.ts, and the deprecated
#: ``sessionOptions``); the inputs' own keys are the model's (``max_tokens``) and never checked here
_RUN_OPTIONS = frozenset({"queueRequest", "websocket", "tags", "gateway", "returnRawResponse", "prefix",
                          "extraHeaders", "signal", "sessionOptions"})

_LEVEL_TABLE: np.ndarray | None = None


def _level_table() -> np.ndarray:
    """Every vector component value the default embedder makes, as shared Python numbers,
    arranged as :data:`~workers_env.ai.embedder.INDEX_LEVELS`: ``table[i]`` is
    ``INDEX_LEVELS[i] / LEVELS``, so one gather turns :func:`embed_indices` into numbers.
    Built in numpy (a process's first embedding paid ~25 ms for 65,537 ``js_number`` calls):
    the quotients are exact (``LEVELS`` is a power of 2), and the few whole ones become ``int``
    as JS numbers do."""
    global _LEVEL_TABLE
    if _LEVEL_TABLE is None:
        quotients = np.arange(-LEVELS, LEVELS + 1) / LEVELS
        numbers = quotients.astype(object)  # Python floats
        for k in np.flatnonzero(quotients == np.floor(quotients)).tolist():
            numbers[k] = js_number(numbers[k])
        _LEVEL_TABLE = numbers[INDEX_LEVELS + LEVELS]  # equal levels share one object
    return _LEVEL_TABLE


_BUFFERS = threading.local()


def _numbers(indices: np.ndarray) -> list[list[float]]:
    """:func:`embed_indices` as rows of shared Python numbers: one ``take`` from the table into
    this thread's reused object array (no fresh array to allocate, zero and free per call),
    then ``tolist()``."""
    flat = getattr(_BUFFERS, "flat", None)
    if flat is None or len(flat) < indices.size:
        flat = _BUFFERS.flat = np.empty(indices.size, dtype=object)
    out = flat[: indices.size].reshape(indices.shape)
    _level_table().take(indices, out=out, mode="wrap")  # every index is in range: none wraps
    return out.tolist()


def _rows(matrix: np.ndarray) -> list[list[float]]:
    """Float rows as JavaScript numbers reach Python (whole numbers as ``int``)."""
    rows = matrix.astype(np.float64).tolist()
    whole = np.argwhere(matrix == np.floor(matrix))
    for i, j in whole.tolist():
        rows[i][j] = int(rows[i][j])
    return rows


def _page_number(params: Mapping[str, Any], key: str) -> int | None:
    """``page`` / ``per_page`` as the query string carries it (``String(value)``): a whole number
    from 1, or the service's refusal (our text: the API's own is not published)."""
    if key not in params:
        return None
    text = js_string(params[key])
    digits = text.lstrip("0")
    if not (text.isascii() and text.isdigit()) or not digits:  # (str.isdigit alone takes "²" and "٣")
        raise JsException(f"{key} must be a whole number from 1, got {text[:40]!r}", name="AiInternalError")
    return int(digits) if len(digits) <= 18 else 10**18  # past every page either way


def _catalog_entry(model: EmbeddingModel | TextGenerationModel | RerankerModel) -> tuple[str, int, str, tuple[tuple[str, str], ...]]:
    """(id, source, description, properties) as Cloudflare's catalog lists the model; a model
    the catalog files we read lack gets a stable id of its own (a UUID5 of its name)."""
    found = CATALOG_ENTRIES.get(model.name)
    if found is not None:
        return found
    return str(uuid.uuid5(uuid.NAMESPACE_URL, model.name)), 2 if model.name.startswith("@hf/") else 1, model.description, ()


class AiBinding:
    """``env.AI``: offline embeddings and scriptable text generation."""

    #: What Worker code can reach in production (``Ai`` in ai-api.ts); the runtime exposes only these.
    JS_METHODS = frozenset({
        "run", "models", "gateway", "websearch", "autorag", "aiSearch", "toMarkdown", "fetch", "getLogs",
        "lastRequestId", "aiGatewayLogId", "lastRequestHttpStatusCode", "lastRequestInternalStatusCode",
    })
    #: The argument of each method that is an options object (a PyProxy there reads as empty).
    JS_OPTION_ARGS = {"run": 2, "models": 0}
    #: The arguments its JavaScript only reads with ``Object.entries`` and ``JSON.stringify``s
    #: (``inputs`` and the options, ai-api.ts): a PyProxy in them is written as JSON writes it.
    JS_JSON_ARGS = {"run": (1, 2)}
    #: The parameters with a JavaScript default (``options = {}``, ``params = {}``): the
    #: built-in SDK's ``None`` there is ``undefined``, which takes the default (runtime/bindingarguments.py).
    JS_DEFAULTED_ARGS = {"run": 2, "models": 0}

    def __init__(self, *, binding: str | None = None, embedders: Mapping[str, PluggedEmbedder] | None = None,
                 script: ReplyScript | None = None):
        self._binding = binding
        self._embedders = dict(embedders or {})
        self._script = script or ReplyScript()
        self._calls: list[AiCall] = []
        self._lock = threading.Lock()
        self._answers = 0  # calls the service answered: numbers the local request ids
        self.lastRequestId: str | None = None
        self.aiGatewayLogId: str | None = None
        #: the HTTP status of the last ``run()`` (200, or 400 for a refused input or model, 405 for 5005, 410 for 5028)
        self.lastRequestHttpStatusCode: int | None = None
        #: the internal code of the last refused ``run()`` (5005, 5006, 5007, 5028); kept, as workerd keeps it
        self.lastRequestInternalStatusCode: int | None = None

    def __repr__(self) -> str:
        plugged = f" plugged={sorted(self._embedders)}" if self._embedders else ""
        return f"<AiBinding {self._binding or ''}{plugged}>"

    # -- what Worker code calls (arguments past a method's own are ignored, as JavaScript does) --
    async def run(self, model: Any = None, inputs: Any = None, options: Any = UNDEFINED, /, *_ignored: Any,
                  **kwargs: Any) -> Any:
        """Run ``model`` on ``inputs``: embeddings, a generated reply, or an SSE stream."""
        if kwargs:  # Python keywords become one trailing object, as Pyodide passes them
            if inputs is None:
                inputs = dict(kwargs)
            elif options is UNDEFINED:  # after options given (null too), a fourth argument JavaScript never reads
                options = dict(kwargs)
        return self.run_sync(model, inputs, options)

    async def models(self, params: Any = UNDEFINED, /, *_ignored: Any, **kwargs: Any) -> list[JsDict]:
        """The catalog's models this binding emulates, as ``AiModelsSearchObject`` entries.
        ``params`` ``None`` is JavaScript's ``null`` (the external SDK's ``None``), which
        ai-api.ts's default ``params = {}`` does not take: ``Object.entries(null)`` throws. The
        built-in SDK's ``None`` is ``undefined``, the default (``JS_DEFAULTED_ARGS``)."""
        if params is UNDEFINED:  # keywords are the params only when none were given (Pyodide appends them)
            return self.models_sync(dict(kwargs))
        return self.models_sync(params if isinstance(params, dict) or params is None else {})

    # -- what needs Cloudflare's services ----------------------------------------------------
    def gateway(self, gatewayId: Any = None, options: Any = None, /, *_ignored: Any) -> Any:
        """AI Gateway (``getLog``, ``patchLog``, ``getUrl``, ``run``): not emulated."""
        raise _limits.not_emulated_method("gateway()", "AI Gateway")

    async def websearch(self, request: Any = None, /, *_ignored: Any) -> Any:
        """Web search through an AI Gateway (``{gatewayId, query, limit, ...}``; workers-types
        5.20261117.1): not emulated."""
        raise _limits.not_emulated_method("websearch()", "web search through AI Gateway")

    def autorag(self, autoragId: Any = None, /, *_ignored: Any) -> Any:
        """AutoRAG (``search``, ``aiSearch``): not emulated."""
        raise _limits.not_emulated_method("autorag()", "AutoRAG")

    def aiSearch(self, *_ignored: Any) -> Any:
        """AI Search: not emulated."""
        raise _limits.not_emulated_method("aiSearch()", "AI Search")

    def toMarkdown(self, files: Any = None, options: Any = None, /, *_ignored: Any) -> Any:
        """Document conversion to Markdown: not emulated."""
        raise _limits.not_emulated_method("toMarkdown()", "Markdown conversion")

    async def fetch(self, input: Any = None, init: Any = None, /, *_ignored: Any) -> Any:
        """A raw request to the Workers AI endpoint: not emulated."""
        raise _limits.not_emulated_method("fetch()", "the Workers AI HTTP endpoint")

    def getLogs(self, *_ignored: Any) -> list[str]:
        """Deprecated in workerd, where it always returns an empty list."""
        return []

    # -- Python-side scripting -------------------------------------------------------------
    def reply(self, reply: Any, *, model: str | None = None) -> None:
        """Script text generation: a ``str``, a ``dict`` (the whole result), a function
        ``(model, inputs) -> str | dict`` or a list of those (one per call, in order), for
        ``model`` or (``None``) every text generation model."""
        self._script.set(reply, model=model)

    def queue_replies(self, replies: list[Any], *, model: str | None = None) -> None:
        """Replies used one per call, in order, before anything else scripted."""
        if isinstance(replies, (str, bytes, Mapping)) or not isinstance(replies, Iterable):
            raise ConfigError(
                f"queue_replies: give a list of replies (one per call, in order), got {type(replies).__name__}; "
                "for one reply to every call, use reply()"
            )
        self._script.set(list(replies), model=model, where="queue_replies")

    def clear_replies(self) -> None:
        self._script.clear()

    @property
    def calls(self) -> list[AiCall]:
        """Every ``run()`` call so far (refused ones included), oldest first."""
        with self._lock:
            return list(self._calls)

    # -- the synchronous work --------------------------------------------------------------
    def run_sync(self, model: Any, inputs: Any, options: Any = UNDEFINED) -> Any:
        """``run()``'s work. ``options`` ``None`` is JavaScript's ``null`` (the external SDK's
        ``None``): ai-api.ts's default ``options = {}`` takes only ``undefined``, so its
        destructuring of the options throws before anything is sent."""
        check_sendable(inputs)  # what the Python SDK refuses before the call (tuples, bytearrays)
        check_sendable(options)
        with self._lock:
            self._calls.append(AiCall(model, inputs, None if options is UNDEFINED else options))
        self.lastRequestId = ""
        if options is None:
            raise js_type_error("Cannot destructure property 'prefix' of 'object null' as it is null.")
        if isinstance(options, dict):
            if options.get("queueRequest"):
                raise _limits.batch_api("the run() option queueRequest, with which a batch is sent and polled")
            if options.get("websocket"):
                raise _limits.unsupported_option("websocket")
        if inputs is None:  # workerd reads Object.entries(inputs) before sending anything
            raise js_type_error("Cannot convert undefined or null to object")
        warn_unread_options("run", options, _RUN_OPTIONS)
        prefix = prefix_option(options)
        raw = isinstance(options, Mapping) and js_truthy(converted(options.get("returnRawResponse", UNDEFINED)))

        def retired_for_stream_inputs() -> None:
            """Inputs sent as a stream are not emulated, but a retired model's answer reads none of
            them: after ai-api.ts's own checks (and the headers fetch() checks), the service's 5028."""
            retired = DEPRECATED_MODELS.get(model_header(model, prefix))
            if retired is not None:
                raise _retired(model_header(model, prefix), retired)

        try:
            body = request_inputs(inputs, options, before_refusing_streams=retired_for_stream_inputs)
            name = model_header(model, prefix)  # what the service receives, or what JS threw first
            refuse_if_aborted(options)  # fetch() with the options' signal, aborted already: its reason
            result = self._answer(name, body, gateway=_logged(options))
        except AiError as error:
            if error.code == _limits.NO_SUCH_MODEL and js_truthy(converted(prefix)):
                add_hint(error, f"the service looked for the model {model_header(model, prefix)!r}: ai-api.ts "
                               "sends the run() option prefix before the model's name, as '<prefix>:<model>'")
            return self._refused(error, raw=raw, logged=_logged(options))
        self._answered(200, logged=_logged(options))
        return _raw_response(200, result, self._answer_headers()) if raw else result

    def _answered(self, status: int, *, logged: bool) -> None:
        """The service answered: workerd reads ``lastRequestId`` from the answer's ``cf-ai-req-id``,
        ``aiGatewayLogId`` from its ``cf-aig-log-id`` (``null`` when absent) and the status."""
        with self._lock:
            self._answers += 1
            number = self._answers
        self.lastRequestId = local_id(self._binding, number)
        self.aiGatewayLogId = gateway_log_id(self._binding, number) if logged else None
        self.lastRequestHttpStatusCode = status

    def _answer_headers(self) -> list[tuple[str, str]]:
        """The headers of the last answer beside its content type, as the fields read them."""
        headers = [("cf-ai-req-id", self.lastRequestId or "")]
        if self.aiGatewayLogId is not None:
            headers.append(("cf-aig-log-id", self.aiGatewayLogId))
        return headers

    def _refused(self, error: AiError, *, raw: bool = False, logged: bool = False) -> HttpResponse:
        """The service refused the call with its status (400; 405 for 5005, 410 for 5028) and its error body.
        workerd records the status, then either returns that ``Response`` (``returnRawResponse``)
        or throws the body as an error, recording its ``internalCode`` only then (``_parseError``)."""
        status = _limits.http_status(error.code)  # 400 for 5006 and 5007, 405 for 5005, 410 for 5028 (README)
        self._answered(status, logged=logged)
        if raw:
            return _raw_response(status, error, self._answer_headers())
        if error.code is not None:
            self.lastRequestInternalStatusCode = error.code
        raise error

    def _answer(self, name: str, inputs: Any, *, gateway: bool = False) -> Any:
        """The result of ``run(model, inputs)`` for a known model (``name`` as its header
        names it, ``inputs`` as the body carries them), or the service's error; ``gateway``: the
        call goes through AI Gateway, where a third-party model's name is no error but not emulated."""
        retired = DEPRECATED_MODELS.get(name)
        if retired is not None:
            raise _retired(name, retired)
        serving = ALIASED_MODELS.get(name, name)  # the model that answers (a reply scripted for `name` still applies)
        embedding = EMBEDDING_MODELS.get(serving)
        result: JsDict | ByteStream
        if embedding is not None:
            result = self._embed(embedding, parse_embedding(embedding, inputs))
        elif serving in TEXT_GENERATION_MODELS:
            try:
                request = parse_generation(TEXT_GENERATION_MODELS[serving], inputs)
            except AiError as error:
                _note_null_tool_call_content(error, inputs)
                raise
            if not TEXT_GENERATION_MODELS[serving].lora and _lora(inputs):
                raise _lora_unsupported(name)
            reply = self._script.reply(name, request, serving=serving)
            result = sse_stream(request, reply) if request.stream else to_py(generation_result(request, reply))
        elif name in RERANKER_MODELS:
            result = self._rerank(RERANKER_MODELS[name], parse_rerank(inputs))
        elif name in OTHER_MODELS:
            raise _limits.not_emulated(name, OTHER_MODELS[name])
        elif gateway and _third_party_form(name):
            raise _third_party_model(name)
        else:
            raise _no_such_model(name)
        return result

    def embed(self, model: str, texts: list[str], *, pooling: str | None = None) -> np.ndarray:
        """The vectors ``run()`` would give for ``texts`` (one text or a list) as a float32 array (for
        tests and tools); ``pooling`` one the model takes."""
        spec = EMBEDDING_MODELS.get(model) if isinstance(model, str) else None
        if spec is None:
            raise _no_such_model(model)
        if isinstance(texts, str):
            texts = [texts]  # one text, as the service's {"text": "..."}
        elif isinstance(texts, (bytes, Mapping)) or not isinstance(texts, Iterable):
            raise ConfigError(f"embed(): texts is a list of strings, got {type(texts).__name__}")
        texts = list(texts)
        odd = next((t for t in texts if not isinstance(t, str)), None)
        if odd is not None:
            raise ConfigError(f"embed(): texts is a list of strings, got an item {odd!r:.40} ({type(odd).__name__})")
        choices = spec.pooling_choices or ((spec.pooling,) if spec.pooling else ())
        if pooling is not None and pooling not in choices:
            raise ConfigError(f"embed(): {model} takes pooling {' or '.join(map(repr, choices))}, got {pooling!r}"
                              if choices else f"embed(): {model} takes no pooling, got {pooling!r}")
        return self._matrix(spec, EmbeddingRequest(texts, pooling=pooling or spec.pooling))[0]

    def _matrix(self, model: EmbeddingModel, request: EmbeddingRequest) -> tuple[np.ndarray, np.ndarray | None]:
        """(float32 vectors, the default embedder's integer levels or None for a plugged one)."""
        plugged, levels = self._vectors(model, request)
        if levels is None:
            return cast(np.ndarray, plugged), None  # _vectors gives exactly one of the two
        return levels.astype(np.float32) / np.float32(LEVELS), levels

    def _vectors(self, model: EmbeddingModel, request: EmbeddingRequest, *,
                 indices: bool = False) -> tuple[np.ndarray | None, np.ndarray | None]:
        """(a plugged embedder's float32 vectors, None) or (None, the default embedder's levels,
        or with ``indices`` its :func:`embed_indices`)."""
        texts = list(request.texts)
        if request.query is not None:
            texts.append(request.query)
        plugged = self._embedders.get(model.name)
        if plugged is not None:
            if not texts:
                return np.zeros((0, model.dimensions), dtype=np.float32), None
            return plugged(texts), None
        embed = embed_indices if indices else embed_rows
        return None, embed(texts, model.dimensions, model=model.name, variant=request.pooling or "",
                           max_words=model.max_input_tokens)

    @staticmethod
    def _scored(matrix: np.ndarray, top_k: int | None = None, *, relevance: bool = False) -> JsDict:
        """``{response: [{id, score}]}``: the cosine of each row but the last (the contexts) with
        the last (the query), best first, ties by index; the first ``top_k``. With ``relevance``
        a score is the reranker's [0, 1] relevance instead: the cosine through a logistic curve
        (unrelated texts ~0.05, half the words shared ~0.9), as the service maps its logits."""
        query, contexts = matrix[-1].astype(np.float64), matrix[:-1].astype(np.float64)
        norms = np.linalg.norm(contexts, axis=1) * (np.linalg.norm(query) or 1.0)
        scores = contexts @ query / np.where(norms == 0, 1.0, norms)
        order = sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:top_k]
        if relevance:
            scores = 1.0 / (1.0 + np.exp(-_RELEVANCE_SLOPE * (scores - _RELEVANCE_MIDPOINT)))
        return to_py({"response": [{"id": i, "score": float(scores[i])} for i in order]})

    def _rerank(self, model: RerankerModel, request: RerankRequest) -> JsDict:
        levels = embed_rows([*request.texts, request.query], model.dimensions, model=model.name)
        return self._scored(levels.astype(np.float64), request.top_k, relevance=True)

    def _embed(self, model: EmbeddingModel, request: EmbeddingRequest) -> JsDict:
        if request.kind == "query":
            return self._scored(self._matrix(model, request)[0])
        plugged, indices = self._vectors(model, request, indices=True)
        rows = _numbers(indices) if indices is not None else _rows(cast(np.ndarray, plugged))
        shape = [len(rows), model.dimensions]
        result = JsDict(response=rows, shape=shape) if request.kind == "contexts" else JsDict(shape=shape, data=rows)
        if request.pooling is not None:
            result["pooling"] = request.pooling
        return result

    def models_sync(self, params: Mapping[str, Any] | None) -> list[JsDict]:
        if params is None:  # ai-api.ts: Object.entries(params), before any request
            raise js_type_error("Cannot convert undefined or null to object")
        for value in params.values():  # workerd: url.searchParams.set(key, value.toString())
            if value is None or value is UNDEFINED:
                raise js_type_error(f"Cannot read properties of {'null' if value is None else 'undefined'} "
                                    "(reading 'toString')")
        # a retired model is no longer in the live catalog (README, "Where we had to choose")
        everyone: list[EmbeddingModel | TextGenerationModel | RerankerModel] = [
            *EMBEDDING_MODELS.values(), *TEXT_GENERATION_MODELS.values(), *RERANKER_MODELS.values()]
        entries = [m for m in everyone if m.name not in DEPRECATED_MODELS and m.name not in UNLISTED_MODELS]
        task = params.get("task")
        if task:
            entries = [m for m in entries if str(task).lower() in (m.task, TASKS[m.task].name.lower())]
        author = params.get("author")
        if author:
            entries = [m for m in entries if m.author == author]
        source = params.get("source")
        if source:
            entries = [m for m in entries if str(_catalog_entry(m)[1]) == str(source)]
        search = params.get("search")
        if search:
            needle = str(search).lower()
            entries = [m for m in entries if needle in m.name.lower() or needle in _catalog_entry(m)[2].lower()]
        per_page = _page_number(params, "per_page")
        if per_page:
            page = _page_number(params, "page") or 1
            entries = entries[(page - 1) * per_page : page * per_page]
        out = []
        for m in entries:
            t = TASKS[m.task]
            model_id, model_source, description, listed = _catalog_entry(m)
            out.append(to_py({
                "id": model_id,
                "source": model_source,
                "name": m.name,
                "description": description,
                "task": {"id": t.id, "name": t.name, "description": t.description},
                "tags": [],
                "properties": [{"property_id": k, "value": v} for k, v in listed],
            }))
        return out


#: The prefixes of the embedding model variants Cloudflare's API schema lists beside the
#: catalog's models (``omni-``, ``nonomni-``, ``ray-``; README, "Where we had to choose").
_API_VARIANT_PREFIX = re.compile(r"^(?:nonomni|omni|ray)-")


#: cabidela's text for a message ``content`` of ``null`` where the schema wants a string
_NULL_CONTENT = re.compile(r"Type mismatch of '/messages/(\d+)/content', 'string' not in 'null'")


def _note_null_tool_call_content(error: AiError, inputs: Any) -> None:
    """A 5006 for an assistant turn that only called tools, sent with ``content: null`` as OpenAI's
    convention writes it (a tool-calling round trip): a note saying that ``""`` is what the schema
    takes (users' measurements of the service, 2026-08: ``""`` answers 200)."""
    messages = inputs.get("messages") if isinstance(inputs, Mapping) else None
    for match in _NULL_CONTENT.finditer(error.description):
        index = int(match.group(1))
        message = messages[index] if isinstance(messages, list) and index < len(messages) else None
        if isinstance(message, Mapping) and message.get("tool_calls"):
            add_hint(error, f"messages[{index}] is an assistant turn that only calls tools, with content null "
                            "(OpenAI's convention): this model's schema takes a string there, so send "
                            'content "" for it')
            return


def _lora(inputs: Any) -> bool:
    """The inputs name a LoRA adapter: a truthy ``lora`` (the schemas type it a string)."""
    return isinstance(inputs, Mapping) and js_truthy(converted(inputs.get("lora", UNDEFINED)))


def _lora_unsupported(model: str) -> AiError:
    """The service's 5005 for a ``lora`` sent to a model that takes none, with a note naming the
    active models that take one."""
    error = _limits.lora_unsupported(model)
    takers = [name for name, spec in TEXT_GENERATION_MODELS.items() if spec.lora and name not in DEPRECATED_MODELS]
    add_hint(error, f"the models that take a LoRA adapter (the lora input): {', '.join(takers)}")
    return error


def _retired(model: str, date: str) -> AiError:
    """The service's ``5028: <model> was deprecated on <date>. See the model catalog ...``, its text
    untouched, with a note naming what to use: the model's ``-fast`` variant where the catalog keeps
    one (same inputs, same result), and the recommended replacements of the notice that retired it,
    saying which answer in another shape -- a Worker written after Cloudflare's RAG tutorial reads
    ``response``."""
    error = _limits.model_deprecated(SERVICE_NAMES.get(model, model), date)
    fast = f"{model}-fast"
    same = (f"its variant {fast!r} stays active and answers in the same form; "
            if fast in TEXT_GENERATION_MODELS else "")
    who, replacements = RECOMMENDED_REPLACEMENTS[date]
    alike = [name for name in replacements if TEXT_GENERATION_MODELS[name].result == "response"]
    chat = ("in OpenAI's chat-completions form (the text is choices[0].message.content, not response)"
            if not alike else "in OpenAI's chat-completions form (the text is choices[0].message.content)")
    forms = (f"which answer {chat}" if not alike else
             f"of which {', '.join(map(repr, alike))} answers in the same form (response), the others {chat}")
    add_hint(error, f"{model!r} was retired on {date} ({RETIREMENT_NOTICES[date]}): {same}{who} recommends "
                    f"{', '.join(map(repr, replacements))}, {forms}")
    return error


def _no_such_model(model: Any) -> AiError:
    """The service's ``5007: No such model ... or task``, its text untouched, with a note naming
    the catalog's model the name most likely means (a missing ``@cf/`` prefix, a dash, a version)."""
    error = _limits.no_such_model(model)
    if not isinstance(model, str):
        return error
    known = _known_models()
    if model in known:  # embed() with a model of another task: the name is right, the task is not
        add_hint(error, f"{model!r} is no text embeddings model: embed() takes one of "
                       f"{', '.join(EMBEDDING_MODELS)}")
        return error
    close = _likely_models(model, known)
    lists = "env.AI.models() lists the models workers-env emulates, with their names"
    retired = DEPRECATED_MODELS.get(close[0]) if close else None
    if retired is not None:  # the right name would only move the Worker on to 5028
        fast = f"{close[0]}-fast"
        use = (f"use its active variant {fast!r}, which answers in the same form" if fast in TEXT_GENERATION_MODELS
               else "use an active model")
        add_hint(error, f"did you mean {close[0]!r}? It was retired on {retired}: run() answers it with the "
                       f"service's 5028 error; {use} ({lists})")
    elif close:
        add_hint(error, f"did you mean {close[0]!r}? ({lists})")
    elif _third_party(model):
        add_hint(error, f"{model!r} has the form of a third-party model ({{author}}/{{model}}, as AI Gateway's "
                       "Unified Billing names them): those run only through AI Gateway, with run()'s options "
                       "{\"gateway\": {\"id\": ...}}, and workers-env does not emulate them offline; "
                       f"Workers AI's own models are named @cf/... ({lists})")
    else:
        add_hint(error, f"{model!r} is no model of the Workers AI catalog as @cloudflare/workers-types "
                        f"5.20261117.1 lists it; {lists}")
    return error


def _likely_models(model: str, known: list[str]) -> list[str]:
    """The catalog model ``model`` most likely means (a missing ``@cf/`` prefix, a dash, a version), if any."""
    tail = model.rsplit("/", 1)[-1].casefold()
    same_tail = [k for k in known if k.rsplit("/", 1)[-1].casefold() == tail]
    if not same_tail:  # a variant only Cloudflare's API schema names (``ray-bge-large-en-v1.5``): the bare model
        bare = re.sub(_API_VARIANT_PREFIX, "", tail)
        same_tail = [k for k in known if k.rsplit("/", 1)[-1].casefold() == bare] if bare != tail else []
    return same_tail or difflib.get_close_matches(model, known, n=1, cutoff=0.8)


def _known_models() -> list[str]:
    return [*EMBEDDING_MODELS, *TEXT_GENERATION_MODELS, *RERANKER_MODELS, *OTHER_MODELS]


def _third_party_form(model: Any) -> bool:
    """``model`` has the ``{author}/{model}`` form of a third-party model (``openai/gpt-4.1-mini``),
    which runs only through AI Gateway."""
    return (isinstance(model, str) and not model.startswith("@") and model.count("/") == 1
            and "" not in model.split("/"))


def _third_party(model: Any) -> bool:
    """``model`` has a third-party model's form and is no misspelling of a catalog model's name."""
    return _third_party_form(model) and not _likely_models(model, _known_models())


def _third_party_model(model: str) -> NotEmulatedError:
    """A third-party model through AI Gateway: not emulated, with a note naming the catalog model
    the name may mean (``deepseek/deepseek-v4-pro`` is both a Unified Billing name and close to one)."""
    error = _limits.third_party_model(model)
    close = _likely_models(model, _known_models())
    if close:
        add_hint(error, f"if you meant the Workers AI model {close[0]!r}, name it so")
    return error
