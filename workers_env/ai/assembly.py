"""Building ``env.<BINDING>`` for the config's ``[ai]`` binding (top level or ``[env.NAME]``).

Plugged embedders come from ``load_env(embedders=...)`` and ``[tool.workers-env.ai.embedders]``
in ``pyproject.toml``; scripted text generation replies from ``[tool.workers-env.ai.replies]``
(so ``workers-env dev`` can answer as a model would) and ``load_env(ai_replies=...)``, which
replaces that table.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from workers_env._env import AssemblyContext
from workers_env._errors import ConfigError
from workers_env.ai.embedders import import_target, resolve_embedders

if TYPE_CHECKING:  # (imported once a config has [ai]: one without it needs no numpy)
    from workers_env.ai.binding import AiBinding

__all__ = ["build_bindings"]


def _pyproject_ai(tool: dict[str, Any]) -> dict[str, Any]:
    ai = tool.get("ai")
    if ai is None:
        return {}
    if not isinstance(ai, dict):
        raise ConfigError("[tool.workers-env.ai] in pyproject.toml must be a table")
    unknown = sorted(set(ai) - {"embedders", "replies"})
    if unknown:
        raise ConfigError(f"[tool.workers-env.ai] in pyproject.toml: unknown key {unknown[0]!r}; "
                          "the keys are embedders and replies")
    return ai


def _reply_spec(value: Any, where: str, root: Any) -> Any:
    """One reply as pyproject writes it: a string, a list (a queue), ``{ function = "pkg.mod:fn" }``
    or ``{ result = {...} }`` (the whole result)."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return [_reply_spec(item, f"{where}[{i}]", root) for i, item in enumerate(value)]
    if isinstance(value, dict) and set(value) == {"function"} and isinstance(value["function"], str):
        function = import_target(value["function"], where, root)
        if not callable(function):
            raise ConfigError(f"{where}: {value['function']!r} is not callable; give a function (model, inputs) -> "
                              "str | dict")
        return function
    if isinstance(value, dict) and set(value) == {"result"} and isinstance(value["result"], dict):
        return value["result"]
    raise ConfigError(f'{where}: a reply is a string, a list of replies (one per call), {{ function = '
                      f'"package.module:function" }} or {{ result = {{ ... }} }} (the whole result); got {value!r}')


def _pyproject_replies(table: Any, root: Any) -> dict[str, Any] | None:
    """``[tool.workers-env.ai.replies]``: ``{model or "*": reply}``, model names checked."""
    if table is None:
        return None
    from workers_env.ai.catalog import DEPRECATED_MODELS, TEXT_GENERATION_MODELS
    from workers_env.ai.generation import ReplyScript

    where = "[tool.workers-env.ai.replies] in pyproject.toml"
    if isinstance(table, (str, list)):
        return {ReplyScript.ANY: _reply_spec(table, where, root)}
    if not isinstance(table, dict):
        raise ConfigError(f'{where} must map model names (or "*", every model) to replies')
    replies = {}
    for model, value in table.items():
        if model != ReplyScript.ANY and model not in TEXT_GENERATION_MODELS:
            raise ConfigError(f'{where}: "{model}" is not a Workers AI text generation model (or "*" for every '
                              "model); see workers_env.ai.catalog.TEXT_GENERATION_MODELS")
        if model in DEPRECATED_MODELS:  # refused here too: ai_replies= replaces the table unread
            raise ConfigError(f'{where}: "{model}" was deprecated on {DEPRECATED_MODELS[model]}: run() answers the '
                              "service's 5028 error for it, so nothing would ever use this reply; script the model "
                              "that replaces it (workers_env.ai.catalog.DEPRECATED_MODELS lists the retired ones)")
        replies[model] = _reply_spec(value, f'{where}, "{model}"', root)
    return replies


def build_bindings(context: AssemblyContext) -> dict[str, AiBinding]:
    """``{binding: AiBinding}`` when the selected environment has ``[ai] binding = ...``."""
    config = context.config
    ai = _pyproject_ai(config.tool)
    embedders = resolve_embedders(context.options.get("embedders"), ai.get("embedders"), root=config.root)
    if not config.ai_binding:
        return {}
    from workers_env.ai.binding import AiBinding
    from workers_env.ai.generation import ReplyScript

    script = ReplyScript()
    replies = _pyproject_replies(ai.get("replies"), config.root)  # checked even when replaced
    if context.options.get("ai_replies") is not None:  # the argument, fixture or marker replaces the table
        script.configure(context.options.get("ai_replies"), where="ai_replies=")
    else:
        script.configure(replies, where="[tool.workers-env.ai.replies]")
    return {config.ai_binding: AiBinding(binding=config.ai_binding, embedders=embedders, script=script)}
