"""``[tool.workers-env.ai.replies]`` naming a retired model is a ConfigError -- also when
``ai_replies=`` (or the fixture, or the marker) replaces the table, which is still checked: the
retired model answers 5028, so the table's reply could never be used."""

from __future__ import annotations

import textwrap

import pytest
from ai_helpers import WRANGLER, ai_env

from workers_env import ConfigError


def test_the_table_s_retired_model_is_refused_with_or_without_ai_replies(tmp_path):
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    (tmp_path / "pyproject.toml").write_text(textwrap.dedent("""
        [tool.workers-env.ai.replies]
        "@cf/meta/llama-3.1-8b-instruct-fast" = "fine"
        "@cf/meta/llama-3.1-70b-instruct" = "never used"
    """))
    message = ('"@cf/meta/llama-3.1-70b-instruct" was deprecated on 2026-05-30: '
               "run\\(\\) answers the service's 5028 error for it")
    with pytest.raises(ConfigError, match=message):
        ai_env(tmp_path)
    with pytest.raises(ConfigError, match=message):
        ai_env(tmp_path, ai_replies="from the argument")
