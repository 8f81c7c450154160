"""Where a validation pass puts its findings (:class:`_Sink`), and the context of one pass
over the top level or the selected environment (:class:`_Pass`).

Every rule module writes through these, so they sit below all of them.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from workers_env.config.diagnostics.jsvalues import MISSING, js_json
from workers_env.config.diagnostics.report import Diagnostic


def _diagnostic(path: str | None, message: str, env: str | None, group: str | None) -> Diagnostic:
    """The message without its closing newline, remembered (wrangler's report leaves a blank
    line after such a message: the unknown ``--env``'s)."""
    text = message.rstrip("\n")
    return Diagnostic(path, text, env, group=group, blank_after=text != message)


@dataclass
class _Sink:
    """Where one validation pass (top level or the selected environment) puts its findings."""

    env: str | None
    errors: list[Diagnostic] = field(default_factory=list)
    warnings: list[Diagnostic] = field(default_factory=list)
    group: str | None = None

    def error(self, path: str | None, message: str) -> None:
        self.errors.append(_diagnostic(path, message, self.env, self.group))

    def stop(self, path: str | None, message: str) -> None:
        """An error wrangler throws, ending its reading: the report says it alone."""
        self.errors.append(Diagnostic(path, message, self.env, group=self.group, alone=True))

    def warn(self, path: str | None, message: str) -> None:
        self.warnings.append(_diagnostic(path, message, self.env, self.group))

    def experimental(self, path: str | None, field_path: str) -> None:
        """wrangler's ``experimental(diagnostics, config, fieldPath)`` warning for a field that is
        there (the caller's test), unless ``WRANGLER_DISABLE_EXPERIMENTAL_WARNING`` is set."""
        if "WRANGLER_DISABLE_EXPERIMENTAL_WARNING" not in os.environ:
            self.warn(path, f'"{field_path}" fields are experimental and may change or break at any time.')

    def wrong_type(self, field_path: str, expected: str, value: Any) -> None:
        """wrangler's ``The field "x" should be an object but got ...`` (``expected``: "an object")."""
        self.error(field_path, f'The field "{field_path}" should be {expected} but got {js_json(value)}.')

    def grouped(self, where: str, value: Any, check: Callable[[_Sink, str, Any], bool]) -> bool:
        """``check(sink, where, value)`` with its findings listed under the heading
        ``"<where>": <value>``, as wrangler's child ``Diagnostics`` of one binding are."""
        child = _Sink(env=self.env, group=f'"{where}": {js_json(value)}')
        valid = check(child, where, value)
        self.errors.extend(child.errors)
        self.warnings.extend(child.warnings)
        return valid

    def unexpected_fields(self, field_path: str, keys: list[str], known: tuple[str, ...] | frozenset[str]) -> bool:
        rest = [k for k in dict.fromkeys(keys) if k not in known]
        if rest:
            fields = ",".join(f'"{k}"' for k in rest)
            self.warn(field_path, f"Unexpected fields found in {field_path} field: {fields}")
            return False
        return True


@dataclass(frozen=True)
class _Pass:
    """The context of validating one section: the top level (``env is None``) or a named env."""

    sink: _Sink
    env: str | None
    raw_top: Mapping[str, Any]
    strict: bool
    config_path: Path | None = None

    def path(self, name: str) -> str:
        return name if self.env is None else f"env.{self.env}.{name}"

    def own_or_top(self, raw_env: Mapping[str, Any], name: str) -> Any:
        """``rawEnv[name] ?? topLevel[name]``: this section's value, else the top level's
        (``MISSING`` for neither)."""
        value = raw_env.get(name)
        if value is None:
            value = self.raw_top.get(name)
        return MISSING if value is None else value

    def top(self, name: str) -> Any:
        """The top level's normalised value, which environments are compared against."""
        return None if self.env is None else self.raw_top.get(name)
