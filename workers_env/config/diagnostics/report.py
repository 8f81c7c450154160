"""The report: one :class:`Diagnostic` per finding, and the :class:`Report` that lays
them out as wrangler's ``Diagnostics`` tree (top-level items, then the selected
environment's items nested under ``"env.<NAME>" environment configuration``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

__all__ = ["Diagnostic", "Report"]


@dataclass(frozen=True)
class Diagnostic:
    """One error or warning: the field it concerns and wrangler's message.

    ``env`` is ``None`` for the top level, else the name of the selected environment whose
    section the diagnostic is rendered under.
    """

    path: str | None
    message: str
    env: str | None = None
    #: wrangler stops with this one and prints it on its own (a parse error, the missing
    #: ``python_workers`` flag), without the ``Processing ...`` report.
    alone: bool = False
    #: the heading of the nested block it is listed under (a Durable Object binding's
    #: ``"durable_objects.bindings[0]": {...}``), or ``None``
    group: str | None = None
    #: wrangler's message ended with a newline, which its report prints as a blank line after
    #: it (the unknown ``--env``'s); ``message`` itself is without it
    blank_after: bool = False

    @property
    def is_top_level(self) -> bool:
        return self.env is None

    def to_json(self) -> dict[str, Any]:
        return {"path": self.path, "message": self.message, "env": self.env}


@dataclass(frozen=True)
class Report:
    """Everything wrong with one configuration, ready to print or to serialise."""

    path: Path | None
    environment: str | None
    errors: tuple[Diagnostic, ...] = ()
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def ok(self) -> bool:
        """No errors (warnings allowed), which is when wrangler goes on."""
        return not self.errors

    def display_path(self, cwd: str | Path | None = None) -> str:
        """The config's path relative to ``cwd`` (default: the current folder), as wrangler shows it."""
        return "wrangler" if self.path is None else _relative(self.path, cwd)

    def heading(self, cwd: str | Path | None = None) -> str:
        """``Processing <path relative to cwd> configuration:``, as wrangler starts its report."""
        return f"Processing {self.display_path(cwd)} configuration:"

    def render(self, cwd: str | Path | None = None) -> str:
        """The warnings block, then the errors block, each laid out as wrangler does.

        Returns ``""`` when there is nothing to report.
        """
        return "\n\n".join(text for _, text in self.blocks(cwd))

    def blocks(self, cwd: str | Path | None = None) -> list[tuple[str, str]]:
        """:meth:`render`'s blocks, each with its kind: ``("warn", ...)`` for the warnings,
        ``("error", ...)`` for the errors (``WRANGLER_LOG`` hides each kind as wrangler does)."""
        alone = next((d for d in self.errors if d.alone), None)
        if alone is not None:
            return [("error", alone.message)]
        return [(kind, _render_tree(self.heading(cwd), items, self.environment))
                for kind, items in (("warn", self.warnings), ("error", self.errors)) if items]

    def to_json(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "config": None if self.path is None else str(self.path),
            "environment": self.environment,
            "errors": [d.to_json() for d in self.errors],
            "warnings": [d.to_json() for d in self.warnings],
        }


def _relative(path: Path, cwd: str | Path | None) -> str:
    base = Path.cwd() if cwd is None else Path(cwd)
    try:
        return os.path.relpath(path, base)
    except ValueError:  # another drive on Windows
        return str(path)


def _indent_text(text: str) -> str:
    """Indent all but the first line by two spaces; blank lines become empty (wrangler's)."""
    lines = text.split("\n")
    out = [line if i == 0 else f"  {line}" for i, line in enumerate(lines)]
    return "\n".join("" if not line.strip() else line for line in out)


def _render_node(description: str, messages: list[str], children: list[str]) -> str:
    body = "\n".join(f"- {_indent_text(m)}" for m in messages)
    body += "\n".join("\n- " + child for child in children)
    return _indent_text(f"{description}\n{body}")


def _render_tree(heading: str, items: tuple[Diagnostic, ...], environment: str | None) -> str:
    def text(d: Diagnostic) -> str:
        return d.message + "\n" if d.blank_after else d.message

    def section(of: list[Diagnostic]) -> tuple[list[str], list[str]]:
        groups: dict[str, list[str]] = {}
        for d in of:
            if d.group is not None:
                groups.setdefault(d.group, []).append(text(d))
        children = [_render_node(group, messages, []) for group, messages in groups.items()]
        return [text(d) for d in of if d.group is None], children

    top, children = section([d for d in items if d.env is None])
    nested = [d for d in items if d.env is not None]
    if nested:
        messages, grandchildren = section(nested)
        children.append(_render_node(f'"env.{environment}" environment configuration', messages, grandchildren))
    return _render_node(heading, top, children)
