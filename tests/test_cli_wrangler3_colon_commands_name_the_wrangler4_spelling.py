"""wrangler 3 wrote ``kv:namespace``, ``kv:key`` and ``kv:bulk``; wrangler 4 dropped them for
``kv namespace`` ..., and tutorials written before still use them. wrangler 4.164.0 answers
such a line with yargs' ``Unknown arguments: ...`` alone (checked side by side), which does not
say what to write instead; workers-env prints the same error, then a ``(workers-env: ...)``
line naming the spelling that works. The error itself stays wrangler's, and other unknown
words get no such line."""

from __future__ import annotations

import pytest

from workers_env.cli import main


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    capsys.readouterr()
    assert main(argv) == 1
    out = capsys.readouterr()
    assert out.out.startswith("\nusage: workers-env ") and "Traceback" not in out.err
    return out.err.partition("\n")[0], out.err


@pytest.mark.parametrize(("argv", "first", "says"), [
    (["kv:key", "put", "--binding=KV", "a", "b", "--local"],
     "✘ [ERROR] Unknown arguments: binding, local, kv:key, put, a, b", "write `kv key ...` with a space"),
    (["kv:bulk", "put", "data.json", "--binding", "KV"],
     "✘ [ERROR] Unknown arguments: binding, kv:bulk, put, data.json", "`workers-env kv bulk ...`"),
    (["kv:namespace", "create", "LINKS"],
     "✘ [ERROR] Unknown arguments: kv:namespace, create, LINKS", "running locally needs no namespace made first"),
])
def test_a_wrangler3_colon_command_is_followed_by_the_spelling_that_works(tmp_path, monkeypatch, capsys,
                                                                          argv, first, says):
    monkeypatch.chdir(tmp_path)
    line, err = run(argv, capsys)
    assert line == first  # wrangler 4.164.0's words, unchanged
    note = next(n for n in err.splitlines() if n.startswith("(workers-env: "))
    assert f"`{argv[0]}` is wrangler 3's spelling" in note and says in note


def test_another_unknown_command_keeps_the_bare_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    line, err = run(["kv:keys", "put", "a", "b"], capsys)
    assert line == "✘ [ERROR] Unknown arguments: kv:keys, put, a, b" and "(workers-env: " not in err
