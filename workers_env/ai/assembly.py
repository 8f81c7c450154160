"""Building ``env.<BINDING>`` for the config's ``[ai]`` binding (top level or ``[env.NAME]``).

Plugged embedders come from ``load_env(embedders=...)`` and ``[tool.workers-env.ai.embedders]``
in ``pyproject.toml``; scripted text generation replies from ``load_env(ai_replies=...)``.
"""

from __future__ import annotations

from typing import Any

from workers_env._env import AssemblyContext
from workers_env._errors import ConfigError
from workers_env.ai.binding import AiBinding
from workers_env.ai.embedders import resolve_embedders
from workers_env.ai.generation import ReplyScript

__all__ = ["build_bindings"]


def _pyproject_embedders(tool: dict[str, Any]) -> Any:
    ai = tool.get("ai")
    if ai is None:
        return None
    if not isinstance(ai, dict):
        raise ConfigError("[tool.workers-env.ai] in pyproject.toml must be a table")
    return ai.get("embedders")


def build_bindings(context: AssemblyContext) -> dict[str, AiBinding]:
    """``{binding: AiBinding}`` when the selected environment has ``[ai] binding = ...``."""
    config = context.config
    embedders = resolve_embedders(
        context.options.get("embedders"), _pyproject_embedders(config.tool), root=config.root
    )
    if not config.ai_binding:
        return {}
    script = ReplyScript()
    script.configure(context.options.get("ai_replies"), where="ai_replies=")
    return {config.ai_binding: AiBinding(binding=config.ai_binding, embedders=embedders, script=script)}
