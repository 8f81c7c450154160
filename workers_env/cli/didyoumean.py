"""wrangler's ``Did you mean "wrangler d1 execute"?`` box, printed on stdout above the help after
yargs calls a misspelt command an unknown argument (wrangler 4.164.0 ``handleError``,
``logDidYouMean``, ``getSuggestion``; the box is ``@cloudflare/deploy-helpers``' ``drawBox``).
The candidates are workers-env's own commands, the ones the line could have meant here.
"""

from __future__ import annotations

import argparse

from workers_env.cli.common import _width
from workers_env.cli.globalflags import subcommands

__all__ = ["command_box", "did_you_mean"]


def _levenshtein(a: str, b: str) -> int:
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        previous, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (ca != cb))
    return row[-1]


def suggestion(word: str, candidates: list[str], most: int = 3) -> str | None:
    """``getSuggestion``: the closest candidate (case-insensitive), within ``most`` edits and two
    thirds of the shorter length (so ``foo`` is not ``d1``); of equally close ones, the last."""
    lower = word.lower()
    best, best_distance = None, most + 1
    for candidate in candidates:
        distance = _levenshtein(lower, candidate.lower())
        if distance <= min(most, best_distance, min(len(lower), len(candidate)) * 2 // 3):
            best, best_distance = candidate, distance
    return best


def did_you_mean(parser: argparse.ArgumentParser, words: list[str], message: str) -> str | None:
    """The box wrangler prints for ``message`` (yargs' ``Unknown argument(s): ...``) when an
    unknown word is one of the line's ``words`` (those not options) naming no command: the
    first of them (the first unknown word, among the root's commands), else the first unknown
    word later on the line, among the commands of the words before it, the words after it kept
    in the suggestion; ``None`` when no command is close."""
    head, colon, listed = message.partition(": ")
    if not colon or head not in ("Unknown argument", "Unknown arguments") or not words:
        return None
    unknowns = [name.strip() for name in listed.split(",")]
    unknown = unknowns[0]
    if words[0] in unknowns:  # a root-level mistake: the first unknown word among the commands
        at, after = 0, []
    elif unknown in words[1:]:
        at = words.index(unknown)
        after = words[at + 1:]
    else:
        return None
    for word in words[:at]:  # the words before it must each be a command of the one before
        commands = subcommands(parser)
        if commands is None or word not in commands:
            return None
        parser = commands[word]
    commands = subcommands(parser)
    found = suggestion(unknown, list(commands)) if commands else None
    if found is None:
        return None
    return _box(f'Did you mean "{" ".join(["workers-env", *words[:at], found, *after])}"?')


def command_box(parser: argparse.ArgumentParser, word: str) -> str | None:
    """The box for ``word`` among the root's commands (wrangler's ``Unknown command: ...``
    after ``--``), ``None`` when no command is close."""
    found = suggestion(word, list(subcommands(parser) or {}))
    return None if found is None else _box(f'Did you mean "workers-env {found}"?')


def _box(text: str) -> str:
    """``drawBox`` around one line."""
    line = "\u2500" * (_width(text) + 2)
    return f"\u256d{line}\u256e\n\u2502 {text} \u2502\n\u2570{line}\u256f"
