"""An index name the local state does not hold says which indexes it does hold (the nearest
one suggested), or, when it holds none, how to create one and that the state may be another
folder's -- not only the file it looked in."""

from __future__ import annotations

from pathlib import Path

from workers_env.cli import main
from workers_env.vectorize.store import DB_FILENAME


def run(capsys, state: Path, *args: str) -> tuple[int, str]:
    code = main(["vectorize", *args, "--persist-to", str(state)])
    return code, capsys.readouterr().err


def test_a_near_miss_names_the_stored_indexes_and_the_nearest(tmp_path, capsys):
    state = tmp_path / "state"
    for name in ("docs", "faq"):
        assert run(capsys, state, "create", name, "--dimensions", "3", "--metric", "cosine")[0] == 0
    code, err = run(capsys, state, "query", "doc", "--vector", "1", "0", "0")
    db = next(state.rglob(DB_FILENAME))
    assert code == 1
    assert f"✘ [ERROR] no index named 'doc' in {db}; it holds: docs, faq (did you mean 'docs'?)\n" in err
    code, err = run(capsys, state, "info", "zzz")
    assert code == 1 and f"no index named 'zzz' in {db}; it holds: docs, faq\n" in err


def test_empty_state_says_how_to_create_the_index(tmp_path, capsys):
    state = tmp_path / "state"
    assert run(capsys, state, "create", "other", "--dimensions", "3", "--metric", "cosine")[0] == 0
    assert run(capsys, state, "delete", "other", "--force")[0] == 0
    code, err = run(capsys, state, "create-metadata-index", "docs", "--property-name", "p", "--type", "string")
    assert code == 1
    assert ("; it holds no index: create it with `workers-env vectorize create docs --dimensions N --metric "
            "cosine`, or use the state it was created in (beside the wrangler config (wrangler.jsonc, wrangler.json "
            "or wrangler.toml), else in the folder the command ran in; --persist-to names another)\n") in err
