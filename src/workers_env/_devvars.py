"""Local secrets from ``.dev.vars``, as ``wrangler dev`` reads them.

With an environment selected, ``.dev.vars.<env>`` is used when it exists, otherwise
``.dev.vars`` (the two are not merged, as in wrangler). The format is dotenv, read with the
grammar of the ``python-dotenv`` package: ``KEY=VALUE`` lines, an optional ``export``
prefix, ``#`` comments, single quotes (literal, ``\\'`` and ``\\\\`` escapes), double quotes
(backslash escapes such as ``\\n``) and quoted values spanning several lines. Values are
not interpolated (``${OTHER}`` stays as written), and lines that cannot be parsed are
skipped, as python-dotenv does.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from workers_env._errors import ConfigError

__all__ = ["dev_vars_path", "parse_dotenv", "read_dev_vars"]

_MULTILINE_WHITESPACE = re.compile(r"\s*", re.MULTILINE)
_WHITESPACE = re.compile(r"[^\S\r\n]*")
_EXPORT = re.compile(r"(?:export[^\S\r\n]+)?")
_SINGLE_QUOTED_KEY = re.compile(r"'([^']+)'")
_UNQUOTED_KEY = re.compile(r"([^=\#\s]+)")
_EQUAL_SIGN = re.compile(r"(=[^\S\r\n]*)")
_SINGLE_QUOTED_VALUE = re.compile(r"'((?:\\'|[^'])*)'")
_DOUBLE_QUOTED_VALUE = re.compile(r'"((?:\\"|[^"])*)"')
_UNQUOTED_VALUE = re.compile(r"([^\r\n]*)")
_COMMENT = re.compile(r"(?:[^\S\r\n]*#[^\r\n]*)?")
_END_OF_LINE = re.compile(r"[^\S\r\n]*(?:\r\n|\n|\r|$)")
_REST_OF_LINE = re.compile(r"[^\r\n]*(?:\r|\n|\r\n)?")
_DOUBLE_QUOTE_ESCAPES = re.compile(r"\\[\\'\"abfnrtv]")
_SINGLE_QUOTE_ESCAPES = re.compile(r"\\[\\']")


class _Unparsable(Exception):
    """A statement the grammar does not match; the reader skips to the next line."""


class _Reader:
    def __init__(self, text: str) -> None:
        self.text = text
        self.pos = 0

    def has_next(self) -> bool:
        return self.pos < len(self.text)

    def peek(self) -> str:
        return self.text[self.pos : self.pos + 1]

    def read(self, regex: re.Pattern[str]) -> tuple[str, ...]:
        match = regex.match(self.text, self.pos)
        if match is None:
            raise _Unparsable
        self.pos = match.end()
        return match.groups()


def _decode_escapes(regex: re.Pattern[str], text: str) -> str:
    return regex.sub(lambda m: codecs.decode(m.group(0), "unicode-escape"), text)


def _parse_value(reader: _Reader) -> str:
    char = reader.peek()
    if char == "'":
        (value,) = reader.read(_SINGLE_QUOTED_VALUE)
        return _decode_escapes(_SINGLE_QUOTE_ESCAPES, value)
    if char == '"':
        (value,) = reader.read(_DOUBLE_QUOTED_VALUE)
        return _decode_escapes(_DOUBLE_QUOTE_ESCAPES, value)
    if char in ("", "\n", "\r"):
        return ""
    (part,) = reader.read(_UNQUOTED_VALUE)
    return re.sub(r"\s+#.*", "", part).rstrip()


def _parse_statement(reader: _Reader) -> tuple[str | None, str | None]:
    """One ``KEY=VALUE`` statement: (key, value); (None, None) for blanks and comments."""
    reader.read(_MULTILINE_WHITESPACE)
    if not reader.has_next():
        return None, None
    reader.read(_EXPORT)
    key: str | None
    if reader.peek() == "#":
        key = None
    elif reader.peek() == "'":
        (key,) = reader.read(_SINGLE_QUOTED_KEY)
    else:
        (key,) = reader.read(_UNQUOTED_KEY)
    reader.read(_WHITESPACE)
    value = None
    if reader.peek() == "=":
        reader.read(_EQUAL_SIGN)
        value = _parse_value(reader)
    reader.read(_COMMENT)
    reader.read(_END_OF_LINE)
    return key, value


def parse_dotenv(text: str) -> dict[str, str]:
    """The ``KEY=VALUE`` pairs of a dotenv text; a later key wins, keys without ``=`` are dropped."""
    reader = _Reader(text)
    values: dict[str, str] = {}
    while reader.has_next():
        start = reader.pos
        try:
            key, value = _parse_statement(reader)
        except _Unparsable:
            reader.pos = start
            reader.read(_REST_OF_LINE)
            continue
        if key is not None and value is not None:
            values[key] = value
    return values


def dev_vars_path(root: Path, environment: str | None = None) -> Path | None:
    """The file wrangler would read: ``.dev.vars.<env>`` if present, else ``.dev.vars``."""
    if environment:
        specific = Path(root) / f".dev.vars.{environment}"
        if specific.is_file():
            return specific
    default = Path(root) / ".dev.vars"
    return default if default.is_file() else None


def read_dev_vars(root: Path, environment: str | None = None) -> dict[str, str]:
    """The local secrets for the Worker in ``root`` ({} when there is no ``.dev.vars``)."""
    path = dev_vars_path(root, environment)
    if path is None:
        return {}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"Could not read {path}: {exc}", path=str(path)) from None
    return parse_dotenv(text)
