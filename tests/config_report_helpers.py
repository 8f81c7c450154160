"""Shared by the tests that hold a config section to wrangler's report: a config's verdict and
report lines, and ``validate``/``load_env`` refusing a config and writing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env._errors import ConfigError
from workers_env.config import check_config


def checked(folder: Path, file_name: str, text: str, env: str | None) -> tuple[bool, list[str]]:
    """``text`` written as ``folder/file_name``: ``check_config``'s verdict and its report's lines, trimmed
    (as ``tools/wrangler/config_diff.py`` compares them with wrangler's)."""
    (folder / file_name).write_text(text, encoding="utf-8")
    report = check_config(folder / file_name, environment=env)
    return report.ok, [line.strip() for line in report.render(cwd=folder).splitlines() if line.strip()]


def refused_everywhere(folder: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                       text: str, message: str) -> None:
    """``text`` as ``folder/wrangler.toml``: ``workers-env validate`` exits 1 printing ``message``,
    ``load_env`` raises ``ConfigError`` holding it, and the folder is left as it was."""
    from workers_env import load_env
    from workers_env.cli import main

    config = folder / "wrangler.toml"
    config.write_text(text, encoding="utf-8")
    monkeypatch.chdir(folder)
    assert main(["validate", "--config", str(config)]) == 1
    out = capsys.readouterr()
    assert message in out.out + out.err
    with pytest.raises(ConfigError) as refused:
        load_env(config)
    assert message in str(refused.value)
    assert config.read_text(encoding="utf-8") == text
    assert sorted(p.name for p in folder.iterdir()) == ["wrangler.toml"]
