"""``load_env``'s own arguments given values of the wrong kind -- a dict as ``path``, a list as
``persist_to``, ``env_files="ci.env"`` (read as the files ``c``, ``i``, ... before), ``None`` among
``env_files``, a NUL in a path, a reply or embedder nested thousands of levels deep -- are one
``ConfigError`` saying what the argument takes, never pathlib's ``TypeError`` or a
``RecursionError``; a fuzz over every argument keeps it so."""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import pytest
from fuzz_helpers import FUZZ, nested, odd, past_json_depth, refused_properly
from hypothesis import given
from hypothesis import strategies as st

from workers_env import ConfigError, load_env

WRANGLER = 'name = "fuzz"\ncompatibility_date = "2026-05-01"\n[[vectorize]]\nbinding = "V"\nindex_name = "idx"\n[ai]\nbinding = "AI"\n'
INDEXES = {"idx": {"dimensions": 3, "metric": "cosine"}}
EMBED = "@cf/baai/bge-small-en-v1.5"


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "wrangler.toml").write_text(WRANGLER)
    return tmp_path


@pytest.mark.parametrize(("arguments", "message"), [
    ({"path": {"a": 1}}, "path= must be a wrangler config file or a folder to search from (a str or os.PathLike), got dict"),
    ({"persist_to": ["state"]}, "persist_to= must be the folder to keep local state in (a str or os.PathLike), got list"),
    ({"persist_to": "st\x00ate"}, "persist_to= 'st\\x00ate' holds a NUL character"),
    ({"environment": ["staging"]}, "environment= must be the name of an [env.NAME] section (a str), got list"),
    ({"env_files": "ci.env"}, "env_files= takes a list of dotenv file names: env_files=['ci.env']"),
    ({"env_files": [None]}, "env_files= must be a list of dotenv file names (relative to the config's folder), got None in it"),
    ({"env_files": {"ci.env": 1}}, "env_files= must be a list of dotenv file names (relative to the config's folder), got dict"),
    ({"env_files": [3]}, "env_files= must be a list of dotenv file names (relative to the config's folder) (a str or "
                         "os.PathLike), got int"),
    ({"bindings": {"": object()}}, "bindings= names must be non-empty strings (the env attribute names), got ['']"),
    ({"clock": nested(3000, True)}, "clock= must be a clock object with a now() method (e.g. workers_env.ManualClock()), got dict"),
    ({"ai_replies": {"*": {"response": nested(past_json_depth(), False)}}}, "nests lists or dicts deeper than workers-env converts"),
    ({"embedders": {EMBED: nested(3000, False)}}, f'"{EMBED}": a list is not callable'),
])
def test_an_argument_of_the_wrong_kind_says_what_it_takes(root: Path, arguments: dict[str, Any], message: str) -> None:
    arguments.setdefault("path", root)
    with pytest.raises(ConfigError) as info:
        load_env(indexes=INDEXES, **arguments)
    assert message in str(info.value)


_KEYS = st.sampled_from(["idx", "x", EMBED, "*"])
_shaped = st.one_of(odd, st.dictionaries(_KEYS, st.one_of(odd, st.dictionaries(
    st.sampled_from(["dimensions", "metric", "version", "preset", "metadata_indexes", "description"]), odd, max_size=3)), max_size=2))


@FUZZ
@given(arguments=st.dictionaries(
    st.sampled_from(["path", "environment", "indexes", "persist_to", "bindings", "clock", "embedders", "ai_replies", "env_files"]),
    st.one_of(odd, _shaped, st.lists(st.text(max_size=5), max_size=2)), max_size=3))
def test_any_arguments_load_an_env_or_raise_a_config_error(root: Path, arguments: dict[str, Any]) -> None:
    arguments.setdefault("path", root)
    if isinstance(arguments.get("persist_to"), str):  # kept inside the test's folder
        arguments["persist_to"] = str(root / "state" / arguments["persist_to"][:20].replace("/", "_"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            load_env(**arguments).close()
    except BaseException as error:  # noqa: BLE001 - judged just below
        if not refused_properly(error):
            raise


@pytest.mark.parametrize(("definition", "message"), [
    ({"dimensions": "x", "metric": 5}, "dimensions must be a whole number from 1 to 1536, got 'x'"),  # ValueError: unknown metric 5
    ({"dimensions": -3, "metric": "cosine"}, "dimensions must be a whole number from 1 to 1536, got -3"),  # OverflowError
    ({"dimensions": 3, "metric": "cosine", "version": "v9"}, 'version must be "v1" or "v2", got \'v9\''),  # KeyError: 'v9'
    ({"dimensions": 3, "metric": "cosine", "version": "v2", "metadata_indexes": {"a": 5}}, "metadata index 'a' has type 5"),
])
def test_an_index_definition_object_is_checked_as_a_dict_is(root: Path, definition: dict[str, Any], message: str) -> None:
    """``IndexDefinition`` is a dataclass, which checks nothing: ``load_env`` used one as given."""
    from workers_env import IndexDefinition

    with pytest.raises(ConfigError, match="the indexes= argument") as info:
        load_env(root, indexes={"idx": IndexDefinition(**definition)})
    assert message in str(info.value)
