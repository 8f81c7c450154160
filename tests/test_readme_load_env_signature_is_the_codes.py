"""README's ``load_env(...)`` signature line names every parameter the function takes, in its
order, each with its default (walk58: ``secrets_environment`` was described in "Configuration
files" but missing from the signature and the parameter list under it)."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

from workers_env import load_env

README = Path(__file__).resolve().parent.parent / "README.md"


def test_the_signature_line_is_the_functions():
    line = next(line for line in README.read_text().splitlines() if line.startswith("load_env(path=None, *,"))
    written = re.fullmatch(r"load_env\((.*)\) -> Env", line).group(1).replace("*, ", "").split(", ")
    actual = [f"{name}={'...' if p.default is ... else repr(p.default)}"
              for name, p in inspect.signature(load_env).parameters.items()]
    assert written == actual
    section = README.read_text().split("## Bindings: `load_env`")[1].split("### ")[0]
    listed = set(re.findall(r"^- `(\w+)`(?:, `(\w+)`)?", section, re.M))
    named = {name for pair in listed for name in pair if name} | {"ai_replies"}  # under `embedders`' item
    assert set(inspect.signature(load_env).parameters) <= named
