"""Checking ``run()`` inputs against each model's input schema, before any model sees them.

A refused input raises the service's ``AiError`` 5006 (texts in :mod:`workers_env.ai.limits`)
and reaches no embedder; an accepted one becomes a small request object.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from workers_env._jsvalues import UNDEFINED
from workers_env.ai import limits as _limits
from workers_env.ai.catalog import EmbeddingModel, TextGenerationModel

__all__ = ["EmbeddingRequest", "GenerationRequest", "parse_embedding", "parse_generation"]


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
class GenerationRequest:
    """A text generation call: the prompt (or the messages), streaming, and ``max_tokens``."""

    prompt: str | None
    messages: list[dict[str, Any]] | None
    stream: bool = False
    max_tokens: int = _limits.DEFAULT_MAX_TOKENS
    inputs: dict[str, Any] = field(default_factory=dict)
    #: JSON Mode (models that take it): ``{"type": "json_object" | "json_schema", "json_schema"}``
    response_format: dict[str, Any] | None = None

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


def _check_object(inputs: Any) -> dict[str, Any]:
    """cabidela reads an object schema's properties off any value (``value[name]``): inputs
    that are not an object have none, so they fail as missing properties, not as a type."""
    return inputs if isinstance(inputs, dict) else {}


class _Thrown(Exception):
    """A problem cabidela throws: it ends the branch (problems inside a ``oneOf`` are only
    collected, and printed if the validation fails)."""


def _texts(value: Any, path: str, model: EmbeddingModel, problems: list[str]) -> list[str]:
    """``str | list[str]`` (a ``oneOf`` in the schema), as cabidela checks it: a string for
    ``minLength``; a list of only strings and numbers (``binary`` to cabidela) not item by
    item -- so an empty string inside a list passes, as in production; another list item by
    item, up to the first bad one. A value neither branch takes is reported with each branch's
    complaint, then as missing where the schema requires it (qwen3's requires none).
    ``maxItems`` is ours (cabidela has none; the service refuses longer lists elsewhere)."""
    parent, name = path.rsplit("/", 1)
    missing = [] if "queries" in model.forms else [_limits.required(parent or "/", name)]
    if isinstance(value, str):
        if len(value) >= model.min_length:
            return [value]
        problems += [_limits.too_short(path, model.min_length), _limits.type_mismatch(path, "array", value), *missing]
        return []
    if not isinstance(value, list):
        problems += [_limits.type_mismatch(path, "string", value), *missing]
        return []
    if model.max_items is not None and len(value) > model.max_items:
        problems.append(_limits.too_many_items(path, len(value), model.max_items))
        return []
    if all(isinstance(item, str) for item in value):
        return list(value)
    if all(isinstance(item, (str, int, float)) and not isinstance(item, bool) for item in value):
        # strings and numbers: cabidela passes the list unchecked; a number cannot be embedded (ours)
        first = next(i for i, item in enumerate(value) if not isinstance(item, str))
        problems.append(_limits.type_mismatch(f"{path}/{first}", "string", value[first]))
        return []
    for i, item in enumerate(value):  # item by item, to the first the item schema refuses
        if not isinstance(item, str):
            item_problem = _limits.type_mismatch(f"{path}/{i}", "string", item)
        elif len(item) < model.min_length:
            item_problem = _limits.too_short(f"{path}/{i}", model.min_length)
        else:
            continue
        problems += [_limits.type_mismatch(path, "string", value), item_problem, *missing]
        return []
    return list(value)  # (not reached: a list that is not all strings has a bad item)


def _refuse_async_batch(inputs: dict[str, Any], model: EmbeddingModel) -> None:
    if "requests" in inputs and "requests" in model.forms and "text" not in inputs:
        raise _limits.unsupported_option("requests (the asynchronous batch API)")


def _branches(model: EmbeddingModel) -> tuple[str, ...]:
    """The required property of each branch of the model's root ``oneOf``, in schema order."""
    return tuple(form for form in ("contexts", "text", "requests") if form in model.forms)


def _with_other_branches(branches: tuple[str, ...], used: str, problems: list[str]) -> list[str]:
    """``problems`` of the branch ``used`` between the other branches' (each misses its
    required property): what the validator lists when no branch of a ``oneOf`` matches."""
    at = branches.index(used)
    return ([_limits.required("/", b) for b in branches[:at]] + problems
            + [_limits.required("/", b) for b in branches[at + 1 :]])


def parse_embedding(model: EmbeddingModel, inputs: Any) -> EmbeddingRequest:
    """The texts of an embedding call, or the 5006 error the service gives for the input."""
    inputs = _check_object(inputs)
    _refuse_async_batch(inputs, model)
    problems: list[str] = []
    one_of = len(model.forms) > 1 and "queries" not in model.forms

    if "queries" in model.forms:  # qwen3-embedding: queries, documents, text (alias of documents)
        texts: list[str] = []
        for key in ("queries", "documents", "text"):
            if key in inputs and inputs[key] is not None:
                texts.extend(_texts(inputs[key], f"/{key}", model, problems))
        if not any(inputs.get(k) is not None for k in ("queries", "documents", "text")):
            problems.append(_limits.required("/", "text"))
        instruction = inputs.get("instruction")
        if instruction is not None and not isinstance(instruction, str):
            problems.append(_limits.type_mismatch("/instruction", "string", instruction))
        if problems:
            raise _limits.schema_errors(problems)
        return EmbeddingRequest(texts)

    if "contexts" in model.forms and "contexts" in inputs and "text" not in inputs:
        return _parse_contexts(model, inputs)
    if "truncate_inputs" in inputs and not isinstance(inputs["truncate_inputs"], bool) and "contexts" in model.forms:
        problems.append(_limits.type_mismatch("/truncate_inputs", "boolean", inputs["truncate_inputs"]))

    if "text" not in inputs:
        wanted = [_limits.required("/", "contexts")] if "contexts" in model.forms else []
        wanted.append(_limits.required("/", "text"))
        if "requests" in model.forms:
            wanted.append(_limits.required("/", "requests"))
        raise _limits.schema_errors(wanted, one_of=one_of)
    if one_of and ("contexts" in inputs or "requests" in inputs):  # two branches of the oneOf match
        raise _limits.several_matched(2)
    texts = _texts(inputs["text"], "/text", model, problems)
    pooling = model.pooling
    if model.pooling_choices and inputs.get("pooling") is not None:
        if inputs["pooling"] not in model.pooling_choices or not isinstance(inputs["pooling"], str):
            problems.append(_limits.not_in_enum("/pooling", model.pooling_choices, inputs["pooling"]))
        else:
            pooling = inputs["pooling"]
    if problems:
        if one_of:
            problems = _with_other_branches(_branches(model), "text", problems)
        raise _limits.schema_errors(problems, one_of=one_of)
    return EmbeddingRequest(texts, pooling=pooling)


def _parse_contexts(model: EmbeddingModel, inputs: dict[str, Any]) -> EmbeddingRequest:
    """bge-m3's ``{"query"?, "contexts": [{"text"}]}`` form."""
    problems: list[str] = []
    contexts = inputs["contexts"]
    texts: list[str] = []
    if not isinstance(contexts, list):
        problems.append(_limits.type_mismatch("/contexts", "array", contexts))
        if contexts is None:
            problems.append(_limits.required("/", "contexts"))
    else:
        for i, item in enumerate(contexts):
            if not isinstance(item, dict):
                problems.append(_limits.type_mismatch(f"/contexts/{i}", "object", item))
                continue
            text = item.get("text", "")
            if not isinstance(text, str):
                problems.append(_limits.type_mismatch(f"/contexts/{i}/text", "string", text))
            elif "text" in item and len(text) < model.min_length:
                problems.append(_limits.too_short(f"/contexts/{i}/text", model.min_length))
            else:
                texts.append(text)
    query = inputs.get("query")
    if query is not None:
        if not isinstance(query, str):
            problems.append(_limits.type_mismatch("/query", "string", query))
        elif len(query) < model.min_length:
            problems.append(_limits.too_short("/query", model.min_length))
    truncate = inputs.get("truncate_inputs")
    if truncate is not None and not isinstance(truncate, bool):
        problems.append(_limits.type_mismatch("/truncate_inputs", "boolean", truncate))
    if problems:
        raise _limits.schema_errors(_with_other_branches(_branches(model), "contexts", problems), one_of=True)
    return EmbeddingRequest(texts, kind="query" if query is not None else "contexts",
                            pooling=model.pooling, query=query)


def _range_problem(inputs: dict[str, Any], key: str, ranges: dict[str, tuple[str, float, float]]) -> str | None:
    """The problem with a numeric option, if any: its type, then its range."""
    if key not in inputs or inputs[key] is None:
        return None
    kind, low, high = ranges[key]
    value = inputs[key]
    is_number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if not is_number or (kind == "integer" and not float(value).is_integer()):
        return _limits.type_mismatch(f"/{key}", kind, value)
    if value < low:
        return _limits.out_of_range(f"/{key}", "min", low)
    if value > high:
        return _limits.out_of_range(f"/{key}", "max", high)
    return None


_MESSAGE_REQUIRED = ("role", "content")
_JSON_MODE_TYPES = ("json_object", "json_schema")
#: the Prompt and Messages branches' shared properties, in the catalog schemas' order
_FLAGS = ("raw", "stream")


class _Branch:
    """One branch of the root ``oneOf`` as cabidela walks it: :meth:`fail` throws (the first
    throw ends the branch), :meth:`note` collects a complaint of an inner ``oneOf``/``anyOf``,
    printed only if something throws."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def note(self, text: str) -> None:
        self.notes.append(text)

    @staticmethod
    def fail(text: str) -> None:
        raise _Thrown(text)


def _check_message(message: Any, where: str, model: TextGenerationModel, branch: _Branch) -> None:
    """One item of ``messages``. ``"string"`` models: ``{role, content}`` both required, a
    string ``content``. ``"text-parts"``: ``content`` is a ``oneOf`` of a string and a list of
    parts, so a value neither takes is noted and ``content`` counts as missing. ``"parts"``
    (the vision models): ``role`` and ``content`` optional, a content that fits no branch is
    only noted. A message that is not an object has no properties: it misses them."""
    if not isinstance(message, dict):
        message = {}
    if "role" in message and not isinstance(message["role"], str):
        branch.fail(_limits.type_mismatch(f"{where}/role", "string", message["role"]))
    content = message.get("content", UNDEFINED)
    if content is UNDEFINED:
        present = False
    elif model.content == "string":
        if not isinstance(content, str):
            branch.fail(_limits.type_mismatch(f"{where}/content", "string", content))
        if model.max_prompt_length is not None and len(content) > model.max_prompt_length:
            branch.fail(_limits.too_long(f"{where}/content", model.max_prompt_length))
        present = True
    else:  # a oneOf led by a string; lists (and, for "parts", one part object) are the other branches
        present = isinstance(content, (str, list)) or (model.content == "parts" and isinstance(content, dict))
        if not present:
            branch.note(_limits.type_mismatch(f"{where}/content", "string", content))
    if model.content != "parts" and ("role" not in message or not present):
        branch.fail(_limits.required(where, ",".join(_MESSAGE_REQUIRED)))


def _check_tools(tools: Any, branch: _Branch) -> None:
    """``tools``: a list whose items are a ``oneOf`` of a tool and ``{type, function}``."""
    if not isinstance(tools, list):
        branch.fail(_limits.type_mismatch("/tools", "array", tools))
    for i, tool in enumerate(tools):
        if not isinstance(tool, dict) or not ({"name", "description", "parameters"} <= tool.keys()
                                              or {"type", "function"} <= tool.keys()):
            branch.note(_limits.required(f"/tools/{i}", "name,description,parameters"))
            branch.note(_limits.required(f"/tools/{i}", "type,function"))


def _check_branch(model: TextGenerationModel, inputs: dict[str, Any], has_prompt: bool, branch: _Branch) -> None:
    """The Prompt or Messages branch, property by property in the schema's order."""
    if has_prompt:
        prompt = inputs["prompt"]
        if not isinstance(prompt, str):
            branch.fail(_limits.type_mismatch("/prompt", "string", prompt))
        if len(prompt) < 1:
            branch.fail(_limits.too_short("/prompt", 1))
        if model.max_prompt_length is not None and len(prompt) > model.max_prompt_length:
            branch.fail(_limits.too_long("/prompt", model.max_prompt_length))
    else:
        messages = inputs["messages"]
        if not isinstance(messages, list):  # cabidela walks only arrays' items
            branch.fail(_limits.type_mismatch("/messages", "array", messages))
        for i, message in enumerate(messages):
            _check_message(message, f"/messages/{i}", model, branch)
        if inputs.get("tools") is not None:
            _check_tools(inputs["tools"], branch)
    for key in _FLAGS:
        if inputs.get(key) is not None and not isinstance(inputs[key], bool):
            branch.fail(_limits.type_mismatch(f"/{key}", "boolean", inputs[key]))
    max_tokens = inputs.get("max_tokens")
    if max_tokens is not None and (isinstance(max_tokens, bool) or not isinstance(max_tokens, (int, float))
                                   or not float(max_tokens).is_integer()):
        branch.fail(_limits.type_mismatch("/max_tokens", "integer", max_tokens))
    ranges = _limits.RANGES[model.ranges]
    for key in ranges:
        problem = _range_problem(inputs, key, ranges)
        if problem:
            branch.fail(problem)
    response_format = inputs.get("response_format") if model.json_mode else None
    if isinstance(response_format, dict) and response_format.get("type") is not None \
            and response_format["type"] not in _JSON_MODE_TYPES:
        branch.fail(_limits.not_in_enum("/response_format/type", _JSON_MODE_TYPES, response_format["type"]))


def parse_generation(model: TextGenerationModel, inputs: Any) -> GenerationRequest:
    """A text generation call (``prompt`` or ``messages``), or the service's 5006 error: the
    root schema is a ``oneOf`` of the two, so a refusal lists the other branch's missing
    property too (``required properties at '/' are 'prompt'``), in schema order, then what
    the branch used noted and the problem that ended it."""
    inputs = _check_object(inputs)
    has_prompt, has_messages = "prompt" in inputs, "messages" in inputs
    if model.async_batch and "requests" in inputs and not has_prompt and not has_messages:
        raise _limits.unsupported_option("requests (the asynchronous batch API)")
    if not has_prompt and not has_messages:
        raise _limits.schema_errors(
            [_limits.required("/", "prompt"), _limits.required("/", "messages")], one_of=True
        )
    if has_prompt and has_messages:
        raise _limits.several_matched(2)
    branch = _Branch()
    try:
        _check_branch(model, inputs, has_prompt, branch)
    except _Thrown as thrown:
        problems = [*branch.notes, str(thrown)]
        other = _limits.required("/", "messages" if has_prompt else "prompt")
        raise _limits.schema_errors(problems + [other] if has_prompt else [other] + problems, one_of=True) from None
    prompt = inputs.get("prompt")
    messages = inputs.get("messages")
    max_tokens = inputs.get("max_tokens")
    response_format = inputs.get("response_format") if model.json_mode else None
    if not isinstance(response_format, dict):
        response_format = None  # not an object: it has no properties to a schema, so no JSON Mode
    return GenerationRequest(
        prompt=prompt if has_prompt else None,
        messages=[dict(m) if isinstance(m, dict) else {} for m in messages] if has_messages else None,
        stream=bool(inputs.get("stream")),
        max_tokens=int(max_tokens) if max_tokens is not None else _limits.DEFAULT_MAX_TOKENS,
        inputs=inputs,
        response_format=response_format,
    )
