"""A ``"package.module:function"`` reference imports the module from its own project's folder even
when another project of the same process -- a second Worker of one ``workers-env dev`` session, a
second project's env in one pytest run -- imported a module of that name from its folder first.
Python keeps a module by its name once imported, so before review93b the second project's
``"fakes:make"`` factory (or embedder, or scripted reply) was the first project's function."""

from __future__ import annotations

import asyncio
from pathlib import Path

from workers_env import load_env
from workers_env._env import bindings_from_pyproject
from workers_env.config import load_config

MODEL = "@cf/baai/bge-small-en-v1.5"
MODULE = "r93b_fakes_shared_name"


def _project(folder: Path, label: str) -> Path:
    folder.mkdir()
    (folder / "wrangler.toml").write_text('name = "w"\n[ai]\nbinding = "AI"\n[[services]]\nbinding = "MINE"\n'
                                          'service = "mine"\n')
    (folder / f"{MODULE}.py").write_text(
        f"def make():\n    return {label!r}\n\n\n"
        f"def embed(texts):\n    return [[{float(len(label))}, 1.0] + [0.0] * 382 for _ in texts]\n\n\n"
        f"def reply(model, inputs):\n    return {label!r}\n")
    (folder / "pyproject.toml").write_text(
        f'[tool.workers-env.bindings]\nMINE = "{MODULE}:make"\n'
        f'[tool.workers-env.ai.embedders]\n"{MODEL}" = "{MODULE}:embed"\n'
        f'[tool.workers-env.ai.replies]\n"*" = {{ function = "{MODULE}:reply" }}\n')
    return folder


def test_each_projects_factory_is_its_own(tmp_path: Path) -> None:
    first, second = _project(tmp_path / "first", "a"), _project(tmp_path / "second", "bb")
    assert bindings_from_pyproject(load_config(first)) == {"MINE": "a"}
    assert bindings_from_pyproject(load_config(second)) == {"MINE": "bb"}
    assert bindings_from_pyproject(load_config(first)) == {"MINE": "a"}


def test_each_projects_embedder_and_reply_are_its_own(tmp_path: Path) -> None:
    first, second = _project(tmp_path / "first", "a"), _project(tmp_path / "second", "bb")

    async def answers(root: Path) -> list[object]:
        env = load_env(root)
        try:
            vector = (await env.AI.run(MODEL, {"text": ["x"]}))["data"][0]
            reply = await env.AI.run("@cf/meta/llama-3.1-8b-instruct-fast", {"prompt": "hi"})
            return [round(vector[0] / vector[1], 6), len(vector), reply["response"]]  # (normalised or not)
        finally:
            env.close()

    assert asyncio.run(answers(first)) == [1.0, 384, "a"]
    assert asyncio.run(answers(second)) == [2.0, 384, "bb"]
