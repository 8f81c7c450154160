"""Text generation offline: deterministic default replies, replies a test scripts, and the
service's result shapes (``{"response", "tool_calls", "usage"}``, or server-sent events).

A reply spec is one of: a ``str`` (always that text), a ``dict`` (the whole result, e.g. with
``tool_calls``; ``usage`` is filled in when missing), a callable ``(model, inputs) -> str |
dict`` (a function of the inputs), or a list of those used one per call, in order (a queue;
when it runs out the next spec down applies: the model's own, then the one for every model,
then the default reply).
"""

from __future__ import annotations

import functools
import json
import math
import re
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from workers_env._errors import ConfigError, NotEmulatedError, WorkersEnvError
from workers_env._deep import MAX_CONVERSION_DEPTH, more_room
from workers_env._jsvalues import ByteStream, to_py
from workers_env._sendchecks import nests_deeper_than
from workers_env.ai.catalog import TEXT_GENERATION_MODELS
from workers_env.ai.embedder import approx_tokens
from workers_env.ai.validation import GenerationRequest

__all__ = ["ReplyScript", "default_reply", "generation_result", "schema_example", "sse_stream"]

_PIECE = re.compile(r"\s*\S+")

_R = TypeVar("_R")


def _json_room(function: Callable[..., _R]) -> Callable[..., _R]:
    """``function`` run with room for ``json`` to read and write a result as deep as workers-env
    converts (:data:`MAX_CONVERSION_DEPTH`) on every Python: before 3.12 its C code counts a frame
    a level against the interpreter's recursion limit, which the caller's frames share."""
    @functools.wraps(function)
    def roomy(*args: Any, **kwargs: Any) -> _R:
        with more_room(MAX_CONVERSION_DEPTH, 1):
            return function(*args, **kwargs)

    return roomy


def _too_deep(where: str, what: str = "a scripted result is JSON data, as the service's results are: this one "
                                      "nests lists or dicts") -> ConfigError:
    return ConfigError(f"{where}: {what} deeper than workers-env converts (about 1,000 levels); nest it less")


def default_reply(model: str, request: GenerationRequest) -> str:
    """The reply when nothing is scripted: deterministic, names the model and echoes the
    last user message, cut to ``max_tokens`` (counted as words and punctuation marks). In
    JSON Mode, or given ``guided_json``: the JSON text of :func:`schema_example` of the
    requested schema (an empty ``guided_json``, "any JSON", gives an object)."""
    if request.response_format is not None:
        return json.dumps(schema_example(_requested_schema(request.response_format)), ensure_ascii=False)
    if request.guided_json is not None:
        return json.dumps(schema_example(request.guided_json or {"type": "object"}), ensure_ascii=False)
    said = " ".join(request.last_user_text.split())
    text = f"[workers-env offline reply from {model}] You said: {said}"
    pieces = _PIECE.findall(text)
    budget = max(request.max_tokens, 0)
    out: list[str] = []
    used = 0
    for piece in pieces:
        cost = approx_tokens(piece)
        if used + cost > budget:
            break
        out.append(piece)
        used += cost
    return "".join(out)


def _requested_schema(response_format: Mapping[str, Any]) -> Any:
    """The JSON Schema of a ``response_format`` (``json_object`` without one: any object).
    OpenAI's nesting (``{"name", "schema", "strict"}``) is unwrapped."""
    schema = response_format.get("json_schema")
    if isinstance(schema, Mapping) and isinstance(schema.get("schema"), Mapping) and "type" not in schema:
        schema = schema["schema"]
    return schema if isinstance(schema, Mapping) else {"type": "object"}


