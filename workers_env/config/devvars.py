"""Local secrets as ``wrangler dev`` reads them: ``.dev.vars``, else ``.env`` files.

With an environment selected, ``.dev.vars.<env>`` is used when it exists, otherwise
``.dev.vars`` (the two are not merged, as in wrangler). The format is dotenv as wrangler's
bundled ``dotenv`` 16.3.1 parses it (ported in :func:`parse_dotenv`): ``KEY=VALUE`` or
``KEY: VALUE`` lines, ``export`` prefixes, ``#`` comments (in an unquoted value a ``#`` starts
one anywhere: ``A=a#b`` is ``a``), single, double or backtick quotes spanning lines, and in
double quotes only ``\\n`` and ``\\r`` unescaped (``\\"`` and ``\\t`` stay as written); CRLF
line endings read as LF, also inside quoted values. Values are not interpolated (``${OTHER}``
stays as written, as in wrangler); lines it cannot read are skipped.

Without a ``.dev.vars`` file, wrangler 4 (``getVarsForDev``) reads ``.env``, ``.env.local``,
``.env.<env>`` and ``.env.<env>.local`` beside the config, later files winning, and expands
``${VAR}`` references as ``dotenv-expand`` 12 does -- unless ``CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV``
is ``false``; ``CLOUDFLARE_INCLUDE_PROCESS_ENV=true`` adds the process's environment too, and so
does a config with a ``[secrets]`` table (of which only the names it requires, or that override a
var, are kept).
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from workers_env._errors import ConfigError
from workers_env._jsvalues import JS_WHITESPACE, js_key_order
from workers_env._lazyre import lazy_pattern

__all__ = ["dev_vars_path", "dot_env_paths", "has_secrets_table", "local_secrets", "missing_secrets", "parse_dotenv",
           "process_environment", "read_dev_vars", "secrets_kept"]


# dotenv 16.3.1's LINE regex (flags m, g), with JavaScript's \s, \w, ., ^ and $ spelled out.
_JS_SPACE = "[\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]"
_JS_LINE_START = "(?:(?<=[\n\r\u2028\u2029])|\\A)"
_JS_LINE_END = "(?=[\n\r\u2028\u2029]|\\Z)"


_line = lazy_pattern(
    f"{_JS_LINE_START}{_JS_SPACE}*(?:export{_JS_SPACE}+)?([A-Za-z0-9_.-]+)"
    f"(?:{_JS_SPACE}*={_JS_SPACE}*?|:{_JS_SPACE}+?)"
    f"({_JS_SPACE}*'(?:\\\\'|[^'])*'|{_JS_SPACE}*\"(?:\\\\\"|[^\"])*\"|{_JS_SPACE}*`(?:\\\\`|[^`])*`|[^#\r\n]+)?"
    f"{_JS_SPACE}*(?:#[^\n\r\u2028\u2029]*)?{_JS_LINE_END}"
)


_quoted = lazy_pattern(f"{_JS_LINE_START}(['\"`])([\\s\\S]*)\\1{_JS_LINE_END}")


def parse_dotenv(text: str) -> dict[str, str]:
    """The ``KEY=VALUE`` pairs of a dotenv text as wrangler's ``dotenv.parse`` (16.3.1) reads
    them; a later key wins."""
    text = re.sub("\r\n?", "\n", text)
    found: dict[str, str] = {}
    for match in _line().finditer(text):
        value = (match.group(2) or "").strip(JS_WHITESPACE)
        quote = value[:1]
        value = _quoted().sub(lambda m: m.group(2), value)
        if quote == '"':
            value = value.replace("\\n", "\n").replace("\\r", "\r")
        if match.group(1) != "__proto__":  # obj["__proto__"] = ... sets no key in JavaScript
            found[match.group(1)] = value
    return found


def dev_vars_path(root: Path, environment: str | None = None) -> Path | None:
    """The file wrangler would read: ``.dev.vars.<env>`` if present, else ``.dev.vars`` (an
    empty ``environment``, ``wrangler dev -e ""``, tries ``.dev.vars.`` first, as wrangler's
    ``loadDotDevDotVars`` does: measured)."""
    if environment is not None:
        specific = Path(root) / f".dev.vars.{environment}"
        if specific.is_file():
            return specific
    default = Path(root) / ".dev.vars"
    return default if default.is_file() else None


def read_dev_vars(root: Path, environment: str | None = None, *, secrets_table: bool = False,
                  env_files: list[str] | None = None) -> dict[str, str]:
    """The local secrets for the Worker in ``root``: its ``.dev.vars`` file, else its ``.env``
    files (see the module's docstring; {} when there are none). ``secrets_table``: the config
    has a ``[secrets]`` table, with which wrangler adds the process's environment to the
    ``.env`` files' values whatever ``CLOUDFLARE_INCLUDE_PROCESS_ENV`` says (``getVarsForDev``'s
    ``includeProcessEnv: !!secrets || ...``); :func:`secrets_kept` then keeps what it names.
    ``env_files`` (``wrangler dev --env-file``, relative to ``root``): read those instead, and
    no ``.dev.vars``. A ``.env`` file that cannot be read is passed over, as wrangler's
    ``loadDotEnv`` does."""
    return local_secrets(root, environment, secrets_table=secrets_table, env_files=env_files)[0]


def local_secrets(root: Path, environment: str | None = None, *, secrets_table: bool = False,
                  env_files: list[str] | None = None) -> tuple[dict[str, str], list[str]]:
    """:func:`read_dev_vars`, and where the values came from as ``wrangler dev`` names them in its
    "Using secrets defined in ..." lines: the files read, and ``process.env`` when included."""
    if not env_files:
        path = dev_vars_path(root, environment)
        if path is not None:
            return parse_dotenv(_read(path)), [str(path)]
    # wrangler's process.env once it has started: every command first loads the .env files of
    # the folder it runs in (--env-file's, else the defaults) over the shell's environment, the
    # shell winning, whatever the switches say -- so a switch can be set in .env, and the shell
    # environment a [secrets] table reads holds those files too. That folder is the config's,
    # where a project runs wrangler (not pytest's rootdir): the same files getVarsForDev reads
    # next, so they are read once here.
    paths = [Path(root) / name for name in env_files] if env_files else dot_env_paths(root, environment)
    parsed, read = _parsed_files(paths)
    shell = _expand(dict(parsed), dict(os.environ))
    if not _flag("CLOUDFLARE_LOAD_DEV_VARS_FROM_DOT_ENV", default=True, env=shell):
        return {}, []
    include = secrets_table or _flag("CLOUDFLARE_INCLUDE_PROCESS_ENV", default=False, env=shell)
    return _expand(parsed, dict(shell) if include else {}), [str(p) for p in read] + (["process.env"] if include else [])


def process_environment(paths: list[Path], *, required: bool = True) -> dict[str, str]:
    """wrangler's ``process.env`` once a command has loaded ``paths`` (``--env-file``'s, or
    the default ``.env`` files: ``loadDotEnv`` with ``includeProcessEnv``): the files' values,
    later files winning, expanded, under the process's environment, which wins. ``required``:
    each file must be readable, as wrangler stops at an ``--env-file`` that is missing (Node's
    ``not found``), so a :class:`ConfigError` names it; else one that cannot be read is passed
    over, as wrangler passes over a missing default file."""
    return _expand(_parsed_files(paths, required=required)[0], dict(os.environ))


def _parsed_files(paths: list[Path], *, required: bool = False) -> tuple[dict[str, str], list[Path]]:
    """The files' pairs, later files winning (``dotenv.config(..., override: true)``), and the
    files read; a file that cannot be read is passed over, as wrangler's ``loadDotEnv`` logs it
    at debug level and goes on -- unless ``required``, where the first such file stops it with
    :func:`_bytes`'s error before any file is parsed. Each file is read once."""
    contents: list[tuple[Path, bytes]] = []
    for env_file in paths:
        try:
            contents.append((env_file, _bytes(env_file)))
        except ConfigError:
            if required:
                raise
    parsed: dict[str, str] = {}
    read: list[Path] = []
    for env_file, data in contents:
        try:
            text = _utf8(env_file, data)
        except ConfigError as exc:  # wrangler 4.168.0's loadDotEnv: warned of once, the file passed over
            _warn_once(env_file, f"{exc} Ignoring this file.")
            continue
        parsed.update(parse_dotenv(text))
        read.append(env_file)
    return parsed, read


