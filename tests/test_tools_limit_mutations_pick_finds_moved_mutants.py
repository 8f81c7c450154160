"""``tools/audit/limit_mutations.py --pick`` finds a kept mutant after the lines above it moved:
``tools/audit/left.txt`` names each by its module, the constant or function it is in, the change and
a text's words (before audit25 by line number, and every merge that moved a line broke ``--pick``
until the file was re-placed by hand -- 7 lines in session 49)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT / "tools" / "audit" / "limit_mutations.py"
LEFT = ROOT / "tools" / "audit" / "left.txt"
MODULES = ("d1", "rt-sdkhttp")  # numbers, and a text three places of one method share


@pytest.fixture(scope="module")
def tool():
    """The tool as a module, its ``find_mutations`` worked out once per module text: ``main`` of
    every test below reads all 278 audited modules (about 6 s of CPU each time) and gets the
    same mutations for the same text; a moved tree's text is another, worked out afresh."""
    spec = importlib.util.spec_from_file_location("limit_mutations", TOOL)
    module = importlib.util.module_from_spec(spec)
    sys.modules["limit_mutations"] = module  # dataclasses look their module up
    try:
        spec.loader.exec_module(module)
        find_mutations, found = module.find_mutations, {}

        def once_per_text(audited):
            key = (audited.key, audited.path, (module.ROOT / audited.path).read_text())
            if key not in found:
                found[key] = find_mutations(audited)
            return list(found[key])

        module.find_mutations = once_per_text
        yield module
    finally:
        del sys.modules["limit_mutations"]


def _listed(tool, capsys, *args: str) -> list[str]:
    assert tool.main(["--list", *args]) == 0
    return capsys.readouterr().out.splitlines()


def _moved_tree(tool, tmp_path: Path) -> Path:
    """A copy of the audited files of ``MODULES`` with lines added above and among their mutations."""
    paths = {audited.path for audited in tool.MODULES if audited.key in MODULES}
    for path in paths:
        lines = (ROOT / path).read_text().splitlines(keepends=True)
        middle = next(i for i in range(len(lines) // 2, len(lines)) if lines[i].startswith("def "))
        inserted = ["def _inserted_by_the_test():\n", '    raise ValueError("an inserted text moves the rest")\n',
                    "\n\n"]
        text = "".join(["# a comment\n"] * 7 + lines[:middle] + inserted + lines[middle:])
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    return tmp_path


def test_every_line_of_left_txt_names_a_mutation_the_tool_finds(tool, capsys):
    kept = [line for line in LEFT.read_text().splitlines() if line.strip() and not line.startswith("#")]
    listed = _listed(tool, capsys, "--pick", str(LEFT))
    assert listed[-1] == f"{len(kept)} mutations"
    assert sorted(listed[:-1]) == sorted(kept)
    assert not any(tool.OLD_FORMAT.fullmatch(line) for line in kept)  # no line number left to drift


def test_a_picked_mutation_is_found_after_its_lines_moved(tool, capsys, monkeypatch, tmp_path):
    only = [arg for key in MODULES for arg in ("--only", key)]
    before = _listed(tool, capsys, *only)[:-1]
    lines_before = {m.name: m.line for key in MODULES for m in tool.find_mutations(
        next(a for a in tool.MODULES if a.key == key))}
    assert any(name.endswith(" #2") for name in before)  # a text places share: told apart by its index
    assert any(" 172_032 -> " in name for name in before)
    pick = tmp_path / "pick.txt"
    pick.write_text("\n".join(["# a comment", "", *before]) + "\n")

    monkeypatch.setattr(tool, "ROOT", _moved_tree(tool, tmp_path / "tree"))
    after = _listed(tool, capsys, *only)[:-1]
    assert set(before) < set(after)  # the inserted function's text is the one more
    moved = {m.name: m.line for key in MODULES for m in tool.find_mutations(
        next(a for a in tool.MODULES if a.key == key))}
    assert all(moved[name] > lines_before[name] for name in before)
    assert _listed(tool, capsys, *only, "--pick", str(pick)) == [*before, f"{len(before)} mutations"]


def test_a_line_of_the_old_format_is_read_where_it_is_unambiguous(tool):
    mutations = [m for audited in tool.MODULES if audited.key in MODULES for m in tool.find_mutations(audited)]
    number = next(m for m in mutations if m.symbol == "MAX_VDBE_OPS" and m.change.endswith(" -> 172033"))
    shared = [m for m in mutations if m.name.startswith("rt-sdkhttp Response.__init__ 'Unsupported'")]
    assert len(shared) == 3  # one text, three places
    old = f"d1:{number.line} MAX_VDBE_OPS {number.change}"
    moved = f"d1:{number.line + 40} MAX_VDBE_OPS {number.change}"
    at_second = f"rt-sdkhttp:{shared[1].line} Response.__init__ {shared[1].change}"
    elsewhere = f"rt-sdkhttp:{shared[1].line + 1} Response.__init__ {shared[1].change}"
    found, unknown = tool.picked([old, moved, at_second], mutations)
    assert found == [number, shared[1]] and unknown == []
    found, unknown = tool.picked([elsewhere, "d1 MAX_VDBE_OPS 172_032 -> 9"], mutations)
    assert found == [] and unknown == [elsewhere, "d1 MAX_VDBE_OPS 172_032 -> 9"]  # which of two: not guessed


def test_an_unknown_line_is_refused(tool, capsys, tmp_path):
    pick = tmp_path / "pick.txt"
    pick.write_text("d1 MAX_VDBE_OPS 172_032 -> 9\n")
    with pytest.raises(SystemExit) as stopped:
        tool.main(["--pick", str(pick), "--list"])
    assert stopped.value.code == 2
    assert "lists mutations that are not (or no longer) found: ['d1 MAX_VDBE_OPS 172_032 -> 9']" in (
        capsys.readouterr().err)
