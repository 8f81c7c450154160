"""``kv bulk delete FILE`` asks before it reads the file, as wrangler 4.164.0 does: not on a
terminal (or under CI) it prints wrangler's question and its non-interactive answer, yes; on a
terminal an answer of no deletes nothing and says so; ``--force``/``-f`` skips the question."""

from __future__ import annotations

import io
import json
import sys

import pytest
from kv_helpers import LOCATION, run

from workers_env import load_env
from workers_env.cli import main

CI_VARIABLES = ("BUILD_ID", "BUILD_NUMBER", "CI", "CI_APP_ID", "CI_BUILD_ID", "CI_BUILD_NUMBER", "CI_NAME",
                "CONTINUOUS_INTEGRATION", "RUN_ID")
QUESTION = ('? Are you sure you want to delete all the keys read from "keys.json" from kv-namespace '
            'binding: "MY_KV" (id: "abc123")?')


@pytest.fixture
def app(project, monkeypatch):
    root = project('[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    monkeypatch.chdir(root)
    with load_env(root, persist_to=root / ".wrangler" / "state") as env:
        for key in ("a", "b", "c"):
            run(env.MY_KV.put(key, "v"))
    (root / "keys.json").write_text(json.dumps(["a", {"name": "b"}, "missing"]))
    return root


def stored(app) -> list[str]:
    with load_env(app, persist_to=app / ".wrangler" / "state") as env:
        return [k["name"] for k in run(env.MY_KV.list())["keys"]]


def on_a_terminal(monkeypatch, typed: str) -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    for name in CI_VARIABLES:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(sys, "stdin", Terminal(typed))
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True, raising=False)


def test_not_interactive_the_fallback_answer_is_yes(app, capsys):
    assert main(["kv", "bulk", "delete", "keys.json", "--binding", "MY_KV"]) == 0
    assert capsys.readouterr().out == f"{LOCATION}{QUESTION}\n🤖 Using fallback value in non-interactive context: yes\nSuccess!\n"
    assert stored(app) == ["c"]


@pytest.mark.parametrize("force", [["--force"], ["-f"], ["--force", "true"], ["--force=true"]])
def test_force_skips_the_question(app, capsys, force):
    assert main(["kv", "bulk", "delete", "keys.json", "--binding", "MY_KV", *force]) == 0
    assert capsys.readouterr().out == LOCATION + "Success!\n"
    assert stored(app) == ["c"]


def test_force_false_still_asks(app, capsys):
    assert main(["kv", "bulk", "delete", "keys.json", "--binding", "MY_KV", "--force", "false"]) == 0
    assert capsys.readouterr().out.startswith(LOCATION + QUESTION + "\n")


def test_the_question_comes_before_the_file_is_read(app, capsys):
    assert main(["kv", "bulk", "delete", "nosuch.json", "--binding", "MY_KV"]) == 1
    captured = capsys.readouterr()
    assert captured.out.startswith(LOCATION + '? Are you sure you want to delete all the keys read from "nosuch.json"')
    assert "Could not read file: nosuch.json" in captured.err


def test_on_a_terminal_no_deletes_nothing(app, capsys, monkeypatch):
    on_a_terminal(monkeypatch, "n\n")
    assert main(["kv", "bulk", "delete", "keys.json", "--binding", "MY_KV"]) == 0
    assert capsys.readouterr().out == f'{LOCATION}{QUESTION} › (Y/n) Not deleting keys read from "keys.json".\n'
    assert stored(app) == ["a", "b", "c"]


def test_on_a_terminal_enter_is_yes(app, capsys, monkeypatch):
    on_a_terminal(monkeypatch, "\n")
    assert main(["kv", "bulk", "delete", "keys.json", "--binding", "MY_KV"]) == 0
    assert capsys.readouterr().out.endswith("Success!\n")
    assert stored(app) == ["c"]


def test_on_a_terminal_end_of_input_exits_1_deleting_nothing(app, capsys, monkeypatch):
    on_a_terminal(monkeypatch, "")
    with pytest.raises(SystemExit) as exited:
        main(["kv", "bulk", "delete", "keys.json", "--binding", "MY_KV"])
    assert exited.value.code == 1
    assert stored(app) == ["a", "b", "c"]


def test_under_ci_a_terminal_is_not_asked(app, capsys, monkeypatch):
    on_a_terminal(monkeypatch, "n\n")
    monkeypatch.setenv("CI", "true")
    assert main(["kv", "bulk", "delete", "keys.json", "--binding", "MY_KV"]) == 0
    assert "Using fallback value in non-interactive context: yes" in capsys.readouterr().out
    assert stored(app) == ["c"]
