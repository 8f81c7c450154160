"""What ``Ai.run()``'s own JavaScript (workerd's ``ai-api.ts``) does before the service sees a call.

The SDK and Pyodide convert the arguments (:func:`workers_env._sentvalues.to_js`), then
``#generateFetch`` writes the body ``JSON.stringify({inputs, options})`` (the options without
``prefix``, ``extraHeaders``, ``sessionOptions``, ``signal``) and ``fetch`` builds the headers:
the options' ``extraHeaders`` (and the deprecated ``sessionOptions.extraHeaders``) spread in,
then ``cf-consn-model-id: ${model}``. Each stage has its errors, thrown before any request:
V8's ``TypeError: Do not know how to serialize a BigInt`` (an int of magnitude 2**53 or more
is a BigInt), workerd's ``TypeError: Invalid header name.`` / ``Invalid header value.``. What
survives is what the service validates: NaN and Infinity as ``null``, bytes and numpy arrays
as index-keyed objects, sets as ``{}``, dict keys as strings.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from workers_env._errors import JsException, NotEmulatedError, add_hint
from workers_env._jscoercions import js_truthy
from workers_env._jsvalues import UNDEFINED, ByteStream, JsSet, JsTypedArray, js_string, js_type_error
from workers_env._sendchecks import nests_deeper_than
from workers_env._sentvalues import converted, js_spread, json_value, to_js

__all__ = ["model_header", "prefix_option", "refuse_if_aborted", "request_inputs"]

#: the options ai-api.ts keeps out of the request body
_NOT_IN_BODY = ("prefix", "extraHeaders", "sessionOptions", "signal")
#: RFC 2616 separators and whitespace: not in a header name (workerd's HTTP_TOKEN_CHARS)
_SEPARATORS = frozenset('()<>@,;:\\"/[]?={} \t')
_HTTP_WHITESPACE = "\t\r\n "


def _json(value: Any, where: str) -> Any:
    """``JSON.parse(JSON.stringify(value))`` of a converted argument. One nested too deeply to
    walk is left as it is (the service reads it as sent); a Python object with no JavaScript
    form (a PyProxy) is refused here, saying what to send instead."""
    if isinstance(value, (dict, list)) and nests_deeper_than(value):
        return value
    try:
        return json_value(value)
    except JsException:
        raise
    except TypeError as exc:  # json_value's PyProxy: what JSON makes of one is unspecified
        raise js_type_error(
            f"{exc} in the {where} of AI.run(); send JSON data: dicts with string keys, lists, "
            "strings, numbers, booleans and None"
        ) from None


def _is_stream(value: Any) -> bool:
    """A ``ReadableStream`` (a body's stream reaches a binding as a :class:`ByteStream`) or a
    ``FormData`` (a JavaScript object kept as it is; told by its JS class name, as bindings do
    not import the runtime)."""
    return isinstance(value, ByteStream) or getattr(type(value), "_js_name", None) == "FormData"


def _stream_keys(inputs: Any) -> list[str]:
    """ai-api.ts's ``findReadableStreamKeys``: the inputs that are a stream or FormData, or an
    object whose ``body`` is one (``{"multipart": {"body": stream, "contentType": ...}}``)."""
    if not isinstance(inputs, Mapping):
        return []
    return [key for key, value in inputs.items()
            if _is_stream(value) or (isinstance(value, Mapping) and _is_stream(value.get("body")))]


def _refuse_stream_inputs(inputs: Mapping[str, Any], keys: list[str], options: Any,
                          before_refusing: Callable[[], None] | None = None) -> None:
    """ai-api.ts's ``#generateStreamFetch`` sends the first such input as the request body with
    its ``contentType`` (the other inputs go in the query): its own checks first, then
    ``before_refusing`` (an answer that reads no input, such as a retired model's), then the
    request workers-env cannot answer offline. Before all that, ``run`` refuses more than one
    such input (ai-api.ts, and the text in wrangler 4.164.0's workerd)."""
    if len(keys) > 1:
        raise JsException(f"Multiple ReadableStreams are not supported. Found streams in keys: [{', '.join(keys)}]",
                          name="AiInternalError")
    stream = inputs[keys[0]]
    gateway = options.get("gateway") if isinstance(options, Mapping) else None
    if isinstance(gateway, Mapping) and gateway.get("id"):
        raise JsException("AI Gateway does not support ReadableStreams yet.", name="AiInternalError")
    if not (isinstance(stream, Mapping) and stream.get("contentType")):
        raise JsException("Content-Type is required with ReadableStream inputs", name="AiInternalError")
    # the other inputs go in the query as JSON.stringify({...userInputs}); then fetch() builds the
    # headers (extraHeaders first) before anything reaches the service
    _json(converted({k: v for k, v in inputs.items() if k != keys[0]}), "inputs")
    _check_extra_headers(options)
    if before_refusing is not None:
        before_refusing()
    raise NotEmulatedError(
        f"workers-env does not emulate Workers AI inputs sent as a stream: the {keys[0]!r} input's "
        f"{'FormData' if not isinstance(stream['body'], ByteStream) else 'ReadableStream'} body goes to the "
        "model as the request body (multipart for the image and speech models), which only Cloudflare "
        "runs; give the model JSON inputs where it takes them, or supply your own AI binding in tests."
    )


def request_inputs(inputs: Any, options: Any, *, before_refusing_streams: Callable[[], None] | None = None) -> Any:
    """The ``inputs`` the service receives: the body ``JSON.stringify`` writes (BigInt and
    circles throw there), after the headers ``fetch`` refuses; inputs holding a stream are
    sent another way (:func:`_refuse_stream_inputs`, which calls ``before_refusing_streams``
    after ai-api.ts's own checks)."""
    streams = _stream_keys(inputs)
    if streams:
        _refuse_stream_inputs(inputs, streams, options, before_refusing_streams)
    body = _json(converted(inputs), "inputs")
    spread = js_spread(to_js(options)) if options is not None and options is not UNDEFINED else {}
    _json({k: v for k, v in spread.items() if k not in _NOT_IN_BODY}, "options")
    _check_extra_headers(options)
    return body


def _check_extra_headers(options: Any) -> None:
    """The headers ``fetch`` builds from the options: the deprecated ``sessionOptions.extraHeaders``
    spread in, then ``extraHeaders`` (workerd's ``Headers`` refuses a bad name or value)."""
    spread = js_spread(to_js(options)) if options is not None and options is not UNDEFINED else {}
    session = spread.get("sessionOptions")
    for extra in (js_spread(session).get("extraHeaders") if isinstance(session, Mapping) else None,
                  spread.get("extraHeaders")):
        for name, value in js_spread(extra).items():
            _check_header(name, js_string(value))


def _check_header(name: str, value: str) -> None:
    """workerd's Headers: a name of HTTP token characters, a value (trimmed of HTTP
    whitespace) without NUL, CR or LF."""
    if any(c in _SEPARATORS or ord(c) < 0x20 or c == "\x7f" for c in name):
        error = js_type_error("Invalid header name.")
        add_hint(error, f"AI.run()'s extraHeaders name {name!r}: a header name is letters, digits and !#$%&'*+-.^_`|~")
        raise error
    if any(c in "\0\r\n" for c in value.strip(_HTTP_WHITESPACE)):
        error = js_type_error("Invalid header value.")
        add_hint(error, f"AI.run()'s extraHeaders value of {name!r} holds a NUL, CR or LF character")
        raise error


def _template(value: Any) -> str:
    """``${value}`` of a converted argument (``undefined`` for none, ``[object Object]`` for an
    object, a list's items joined with commas)."""
    if isinstance(value, str):
        return value
    if value is None or value is UNDEFINED:
        return "undefined"
    as_js = converted(value)
    if isinstance(as_js, JsSet):
        return "[object Set]"
    if isinstance(as_js, JsTypedArray):
        return ",".join(js_string(v) for v in as_js)
    if isinstance(as_js, (dict, list, str, int, float)):
        return js_string(as_js)
    return str(value)  # a PyProxy prints as the object's str()


def prefix_option(options: Any) -> Any:
    """The ``prefix`` run() option, or ``UNDEFINED``."""
    return options.get("prefix", UNDEFINED) if isinstance(options, Mapping) else UNDEFINED


def model_header(model: Any, prefix: Any = UNDEFINED) -> str:
    """The ``cf-consn-model-id`` header the service reads the model from:
    ``${prefix ? `${prefix}:` : ''}${model}`` of the converted arguments (ai-api.ts), trimmed
    of HTTP whitespace as ``Headers`` trims a value."""
    text = (f"{_template(prefix)}:" if js_truthy(converted(prefix)) else "") + _template(model)
    trimmed = text.strip(_HTTP_WHITESPACE)
    if any(c in "\0\r\n" for c in trimmed):
        raise js_type_error("Invalid header value.")
    return trimmed


def refuse_if_aborted(options: Any) -> None:
    """ai-api.ts hands the options' ``signal`` to its ``fetch``: one that has aborted already
    rejects the call with the signal's reason (``AbortError: The operation was aborted``) once
    the request is built, before the service sees anything. (One that would abort later never
    does here: the answer is immediate.)"""
    signal = options.get("signal") if isinstance(options, Mapping) else None
    throw = getattr(signal, "throwIfAborted", None)
    if callable(throw):
        throw()
