"""Checking ``run()`` inputs against each model's input schema, before any model sees them.

A refused input raises the service's ``AiError`` 5006 (texts in :mod:`workers_env.ai.limits`)
and reaches no embedder; an accepted one becomes a small request object.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from workers_env.ai import cabidela
from workers_env.ai import limits as _limits
from workers_env.ai.catalog import EmbeddingModel, TextGenerationModel
from workers_env.ai.input_schemas import (
    EMBEDDING_SCHEMAS,
    RERANKER_SCHEMA,
    TEXT_GENERATION_SCHEMAS,
)

__all__ = ["EmbeddingRequest", "GenerationRequest", "RerankRequest", "parse_embedding", "parse_generation", "parse_rerank"]


@dataclass
class EmbeddingRequest:
    """Texts to embed, and what the result looks like.

    ``kind`` is ``"text"`` (``{"shape", "data"}``), ``"contexts"`` (bge-m3 without a query:
    ``{"response", "shape"}``) or ``"query"`` (bge-m3 with a query: scored contexts).
    """

    texts: list[str]
    kind: str = "text"
    pooling: str | None = None
    query: str | None = None


@dataclass
class RerankRequest:
    """A reranker call: the query, the contexts' texts (by index) and how many to return."""

    query: str
    texts: list[str]
    top_k: int | None = None


@dataclass
class GenerationRequest:
    """A text generation call: the prompt (or the messages), streaming, and ``max_tokens``."""

    prompt: str | None
    messages: list[dict[str, Any]] | None
    stream: bool = False
    max_tokens: int = _limits.DEFAULT_MAX_TOKENS
    inputs: dict[str, Any] = field(default_factory=dict)
    #: JSON Mode (models that take it): ``{"type": "json_object" | "json_schema", "json_schema"}``
    response_format: dict[str, Any] | None = None
    #: ``guided_json`` (the models whose schema names it): the JSON Schema the reply's text fits
    guided_json: dict[str, Any] | None = None
    #: the model, and the form of its result (``TextGenerationModel.result``)
    model: str = ""
    result: str = "response"

    @property
    def text(self) -> str:
        """Everything the model reads, for usage figures."""
        if self.prompt is not None:
            return self.prompt
        return "\n".join(_content_text(m.get("content")) for m in self.messages or [])

    @property
    def last_user_text(self) -> str:
        if self.prompt is not None:
            return self.prompt
        for message in reversed(self.messages or []):
            if message.get("role") == "user":
                return _content_text(message.get("content"))
        return ""


def _content_text(content: Any) -> str:
    """A message's text: the string, or the ``text`` of its parts (images are not text)."""
    if isinstance(content, str):
        return content
    parts = content if isinstance(content, list) else [content]
    return " ".join(p["text"] for p in parts if isinstance(p, dict) and isinstance(p.get("text"), str))


_TEXT = frozenset({str})


def _texts(value: Any, path: str, model: EmbeddingModel) -> list[str]:
    """The texts of a ``str | list[str]`` input cabidela passed -- with what it does not check
    and the service refuses elsewhere (ours, README): more than ``maxItems`` texts, and items
    a model cannot embed (numbers and nulls pass as a ``binary`` list; an object's values pass
    as if it were a list)."""
    if isinstance(value, str):
        return [value]
    if not isinstance(value, list):
        raise _limits.bad_input(_limits.type_mismatch(path, "string", value))
    if model.max_items is not None and len(value) > model.max_items:
        raise _limits.bad_input(_limits.too_many_items(path, len(value), model.max_items))
    if type(value) is not list or not _TEXT.issuperset(map(type, value)):  # (all texts: one C-level check)
        for i, item in enumerate(value):
            if not isinstance(item, str):
                raise _limits.bad_input(_limits.type_mismatch(f"{path}/{i}", "string", item))
    return list(value)


