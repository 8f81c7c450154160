"""``kv bulk put``'s item errors and unexpected-property warnings show an item as wrangler's
``JSON.stringify`` and ``Object.keys`` do: array-index names first, ascending (``{"b": 1, "1":
2}`` is ``{"1":2,"b":1}``), numbers as JavaScript writes them (``1e-7``, ``1e400`` as null)."""

from __future__ import annotations

from workers_env.cli import main


def test_item_error_and_warning_in_javascript_order(project, monkeypatch, capsys):
    root = project('[[kv_namespaces]]\nbinding = "MY_KV"\nid = "abc123"\n')
    monkeypatch.chdir(root)
    (root / "entries.json").write_text(
        '[{"key": "x", "value": "1", "z": 1, "2": 1}, {"b": 1, "1": 2, "c": 1e-7, "d": 1e400}]'
    )
    assert main(["kv", "bulk", "put", "entries.json", "--binding", "MY_KV"]) == 1
    err = capsys.readouterr().err
    assert '  The item at index 0 contains unexpected properties: ["2","z"].\n' in err
    assert '  The item at index 1 is {"1":2,"b":1,"c":1e-7,"d":null}\n' in err
    assert not (root / ".wrangler").exists()  # the bad item wrote nothing
