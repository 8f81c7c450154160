"""A ``.env`` value whose ``${...}`` expansion never finishes (wrangler dev hangs in
dotenv-expand's ``expandValue``) is refused by name: a round that repeats one already met
(same text, same values seen) is known to repeat forever at once, and a value growing at each
round stops at the round limit.
(How fast is not timed here: 0.12-0.5 s for these, against 2.6-15 s before the search started
at the text's first ``$``, measured once by hand.)
Values that do finish expand as wrangler's dotenv-expand 12 gives them
(tools/wrangler/dotenv_differential.py: 3000 random sets the same)."""

from __future__ import annotations

import pytest

from workers_env import ConfigError, load_env

ENDLESS = {
    # the text repeats: ${A} is replaced by itself (the escaped \$ resolved in A's value)
    "repeating": ("A=\\${A}\nB=${A}x\n", "B"),
    # the text grows at each round ($& is the matched reference again, in JavaScript's replace)
    "growing": ("B=----------$&${NOPE+alt2}-\nNOPE=${B}${NOPE:-d}-\n", "NOPE"),
    "growing at the end": ("A=\\${A}y\nB=\\${X}${A}\n", "B"),
}


def _project(tmp_path, dot_env):
    (tmp_path / "wrangler.toml").write_text('name = "v"\n')
    (tmp_path / ".env").write_text(dot_env)
    return tmp_path


@pytest.mark.parametrize("case", ENDLESS, ids=list(ENDLESS))
def test_an_endless_expansion_is_refused_by_name(tmp_path, case):
    dot_env, name = ENDLESS[case]
    project = _project(tmp_path, dot_env)
    with pytest.raises(ConfigError, match=f"the .env value of {name} never finishes expanding: its"):
        load_env(project)


@pytest.mark.parametrize(("dot_env", "expected"), [
    ("A=${A}\n", {"A": ""}),  # not yet defined when read: empty, as dotenv-expand gives it
    ("A=${B}\nB=${A}\n", {"A": "", "B": ""}),
    ("A=x\nB=${A}${A}$A\nC=${B:-d}${Z:-${A}}\n", {"A": "x", "B": "xxx", "C": "xxxx"}),
], ids=["self", "pair", "chain"])
def test_references_that_finish_expand_as_wrangler_expands_them(tmp_path, dot_env, expected):
    env = load_env(_project(tmp_path, dot_env))
    assert {k: env[k] for k in expected} == expected