def _refuse_async_batch(inputs: Any, takes_batches: bool, forms: tuple[str, ...]) -> None:
    """``{"requests": [...]}`` without any of the model's ordinary ``forms``: the asynchronous
    batch API, which needs Cloudflare's queue."""
    if takes_batches and isinstance(inputs, dict) and "requests" in inputs and not any(f in inputs for f in forms):
        raise _limits.batch_api('the input {"requests": [...]}')


def _validate(schema: dict[str, Any], inputs: Any) -> dict[str, Any]:
    """``inputs`` as an object once cabidela passes them on ``schema``; its 5006 otherwise.
    cabidela reads an object schema's properties off any value (``value[name]``), so inputs
    that are not an object have none: they fail as missing properties, or pass as ``{}``."""
    problem = cabidela.validate(schema, inputs)
    if problem is not None:
        raise _limits.bad_input(problem)
    return inputs if isinstance(inputs, dict) else {}


def _context_texts(contexts: Any) -> list[Any]:
    """The ``text`` of each item of a ``contexts`` list (``""`` where an item has none)."""
    return [item.get("text", "") if isinstance(item, dict) else "" for item in contexts]


def parse_embedding(model: EmbeddingModel, inputs: Any) -> EmbeddingRequest:
    """The texts of an embedding call, or the 5006 error the service gives for the input:
    cabidela's verdict on the model's own input schema first, then what it lets through."""
    _refuse_async_batch(inputs, "requests" in model.forms, ("text", "contexts"))
    schema = EMBEDDING_SCHEMAS[model.schema]
    inputs = _validate(schema, inputs)
    if "queries" in model.forms:  # qwen3-embedding: queries, documents, text (alias of documents)
        texts = [t for key in ("queries", "documents", "text") if inputs.get(key) is not None
                 for t in _texts(inputs[key], f"/{key}", model)]
        if not texts:  # its schema requires none; what the service then does is not published
            raise _limits.bad_input(_limits.required("/", "text"))
        return EmbeddingRequest(texts)
    if "contexts" in model.forms and cabidela.validate(schema["oneOf"][0], inputs) is None:
        # bge-m3's {contexts, query?} branch matched (a `contexts` beside a `text` that matched
        # the {text} branch instead is one that branch refused: another key, as for the service)
        texts = _context_texts(inputs["contexts"])
        if not all(isinstance(t, str) for t in texts):  # (cabidela checked each text's type)
            raise _limits.bad_input(_limits.type_mismatch("/contexts", "array", inputs["contexts"]))
        query = inputs.get("query")
        return EmbeddingRequest(texts, kind="query" if query is not None else "contexts",
                                pooling=model.pooling, query=query)
    pooling = inputs.get("pooling") if model.pooling_choices else None
    return EmbeddingRequest(_texts(inputs["text"], "/text", model), pooling=pooling or model.pooling)


_JSON_MODE_TYPES = ("json_object", "json_schema")


#: the models whose input types in workerd's ai.d.ts carry ``guided_json``, "JSON schema that
#: should be fulfilled for the response" (by model: llama-3.2-11b-vision shares Gemma 3's schema
#: template here, but its own types have no ``guided_json``)
_GUIDED = frozenset({"@cf/mistralai/mistral-small-3.1-24b-instruct", "@cf/qwen/qwq-32b", "@cf/google/gemma-3-12b-it",
                     "@cf/meta/llama-4-scout-17b-16e-instruct"})
#: gpt-oss's results for its other input forms (its catalog file's Prompt_Output, Messages_Output)
_GPT_OSS_FORMS = {"prompt": "response", "messages": "chat-completions"}


