"""A ``--path`` or bulk file that cannot be read is wrangler's ``Could not read file: X`` with
Node's error as its note (the absolute path put in place of the first ``X`` in it, as wrangler
does), after the namespace is resolved, and nothing is written."""

from __future__ import annotations

import os

import pytest

from workers_env.cli import main


@pytest.fixture
def app(project, monkeypatch):
    root = project('[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    (root / "folder").mkdir()
    monkeypatch.chdir(root)
    return root


def report(name: str, node: str) -> str:
    return f"✘ [ERROR] Could not read file: {name}\n\n  {node}\n\n\n"


@pytest.mark.parametrize("argv", [["key", "put", "k", "--path"], ["bulk", "put"]], ids=["key put --path", "bulk put"])
def test_a_missing_file(app, capsys, argv):
    assert main(["kv", *argv, "nosuch.json", "--binding", "MY_KV"]) == 1
    assert capsys.readouterr().err == report(
        "nosuch.json", f"ENOENT: no such file or directory, open '{app / 'nosuch.json'}'"
    )
    assert not (app / ".wrangler").exists()


@pytest.mark.parametrize("argv", [["key", "put", "k", "--path"], ["bulk", "put"]], ids=["key put --path", "bulk put"])
def test_a_folder(app, capsys, argv):
    assert main(["kv", *argv, "folder", "--binding", "MY_KV"]) == 1
    assert capsys.readouterr().err == report("folder", "EISDIR: illegal operation on a directory, read")


def test_a_symbolic_link_loop(app, capsys):
    # libuv's text, not the C library's (compared with wrangler 4.164.0's)
    os.symlink("loop.json", app / "loop.json")
    assert main(["kv", "bulk", "put", "loop.json", "--binding", "MY_KV"]) == 1
    assert capsys.readouterr().err == report(
        "loop.json", f"ELOOP: too many symbolic links encountered, open '{app / 'loop.json'}'")


def test_the_path_is_made_absolute_where_wrangler_replaces_it(app, capsys):
    assert main(["kv", "bulk", "put", "o", "--binding", "MY_KV"]) == 1  # wrangler's text.replace("o", ...)
    assert capsys.readouterr().err == report("o", f"ENOENT: n{os.path.join(app, 'o')} such file or directory, open 'o'")
    assert main(["kv", "bulk", "put", "./sub/../x.json", "--binding", "MY_KV"]) == 1
    assert capsys.readouterr().err == report(
        "./sub/../x.json", f"ENOENT: no such file or directory, open '{app / 'x.json'}'"
    )


def test_the_namespace_is_resolved_first(app, capsys):
    assert main(["kv", "bulk", "put", "nosuch.json", "--binding", "NOPE"]) == 1
    assert 'No KV namespace with binding "NOPE" was found' in capsys.readouterr().err
    assert main(["kv", "key", "put", "k", "--path", "nosuch.json", "--binding", "NOPE"]) == 1
    assert 'No KV namespace with binding "NOPE" was found' in capsys.readouterr().err
