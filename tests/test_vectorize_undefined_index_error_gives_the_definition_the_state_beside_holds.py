"""An index defined nowhere, for an env built without ``persist_to`` (the pytest fixtures', a plain
``load_env``), while the state beside the config holds it -- the user made it with `workers-env
vectorize create`, as Cloudflare's get-started does -- gets an error that says so and writes the
pyproject.toml table and the ``indexes=`` dict with that state's dimensions, metric, version and
metadata indexes, ready to paste; without such a state the error is the generic one."""

from __future__ import annotations

import ast
import asyncio
import re
import tomllib
import warnings
from pathlib import Path

import pytest
from cli_helpers import run_main

from workers_env import IndexDefinitionError, load_env

JSONC = '{"name": "w", "vectorize": [{"binding": "VECTORIZE", "index_name": "tutorial-index"}]}\n'


@pytest.fixture
def project(tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "wrangler.jsonc").write_text(JSONC)
    monkeypatch.chdir(tmp_path)
    for args in (("create", "tutorial-index", "--dimensions=32", "--metric=euclidean"),
                 ("create-metadata-index", "tutorial-index", "--property-name=url", "--type=string"),
                 ("create-metadata-index", "tutorial-index", "--property-name=shop.price", "--type=number")):
        assert run_main(capsys, "vectorize", *args).returncode == 0
    return tmp_path


def _error(folder: Path) -> str:
    with pytest.raises(IndexDefinitionError) as info:
        load_env(folder)
    return str(info.value)


def test_the_table_to_paste_is_the_stored_definition(project: Path) -> None:
    message = _error(project)
    assert "The state beside the config (.wrangler/state) holds it" in message
    assert "768" not in message  # no example's numbers: the index's own
    table = message[message.index("[tool.workers-env"):message.index("  2. ")]
    (project / "pyproject.toml").write_text("\n".join(line.strip() for line in table.splitlines()) + "\n")
    assert tomllib.loads((project / "pyproject.toml").read_text())["tool"]["workers-env"]["indexes"] == {
        "tutorial-index": {"dimensions": 32, "metric": "euclidean", "version": "v2",
                           "metadata_indexes": {"url": "string", "shop.price": "number"}}}
    env = load_env(project)  # pasted as printed, it defines the index as the state holds it
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # both properties are indexed: no UnindexedFilterWarning
        asyncio.run(env.VECTORIZE.upsert([{"id": "a", "values": [1.0] * 32,
                                           "metadata": {"url": "/a", "shop": {"price": 5}}}]))
        res = asyncio.run(env.VECTORIZE.query([1.0] * 32, filter={"url": "/a", "shop.price": {"$lt": 10}}))
    assert [m.id for m in res.matches] == ["a"]


def test_the_indexes_argument_shown_is_one_load_env_takes(project: Path) -> None:
    shown = re.search(r"load_env\(\.\.\., indexes=(\{.*?\}\}\})\)", _error(project))
    assert shown is not None
    indexes = ast.literal_eval(shown.group(1))
    env = load_env(project, indexes=indexes)
    assert asyncio.run(env.VECTORIZE.describe())["dimensions"] == 32


def test_the_way_to_read_that_state_itself_is_named(project: Path) -> None:
    assert 'load_env(..., persist_to=".wrangler/state") run from the config\'s folder' in _error(project)
    env = load_env(project, persist_to=".wrangler/state")  # as named, it opens
    assert asyncio.run(env.VECTORIZE.describe())["dimensions"] == 32


def test_without_that_state_the_error_is_the_generic_one(tmp_path: Path) -> None:
    (tmp_path / "wrangler.jsonc").write_text(JSONC)
    message = _error(tmp_path)
    assert "state beside the config" not in message
    assert "dimensions = 768" in message and "workers-env vectorize create tutorial-index" in message
    assert not (tmp_path / ".wrangler").exists()  # looking made nothing


def test_an_index_the_state_does_not_hold_gets_the_generic_error(project: Path) -> None:
    (project / "wrangler.jsonc").write_text(JSONC.replace("tutorial-index", "other-index"))
    message = _error(project)
    assert "state beside the config" not in message and "dimensions = 768" in message
