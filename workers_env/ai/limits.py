"""Every limit and error text of the Workers AI binding, in one place.

The binding rethrows the service's error body as ``InferenceUpstreamError`` named after the
body's ``name`` (``AiError``) with the message ``<internalCode>: <description>`` (workerd's
``ai-api.ts``). Codes and the 5007 text come from Cloudflare's Workers AI error table; the
5006 schema texts are those of Cloudflare's JSON Schema validator, cabidela (``src/index.ts``;
workerd's ai.d.ts names it as the schemas' validator, and the texts users quote from the
service are its): ``required properties at '/' are 'text'``, ``Type mismatch of '/prompt',
'string' not in 'null'`` (the schema's type, then the value's types), ``Length of '/prompt'
must be >= 1 not met``, ``'/top_k' must be <= 50``, ``enum max not in mean,cls at
'/pooling'``, and ``oneOf at '/' not met, 0 matches: ...`` listing every branch's problems.
cabidela has no ``maxItems``: the text for a too-long list is ours (README, "Where we had to
choose").
"""

from __future__ import annotations

from typing import Any

from workers_env._errors import AiError, ConfigError, NotEmulatedError
from workers_env.ai.cabidela import get_metadata

__all__ = [
    "BAD_INPUT",
    "DEFAULT_MAX_TOKENS",
    "LORA_UNSUPPORTED",
    "MODEL_CATALOG",
    "MODEL_DEPRECATED",
    "NO_SUCH_MODEL",
    "bad_input",
    "batch_api",
    "http_status",
    "json_type",
    "lora_unsupported",
    "model_deprecated",
    "no_such_model",
    "not_emulated",
    "not_emulated_method",
    "plugged_embedder_error",
    "required",
    "third_party_model",
    "too_many_items",
    "type_mismatch",
    "unsupported_option",
]

#: internal codes (Cloudflare's "Workers AI errors" table)
LORA_UNSUPPORTED = 5005
BAD_INPUT = 5006
NO_SUCH_MODEL = 5007
#: a model the service retired (not in the table; the code and text users quote from production,
#: README "Where we had to choose")
MODEL_DEPRECATED = 5028
#: where the service's 5028 text sends the Worker's author for another model
MODEL_CATALOG = "https://developers.cloudflare.com/workers-ai/models/"

#: the HTTP status of each refusal whose row in the error table says other than 400 (5005 is
#: ours to raise; the others a test scripts, ``env.AI.reply(fn)`` with ``fn`` raising the error)
_HTTP_STATUS = {
    5018: 403, 5016: 403, 3023: 403, 3041: 403, 5035: 403,  # account not allowed, terms, blocked, Workers Paid
    5019: 405, LORA_UNSUPPORTED: 405,
    3042: 404,  # invalid model ID
    MODEL_DEPRECATED: 410,  # not in the table: the REST API's status for a retired model since 2026-08 (README)
    3006: 413,  # request too large
    3007: 408, 3008: 408,  # timeout, aborted
    3036: 429, 3040: 429,  # daily free allocation used up, out of capacity
}


def http_status(code: int | None) -> int:
    """The HTTP status the service answers a refusal with: the error table's (410 for 5028, as the
    REST API answers it), 400 for the rest (5006, 5007, and an error scripted without a code)."""
    return _HTTP_STATUS.get(code, 400) if code is not None else 400


#: text generation: the default ``max_tokens`` (the catalog schemas' default)
DEFAULT_MAX_TOKENS = 256


def json_type(value: Any) -> str:
    """The types cabidela gives a value, as its ``Type mismatch`` lists them (``'number','integer'``
    for a whole number, ``'array','binary'`` for a list of only strings and numbers, ...)."""
    return ",".join(f"'{kind}'" for kind in get_metadata(value)[0])


def required(path: str, names: str) -> str:
    return f"required properties at '{path}' are '{names}'"


