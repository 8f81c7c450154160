"""A ``.env`` value whose ``${...}`` expansion never finishes (wrangler dev hangs in
dotenv-expand's ``expandValue``) is refused by name, as soon as the rounds are known to repeat:
a round that repeats one already met (same text, same values seen), or rounds that read only a
window of the text and give that window again with more text around it (``L M R`` ->
``L Z M Z' R``, the searches standing the same after ``L Z`` as after ``L``) -- also when they
copy the text after the reference (``$'``, the window then ends the text) or before it
(``$\u0060``, nothing then comes before the window). Anything else that grows stops at the round
limit (10,000) or a million characters.
The work is pinned by counting rounds (replacements made), not by timing: these took the full
10,000 rounds (seconds each) before the repeats were recognised.
Values that do finish expand as wrangler's dotenv-expand gives them
(tools/wrangler/dotenv_differential.py: 3000 random sets the same)."""

from __future__ import annotations

import os

import pytest

from workers_env import ConfigError, load_env
from workers_env.config import devvars

ENDLESS = {
    # the text repeats: ${A} is replaced by itself (the escaped \$ resolved in A's value)
    "repeating": ("A=\\${A}\nB=${A}x\n", "B"),
    # the text grows at each round ($& is the matched reference again, in JavaScript's replace)
    "growing": ("B=----------$&${NOPE+alt2}-\nNOPE=${B}${NOPE:-d}-\n", "NOPE"),
    "growing at the end": ("A=\\${A}y\nB=\\${X}${A}\n", "B"),
    # inside an unclosed ${: lit-${C}d replaces ${C} at each round
    "growing inside a reference": ("C=lit-$&d\nW=${C:-${C}}\n", "W"),
    # an unbraced $W, text added before it only
    "growing before an unbraced reference": ("W=pa$& $&\nB=pa$$W\n", "B"),
    # a cycle through two and through ten values, one through a branch: a${Q}z, ab${P}z, aba${Q}z...
    "a cycle of two": ("P=a\\${Q}\nQ=b\\${P}\nV=${P}z\n", "V"),
    "a cycle of ten": ("".join(f"K{i}=a\\${{K{(i + 1) % 10}}}\n" for i in range(10)) + "V=${K0}z\n", "V"),
    "a branching cycle": ("P=a\\${Q}x\nQ=\\${R}b\\${P}\nR=\nV=${P}z\n", "V"),
    # three rounds to a period, the text growing before the reference: $&${C} -> $&${C:-${C}}${NOPE:-d}
    "a period of three rounds": ("C=\\${NOPE}\\${B}\\${C:-\\${C}}\\${NOPE:-d}\nA=$&${C}\n", "A"),
    # $word -> $d$$word -> $$word -> $$$word: a window that ends the text, one more $ before it each time
    "a window ending the text": ("word=\\$d$$$&\nB=$word\n", "B"),
    # $' copies the text after the reference before it: ${A}x... -> x...${A}x... -> x...x...${A}x...
    "copying the text after": ("A=$'$&\nB=${A}" + "x" * 50 + "\n", "B"),
    # $` copies the text before the reference after it: y...${A} -> y...${A}-y... -> y...${A}-y...-y...
    "copying the text before": ("A=$&-$`\nB=" + "y" * 50 + "${A}\n", "B"),
}


def _project(tmp_path, dot_env):
    (tmp_path / "wrangler.toml").write_text('name = "v"\n')
    (tmp_path / ".env").write_text(dot_env)
    return tmp_path


@pytest.mark.parametrize("case", ENDLESS, ids=list(ENDLESS))
def test_an_endless_expansion_is_refused_by_name_within_a_few_rounds(tmp_path, monkeypatch, case):
    dot_env, name = ENDLESS[case]
    project = _project(tmp_path, dot_env)
    for key, value in list(os.environ.items()):  # a text is known to repeat once longer than every value
        if len(value) > 200:
            monkeypatch.delenv(key)
    rounds = []
    replace = devvars._js_replacement  # called once per round, to count them
    monkeypatch.setattr(devvars, "_js_replacement", lambda *args: rounds.append(1) or replace(*args))
    with pytest.raises(ConfigError, match=f"the .env value of {name} never finishes expanding: its"):
        load_env(project)
    assert 0 < len(rounds) < 1_000  # both readings of the .env files, not the 10,000 rounds of the limit


@pytest.mark.parametrize(("dot_env", "expected"), [
    ("A=${A}\n", {"A": ""}),  # not yet defined when read: empty, as dotenv-expand gives it
    ("A=${B}\nB=${A}\n", {"A": "", "B": ""}),
    ("A=x\nB=${A}${A}$A\nC=${B:-d}${Z:-${A}}\n", {"A": "x", "B": "xxx", "C": "xxxx"}),
    # copies that grow the text for a while, then run out of references (wrangler 4.164.0's results)
    ("A=$'\nB=${A}x${NOPE}\n", {"A": "$'", "B": "xx"}),
    ("A=$`${NOPE}\nB=q${A}${A}\n", {"A": "$`", "B": "qqqq"}),
], ids=["self", "pair", "chain", "copying after", "copying before"])
def test_references_that_finish_expand_as_wrangler_expands_them(tmp_path, dot_env, expected):
    env = load_env(_project(tmp_path, dot_env))
    assert {k: env[k] for k in expected} == expected


def test_a_text_growing_a_little_each_round_is_refused_once_the_rounds_went_through_twenty_million_characters(
        tmp_path, monkeypatch):
    """No proof covers a text that grows a little each round without repeating (here a ``$'``
    copy adds one more ``$`` a round: a counter); before, it ran until the text passed a million
    characters (4,227 rounds, about a minute); now the rounds stop once they went through 20
    million characters together (1,010 rounds, under a second), far past the fewer than 3,000
    any finishing value of the differential's 12,000 random cases goes through."""
    dot_env = ('word="${X_1+alt2}$X_1$word"\nC="pa$$wordlit$\'-"\nX_1=" ${C-d2}$&\\$"\n'
               'B="$$$\'${C+alt2}"\nNOPE=\nA="${X_1-d2}${word:+alt}x$`y"\n')
    project = _project(tmp_path, dot_env)
    for key, value in list(os.environ.items()):
        if len(value) > 200:
            monkeypatch.delenv(key)
    rounds = []
    replace = devvars._js_replacement
    monkeypatch.setattr(devvars, "_js_replacement", lambda *args: rounds.append(1) or replace(*args))
    with pytest.raises(ConfigError, match="the .env value of A never finishes expanding: its"):
        load_env(project)
    assert 500 < len(rounds) < 2_000  # the budget, not the 10,000 rounds or the million characters