def schema_example(schema: Any, depth: int = 0) -> Any:
    """A small deterministic value that fits ``schema``: ``const``, the first ``enum`` value or
    the ``default`` when given; the first branch of ``anyOf`` / ``oneOf`` / ``allOf``; every
    listed property of an object; ``minItems`` items of an array; ``""`` (``minLength`` x's),
    the least number allowed (0 when the range holds it), ``false`` or ``null``."""
    if not isinstance(schema, Mapping) or depth > 32:
        return None
    for key in ("const", "default"):
        if key in schema:
            return schema[key]
    if isinstance(schema.get("enum"), list) and schema["enum"]:
        return schema["enum"][0]
    for key in ("anyOf", "oneOf", "allOf"):
        if isinstance(schema.get(key), list) and schema[key]:
            return schema_example(schema[key][0], depth + 1)
    kind = schema.get("type")
    if isinstance(kind, list):
        kind = next((k for k in kind if k != "null"), "null")
    if kind is None:
        kind = "object" if "properties" in schema else "array" if "items" in schema else "string"
    if kind == "object":
        properties = schema.get("properties")
        return {name: schema_example(sub, depth + 1) for name, sub in (properties or {}).items()}
    if kind == "array":
        count = schema.get("minItems")
        count = count if isinstance(count, int) else 0
        return [schema_example(schema.get("items"), depth + 1) for _ in range(max(count, 0))]
    if kind in ("integer", "number"):
        def bound(key: str) -> float | None:
            value = schema.get(key)
            return value if isinstance(value, (int, float)) and not isinstance(value, bool) else None

        low, above, high, below = (bound(k) for k in ("minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"))
        if low is not None and low > 0:
            return math.ceil(low) if kind == "integer" else low
        if above is not None and above >= 0:
            return math.floor(above) + 1
        if high is not None and high < 0:
            return math.floor(high) if kind == "integer" else high
        if below is not None and below <= 0:
            return math.ceil(below) - 1
        return 0
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    return "x" * schema["minLength"] if isinstance(schema.get("minLength"), int) else ""


def _json_response(reply: str, model: str) -> Any:
    """JSON Mode: the model's text as the JSON value it holds (a reply that is not JSON stays
    text); one nested past what workers-env converts (the result's own level above it) is the
    ``ConfigError`` of a scripted result that deep."""
    too_deep = _too_deep(f"the reply scripted for {model}", "JSON Mode reads the reply's text as the JSON it holds, "
                                                            "and this one nests arrays or objects")
    try:
        value = json.loads(reply)
    except RecursionError:  # (json's own limit, past 1,000 levels: _json_room)
        raise too_deep from None
    except ValueError:
        return reply
    if nests_deeper_than(value, MAX_CONVERSION_DEPTH - 1):
        raise too_deep
    return value


def _text(response: Any) -> str:
    """A response as the text the model produced (a JSON Mode value as its JSON)."""
    if isinstance(response, str):
        return response
    return "" if response is None else json.dumps(response, ensure_ascii=False, separators=(",", ":"))


def _usage(request: GenerationRequest, response: str) -> dict[str, int]:
    prompt_tokens = approx_tokens(request.text)
    completion_tokens = approx_tokens(response)
    return {"prompt_tokens": prompt_tokens, "completion_tokens": completion_tokens,
            "total_tokens": prompt_tokens + completion_tokens}


def _chat_completion(request: GenerationRequest, reply: str) -> dict[str, Any]:
    """OpenAI's ``chat.completion`` (messages) or ``text_completion`` (prompt) object, as the
    chat-completions models answer (ai.d.ts ``ChatCompletionsOutput``); in JSON Mode the
    content is the JSON text, as OpenAI gives it."""
    head = {"created": int(time.time()), "model": request.model}
    usage = _usage(request, reply)
    if request.prompt is not None:
        choice = {"index": 0, "text": reply, "finish_reason": "stop", "logprobs": None}
        return {"id": f"cmpl-{uuid.uuid4().hex}", "object": "text_completion", **head, "choices": [choice], "usage": usage}
    message = {"role": "assistant", "content": reply, "refusal": None}
    choice = {"index": 0, "message": message, "finish_reason": "stop", "logprobs": None}
    result = {"id": f"chatcmpl-{uuid.uuid4().hex}", "object": "chat.completion", **head, "choices": [choice],
              "usage": usage}
    spec = TEXT_GENERATION_MODELS.get(request.model)
    if spec is not None and spec.response_too:  # the content again, a JSON Mode value parsed (catalog._RESPONSE_TOO)
        result["response"] = _json_response(reply, request.model) if request.response_format is not None else reply
    return result