def _required(merged: Any) -> list[str] | None:
    """The config's ``secrets.required`` names (``None`` without a ``secrets`` table)."""
    secrets = merged.get("secrets") if isinstance(merged, dict) else None
    if not isinstance(secrets, dict):
        return None
    required = secrets.get("required")
    return [name for name in required if isinstance(name, str)] if isinstance(required, list) else []


def has_secrets_table(merged: Any) -> bool:
    """Whether the config (its selected environment) has a ``secrets`` table."""
    return _required(merged) is not None


def secrets_kept(loaded: dict[str, str], merged: Any, var_names: Any) -> dict[str, str]:
    """The local secrets a Worker gets, as wrangler's ``getVarsForDev``: all of them, or, when
    the config has a ``secrets`` table, only those it requires or that override a var."""
    required = _required(merged)
    if required is None:
        return loaded
    return {key: value for key, value in loaded.items() if key in var_names or key in required}


def missing_secrets(loaded: dict[str, str], merged: Any) -> list[str]:
    """``secrets.required`` names the local secrets ``loaded`` (:func:`local_secrets`'s values)
    do not provide (wrangler dev warns of them)."""
    return [name for name in _required(merged) or [] if name not in loaded]


def dot_env_paths(root: Path, environment: str | None = None) -> list[Path]:
    """wrangler's ``getDefaultEnvFiles``: the ``.env`` files read without a ``.dev.vars``, in order
    (an empty ``environment``, wrangler's ``-e ""``, adds ``.env.`` and ``.env..local`` as it does)."""
    names = [".env", ".env.local"] + ([f".env.{environment}", f".env.{environment}.local"]
                                      if environment is not None else [])
    return [Path(root) / name for name in names]


