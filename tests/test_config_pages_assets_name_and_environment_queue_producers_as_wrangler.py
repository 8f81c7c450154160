"""Two rules ``tools/wrangler/config_fuzz.py`` found workers-env reading otherwise than wrangler
4.164.0 (each expected report is what wrangler's ``unstable_readConfig`` printed for the file):

- in a Pages project (``pages_build_output_dir`` present, of any value), every binding named
  ``ASSETS`` is an error of its own, by the kind of binding, before the duplicate-name errors;
- an environment's ``queues.producers`` are never compared with the top level's (wrangler's
  ``validateBindingArray`` looks the top level up as ``config["queues.producers"]``, a key no
  config has), so no "at the top level, but not on" warning for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env.cli import main


def validate(tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, *args: str) -> tuple[int, str]:
    (tmp_path / "wrangler.toml").write_text(text)
    code = main(["validate", str(tmp_path / "wrangler.toml"), *args])
    return code, capsys.readouterr().out


def test_assets_is_a_reserved_binding_name_in_a_pages_project(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = validate(tmp_path, capsys, 'name = "my-worker"\npages_build_output_dir = false\n'
                         'secrets = { required = ["ASSETS"] }\nkv_namespaces = [{ binding = "ASSETS", id = "abc123" }]\n'
                         '[assets]\ndirectory = "./public"\nbinding = "ASSETS"\n')
    assert code == 1
    assert out == (
        "Processing wrangler.toml configuration:\n"
        '  - Expected "pages_build_output_dir" to be of type string but got false.\n'
        "  - The name 'ASSETS' is reserved in Pages projects. Please use a different name for your KV Namespace binding.\n"
        "  - The name 'ASSETS' is reserved in Pages projects. Please use a different name for your Assets binding.\n"
        "  - The name 'ASSETS' is reserved in Pages projects. Please use a different name for your Secret binding.\n"
        "  - ASSETS assigned to KV Namespace, Assets, and Secret bindings.\n"
        "  - Bindings must have unique names, so that they can all be referenced in the worker.\n"
        "    Please change your bindings to have unique names.\n"
    )


def test_assets_names_a_binding_outside_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = validate(tmp_path, capsys, 'name = "w"\nkv_namespaces = [{ binding = "ASSETS", id = "abc123" }]\n')
    assert (code, out) == (0, "wrangler.toml is valid.\n")


def test_an_environments_queue_producers_are_not_compared_with_the_top_levels(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out = validate(tmp_path, capsys, 'name = "w"\nmain = "src/index.js"\ncompatibility_date = "2024-05-01"\n'
                         '[[queues.producers]]\nbinding = "Q"\nqueue = "q"\n'
                         '[[env.production.queues.producers]]\nbinding = "P"\nqueue = "p"\n', "--env", "production")
    assert (code, out) == (0, 'wrangler.toml is valid (environment "production").\n')