def _responses_object(request: GenerationRequest, reply: str) -> dict[str, Any]:
    """OpenAI's Responses API result (ai.d.ts ``ResponsesOutput``): one assistant message with
    one ``output_text``, ``output_text`` itself, ``usage`` in input/output tokens."""
    usage = _usage(request, reply)
    message = {"id": f"msg_{uuid.uuid4().hex}", "type": "message", "role": "assistant", "status": "completed",
               "content": [{"type": "output_text", "text": reply, "annotations": []}]}
    return {
        "id": f"resp_{uuid.uuid4().hex}", "object": "response", "created_at": int(time.time()),
        "model": request.model, "status": "completed", "instructions": request.inputs.get("instructions"),
        "output": [message], "output_text": reply, "error": None, "incomplete_details": None,
        "usage": {"input_tokens": usage["prompt_tokens"], "output_tokens": usage["completion_tokens"],
                  "total_tokens": usage["total_tokens"]},
    }


@_json_room
def generation_result(request: GenerationRequest, reply: str | Mapping[str, Any]) -> dict[str, Any]:
    """The non-streamed result: ``{"response", "tool_calls", "usage"}``, or for the
    chat-completions models OpenAI's object (a dict reply wins, as the whole result)."""
    if request.result == "chat-completions":
        return dict(reply) if isinstance(reply, Mapping) else _chat_completion(request, reply)
    if request.result == "responses":
        return dict(reply) if isinstance(reply, Mapping) else _responses_object(request, reply)
    if isinstance(reply, Mapping):
        result = dict(reply)
        result.setdefault("response", "")
        result.setdefault("tool_calls", [])
        result.setdefault("usage", _usage(request, _text(result["response"])))
        return result
    response = _json_response(reply, request.model) if request.response_format is not None else reply
    return {"response": response, "tool_calls": [], "usage": _usage(request, reply)}


@_json_room
def sse_stream(request: GenerationRequest, reply: str | Mapping[str, Any]) -> ByteStream:
    """``stream: true``: one ``data: {"response": piece}`` event per word (with its leading
    space), a final event with ``usage``, then ``data: [DONE]``."""
    if request.result == "responses":
        raise NotEmulatedError(
            "workers-env does not emulate stream: true with the Responses API (gpt-oss's `input` form) "
            "offline; leave `stream` out, or send `messages` for a chat-completions stream."
        )
    result = generation_result(request, reply)
    if request.result == "chat-completions":
        return _chat_chunks(request, result)
    text = _text(result.get("response"))
    events = [json.dumps({"response": piece}, ensure_ascii=False, separators=(",", ":"))
              for piece in _PIECE.findall(text)]
    if text and not text.strip():
        events.append(json.dumps({"response": text}, separators=(",", ":")))
    if result.get("tool_calls"):
        events.append(json.dumps({"response": "", "tool_calls": result["tool_calls"]},
                                 ensure_ascii=False, separators=(",", ":")))
    events.append(json.dumps({"response": "", "usage": result["usage"]}, separators=(",", ":")))
    return _event_stream(events)


