"""The offline embedder's vectors under this interpreter, as one sha256 per model.

Run it with each Python (``tools/pythons/run_suite.sh --embed`` does) and compare the lines:
they must be identical on every supported Python, numpy and platform, since a test suite's
vector search results follow from the exact floats (README, "Workers AI"). The texts mix
ASCII, accents, full-width letters, CJK, emoji, letters Unicode assigned after Python 3.11's
Unicode 14.0, punctuation only, an empty-looking text and one past the models' word limits; every text embedding model of the catalog embeds them
through the public API (``env.AI.run``), and the floats it answers are hashed as JSON.

Usage: python3 tools/pythons/embed_digests.py   (with workers-env importable)
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import sys
import tempfile
from pathlib import Path

from workers_env import load_env
from workers_env.ai.catalog import EMBEDDING_MODELS

TEXTS = [
    "The cat sat on the mat.",
    "Dogs run in the park; cats don't!",
    "Straße, CAFÉ and ｆｕｌｌｗｉｄｔｈ letters — “quoted” ‘text’…",
    "数字 123 and 日本語のテキスト, 한국어 텍스트, Ελληνικά, русский, עברית, العربية",
    "emoji 🐍🚀 and ligatures ﬁ ﬂ, superscript x² and circled ①",
    "!!! ??? ... ;;; --- ((( )))",
    " ",
    "stories glasses bus is running ran runs",
    "letters Unicode assigned after 14.0: \U00031350\U00031351 \U0002ebf0x \U0001e4d0\U0001e4d1 words",
    "a " * 30 + "long tail of words, " * 400,  # past bge's 512 tokens
]

#: inputs beyond ``text`` for some models (the others embed with their defaults)
OPTIONS = {"@cf/baai/bge-base-en-v1.5": {"pooling": "cls"}}
#: every text embedding model of the catalog, in its order (one added there is digested too)
MODELS = [(name, OPTIONS.get(name, {})) for name in EMBEDDING_MODELS]

WRANGLER = """\
name = "embed-digests"
main = "src/entry.py"
compatibility_date = "2026-03-01"
compatibility_flags = ["python_workers"]

[ai]
binding = "AI"
"""


async def _digests(env: object) -> list[str]:
    lines = []
    for model, options in MODELS:
        result = await env.AI.run(model, {"text": TEXTS, **options})  # type: ignore[attr-defined]
        answer = result.to_py() if hasattr(result, "to_py") else result  # a JsProxy in the Worker eras that give one
        data = answer["data"]
        floats = json.dumps(data, separators=(",", ":"))  # repr of each float: exact
        lines.append(f"{model} {hashlib.sha256(floats.encode()).hexdigest()}")
    return lines


def main() -> int:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "wrangler.toml").write_text(WRANGLER)
        env = load_env(folder)
        for line in asyncio.run(_digests(env)):
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
