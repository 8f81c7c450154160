"""Shared by the Workers AI tests: a project with ``[ai] binding = "AI"`` and an env on it."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from worker_helpers import typical_pyproject

from workers_env import load_env

WRANGLER = """\
name = "ai-test"
main = "src/entry.py"
compatibility_date = "2026-05-01"
compatibility_flags = ["python_workers"]

[ai]
binding = "AI"
"""


def retired(name: str, date: str = "2026-05-30") -> str:
    """The service's 5028 for a retired model as users quote it since 2026-08 (``name`` as it names
    the model: ``@cf/meta/infire-llama-3.1-8b-instruct`` for ``llama-3.1-8b-instruct``)."""
    return (f"AiError: 5028: {name} was deprecated on {date}. "
            "See the model catalog for alternatives: https://developers.cloudflare.com/workers-ai/models/")


INFIRE = "@cf/meta/infire-llama-3.1-8b-instruct"  # how the service's 5028 names llama-3.1-8b-instruct


def ai_env(folder: Path, **options: Any) -> Any:
    """An env whose ``env.AI`` is the Workers AI binding (``load_env`` options pass through)."""
    if not (folder / "wrangler.toml").exists():
        (folder / "wrangler.toml").write_text(WRANGLER)
        typical_pyproject(folder)
    return load_env(folder, **options)


def run(env: Any, model: Any, inputs: Any = None, options: Any = None) -> Any:
    """``await env.AI.run(model, inputs[, options])`` from synchronous test code."""
    args = (model, inputs) if options is None else (model, inputs, options)
    return asyncio.run(env.AI.run(*args))


def sse_chunks(stream: Any) -> list[Any]:
    """A streamed answer's ``data:`` events as JSON values, its last event checked to be ``[DONE]``."""
    import json

    events = [part[len("data: "):] for part in stream.read().decode().split("\n\n") if part]
    assert events[-1] == "[DONE]"
    return [json.loads(event) for event in events[:-1]]


def worker_json(folder: Path, entry: str, *, reply: Any = None, date: str = "2026-05-01") -> Any:
    """Run a one-file Worker with ``[ai]`` (the Worker's era by ``date``), ``GET /`` it and return
    its JSON body; ``reply`` scripts ``env.AI`` text generation first."""
    from workers_env import load_worker

    (folder / "wrangler.toml").write_text(WRANGLER.replace("2026-05-01", date))
    typical_pyproject(folder)
    (folder / "src").mkdir(exist_ok=True)
    (folder / "src" / "entry.py").write_text(entry)
    worker = load_worker(folder)
    if reply is not None:
        worker.env.unwrapped("AI").reply(reply)  # (the emulator, whatever the era hands Worker code)

    async def scenario() -> Any:
        resp = await worker.fetch("/")
        assert resp.status == 200, await resp.text()
        return await resp.json()

    return asyncio.run(scenario())
