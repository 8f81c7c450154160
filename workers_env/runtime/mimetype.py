"""workerd's ``MimeType`` (util/mimetype.c++): its parser, which a ``data:`` URL's type and a
body's ``formData()`` read, and its serializer."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["MimeType", "extract_mime_type", "parse_mime_type"]

_TOKEN = frozenset("!#$%&'*+\\-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")
_MIME_WHITESPACE = "\r\n\t "


@dataclass(frozen=True)
class MimeType:
    """A parsed MIME type: type and subtype lowercased, the parameters by lowercased name (the
    first of a name kept); ``str()`` is ``MimeType::toString()``."""

    type: str
    subtype: str
    params: dict[str, str] = field(default_factory=dict)

    @property
    def essence(self) -> str:
        return f"{self.type}/{self.subtype}"

    def __str__(self) -> str:
        serialized = self.essence
        if self.params:
            serialized += ";" + ";".join(f"{' ' if key == 'boundary' else ''}{key}={_param_value(value)}"
                                         for key, value in self.params.items())
        return serialized


def parse_mime_type(text: str) -> MimeType | None:
    """workerd's ``MimeType::tryParse(text)``, or None when it cannot be parsed."""
    text = text.lstrip(_MIME_WHITESPACE)
    kind, slash, text = text.partition("/")
    if not slash or not _is_token(kind) or not text:
        return None
    subtype, semicolon, text = text.partition(";")
    subtype = subtype.rstrip(_MIME_WHITESPACE)
    if not _is_token(subtype):
        return None
    params: dict[str, str] = {}
    while text:
        text = text.lstrip(_MIME_WHITESPACE)
        if not text:
            break
        delimiter = next((i for i, c in enumerate(text) if c in ";="), None)
        if delimiter is None:  # neither: what is left is ignored
            break
        if text[delimiter] == ";":
            text = text[delimiter + 1:]
            continue
        name, text = text[:delimiter], text[delimiter + 1:]
        if not _is_token(name):  # skipped to the next parameter
            _, semicolon, text = text.partition(";")
            if not semicolon:
                break
            continue
        if not text:
            break
        if text[0] == '"':
            value, text = _quoted(text[1:])
            _add_param(params, name, value)
            _, semicolon, text = text.partition(";")
            if not semicolon:
                break
            continue
        value, semicolon, text = text.partition(";")
        value = value.rstrip(_MIME_WHITESPACE)
        if value and all(_quoted_string_char(c) for c in value):
            _add_param(params, name, value)
        if not semicolon:
            break
    return MimeType(kind.lower(), subtype.lower(), params)


def _quoted(text: str) -> tuple[str, str]:
    """An HTTP quoted string's value (its opening quote already read) and what follows it."""
    value: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        i += 1
        if c == '"':
            break
        if c == "\\":
            if i == len(text):  # a trailing backslash is itself
                value.append("\\")
                break
            value.append(text[i])
            i += 1
        else:
            value.append(c)
    return "".join(value), text[i:]


def _add_param(params: dict[str, str], name: str, value: str) -> None:
    """``MimeType::addParam``: a value with a character a quoted string cannot hold is dropped;
    the first of a name stays."""
    if all(_quoted_string_char(c) for c in value):
        params.setdefault(name.lower(), value)


def _param_value(value: str) -> str:
    if not value:
        return '""'
    if _is_token(value):
        return value
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _is_token(text: str) -> bool:
    return bool(text) and all(c in _TOKEN for c in text)


def _quoted_string_char(c: str) -> bool:
    return c == "\t" or " " <= c <= "~" or "\x80" <= c < "\xff"


def extract_mime_type(text: str) -> MimeType | None:
    """workerd's ``MimeType::extract(text)``: a header value that may list several types split
    by commas outside quotes; each part that parses (``*/*`` skipped) replaces the one before,
    taking its ``charset`` when it has none and names the same type; ``None`` when none parses."""
    found: MimeType | None = None
    while text:
        part, text, last = _next_part(text)
        parsed = parse_mime_type(part)
        if parsed is not None and parsed.essence != "*/*":
            if found is not None and found.essence == parsed.essence and "charset" not in parsed.params \
                    and "charset" in found.params:
                parsed.params["charset"] = found.params["charset"]
            found = parsed
        if last:
            break
    return found


def _next_part(text: str) -> tuple[str, str, bool]:
    """``text`` up to its first comma outside a quoted section (``findNextSeparator``: a quote or
    comma after a backslash does not count), the rest after it, and whether it was the last."""
    i = 0
    while i < len(text):
        if text[i] == '"' and (i == 0 or text[i - 1] != "\\"):
            i += 1
            while i < len(text) and (text[i] != '"' or text[i - 1] == "\\"):
                i += 1
        elif text[i] == "," and (i == 0 or text[i - 1] != "\\"):
            return text[:i], text[i + 1:], False
        i += 1
    return text, "", True