def _chat_chunks(request: GenerationRequest, result: Mapping[str, Any]) -> ByteStream:
    """``stream: true`` of a chat-completions model: OpenAI's chunks (``chat.completion.chunk``
    with ``delta``s, or ``text_completion`` pieces), a last chunk with ``finish_reason`` and
    ``usage``, then ``data: [DONE]``."""
    choices = result.get("choices") or [{}]
    choice = choices[0] if isinstance(choices, list) else None
    message = choice.get("message") or {} if isinstance(choice, dict) else None
    if not isinstance(choice, dict) or not isinstance(message, dict):
        raise ConfigError(
            f"the reply scripted for {request.model}: a chat-completions result's choices is a list of objects "
            f'like {{"message": {{"role": "assistant", "content": "..."}}}} ({{"text": "..."}} for a prompt), '
            f"got {_compact(choices)}"
        )
    text = str((choice.get("text") if request.prompt is not None else message.get("content")) or "")
    kind = "text_completion" if request.prompt is not None else "chat.completion.chunk"
    head = {"id": result.get("id"), "object": kind, "created": result.get("created"), "model": result.get("model")}
    if request.prompt is not None:
        chunks = [{**head, "choices": [{"index": 0, "text": piece, "finish_reason": None}]}
                  for piece in _PIECE.findall(text)]
        last = {**head, "choices": [{"index": 0, "text": "", "finish_reason": "stop"}]}
    else:
        first = {**head, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""}, "finish_reason": None}]}
        chunks = [first] + [{**head, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                            for piece in _PIECE.findall(text)]
        last = {**head, "choices": [{"index": 0, "delta": {}, "finish_reason": choice.get("finish_reason", "stop")}]}
    events = [json.dumps(c, ensure_ascii=False, separators=(",", ":")) for c in chunks]
    events.append(json.dumps({**last, "usage": result.get("usage")}, separators=(",", ":")))
    return _event_stream(events)


def _compact(choices: Any) -> str:
    return json.dumps(choices, ensure_ascii=False)[:80]


def _event_stream(events: list[str]) -> ByteStream:
    """Server-sent events: ``data: <event>`` each, then ``data: [DONE]``."""
    return ByteStream((f"data: {event}\n\n".encode() for event in [*events, "[DONE]"]),
                      content_type="text/event-stream")


def _check_spec(spec: Any, where: str) -> None:
    if isinstance(spec, (str, Mapping)) or callable(spec):
        return
    if isinstance(spec, (list, tuple)):
        for item in spec:
            if isinstance(item, (list, tuple)) or not (isinstance(item, (str, Mapping)) or callable(item)):
                raise ConfigError(f"{where}: a queue of replies holds strings, dicts or functions, got {item!r}")
        return
    raise ConfigError(
        f"{where}: a reply is a string, a dict (the whole result), a function (model, inputs) -> "
        f"str | dict, or a list of those; got {type(spec).__name__}"
    )


def _check_model(model: Any, where: str) -> None:
    """A reply is scripted for a text generation model (by its catalog name) or every model."""
    from workers_env.ai.catalog import DEPRECATED_MODELS, TEXT_GENERATION_MODELS

    if model is not None and model != ReplyScript.ANY and model not in TEXT_GENERATION_MODELS:
        raise ConfigError(
            f'{where}: {model!r} is not a Workers AI text generation model workers-env emulates, so nothing '
            'would ever use this reply; give a model name from workers_env.ai.catalog.TEXT_GENERATION_MODELS '
            '(e.g. "@cf/meta/llama-3.1-8b-instruct-fast"), or no model for every model'
        )
    if model in DEPRECATED_MODELS:
        raise ConfigError(
            f"{where}: {model!r} was deprecated on {DEPRECATED_MODELS[model]}: run() answers the service's 5028 "
            "error for it, so nothing would ever use this reply; script the model that replaces it "
            "(workers_env.ai.catalog.DEPRECATED_MODELS lists the retired ones)"
        )


@_json_room
def _json_result(result: Mapping[str, Any], where: str) -> dict[str, Any]:
    """A scripted whole result as the service's JSON carries it (keys strings, tuples lists,
    numpy scalars their numbers), or the ``ConfigError`` saying what JSON cannot hold (a set,
    an object, NaN, a cycle) or that it nests deeper than workers-env converts: up to 1,000
    levels on every Python (json has the room), tuples counted as the lists JSON makes of them."""
    try:
        data = json.loads(json.dumps(result, allow_nan=False, default=_scalar))
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: a scripted result is JSON data, as the service's results are: {exc}") from None
    except RecursionError:  # json's own limit, past the room _json_room gives
        raise _too_deep(where) from None
    if nests_deeper_than(data, MAX_CONVERSION_DEPTH):
        raise _too_deep(where)
    return dict(data)


def _scalar(value: Any) -> Any:
    """``json.dumps``'s ``default``: a numpy scalar (``np.int64(3)``, ``np.float32``) as its number."""
    item = getattr(value, "item", None)
    if callable(item) and type(value).__module__ == "numpy":
        return item()
    raise TypeError(f"Object of type {type(value).__name__} is not JSON serializable")


class ReplyScript:
    """What text generation answers: per model or for every model; queues are used first."""

    ANY = "*"

    def __init__(self) -> None:
        self._fixed: dict[str, Any] = {}
        self._queues: dict[str, deque[Any]] = {}
        self._lock = threading.Lock()

    def set(self, spec: Any, *, model: str | None = None, where: str = "reply") -> None:
        """Script ``model`` (``None``: every model); a list replaces that model's queue."""
        _check_model(model, where)
        _check_spec(spec, where)
        for item in spec if isinstance(spec, (list, tuple)) else [spec]:
            if isinstance(item, Mapping):
                _json_result(item, where)
        key = model or self.ANY
        with self._lock:
            if isinstance(spec, (list, tuple)):
                self._queues[key] = deque(spec)
            else:
                self._fixed[key] = spec

    def configure(self, replies: Any, *, where: str) -> None:
        """``load_env(ai_replies=...)``: one spec for every model, or ``{model: spec}``."""
        if replies is None:
            return
        if isinstance(replies, Mapping) and replies and all(
            isinstance(k, str) and (k.startswith("@") or k == self.ANY) for k in replies
        ):
            for model, spec in replies.items():
                self.set(spec, model=None if model == self.ANY else model, where=f"{where}[{model!r}]")
        else:
            self.set(replies, where=where)

    def clear(self) -> None:
        with self._lock:
            self._fixed.clear()
            self._queues.clear()

    def _next(self, keys: tuple[str, ...]) -> Any:
        with self._lock:
            for key in keys:
                queue = self._queues.get(key)
                if queue:
                    return queue.popleft()
            for key in keys:
                if key in self._fixed:
                    return self._fixed[key]
        return None

    def reply(self, model: str, request: GenerationRequest, *, serving: str | None = None) -> str | dict[str, Any]:
        """The reply for a call to ``model``: scripted for ``model``, else for ``serving`` (the
        model the service answers an aliased name with: kimi-k2.5's calls, k2.6), else for every
        model, else the default."""
        keys = (model, serving, self.ANY) if serving and serving != model else (model, self.ANY)
        spec = self._next(keys)
        if spec is None:
            return default_reply(model, request)
        if callable(spec) and not isinstance(spec, Mapping):
            spec = self._call(spec, model, request)
        if isinstance(spec, Mapping):
            return _json_result(spec, f"the reply scripted for {model}")
        if isinstance(spec, str):
            return spec
        raise ConfigError(
            f"the reply function scripted for {model} returned {type(spec).__name__}; "
            "return a string or a dict (the whole result)"
        )

    @staticmethod
    def _call(function: Any, model: str, request: GenerationRequest) -> Any:
        """A reply function's answer. Its own errors of workers-env's kinds (an ``AiError`` it
        raises to script a failure) pass; any other is a ``ConfigError`` naming the model."""
        try:
            return function(model, to_py(request.inputs))
        except WorkersEnvError:
            raise
        except Exception as exc:
            raise ConfigError(
                f"the reply function scripted for {model} raised {type(exc).__name__}: {exc} (it is called as "
                "function(model, inputs), inputs the call's inputs as a dict)"
            ) from exc

