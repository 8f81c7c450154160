"""A definition without ``version`` (v1) over an index ``workers-env vectorize create`` made (v2,
as wrangler makes it) is refused with a StateError that says where the v1 came from and the
line to add, not only "version 'v1' (stored: 'v2')" for a version the user never wrote."""

from __future__ import annotations

from pathlib import Path

import pytest

from workers_env import StateError, load_env
from workers_env.cli import main

WRANGLER = 'name = "w"\n[[vectorize]]\nbinding = "VECTORIZE"\nindex_name = "docs"\n'


def _created_v2(tmp_path: Path) -> Path:
    """State holding the index "docs" (3 dimensions, cosine) as `workers-env vectorize create` makes it: v2."""
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    state = tmp_path / "state"
    assert main(["vectorize", "create", "docs", "--dimensions", "3", "--metric", "cosine",
                 "--persist-to", str(state), "--config", str(tmp_path / "wrangler.toml")]) == 0
    return state


def test_a_v1_default_over_a_created_v2_index_says_to_add_version(tmp_path: Path) -> None:
    state = _created_v2(tmp_path)
    with pytest.raises(StateError) as info:
        load_env(tmp_path, indexes={"docs": {"dimensions": 3, "metric": "cosine"}}, persist_to=state)
    assert ("version 'v1' (stored: 'v2') -- a definition without \"version\" is v1; set version = \"v2\" in it"
            in str(info.value))
    with load_env(tmp_path, indexes={"docs": {"dimensions": 3, "metric": "cosine", "version": "v2"}},
                  persist_to=state) as env:
        assert env.VECTORIZE is not None


def test_an_explicit_v1_over_a_created_v2_index_is_told_to_set_not_add_version(tmp_path: Path) -> None:
    state = _created_v2(tmp_path)
    with pytest.raises(StateError) as info:
        load_env(tmp_path, indexes={"docs": {"dimensions": 3, "metric": "cosine", "version": "v1"}}, persist_to=state)
    assert str(info.value).count('set version = "v2" in it') == 1 and "add version" not in str(info.value)


def test_a_dimensions_clash_alone_has_no_version_hint(tmp_path: Path) -> None:
    state = _created_v2(tmp_path)
    with pytest.raises(StateError) as info:
        load_env(tmp_path, indexes={"docs": {"dimensions": 4, "metric": "cosine", "version": "v2"}}, persist_to=state)
    assert "dimensions 4 (stored: 3)" in str(info.value) and "version" not in str(info.value)


@pytest.mark.parametrize(("flag", "command"), [([], "workers-env vectorize delete docs)"),
                                               (["--deprecated-v1"], "workers-env vectorize delete docs --deprecated-v1)")])
def test_the_delete_command_named_is_the_one_the_stored_version_takes(tmp_path: Path, flag: list[str],
                                                                      command: str) -> None:
    """wrangler's delete of a v1 index needs --deprecated-v1 (and refuses it for a v2 one): the
    command the error names runs as written."""
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    state = tmp_path / "state"
    assert main(["vectorize", "create", "docs", "--dimensions", "3", "--metric", "cosine", *flag,
                 "--persist-to", str(state), "--config", str(tmp_path / "wrangler.toml")]) == 0
    with pytest.raises(StateError) as info:
        load_env(tmp_path, indexes={"docs": {"dimensions": 4, "metric": "cosine", "version": "v1" if flag else "v2"}},
                 persist_to=state)
    assert f"; delete it ({command} or fix the definition" in str(info.value)
    assert main(command.rstrip(")").split()[1:] + ["--force", "--persist-to", str(state)]) == 0