def type_mismatch(path: str, expected: str, value: Any) -> str:
    return f"Type mismatch of '{path}', '{expected}' not in {json_type(value)}"


def too_many_items(path: str, count: int, limit: int) -> str:
    """Ours: cabidela does not check ``maxItems`` (the service refuses a longer list elsewhere)."""
    return f"Array at '{path}' has {count} items, more than maxItems {limit}"


def bad_input(text: str) -> AiError:
    """``5006: Error: <text>`` -- an input the model's schema (or the service) refuses."""
    return AiError(f"Error: {text}", code=BAD_INPUT)


# -- 5007 and what workers-env does not emulate ------------------------------------------------
def no_such_model(model: Any) -> AiError:
    """``5007: No such model <model> or task`` -- the service's text for an unknown model."""
    return AiError(f"No such model {model} or task", code=NO_SUCH_MODEL)


def lora_unsupported(model: str) -> AiError:
    """``5005: The model <model> does not support LoRA inference`` -- a ``lora`` sent to a model
    that takes none. The error table writes "LoRa"; the service's answer, as a user quotes it
    (2026-09-20), "LoRA" (README, "Where we had to choose")."""
    return AiError(f"The model {model} does not support LoRA inference", code=LORA_UNSUPPORTED)


def model_deprecated(name: str, date: str) -> AiError:
    """``5028: <name> was deprecated on <date>. See the model catalog for alternatives: <catalog>``
    -- the service's answer for a retired model, whatever the inputs, as users quote it since
    2026-08 (``name`` as the service gives it; until 2026-08-03 it read "This model was deprecated
    on <date>. Please use an alternative model.", README "Where we had to choose")."""
    return AiError(f"{name} was deprecated on {date}. See the model catalog for alternatives: {MODEL_CATALOG}",
                   code=MODEL_DEPRECATED)


def not_emulated(model: str, task: str) -> NotEmulatedError:
    return NotEmulatedError(
        f"workers-env does not emulate {model} ({task}) offline: it emulates the catalog's text "
        "embedding models, @cf/baai/bge-reranker-base and the text generation models that answer in "
        "the classic {\"response\"}, the chat-completions or gpt-oss's form; env.AI.models() lists "
        "every one."
    )


def not_emulated_method(method: str, service: str) -> NotEmulatedError:
    return NotEmulatedError(
        f"workers-env does not emulate env.AI.{method} ({service}) offline: it needs Cloudflare's "
        "services. Keep it out of the code your tests run, or supply your own AI binding with "
        "load_env(..., bindings={...})."
    )


def third_party_model(model: str) -> NotEmulatedError:
    return NotEmulatedError(
        f"workers-env does not emulate third-party models through AI Gateway ({model}) offline: they "
        "need Cloudflare's services (AI Gateway's Unified Billing). Run a Workers AI model (@cf/...) "
        "in local runs, or supply your own AI binding with load_env(..., bindings={...})."
    )


def batch_api(what: str) -> NotEmulatedError:
    """The asynchronous Batch API (``{"requests": [...]}`` sent with ``{"queueRequest": true}``,
    then polled with ``{"request_id": ...}``): it needs Cloudflare's queue."""
    return NotEmulatedError(
        f"workers-env does not emulate the asynchronous batch API ({what}) offline: it needs Cloudflare's "
        "queue. In local runs, send each of the batch's requests in a run() call of its own, without "
        "queueRequest."
    )


def unsupported_option(option: str) -> NotEmulatedError:
    return NotEmulatedError(
        f"workers-env does not emulate the run() option {option!r} offline (it needs Cloudflare's "
        "network); remove it for local runs."
    )


def plugged_embedder_error(model: str, where: str, problem: str) -> ConfigError:
    """A user-supplied embedder that cannot be used (the test setup's mistake, not the Worker's)."""
    return ConfigError(f"The embedder plugged in for {model} ({where}) {problem}")
