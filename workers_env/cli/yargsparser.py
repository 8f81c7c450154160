"""The CLI's argparse parser, reading a line as yargs reads it: :class:`Parser` (a single-valued
option given twice noted, a command's positionals between its options, an option's value out of
its choices refused last) and the options a line holds that a parser does not know. Apart from
``workers_env.cli``'s dispatch (:func:`~workers_env.cli.main`), which builds its parsers of this
class, as the vectorize commands' shared options do."""

from __future__ import annotations

import argparse
import re
from collections.abc import Sequence
from typing import Any, NoReturn

from workers_env.cli.common import CommandError, UsageError, with_hint
from workers_env.cli.globalflags import NEGATIVE
from workers_env.cli.temporary import coerce_error
from workers_env.cli.yargstexts import (
    _CHOICE,
    _EACH,
    _EXPLICIT,
    _NO_VALUE,
    _unknown_text,
    _wrangler3_note,
    _yargs_text,
)


class _Once(argparse._StoreAction):
    """argparse's ``store``, noting each value of a single-valued option: one given twice is
    refused after parsing, as wrangler's ``demandSingleValue`` refuses it (argparse keeps the last)."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: Any,
                 option_string: str | None = None) -> None:
        if self.option_strings and self.nargs in (None, "?"):
            given = namespace.__dict__.setdefault("_given", {})
            given.setdefault(next((o for o in self.option_strings if o.startswith("--")), self.dest), []).append(values)
        setattr(namespace, self.dest, values)


#: :data:`NEGATIVE` anchored as argparse matches it (``re.match``)
_ARGPARSE_NEGATIVE = re.compile(NEGATIVE.pattern + r"\Z")


class Parser(argparse.ArgumentParser):
    """The CLI's parsers (subcommands and argument groups share the class's registry): a
    single-valued option given twice is an error, with wrangler's text."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("allow_abbrev", False)  # yargs takes no abbreviation: `--bind` is unknown
        super().__init__(*args, **kwargs)
        # a negative number is the CLI's rule (yargs'), on every Python: argparse 3.14 also takes
        # `-1.5e3` or `-1_000` for one, which yargs reads as options (`Unknown argument: 1`)
        self._negative_number_matcher = _ARGPARSE_NEGATIVE
        self.register("action", None, _Once)
        self.register("action", "store", _Once)

    def error(self, message: str) -> NoReturn:
        """A usage error in yargs' words (a missing, unknown or out-of-choices argument), raised
        as :class:`~workers_env.cli.common.UsageError`: :func:`main` prints it as wrangler's
        handleError does, with the command's help. A value argparse refuses where yargs takes it
        (``--top-k abc``, which yargs reads as NaN) is workers-env's own refusal: a
        :class:`~workers_env.cli.common.CommandError`, printed without the help, as wrangler
        prints what a command throws."""
        text = _yargs_text(self, message)
        valued = _EXPLICIT.fullmatch(message)
        if valued:  # `--json=maybe`: yargs reads any value but `true` as false; we refuse it (README)
            raise CommandError(f"argument {valued['name']}: {valued['name']} takes true or false, got {valued['given']}")
        if text == message:
            raise CommandError(message)
        usage = with_hint(UsageError(text), _wrangler3_note(message))
        one = _NO_VALUE.fullmatch(message)
        if one:  # yargs names it as typed (`-c`): main() finds which spelling the line has
            usage.spellings = one["name"].split("/")  # type: ignore[attr-defined]
        choice = _CHOICE.match(message)
        if choice and any(isinstance(a, argparse._SubParsersAction) and choice["name"] in (a.dest, a.metavar)
                          for a in self._actions):
            usage.unknown_command = choice["given"].strip().strip("'\"")  # type: ignore[attr-defined]
        raise usage

    def parse_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> argparse.Namespace:
        """argparse's, but words it cannot place are named as given (argparse joins them into
        one line, where ``--comm "select 1"`` would read as three words), and an option's value
        outside its choices is refused last, as yargs validates: after a missing required
        argument and an unknown one (``create-metadata-index idx --type`` wants propertyName)."""
        parsed, extra = self.parse_known_args(args, namespace)
        coerced = coerce_error(parsed)
        if coerced is not None:  # yargs' coerce throws as it parses: after a missing positional, before the rest
            raise UsageError(coerced)
        if extra:
            raise UsageError(_unknown_text(extra))
        bad = parsed.__dict__.pop("_bad_choice", None)
        if bad:  # each out of its choices, in the line's order, in one message: yargs' `Invalid values`
            bad[0][0].error(_EACH.join(message for _, message in bad))
        return parsed

    _intermixed = False  # within parse_known_intermixed_args, which calls parse_known_args itself
    _strays: list[str] = []  # the options the line holds that the parser does not know (_unknown_options)

    def parse_known_args(  # type: ignore[override]
        self, args: Sequence[str] | None = None, namespace: Any = None
    ) -> tuple[argparse.Namespace, list[str]]:
        """argparse's, noting in the namespace (for :meth:`parse_args`) the option values
        :meth:`_check_value` let through outside their choices, with the parser that refuses them."""
        self._bad_choice: list[tuple[Parser, str]] = []
        if self._intermixed and any(a.nargs is not argparse.SUPPRESS for a in self._get_positional_actions()):
            # the intermixed parse's second pass, of the arguments: without the options this parser
            # does not know, each with the word it took (argparse's arguments would end at one:
            # `kv key put k --bogus=1 v` would leave `v` over, where yargs names `bogus` alone)
            strays, kept = list(self._strays), list[str]()
            for token in args or ():
                if token in strays:
                    strays.remove(token)
                else:
                    kept.append(token)
            parsed, extra = super().parse_known_args(kept, namespace)
            extra = [*extra, *self._strays]  # (the words first: an option last takes none of them)
        elif self._intermixed or any(isinstance(a, argparse._SubParsersAction) for a in self._actions):
            parsed, extra = super().parse_known_args(args, namespace)
        else:  # a command's positionals between its options (`kv key put k --local v`), as yargs reads them
            self._intermixed = True
            self._strays = _unknown_options(self, list(args or ()))
            try:
                parsed, extra = self._intermixed_passes(args, namespace)
            finally:
                self._intermixed = False
        if self._bad_choice and "_bad_choice" not in parsed.__dict__:
            parsed._bad_choice = self._bad_choice
        return parsed, extra

    def _intermixed_passes(self, args: Sequence[str] | None, namespace: Any) -> tuple[argparse.Namespace, list[str]]:
        """``parse_known_intermixed_args`` as argparse has it up to 3.13.0, on every Python: the
        options parsed first with the arguments switched off, then the arguments among the words
        left, each pass a call of :meth:`parse_known_args` (whose second takes out the options this
        parser does not know). 3.14's (and 3.12.7's, 3.13.1's) is one pass calling neither, so
        there ``kv key put k "-5 "`` kept ``-- `` (a word with a space: an argument to argparse)
        as the value, ``Unknown argument: 5``, where wrangler 4.164.0 says ``Unknown arguments: 5, " "``."""
        positionals = self._get_positional_actions()
        usage = self.usage
        try:
            if self.usage is None:
                self.usage = self.format_usage()[7:]  # (the whole usage in the first pass's errors)
            kept = [(action, action.nargs, action.default) for action in positionals]
            try:
                for action in positionals:
                    action.nargs = action.default = argparse.SUPPRESS
                namespace, remaining = self.parse_known_args(args, namespace)
                for action in positionals:
                    if getattr(namespace, action.dest, None) == []:
                        delattr(namespace, action.dest)
            finally:
                for action, nargs, default in kept:
                    action.nargs, action.default = nargs, default
            switched: list[Any] = [*self._get_optional_actions(), *self._mutually_exclusive_groups]
            required = [(item, item.required) for item in switched]
            try:
                for item, _ in required:
                    item.required = False
                return self.parse_known_args(remaining, namespace)
            finally:
                for item, was in required:
                    item.required = was
        finally:
            self.usage = usage

    def _get_values(self, action: argparse.Action, arg_strings: list[str]) -> Any:
        """argparse's, but an option given with no value (``--metric`` alone, a
        :func:`~workers_env.cli.common.value_optional` one) has its ``const`` checked against
        its choices on every Python, as yargs checks ``""``: argparse did up to 3.13, 3.14's
        no longer does (a second check where it still does notes nothing new)."""
        value = super()._get_values(action, arg_strings)
        if (not arg_strings and action.nargs == argparse.OPTIONAL and action.option_strings
                and action.choices is not None and isinstance(action.const, str)):
            self._check_value(action, value)
        return value

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """argparse's, but an option's value outside its choices is only noted, to be refused
        once the whole line is read (:meth:`parse_args`); a command's name is checked at once."""
        try:
            super()._check_value(action, value)
        except argparse.ArgumentError as exc:
            if not action.option_strings:
                raise
            if getattr(self, "_bad_choice", None) is None:
                self._bad_choice = []
            if (self, str(exc)) not in self._bad_choice:  # (3.11-3.13 check a bare option's const twice)
                self._bad_choice.append((self, str(exc)))


def _unknown_options(parser: argparse.ArgumentParser, args: list[str]) -> list[str]:
    """The options in ``args`` that ``parser`` does not know, in order, each followed by the word
    it takes as its value as yargs does (unless spelt ``--name=value``)."""
    found: list[str] = []
    taken = False
    for i, token in enumerate(args):
        if taken or not token.startswith("-") or token == "-" or NEGATIVE.fullmatch(token):
            taken = False
            continue
        if token == "--":
            break
        if token.partition("=")[0] not in parser._option_string_actions:
            found.append(token)
            after = args[i + 1] if i + 1 < len(args) else None
            if "=" not in token and after is not None and (not after.startswith("-") or NEGATIVE.fullmatch(after)):
                found.append(after)
                taken = True
    return found
