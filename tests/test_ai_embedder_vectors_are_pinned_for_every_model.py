"""The offline embedder's vectors for every text embedding model, as tools/pythons/embed_digests.py
prints them (run as a user runs it, in a process of its own), against digests pinned here: the
same floats on every Python, numpy and platform, so tools/pythons/run_suite.sh checks each
interpreter against the same values (texts with accents, CJK, emoji, letters newer than Python
3.11's Unicode, punctuation only, one past the models' word limits). The tool digests every
text embedding model of the catalog, so a model added there fails this test until pinned."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

#: one line per model: its name and the sha256 of its vectors' floats written as JSON
PINNED = [
    "@cf/baai/bge-small-en-v1.5 ce697d0208b2c85c392d71c442641d5d33b493397f70e3472d11f3ac6b638f23",
    "@cf/baai/bge-base-en-v1.5 335d521de3ded0a372a0b34cb722e100c4771c97ec98d673476a637a32606494",
    "@cf/baai/bge-large-en-v1.5 e5a5b613cc81a631a71605667774bb6858132bfcae977acbf717c601ed2692c2",
    "@cf/baai/bge-m3 ae888031a3d163731e61dc34e7145332dcb0ab453ba51854001be1004987c419",
    "@cf/google/embeddinggemma-300m 6a20ff6d26de5d381dfd07fb7892bbb4acd2022d22d07560b885725c725a7056",
    "@cf/qwen/qwen3-embedding-0.6b 32fef2529d1e07584eb980e9f850da84cf098e4f8109a630c3677fba621f0ec4",
    "@cf/pfnet/plamo-embedding-1b 4a557436700a64abf0e160040652cb8a7a7660761d99f11ba8ed80d69ff9c0c0",
    "@cf/baai/omni-bge-base-en-v1.5 a1e4f818901a7d8f57b2096325fd785d9906ff2a968659d84b91f5fb8787eb80",
]


def test_every_models_vectors_are_the_pinned_ones():
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "pythons" / "embed_digests.py")], capture_output=True,
                          text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == PINNED