def _read(path: Path) -> str:
    """The file's text (its variables read by :func:`parse_dotenv`); a :class:`ConfigError` where it
    cannot be read or is not UTF-8 (:func:`_utf8`: ``.dev.vars`` stops ``wrangler dev`` 4.168.0)."""
    return _utf8(path, _bytes(path))


def _bytes(path: Path) -> bytes:
    """The file's bytes; a :class:`ConfigError` naming it where it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"Could not read {path}: {exc.strerror or exc}", path=str(path)) from None


def _utf8(path: Path, data: bytes) -> str:
    """wrangler 4.168.0's ``readEnvFile``: the text decoded as UTF-8 (a BOM dropped), else -- bytes that
    are not UTF-8, or a NUL (a UTF-16 file without a BOM can be valid UTF-8) -- its ``UserError``, the
    file named relative to the current folder. wrangler 4.164.0 read each bad byte as U+FFFD instead."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is None or "\0" in text:
        raise ConfigError(f'The file "{os.path.relpath(path)}" is not UTF-8 encoded, so its variables cannot be read. '
                          "Make sure to have the file saved as UTF-8 and try again.", path=str(path))
    return text


#: the warnings already printed, by file: wrangler's ``logger.once.warn`` prints each once a process
_warned: set[tuple[str, str]] = set()


def _warn_once(path: Path, text: str) -> None:
    key = (os.path.abspath(path), text)
    if key not in _warned:
        _warned.add(key)
        from workers_env._loglevel import emit, laid_out  # (cli.common.warn's way, from the shared layer)

        emit("warn", laid_out("\u25b2 [WARNING]", text), "stderr")


def _flag(name: str, *, default: bool, env: dict[str, str] | None = None) -> bool:
    """wrangler's boolean environment variables (in ``env``, default the process's): unset is the
    default, else "true" or "false"."""
    value = (os.environ if env is None else env).get(name)
    if value is None:
        return default
    if value.lower() in ("true", "false"):
        return value.lower() == "true"
    raise ConfigError(f'Expected {name} to be "true" or "false", but got "{value}"')


_MAX_ROUNDS, _MAX_LENGTH = 10_000, 1_000_000  # past these an expansion is taken to run forever
#: the characters all rounds together may go through (the sum of each round's text length): a
#: text that grows a little each round (a ``$'`` copy adding one ``$`` a round: nothing repeats
#: exactly, so no proof applies) stays under both limits above for thousands of rounds of ever
#: longer text -- minutes --, while every value wrangler finishes among the 12,000 random cases
#: of tools/wrangler/dotenv_differential.py (seeds 5, 11, 7) goes through fewer than 3,000
_MAX_WORK = 20_000_000
_REMEMBERED_LENGTH = 4_096  # results up to this long are remembered to see a round repeat


_reference = lazy_pattern(r"(?<!\\)\$\{([^{}]+)\}|(?<!\\)\$([A-Za-z_][A-Za-z0-9_]*)")
_operator = lazy_pattern(r":\+|\+|:-|-")
_brace = lazy_pattern("[{}]")
_replacement_pattern = lazy_pattern(r"\$([$&`'])")


