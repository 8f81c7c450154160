"""The default embedder: identical vectors in every process (no salted ``hash()``), pinned by a
golden digest across Python versions, and the fast numpy path equal to a slow pure-Python
reference of the same algorithm."""

from __future__ import annotations

import hashlib
import itertools
import math
import os
import re
import subprocess
import sys
import unicodedata

import numpy as np
import pytest

from workers_env.ai.embedder import LEVELS, STOPWORDS, embed_levels

TEXTS = [
    "The cat sat on the mat.",
    "Dogs run in the park; cats don't!",
    "Straße, CAFÉ and ｆｕｌｌｗｉｄｔｈ letters",  # NFKC + case folding
    "",
    "stories glasses bus is",
    "数字 123 and 日本語のテキスト",
    "a " * 30 + "long tail of words " * 40,
]

_PROGRAM = (
    "import hashlib, sys; sys.path.insert(0, sys.argv[1]);"
    "from workers_env.ai.embedder import embed_levels;"
    "texts = {texts!r};"
    "print(hashlib.sha256(embed_levels(texts, 384, model='@cf/baai/bge-small-en-v1.5', variant='mean', "
    "max_words=512).tobytes()).hexdigest())"
)

#: sha256 of the int32 levels of TEXTS with bge-small's salt: pinned, so a change of Python,
#: numpy or platform that alters a single component fails here
GOLDEN = "eb2e484f984c8170acc9259cddd60182a033051d1519c6e5bb3aed336122c903"


def _digest() -> str:
    levels = embed_levels(TEXTS, 384, model="@cf/baai/bge-small-en-v1.5", variant="mean", max_words=512)
    return hashlib.sha256(levels.tobytes()).hexdigest()


def test_identical_in_other_processes_with_other_hash_seeds():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    digests = set()
    for seed in ("0", "1", "12345"):
        out = subprocess.run(
            [sys.executable, "-c", _PROGRAM.format(texts=TEXTS), root],
            env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, check=True,
        )
        digests.add(out.stdout.strip())
    assert digests == {_digest()}


def test_golden_digest():
    assert _digest() == GOLDEN


def test_a_text_embeds_the_same_alone_and_in_any_batch():
    batch = embed_levels(TEXTS, 768, model="m")
    for i, text in enumerate(TEXTS):
        assert (embed_levels([text], 768, model="m")[0] == batch[i]).all()
    assert (embed_levels(TEXTS[::-1], 768, model="m")[::-1] == batch).all()


# -- a slow, obviously-correct reference of the same algorithm ---------------------------------
M64 = (1 << 64) - 1


def _h(feature: str) -> int:
    return int.from_bytes(hashlib.blake2b(feature.encode(), digest_size=8).digest(), "little")


def _mix(x: int) -> int:
    x = (x + 0x9E3779B97F4A7C15) & M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & M64
    return x ^ (x >> 31)


def _stem(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def reference(text: str, d: int, model: str, variant: str = "", max_words: int | None = None) -> list[int]:
    words = re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())[:max_words]
    features: list[tuple[int, float]] = []
    unigrams: list[tuple[int, float]] = []
    for token in words:
        word = _stem(token)
        stop = token in STOPWORDS or word in STOPWORDS or (len(word) == 1 and not word.isdigit())
        unigram = (_h("w\x1f" + word), 0.2 if stop else 1.0)
        unigrams.append(unigram)
        features.append(unigram)
        if not stop and len(word) >= 3:
            grams = sorted({f"<{word}>"[i : i + 3] for i in range(len(word))})
            features.extend((_h("c\x1f" + g), 0.5 / math.sqrt(len(grams))) for g in grams)
    for (a, wa), (b, wb) in itertools.pairwise(unigrams):
        features.append((_mix(((a * 0x100000001B3) & M64) ^ b), 0.5 * min(wa, wb)))
    if not words:
        features.append((_h("e\x1fempty"), 1.0))
    salt = _h(f"m\x1f{model}\x1f{variant}")
    acc = [0.0] * d
    for h, w in features:
        x = _mix(h ^ salt)
        acc[(x >> 1) % d] += -w if x & 1 else w
    norm = math.sqrt(math.fsum(v * v for v in acc)) or 1.0
    levels = [round(v * LEVELS / norm) for v in acc]
    fill = [-1 if _mix(c ^ salt) & 1 else 1 for c in range(d)]
    return [level or fill[c] for c, level in enumerate(levels)]


@pytest.mark.parametrize("d", [384, 1024])
def test_the_numpy_path_matches_the_reference(d):
    fast = embed_levels(TEXTS, d, model="@cf/x", variant="cls", max_words=50)
    for i, text in enumerate(TEXTS):
        slow = np.array(reference(text, d, "@cf/x", "cls", max_words=50))
        assert fast[i].tolist() == slow.tolist(), text


def test_rows_are_unit_length_multiples_of_the_level():
    levels = embed_levels(TEXTS, 768, model="m")
    assert levels.dtype == np.int32
    norms = np.linalg.norm(levels.astype(np.float64) / LEVELS, axis=1)
    assert np.allclose(norms, 1.0, atol=1e-4)