def parse_generation(model: TextGenerationModel, inputs: Any) -> GenerationRequest:
    """A text generation call (``prompt`` or ``messages``), or the service's 5006 error:
    cabidela's verdict on the input schema of the model's template."""
    _refuse_async_batch(inputs, model.async_batch, ("prompt", "messages", "input"))
    schema = TEXT_GENERATION_SCHEMAS[model.schema]
    inputs = _validate(schema, inputs)
    if model.result == "responses" and cabidela.validate(schema["oneOf"][0], inputs) is not None:
        # the Responses form: the branch that matched is {input} (a `prompt` or `messages` beside
        # it is one the prompt/messages branch refused, so the service reads it as any other key)
        limit = inputs.get("max_output_tokens")
        return GenerationRequest(
            prompt=_responses_text(inputs.get("input")), messages=None, stream=bool(inputs.get("stream")),
            max_tokens=int(limit) if isinstance(limit, int) and not isinstance(limit, bool) else _limits.DEFAULT_MAX_TOKENS,
            inputs=inputs, model=model.name, result="responses",
        )
    has_prompt = "prompt" in inputs and cabidela.validate(_prompt_branch(schema), inputs) is None
    prompt = inputs.get("prompt")
    messages = inputs.get("messages")
    max_tokens = inputs.get("max_tokens")
    if model.result == "chat-completions" and isinstance(inputs.get("max_completion_tokens"), (int, float)):
        max_tokens = inputs["max_completion_tokens"]  # OpenAI's newer name wins, as there
    response_format = inputs.get("response_format") if model.json_mode else None
    if not isinstance(response_format, dict) or response_format.get("type", "json_object") not in _JSON_MODE_TYPES:
        response_format = None  # not JSON Mode: the schema names no such property, or it is no object
    guided_json = inputs.get("guided_json") if model.name in _GUIDED and response_format is None else None
    return GenerationRequest(
        prompt=prompt if has_prompt else None,
        messages=[dict(m) if isinstance(m, dict) else {} for m in messages] if not has_prompt else None,
        stream=bool(inputs.get("stream")),
        max_tokens=int(max_tokens) if isinstance(max_tokens, (int, float)) else _limits.DEFAULT_MAX_TOKENS,
        inputs=inputs,
        response_format=response_format,
        guided_json=_guided_schema(guided_json),
        model=model.name,
        result=_GPT_OSS_FORMS["prompt" if has_prompt else "messages"] if model.result == "responses" else model.result,
    )


def _guided_schema(value: Any) -> dict[str, Any] | None:
    """A ``guided_json`` as the schema it gives: an object, or a string holding one's JSON (the
    input check passes any value there, and vLLM's ``guided_json`` takes either); else None."""
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return None
    return value if isinstance(value, dict) else None


def _prompt_branch(schema: dict[str, Any]) -> dict[str, Any]:
    """The branch of a text generation schema's ``oneOf`` that requires ``prompt``: the form the
    service reads, where a ``prompt`` beside ``messages`` may be one only the other branch let by."""
    branches = list(schema["oneOf"])
    while branches:
        branch = branches.pop(0)
        if "prompt" in branch.get("required", ()):
            return branch
        branches.extend(branch.get("oneOf", ()))
    raise AssertionError("every text generation schema has a prompt branch")


def _responses_text(value: Any) -> str:
    """What a Responses API ``input`` says last: the string, or the last user message's text
    (``content`` a string or ``input_text`` parts)."""
    if isinstance(value, str):
        return value
    for item in reversed(value if isinstance(value, list) else []):
        if isinstance(item, dict) and item.get("role", "user") == "user":
            content = item.get("content")
            return _content_text(content) if isinstance(content, (str, list)) else ""
    return ""


def parse_rerank(inputs: Any) -> RerankRequest:
    """A reranker call, or the 5006 error cabidela gives for it on the model's schema."""
    inputs = _validate(RERANKER_SCHEMA, inputs)
    texts = _context_texts(inputs["contexts"] if isinstance(inputs["contexts"], list) else [])
    top_k = inputs.get("top_k")
    return RerankRequest(inputs["query"], [t if isinstance(t, str) else "" for t in texts],
                         int(top_k) if isinstance(top_k, (int, float)) and not isinstance(top_k, bool) else None)