def _expand(parsed: dict[str, str], process: dict[str, str]) -> dict[str, str]:
    """``dotenv-expand`` 12.0.2's ``expand({processEnv: process, parsed})``: each value's
    references resolved against the values before it and ``process`` (a key ``process`` already
    holds keeps that value), ``\\$`` unescaped; returns ``process`` with the values added."""
    running: dict[str, str] = {}
    for key in js_key_order(parsed):
        value = parsed[key]
        if process.get(key) and process[key] != value:
            value = process[key]
        else:
            value = _expand_value(key, value, process, running)
        parsed[key] = running[key] = value.replace("\\$", "$")
    process.update(parsed)
    return process


def _expand_value(name: str, value: str, process: dict[str, str], running: dict[str, str]) -> str:
    """``dotenv-expand``'s ``expandValue``: ``${KEY}``, ``$KEY``, ``${KEY:-default}``,
    ``${KEY-default}``, ``${KEY:+alt}``, ``${KEY+alt}``, replaced one at a time from the start.
    A value whose replacements never end (wrangler then never starts) is refused by name."""
    return _Expansion(name, value, process, running).run()


class _Expansion:
    """One ``expandValue`` run, and what proves early that it never ends: a round that repeats
    one already met, or rounds that give their window again with more text around it (see
    :class:`_Window`)."""

    def __init__(self, name: str, value: str, process: dict[str, str], running: dict[str, str]) -> None:
        self.name, self.value, self.running = name, value, running
        self.env = {**running, **process}
        # dotenv-expand's ``seen`` holds every result so far, but is only asked about env values:
        # kept as the env values met as a result, so a round costs a search, not a stored copy
        self.values = set(self.env.values())
        self.longest = max(map(len, self.values), default=0)
        # a text longer than any value can be no value seen, nor stop the loop as running[key]
        self.inert = max(self.longest, max(map(len, running.values()), default=0))

    def run(self) -> str:
        env, running = self.env, self.running
        result = self.value
        seen: set[str] = set()
        # each (result, seen) met: met again, the rounds from it repeat forever (they decide by no more)
        states: set[tuple[str, int]] = set()
        window: _Window | None = None  # the rounds since one compared with, while they can repeat
        gap = 1  # rounds before the anchor moves on, doubling (Brent's cycle search): a repeat of any
        # period is met within a few periods of its start
        work = 0  # characters the rounds went through so far
        for rounds in range(_MAX_ROUNDS + 1):
            work += len(result)
            dollar = result.find("$")  # where a reference can first start (the look-behind still sees before it)
            match = _reference().search(result, dollar) if dollar >= 0 else None
            if match is None:
                break
            if len(result) <= self.longest and result in self.values:
                seen.add(result)
            state = (result, len(seen))
            if (rounds == _MAX_ROUNDS or len(result) > _MAX_LENGTH or work > _MAX_WORK or state in states
                    or (window is not None and window.repeats_in(result, match.start()))):
                raise ConfigError(
                    f"the .env value of {self.name} never finishes expanding: its ${{...}} references keep "
                    "producing new ones (wrangler dev hangs on it); escape the $ as \\$ where it is meant "
                    "literally, or remove the reference")
            if len(result) <= _REMEMBERED_LENGTH:
                states.add(state)
            template = match.group(0)
            expression = match.group(1) or match.group(2)
            operator = _operator().search(expression)
            splitter = operator.group(0) if operator else "null"  # JavaScript's split(null) splits on "null"
            key, *rest = expression.split(splitter)
            if splitter in (":+", "+"):
                default, found = (splitter.join(rest) if env.get(key) else ""), None
            else:
                default, found = splitter.join(rest), env.get(key)
            replacement = (default if found in seen else found) if found else default
            at = result.index(template)  # String.replace(string, ...): the first occurrence
            if len(result) <= self.inert:
                window, gap = None, 1
            else:
                copied = _copied(replacement)
                untouched, before = len(result) - _read_up_to(result, match, copied), "`" in copied
                if window is None or rounds - window.round >= gap:
                    window, gap = _Window(rounds, result, match.start(), at, untouched, template, before), gap * 2
                else:
                    window.widen(at, untouched, template, before)
            result = result[:at] + _js_replacement(replacement, template, result, at) + result[at + len(template):]
            if result == running.get(key):
                break
        return result


def _read_up_to(result: str, match: re.Match[str], copied: set[str]) -> int:
    """Where the text a round reads ends: any text after it gives the same round (one past the
    text's length when its end decides it, or the round copies what follows the reference, ``$'``)."""
    if "'" in copied:
        return len(result) + 1
    if match.group(1) is not None:  # ${...}: decided at its closing brace
        return match.end()
    # $NAME: decided by the character after it -- and, inside a ${ still open, by the next brace,
    # which decides whether that earlier ${ is the reference instead
    ahead = match.end() + 1
    if any(_scan_state(result, match.start())[2:]):
        brace = _brace().search(result, match.end())
        ahead = brace.end() if brace else len(result) + 1
    return ahead


class _Window:
    """Rounds since ``round``, all on texts longer than any value (``seen`` and the stop test
    decide nothing there): they replaced nothing before ``start`` and read nothing of the last
    ``untouched`` characters (-1: they read up to the text's end -- a ``$'`` copies it all --,
    which then belongs to the window), so what they did depends only on the window between, and
    on ``text[:start]`` only through where the reference search and the search for each
    template's first occurrence stand at its end (``before``: a ``$``` copied all of it).

    If a later text holds that window again, as ``L Z M Z' R`` for ``L M R``, the two searches
    standing after ``L Z`` as after ``L`` and neither finding anything in ``Z``, the same rounds
    follow from it and give ``L Z Z M Z' Z' R``, and so on forever: the text never runs out
    of references. (With ``untouched`` -1, ``Z' R`` must be empty; with ``before``, ``Z``.)"""

    def __init__(self, round: int, text: str, first: int, start: int, untouched: int, template: str,
                 before: bool) -> None:
        self.round, self.text, self.first, self.start, self.untouched = round, text, first, start, untouched
        self.templates, self.before = {template}, before
        self.window: str | None = None  # text[start:len(text) - untouched], cut when first compared

    def widen(self, start: int, untouched: int, template: str, before: bool) -> None:
        if start < self.start or untouched < self.untouched:
            self.start, self.untouched, self.window = min(self.start, start), min(self.untouched, untouched), None
        self.templates.add(template)
        self.before = self.before or before

    def repeats_in(self, result: str, first: int) -> bool:
        """Whether ``result`` (whose first reference starts at ``first``) holds the window again
        as above, so that the rounds since the anchor repeat forever."""
        text, start, untouched = self.text, self.start, max(self.untouched, 0)
        size = len(text) - untouched - start
        at = first - (self.first - start)  # where the window must be: its first reference is the anchor's
        if at < start or (at != start and self.before) or at + size > len(result) - untouched:
            return False  # Z would hold a reference (or, with $` used, any text at all), or no room
        if self.untouched < 0 and at + size != len(result):  # read up to the end: the window ends the text again
            return False
        if not result.startswith(text[start:start + min(size, 64)], at):
            return False
        if self.window is None:
            self.window = text[start:start + size]
        if not result.startswith(self.window, at):
            return False
        return _scan_state(result, at) == _scan_state(text, start) and all(
            _partial(result, at, t) == _partial(text, start, t) and result.find(t, max(start - len(t) + 1, 0), at) < 0
            for t in self.templates)


def _copied(replacement: str) -> set[str]:
    """Which ends of the text a replacement copies: ``\u0060`` the text before what it replaces
    (``$\u0060``), ``'`` the text after it (``$'``)."""
    return {m.group(1) for m in _replacement_pattern().finditer(replacement)} & {"`", "'"}


def _scan_state(text: str, end: int) -> tuple[bool, bool, bool, bool]:
    """Where the reference regex's search stands after ``text[:end]`` (in which no reference
    starts): after a ``\\``, after an unescaped ``$``, just after an unescaped ``${``, inside
    one (its text so far without braces)."""
    last, before = text[end - 1:end], text[max(end - 2, 0):max(end - 1, 0)]
    brace = max(text.rfind("{", 0, end), text.rfind("}", 0, end))
    opened = brace >= 1 and text[brace] == "{" and text[brace - 1] == "$" and (brace < 2 or text[brace - 2] != "\\")
    return last == "\\", last == "$" and before != "\\", opened and brace == end - 1, opened and brace < end - 1


def _partial(text: str, end: int, template: str) -> int:
    """How much of ``template`` ends ``text[:end]`` (the longest such start of it): where
    the search for its first occurrence stands there."""
    for size in range(min(len(template) - 1, end), 0, -1):
        if text.startswith(template[:size], end - size):
            return size
    return 0


def _js_replacement(replacement: str, matched: str, whole: str, at: int) -> str:
    """A replacement string as JavaScript's ``String.prototype.replace`` reads it: ``$$`` is
    ``$``, ``$&`` the matched text, ``$`\u0060`` and ``$'`` what precedes and follows it."""
    if "$" not in replacement:
        return replacement
    table = {"$": "$", "&": matched, "`": whole[:at], "'": whole[at + len(matched):]}
    return _replacement_pattern().sub(lambda m: table[m.group(1)], replacement)
