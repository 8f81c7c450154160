"""The default, offline embedder: signed feature hashing of words, word pairs and character
trigrams into the model's dimension. **It is not the real model.**

Why this shape: a test of a retrieval Worker needs texts that share words to be clearly
closer than texts that share none, identically in every process, on every machine and every
supported Python (text is read with Python 3.11's Unicode 14.0 on all of them: ai/unicode14.py).
So: case folding and NFKC normalisation, words split on ``\\w+``, a light plural strip
(``cats`` -> ``cat``), common English function words weighted down; every feature hashed with
BLAKE2b (never Python's salted ``hash()``), mixed with a per-model salt and folded into the
dimension with a sign; rows summed in a fixed order and L2-normalised. Synonyms and
paraphrases share no features, so rankings that hinge on them differ from production.

Components are whole multiples of ``2**-15``; one that no feature reaches is ``+-2**-15`` (a
fixed sign per column), never ``0``, so vectors are dense like a real model's and every
component reaches Python as a ``float``.

Speed: each distinct word's features are hashed once per process and kept (a batch's new
words get their ids together and are hashed together: many of them -- a process's first
batches -- with their trigrams cut, sorted and made distinct in numpy, each trigram hashed once
per process); an ASCII batch finds its words' ids by their bytes in a numpy hash
table in front of that dictionary, without a Python string per word; a batch is then a few
numpy gathers, one cumulative sum and one pass adding each cell's values (into working arrays
kept per thread: fresh memory costs a page fault per 4 KB), and the binding turns
:func:`embed_indices` into Python numbers with one gather.
``benchmarks/run.py --only ai`` holds it to the cost of upserting the same vectors into
Vectorize.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from hashlib import blake2b

import numpy as np

from workers_env.ai.unicode14 import as_unicode_14

__all__ = ["INDEX_LEVELS", "LEVELS", "STOPWORDS", "approx_tokens", "embed_indices", "embed_levels", "embed_rows",
           "embed_texts"]

#: from this many new words in a batch on, their features are made vectorised
_VECTORISE_FROM = 64
_SEP = "\x00"
_SEP_ID = -1
#: ASCII text (as bytes): every character outside \w but the separator becomes a space, and
#: upper case becomes lower case (``str.casefold`` of ASCII), in one ``bytes.translate``
_NOT_WORD = bytes(c for c in range(1, 128) if not re.fullmatch(r"\w", chr(c)))
_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_SPLIT = bytes.maketrans(_NOT_WORD + _UPPER, b" " * len(_NOT_WORD) + _UPPER.lower())
_JOIN = f" {_SEP} "  # the separator stands alone as a token whichever characters surround it
_WORD_OR_SEP = re.compile(r"\w+|\x00")
_TOKEN = re.compile(r"\w+|[^\w\s]")

#: English function words: kept as features, at a fifth of a content word's weight.
STOPWORDS = frozenset(
    [
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any",
        "are", "as", "at", "be", "because", "been", "before", "being", "below", "between",
        "both", "but", "by", "can", "could", "did", "do", "does", "doing", "down", "during",
        "each", "few", "for", "from", "further", "had", "has", "have", "having", "he", "her",
        "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into",
        "is", "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor",
        "not", "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours",
        "ourselves", "out", "over", "own", "same", "she", "should", "so", "some", "such",
        "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up",
        "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom",
        "why", "will", "with", "would", "you", "your", "yours", "yourself", "yourselves", "s",
        "t"
    ]
)

_UNIGRAM, _STOPWORD, _TRIGRAMS, _BIGRAM = 1.0, 0.2, 0.5, 0.5


def _h64_array(prefix: str, items: list[str]) -> np.ndarray:
    """The feature hash of ``prefix + item`` for every item, as ``uint64``: the first 8 bytes of
    its BLAKE2b, little-endian. Each item's hash continues a copy of the prefix's hash state
    (the same digest as hashing ``prefix + item``, with a third less work per item than a new
    ``blake2b``), and all the digests are converted at once (new words come in batches)."""
    copy = blake2b(prefix.encode("utf-8"), digest_size=8).copy
    joined = "\x00".join(items)
    if joined.count("\x00") == len(items) - 1:  # (no item holds a NUL: encoded at once, split there)
        encoded = joined.encode("utf-8").split(b"\x00")
    else:
        encoded = [item.encode("utf-8") for item in items]
    digests: list[bytes] = []
    add = digests.append
    for data in encoded:
        state = copy()
        state.update(data)
        add(state.digest())
    return np.frombuffer(b"".join(digests), dtype="<u8").astype(np.uint64)


def _h64(feature: str) -> int:
    return int(_h64_array("", [feature])[0])


def _normalise(text: str) -> str:
    if not text.isascii():  # read as Python 3.11 reads it on every Python (ai/unicode14.py)
        text = unicodedata.normalize("NFKC", as_unicode_14(text))
    return text.casefold()


def _stem(word: str) -> str:
    """A light plural strip: ``stories`` -> ``story``, ``cats`` -> ``cat`` (not ``glass``)."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def approx_tokens(text: str) -> int:
    """An approximate token count (words and punctuation marks) for usage figures."""
    return len(_TOKEN.findall(as_unicode_14(text)))


_SLICES: dict[int, list[slice]] = {}
_SLICES_KEPT = 64  # word lengths whose slices are kept; a longer token's are made for it alone


def _trigram_slices(length: int) -> list[slice]:
    """The slices that cut a string of ``length`` characters into its trigrams (kept for
    word-sized lengths: building every shorter length too made a 12,000-character token cost
    72 million slices and half a minute)."""
    slices = _SLICES.get(length)
    if slices is None:
        slices = [slice(i, i + 3) for i in range(length - 2)]
        if length <= _SLICES_KEPT:
            _SLICES[length] = slices
    return slices


class _GramWeights(dict):
    """number of distinct trigrams -> the weight of each (``_TRIGRAMS / sqrt(n)``)."""

    def __missing__(self, n: int) -> float:
        w = self[n] = _TRIGRAMS / n**0.5
        return w


_GRAM_WEIGHT = _GramWeights()


class _Growing:
    """A numpy array grown by doubling (appending never copies the whole array each time)."""

    __slots__ = ("data", "size")

    def __init__(self, dtype: type | np.dtype) -> None:
        self.data: np.ndarray = np.zeros(1024, dtype=dtype)
        self.size = 0

    def extend(self, values: list | np.ndarray) -> None:
        end = self.size + len(values)
        if end > len(self.data):
            grown = np.zeros(max(end, 2 * len(self.data)), dtype=self.data.dtype)
            grown[: self.size] = self.data[: self.size]
            self.data = grown
        self.data[self.size : end] = values
        self.size = end

    def view(self) -> np.ndarray:
        return self.data[: self.size]


def _first_of_each(values: np.ndarray) -> np.ndarray:
    """The index of each distinct value's first occurrence, in the order of the values (as
    ``np.unique(values, return_index=True)[1]``)."""
    order = np.argsort(values, kind="stable")
    return order[_firsts(values[order])]


def _firsts(ordered: np.ndarray) -> np.ndarray:
    """Where each run of equal values of a sorted array starts (``np.unique`` without its
    hash table, which costs several times a sort here, and without importing ``numpy.ma``)."""
    first = np.empty(len(ordered), dtype=bool)
    first[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=first[1:])
    return first


class _SortedRuns:
    """A memo of ``uint64`` keys to ``uint64`` values, as sorted runs, each more than twice the
    size of the next (a log-structured merge): new keys make a run of their own, merged with the
    runs not more than twice its size. A key is moved O(log n) times as the memo grows to n keys,
    not once per addition (one sorted array copied whole for every batch of new keys made a
    vocabulary that keeps meeting new trigrams cost more per batch the longer a process ran), and
    a look-up searches O(log n) runs, the largest first."""

    __slots__ = ("runs",)

    def __init__(self) -> None:
        self.runs: list[tuple[np.ndarray, np.ndarray]] = []  # (keys, values), largest first

    def get(self, keys: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(which of ``keys`` are not kept, the value of each kept one -- the others undefined)."""
        values = np.empty(len(keys), dtype=np.uint64)
        todo = np.arange(len(keys))
        for run_keys, run_values in self.runs:
            if not len(todo):
                break
            at = np.searchsorted(run_keys, keys[todo])
            np.minimum(at, len(run_keys) - 1, out=at)
            hit = run_keys[at] == keys[todo]
            values[todo[hit]] = run_values[at[hit]]
            todo = todo[~hit]
        missing = np.zeros(len(keys), dtype=bool)
        missing[todo] = True
        return missing, values

    def add(self, keys: np.ndarray, values: np.ndarray) -> None:
        """Keep ``keys`` (sorted, distinct, none kept yet) and their values."""
        while self.runs and len(self.runs[-1][0]) <= 2 * len(keys):
            run_keys, run_values = self.runs.pop()
            # both sorted and disjoint: each key of the new run goes where searchsorted puts it
            at = np.searchsorted(run_keys, keys) + np.arange(len(keys))
            is_new = np.zeros(len(run_keys) + len(keys), dtype=bool)
            is_new[at] = True
            merged, merged_values = np.empty(len(is_new), dtype=np.uint64), np.empty(len(is_new), dtype=np.uint64)
            merged[at], merged_values[at] = keys, values
            merged[~is_new], merged_values[~is_new] = run_keys, run_values
            keys, values = merged, merged_values
        self.runs.append((keys, values))


class _Vocabulary:
    """Every word seen so far and its hashed features, as flat arrays (CSR by word id).

    A new word gets its id at once and waits in a queue; the next :meth:`arrays` hashes every
    queued word in one pass and appends them to the numpy arrays, so a batch with new words
    costs hashing them, not a rebuild from Python objects.
    """

    def __init__(self) -> None:
        self.ids: dict[str, int] = {_SEP: _SEP_ID}  # token -> word id; the text separator of a batch
        self._queued: list[str] = []
        # per word: unigram hash, unigram weight, first feature, feature count;
        # per feature: hash, weight (a word's unigram first, then its sorted distinct trigrams)
        self._arrays = (_Growing(np.uint64), _Growing(np.float64), _Growing(np.int64), _Growing(np.int64),
                        _Growing(np.uint64), _Growing(np.float64))
        self._words = 0
        self._features = 0
        # character trigram -> its feature hash, kept: two memos of the same function, by the
        # trigram (every trigram hashed so far) for a few new words, and for many by its key
        # (21 bits per code point, sorted; the trigrams met in batches of many new words)
        self._gram_hashes: dict[str, int] = {}
        self._gram_keys = _SortedRuns()
        self._lock = threading.RLock()

    def ids_of(self, tokens: list[str]) -> list[int]:
        """The id of every token; a token not seen yet is given the next id (in the order the
        tokens first appear) and queued: its features are hashed by :meth:`arrays`, with the
        other new words. A few C-level passes over the tokens, however many of them are new."""
        ids = self.ids
        if not all(map(ids.__contains__, tokens)):
            with self._lock:
                fresh = [token for token in dict.fromkeys(tokens) if token not in ids]  # (another thread may have added some)
                ids.update(zip(fresh, range(self._words, self._words + len(fresh))))
                self._words += len(fresh)
                self._queued += fresh
        return list(map(ids.__getitem__, tokens))

    def _hash_queued(self) -> None:
        """Hash the queued words' features (once per process) and append them to the arrays:
        a word's unigram first, then its sorted distinct trigrams. Many new words at once (a
        process's first batches) are done vectorised, a few word by word (where the numpy calls'
        fixed cost would outweigh the words); the two give the same arrays."""
        tokens, self._queued = self._queued, []
        words = list(map(_stem, tokens))
        unigrams = _h64_array("w\x1f", words)
        features = self._features_of_many if len(tokens) >= _VECTORISE_FROM else self._features_of_few
        weights, count, feat_hash, feat_weight = features(tokens, words, unigrams)
        start = count.cumsum() - count
        word_hash, word_weight, feat_start, feat_count, all_hash, all_weight = self._arrays
        word_hash.extend(unigrams)
        word_weight.extend(weights)
        feat_start.extend(start + self._features)
        feat_count.extend(count)
        all_hash.extend(feat_hash)
        all_weight.extend(feat_weight)
        self._features += len(feat_hash)

    def _features_of_few(self, tokens: list[str], words: list[str],
                         unigrams: np.ndarray) -> tuple[np.ndarray, ...]:
        """(word weight, feature count per word, feature hashes, feature weights), word by word."""
        weights: list[float] = []
        counts: list[int] = []
        grams: list[str] = []  # every word's sorted distinct trigrams, one after another
        gram_weights: list[float] = []
        for token, word in zip(tokens, words):
            if token in STOPWORDS or word in STOPWORDS or (len(word) == 1 and not word.isdigit()):
                weights.append(_STOPWORD)
                counts.append(1)
            elif len(word) < 3:
                weights.append(_UNIGRAM)
                counts.append(1)
            else:
                weights.append(_UNIGRAM)
                padded = f"<{word}>"
                mine = sorted(set(map(padded.__getitem__, _trigram_slices(len(padded)))))
                grams += mine
                gram_weights += [_GRAM_WEIGHT[len(mine)]] * len(mine)
                counts.append(1 + len(mine))
        count = np.array(counts, dtype=np.int64)
        start = np.cumsum(count) - count
        total = len(grams) + len(tokens)
        feat_hash = np.empty(total, dtype=np.uint64)
        feat_weight = np.empty(total, dtype=np.float64)
        is_gram = np.ones(total, dtype=bool)
        is_gram[start] = False
        feat_hash[start] = unigrams
        feat_weight[start] = weights
        gram_hashes = self._gram_hashes
        new_grams = [gram for gram in grams if gram not in gram_hashes]
        if new_grams:
            new_grams = list(dict.fromkeys(new_grams))
            gram_hashes.update(zip(new_grams, _h64_array("c\x1f", new_grams).tolist()))
        feat_hash[is_gram] = list(map(gram_hashes.__getitem__, grams))
        feat_weight[is_gram] = gram_weights
        return np.array(weights, dtype=np.float64), count, feat_hash, feat_weight

    def _features_of_many(self, tokens: list[str], words: list[str],
                          unigrams: np.ndarray) -> tuple[np.ndarray, ...]:
        """:meth:`_features_of_few`, vectorised over the words: every word's padded trigrams are
        cut from one array of their code points, keyed by their three code points (21 bits
        each, so the keys sort as the trigram strings do) and made distinct and sorted per word
        by two sorts; only trigrams never met before are hashed, in one pass."""
        n = len(tokens)
        lengths = np.fromiter(map(len, words), dtype=np.intp, count=n)
        stop = np.fromiter(map(STOPWORDS.__contains__, tokens), dtype=bool, count=n)
        stop |= np.fromiter(map(STOPWORDS.__contains__, words), dtype=bool, count=n)
        single = np.flatnonzero(lengths == 1)
        if len(single):  # a lone letter (not a digit) weighs as a function word
            stop[single] |= ~np.fromiter((words[i].isdigit() for i in single.tolist()), dtype=bool, count=len(single))
        weights = np.where(stop, _STOPWORD, _UNIGRAM)
        count = np.ones(n, dtype=np.int64)
        full = np.flatnonzero(~stop & (lengths >= 3))  # the words with trigrams
        if not len(full):
            return weights, count, unigrams, weights
        word_at, gram_hash = self._grams([words[i] for i in full.tolist()], lengths[full])
        per_word = np.bincount(word_at, minlength=len(full))
        count[full] += per_word
        # each trigram of a word with k distinct ones weighs _TRIGRAMS / sqrt(k)
        ks = np.sort(per_word)
        ks = ks[_firsts(ks)]
        gram_weight = np.array([_GRAM_WEIGHT[k] for k in ks.tolist()])[np.searchsorted(ks, per_word[word_at])]
        start = np.cumsum(count) - count
        total = int(start[-1] + count[-1])
        feat_hash = np.empty(total, dtype=np.uint64)
        feat_weight = np.empty(total, dtype=np.float64)
        feat_hash[start] = unigrams
        feat_weight[start] = weights
        is_gram = np.ones(total, dtype=bool)
        is_gram[start] = False
        feat_hash[is_gram] = gram_hash
        feat_weight[is_gram] = gram_weight
        return weights, count, feat_hash, feat_weight

    def _grams(self, words: list[str], lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The distinct trigrams of each of ``words`` (each of 3+ characters, padded ``<word>``),
        sorted per word as strings sort: for each, its word's position in ``words`` and its
        feature hash (kept by the trigram's key, so a trigram is hashed once)."""
        joined = "<" + "><".join(words) + ">"
        if joined.isascii():
            points = np.frombuffer(joined.encode("ascii"), dtype=np.uint8).astype(np.uint64)
        else:
            points = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
        # the key of the trigram starting at every position (those across two words are never used)
        keys = points[:-2] << np.uint64(42)
        keys |= points[1:-1] << np.uint64(21)
        keys |= points[2:]
        # a word of k characters has k trigrams, starting at its "<"
        firsts = np.cumsum(lengths + 2) - (lengths + 2)
        at = np.arange(int(lengths.sum()))
        within = np.cumsum(lengths) - lengths
        at += np.repeat(firsts - within, lengths)
        # the batch's distinct trigrams, sorted (as the strings sort), and which one each is
        keys = keys[at]
        order = np.argsort(keys)
        keys = keys[order]
        first = _firsts(keys)
        distinct = keys[first]
        gram_of = np.empty(len(keys), dtype=np.intp)
        gram_of[order] = np.cumsum(first) - 1
        # (word, trigram) pairs, sorted: per word, its distinct trigrams in order
        pairs = np.repeat(np.arange(len(words)), lengths) * len(distinct) + gram_of
        pairs.sort()
        word_at, gram_at = np.divmod(pairs[_firsts(pairs)], len(distinct))
        new, hashes = self._gram_keys.get(distinct)
        if new.any():  # trigrams never met in a batch this size: hashed once, in one pass
            fresh = distinct[new]
            three = np.empty((len(fresh), 3), dtype="<u4")
            three[:, 0] = fresh >> np.uint64(42)
            three[:, 1] = (fresh >> np.uint64(21)) & np.uint64(0x1FFFFF)
            three[:, 2] = fresh & np.uint64(0x1FFFFF)
            text = three.tobytes().decode("utf-32-le")
            grams = [text[i : i + 3] for i in range(0, len(text), 3)]
            hashes[new] = fresh_hashes = _h64_array("c\x1f", grams)
            self._gram_hashes.update(zip(grams, fresh_hashes.tolist()))  # the word-by-word path's memo too
            self._gram_keys.add(fresh, fresh_hashes)
        return word_at, hashes[gram_at]

    def arrays(self) -> tuple[np.ndarray, ...]:
        """(word_hash, word_weight, feat_start, feat_count, feat_hash, feat_weight), every
        word given an id so far included."""
        with self._lock:
            if self._queued:
                self._hash_queued()
            return tuple(grown.view() for grown in self._arrays)


_VOCABULARY = _Vocabulary()


def _mix(x: np.ndarray) -> np.ndarray:
    """splitmix64's finaliser, on uint64 arrays (wrapping arithmetic, the same everywhere;
    arrays wrap silently, so no ``np.errstate``, whose context costs more than a small batch's
    arithmetic -- only numpy scalars warn, and none is passed here)."""
    x = x + np.uint64(0x9E3779B97F4A7C15)
    x ^= x >> np.uint64(30)
    x *= np.uint64(0xBF58476D1CE4E5B9)
    x ^= x >> np.uint64(27)
    x *= np.uint64(0x94D049BB133111EB)
    x ^= x >> np.uint64(31)
    return x


def _salt(model: str, variant: str) -> np.uint64:
    return np.uint64(_h64(f"m\x1f{model}\x1f{variant}"))


_EMPTY = _h64("e\x1fempty")
#: a word pair's hash: ``hash(left) * _PAIR_PRIME ^ hash(right)``, mixed (FNV-1's 64-bit prime)
_PAIR_PRIME = np.uint64(0x100000001B3)
#: a feature's sign by its hash's lowest bit
_SIGNS = np.array([1.0, -1.0])
#: a feature folded into a model's dimension: its column and its signed weight
_FEATURE = np.dtype([("col", np.int64), ("signed", np.float64)])

#: Vector components are multiples of 2**-15: exact in float32, and few enough distinct values
#: that the binding hands out shared Python floats instead of making 768 new ones per text.
LEVELS = 32768


#: 1.5 * 2**52: a level (|x| <= LEVELS) added to it is rounded to a whole number, which the
#: sum's bits hold as ``_ROUNDER_BITS + level`` (:func:`embed_indices`)
_ROUNDER = 1.5 * 2.0**52
_ROUNDER_BITS = int(np.float64(_ROUNDER).view(np.int64))
#: the bits trick needs indices as wide as a double (``np.intp`` is 32 bits on 32-bit builds)
_ROUND_BY_BITS = np.dtype(np.intp) == np.dtype(np.int64)


class _Projection:
    """The vocabulary's features folded into one model's dimension: column and signed weight."""

    def __init__(self, salt: np.uint64, dimensions: int):
        self.salt = salt
        self.dimensions = dimensions
        self.features = _Growing(_FEATURE)
        self.lock = threading.Lock()
        #: the +-1 level an otherwise zero component takes, per column (never a whole number)
        self.fill = np.where((_mix(np.arange(dimensions, dtype=np.uint64) ^ salt) & np.uint64(1)) == 1, -1, 1).astype(np.intp)
        #: what :func:`embed_indices` adds to a column's level (see :data:`INDEX_LEVELS`)
        self.index_offset = np.where(self.fill == 1, LEVELS, 3 * LEVELS + 1).astype(np.float64)
        #: what :func:`embed_indices` subtracts from the bits of ``level + _ROUNDER``
        self.index_bias = _ROUNDER_BITS - self.index_offset.astype(np.int64)

    def fold(self, hashes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(column, sign) of each hash: its mix's bits above the lowest modulo the dimension, and
        its lowest bit (1: -1.0)."""
        h = _mix(hashes ^ self.salt)
        cols = h >> np.uint64(1)
        cols %= np.uint64(self.dimensions)
        h &= np.uint64(1)
        return cols.view(np.int64), _SIGNS.take(h.view(np.int64))

    def extend(self, feat_hash: np.ndarray, feat_weight: np.ndarray) -> np.ndarray:
        """Every feature of the vocabulary so far as its column and signed weight (:data:`_FEATURE`)."""
        with self.lock:
            done = self.features.size
            if done < len(feat_hash):
                cols, signs = self.fold(feat_hash[done:])
                new = np.empty(len(cols), dtype=_FEATURE)
                new["col"], new["signed"] = cols, signs * feat_weight[done:]
                self.features.extend(new)
            return self.features.view()


_PROJECTIONS: dict[tuple[str, str, int], _Projection] = {}


def _projection(model: str, variant: str, dimensions: int) -> _Projection:
    key = (model, variant, dimensions)
    found = _PROJECTIONS.get(key)
    if found is None:
        found = _PROJECTIONS.setdefault(key, _Projection(_salt(model, variant), dimensions))
    return found


_KEY_BYTES = 16  # ASCII tokens up to this length are looked up by their bytes, in numpy
#: by a token's length (capped at 17: longer than the keys), the masks that keep its bytes of
#: its first and its next 8 bytes (little-endian uint64); a token longer than the keys keeps none
_KEEP_FIRST = np.array([(1 << (8 * min(n, 8))) - 1 for n in range(_KEY_BYTES + 1)] + [0], dtype=np.uint64)
_KEEP_NEXT = np.array([(1 << (8 * max(n - 8, 0))) - 1 for n in range(_KEY_BYTES + 1)] + [0], dtype=np.uint64)
#: odd multipliers of :meth:`_AsciiIds._home` (2**64 / golden ratio, and splitmix64's first)
_HOME_A, _HOME_B = np.uint64(0x9E3779B97F4A7C15), np.uint64(0xBF58476D1CE4E5B9)
#: from this many new words on, the table places them in vectorised rounds (a round costs a few
#: numpy calls, so a few words are cheaper probed one by one)
_PLACE_MANY = 256
_PROBE_REST = 64  # ... and when this few are left, the rest are placed one by one
#: the slots a look-up reads at once after the home slot: one round instead of one per slot
#: for the few tokens not in their home slot (the longest runs are ~10 slots at half full)
_WINDOW = np.arange(16)


class _AsciiIds:
    """A numpy hash table in front of the id dictionary for ASCII tokens of at most 16 bytes,
    keyed exactly by their bytes (two little-endian uint64, zero-padded; a word has no zero
    byte): a batch is looked up without making a Python string per word. Tokens it misses --
    new words, words first met in a non-ASCII text, longer tokens -- go through the dictionary,
    which stays the one authority on ids; the misses are then added here. Linear probing; an
    entry's id is written last, so a reader in another thread sees a whole entry or none."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._count = 0
        self._table = self._empty(1024)  # (first 8 bytes, next 8 bytes, id): swapped whole

    @staticmethod
    def _empty(size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        return np.zeros(size, np.uint64), np.zeros(size, np.uint64), np.full(size, -1, np.intp)

    @staticmethod
    def _home(k1: np.ndarray, k2: np.ndarray, mask: int) -> np.ndarray:
        """Each key's home slot in a table of ``mask + 1`` slots (a power of 2): the top bits of
        ``k1 * A ^ k2 * B`` (multiplicative hashing: every key bit reaches them; four numpy calls
        where a full mix took thirteen, and the slots stay as spread)."""
        mixed = k1 * _HOME_A  # (arrays wrap silently: no np.errstate, as in _mix)
        mixed ^= k2 * _HOME_B
        mixed >>= np.uint64(64 - mask.bit_length())
        return mixed.view(np.intp)

    def lookup(self, raw: bytes) -> np.ndarray:
        """The id of every token of ``raw`` (translated ASCII: words, spaces, ``\\x00``)."""
        in_token = np.frombuffer(b" " + raw + b" ", dtype=np.uint8) != 32  # padded: every token has two edges
        bounds = (in_token[1:] != in_token[:-1]).nonzero()[0]  # start, end, start, end, ...
        starts = bounds[0::2]
        lengths = bounds[1::2] - starts
        out = np.full(len(starts), _SEP_ID, dtype=np.intp)  # the separators' id; every other token's is written
        if not len(starts):
            return out
        # each token's first and next 8 bytes: unaligned 8-byte reads at byte offsets (a uint64
        # view of the bytes with a 1-byte stride, copied once: two takes from the copy cost less
        # than two bounds-checked gathers from the view), the bytes past the token masked off --
        # and all of them for a token longer than the keys, which leaves it (0, 0) as the separator
        words = np.ascontiguousarray(np.ndarray((len(raw) + 9,), dtype="<u8", buffer=raw + bytes(16), strides=(1,)))
        capped = np.minimum(lengths, _KEY_BYTES + 1)
        k1 = words.take(starts, mode="wrap")
        k1 &= _KEEP_FIRST.take(capped)
        todo = k1.nonzero()[0]  # (the separator's first byte is 0)
        want_k1 = k1.take(todo)
        want_k2 = words.take(starts.take(todo) + 8, mode="wrap")
        want_k2 &= _KEEP_NEXT.take(capped.take(todo))
        missed = [(lengths > _KEY_BYTES).nonzero()[0]]
        table_k1, table_k2, table_ids = self._table
        mask = len(table_ids) - 1
        # (take, not [], for the gathers: no per-index bounds check, every slot is in range)
        slot = self._home(want_k1, want_k2, mask)
        found = table_ids.take(slot, mode="wrap")  # the id before the keys: an entry's keys are written first
        hit = table_k1.take(slot, mode="wrap") == want_k1
        hit &= table_k2.take(slot, mode="wrap") == want_k2
        hit &= found >= 0
        out[todo] = found  # most tokens sit in their home slot; the others are written again below
        rest = (~hit).nonzero()[0]
        if len(rest):  # the few others probe a window at once, from the slot after home
            todo, slot, want_k1, want_k2 = todo.take(rest), (slot.take(rest) + 1) & mask, want_k1.take(rest), want_k2.take(rest)
        else:
            todo = rest
        while len(todo):
            at = (slot[:, None] + _WINDOW) & mask
            found = table_ids.take(at, mode="wrap")
            hit = (table_k1.take(at, mode="wrap") == want_k1[:, None]) & (table_k2.take(at, mode="wrap") == want_k2[:, None])
            hit &= found >= 0
            empty = found < 0
            first = (hit | empty).argmax(axis=1)  # each token's first slot that holds it or is empty decides
            found, hit, empty = (a[np.arange(len(todo)), first] for a in (found, hit, empty))
            out[todo[hit]] = found[hit]
            missed.append(todo[empty])
            more = ~(hit | empty)
            todo, slot, want_k1, want_k2 = todo[more], (slot[more] + len(_WINDOW)) & mask, want_k1[more], want_k2[more]
        missed_at = np.concatenate(missed)
        if len(missed_at):
            # the missed tokens' bytes, each with the space after it, gathered into one string and
            # split there: no Python slice per token
            with_space = lengths[missed_at] + 1
            ends = with_space.cumsum()
            at = np.arange(int(ends[-1]))
            at += np.repeat(starts[missed_at] - (ends - with_space), with_space)
            spaced = np.frombuffer(raw + b" ", dtype=np.uint8)[at].tobytes().decode("ascii")
            out[missed_at] = _VOCABULARY.ids_of(spaced.split(" ")[:-1])
            short = missed_at[lengths[missed_at] <= _KEY_BYTES]
            if len(short):
                self._add(k1[short], words.take(starts[short] + 8, mode="wrap") & _KEEP_NEXT.take(lengths[short]),
                          out[short])
        return out

    def _add(self, k1: np.ndarray, k2: np.ndarray, wids: np.ndarray) -> None:
        with self._lock:
            table_k1, table_k2, table_ids = self._table
            if 2 * (self._count + len(wids)) > len(table_ids):
                size = len(table_ids)
                while 2 * (self._count + len(wids)) > size:
                    size *= 2
                old = table_ids >= 0
                self._count = 0
                grown = self._empty(size)
                self._place(*grown, table_k1[old], table_k2[old], table_ids[old])
                table_k1, table_k2, table_ids = grown
            if len(wids) >= _PLACE_MANY:
                once = _first_of_each(wids)  # a word missed twice in one batch: one entry
                self._place(table_k1, table_k2, table_ids, k1[once], k2[once], wids[once])
            else:  # a few new words (the common case once a vocabulary is known): probe one by one
                homes = self._home(k1, k2, len(table_ids) - 1)
                self._probe_each(table_k1, table_k2, table_ids, k1, k2, wids, homes)
            self._table = (table_k1, table_k2, table_ids)

    def _probe_each(self, table_k1: np.ndarray, table_k2: np.ndarray, table_ids: np.ndarray,
                    k1: np.ndarray, k2: np.ndarray, wids: np.ndarray, slots: np.ndarray) -> None:
        """Insert keys one by one, each probing on from its slot (a key already there is left)."""
        mask = len(table_ids) - 1
        for a, b, wid, slot in zip(k1.tolist(), k2.tolist(), wids.tolist(), slots.tolist()):
            while table_ids[slot] >= 0 and not (table_k1[slot] == a and table_k2[slot] == b):
                slot = (slot + 1) & mask
            if table_ids[slot] < 0:
                table_k1[slot], table_k2[slot] = a, b
                table_ids[slot] = wid  # last: the entry is whole once its id is there
                self._count += 1

    def _place(self, table_k1: np.ndarray, table_k2: np.ndarray, table_ids: np.ndarray,
               k1: np.ndarray, k2: np.ndarray, wids: np.ndarray) -> None:
        """Insert distinct keys, vectorised. Each round a key whose slot already holds it is done
        (another thread added it), the first claimant of every free slot takes it, and the others
        move one slot on; the last few keys (a round costs the same for few) go one by one. Keys,
        then ids, are written: an entry is whole once its id is there."""
        mask = len(table_ids) - 1
        slot = self._home(k1, k2, mask)
        todo = np.arange(len(wids))
        while len(todo):
            if len(todo) <= _PROBE_REST:
                self._probe_each(table_k1, table_k2, table_ids, k1[todo], k2[todo], wids[todo], slot)
                break
            free = table_ids[slot] < 0
            placed = ~free & (table_k1[slot] == k1[todo]) & (table_k2[slot] == k2[todo])
            claims = slot[free]
            first = _first_of_each(claims)
            taken = claims[first]
            winners = todo[free][first]
            table_k1[taken], table_k2[taken] = k1[winners], k2[winners]
            table_ids[taken] = wids[winners]
            placed[np.flatnonzero(free)[first]] = True
            todo, slot = todo[~placed], (slot[~placed] + 1) & mask
            self._count += len(winners)


_ASCII_IDS = _AsciiIds()


def _token_ids(texts: list[str]) -> np.ndarray:
    """The word id of every token of every text, ``_SEP_ID`` between texts."""
    joined = _JOIN.join(texts)
    if joined.isascii():  # the common case: bytes.translate, then a numpy look-up of the bytes
        raw = joined.encode("ascii").translate(_ASCII_SPLIT)  # (the separator's \x00 is kept)
        if np.count_nonzero(np.frombuffer(raw, dtype=np.uint8) == 0) != len(texts) - 1:  # (str.count: 4x slower)
            raw = _JOIN.join(t.replace(_SEP, " ") for t in texts).encode("ascii").translate(_ASCII_SPLIT)
        return _ASCII_IDS.lookup(raw)
    if joined.count(_SEP) != len(texts) - 1:  # a text holding the separator itself
        joined = _JOIN.join(t.replace(_SEP, " ") for t in texts)
    tokens = _WORD_OR_SEP.findall(_normalise(joined))
    return np.array(_VOCABULARY.ids_of(tokens), dtype=np.intp)


class _Scratch(threading.local):
    """Each thread's working arrays, kept between batches."""

    def __init__(self) -> None:
        self.arrays: dict[str, np.ndarray] = {}


_SCRATCH = _Scratch()
_SCRATCH_KEPT = 1 << 20  # elements: a longer working array is made for its batch alone


def _scratch(name: str, size: int, dtype: type | np.dtype) -> np.ndarray:
    """This thread's working array ``name`` of ``size`` elements (contents undefined), reused from
    batch to batch: memory a batch frees may go back to the system, and touching fresh memory
    again costs a page fault per 4 KB (in a process with a small heap, a quarter of a batch's
    time, measured)."""
    kept = _SCRATCH.arrays.get(name)
    if kept is None or len(kept) < size:
        if size > _SCRATCH_KEPT:
            return np.empty(size, dtype=dtype)
        kept = _SCRATCH.arrays[name] = np.empty(size + size // 4, dtype=dtype)  # room for the next batch
    return kept[:size]


#: numpy 1.25 made ``ufunc.at`` a plain loop (before, it cost many times ``np.bincount``)
_FAST_ADD_AT = np.lib.NumpyVersion(np.__version__) >= "1.25.0"


def _sums(cells: np.ndarray, values: np.ndarray, size: int) -> np.ndarray:
    """``np.bincount(cells, weights=values, minlength=size)``: each cell's values added in
    order, from 0. With a fast ``np.add.at``, the same additions into this thread's working
    array instead of fresh memory."""
    if not _FAST_ADD_AT:
        return np.bincount(cells, weights=values, minlength=size)
    sums = _scratch("sums", size, np.float64)
    sums.view(np.uint8).fill(0)  # +0.0 is all zero bytes: a memset (fill(0.0) copies 8 bytes at a time)
    np.add.at(sums, cells, values)
    return sums


def _scaled(texts: list[str], dimensions: int, *, model: str, variant: str = "",
            max_words: int | None = None) -> tuple[np.ndarray, _Projection]:
    """Every text's levels before rounding (float64, each row's L2 norm ``LEVELS``; 0 where no
    feature reaches) and the projection. The levels are this thread's working array: read them
    before its next batch."""
    n = len(texts)
    projection = _projection(model, variant, dimensions)
    if n == 0:
        return np.zeros((0, dimensions)), projection
    every = _token_ids(texts)
    word_hash, word_weight, feat_start, feat_count, feat_hash, feat_weight = _VOCABULARY.arrays()
    if n > 1:
        is_sep = every == _SEP_ID
        kept = ~is_sep
        tid = every[kept]
        row = is_sep.cumsum()[kept]
    else:
        tid = every
        row = np.zeros(len(every), dtype=np.intp)
    lengths = np.bincount(row, minlength=n)
    if max_words is not None and len(tid) and int(lengths.max()) > max_words:
        first = lengths.cumsum() - lengths
        keep = np.arange(len(tid)) - np.repeat(first, lengths) < max_words
        tid, row = tid[keep], row[keep]
        lengths = np.bincount(row, minlength=n)

    features = projection.extend(feat_hash, feat_weight)
    # every feature of every word, then every word pair, then the empty texts' one feature: the
    # order the sums below take (kept, so every vector stays bit-identical)
    counts = feat_count.take(tid, mode="wrap")  # (take: no per-index bounds check; every id is in range)
    ends = counts.cumsum()
    total = int(ends[-1]) if len(ends) else 0
    same = row[1:] == row[:-1]  # word pairs within a text
    pairs = int(np.count_nonzero(same))
    empty = (lengths == 0).nonzero()[0]
    # each cell and value beside the other: one gather of 16-byte records costs a third of two
    # gathers of 8 bytes, more than the strided reads below give back
    cell_values = _scratch("cell values", total + pairs + len(empty), _FEATURE)
    cells, values = cell_values["col"], cell_values["signed"]
    if total:
        # the features' offsets, one cumulative sum: +1 within a word, a jump between words
        offsets = _scratch("offsets", total, np.intp)
        offsets.fill(1)
        starts = feat_start.take(tid, mode="wrap")
        offsets[0] = starts[0]
        offsets[ends[:-1]] = starts[1:] - (starts[:-1] + counts[:-1]) + 1
        offsets.cumsum(out=offsets)
        features.take(offsets, out=cell_values[:total], mode="wrap")  # (in range: no wrapping happens)
        text_ends = lengths.cumsum()  # in words; then in features
        text_ends = np.where(text_ends > 0, ends[text_ends - 1], 0)
        per_text = text_ends.copy()  # np.diff(text_ends, prepend=0), without its Python-level set-up
        per_text[1:] -= text_ends[:-1]
        cells[:total] += np.repeat(np.arange(0, n * dimensions, dimensions), per_text)
    if pairs:
        left, right = tid[:-1][same], tid[1:][same]
        pair = word_hash.take(left, mode="wrap")
        pair *= _PAIR_PRIME  # (arrays wrap around silently; only numpy scalars warn)
        pair ^= word_hash.take(right, mode="wrap")
        cols, signs = projection.fold(_mix(pair))
        np.add(cols, row[1:][same] * dimensions, out=cells[total : total + pairs])
        signs *= _BIGRAM
        np.multiply(signs, np.minimum(word_weight.take(left, mode="wrap"), word_weight.take(right, mode="wrap")),
                    out=values[total : total + pairs])
    if len(empty):  # an empty text still gets a unit vector, the same for every empty text
        cols, signs = projection.fold(np.full(len(empty), _EMPTY, dtype=np.uint64))
        cells[total + pairs :] = empty * dimensions + cols
        values[total + pairs :] = signs

    matrix = _sums(cells, values, n * dimensions).reshape(n, dimensions)  # float64
    norms = np.sqrt(np.einsum("ij,ij->i", matrix, matrix))
    norms[norms == 0] = LEVELS  # features cancelling out exactly: leave the zero row
    # v / (norm / LEVELS) is exactly round-to-nearest of v * LEVELS / norm (LEVELS is a power of 2)
    matrix /= (norms / LEVELS)[:, None]
    return matrix, projection


def _rounded(texts: list[str], dimensions: int, *, model: str, variant: str = "",
             max_words: int | None = None) -> tuple[np.ndarray, _Projection]:
    """:func:`_scaled`, rounded to whole levels (``np.rint``: to nearest, ties to even)."""
    scaled, projection = _scaled(texts, dimensions, model=model, variant=variant, max_words=max_words)
    return np.rint(scaled, out=scaled), projection


def embed_rows(texts: list[str], dimensions: int, *, model: str, variant: str = "",
               max_words: int | None = None) -> np.ndarray:
    """:func:`embed_levels` as ``np.intp``."""
    rounded, projection = _rounded(texts, dimensions, model=model, variant=variant, max_words=max_words)
    levels = rounded.astype(np.intp)
    # real embeddings are dense: an untouched component is +-1 level, not 0
    np.putmask(levels, levels == 0, projection.fill)  # fill repeats along each row: column-wise
    return levels


#: The level each index of :func:`embed_indices` stands for: ``level + LEVELS`` in a column whose
#: fill is +1, ``level + 3 * LEVELS + 1`` in one whose fill is -1, where level 0 stands for the
#: fill. So a gather from a table of numbers needs no separate pass to fill the zeros.
INDEX_LEVELS = np.concatenate([np.arange(-LEVELS, LEVELS + 1), np.arange(-LEVELS, LEVELS + 1)])
INDEX_LEVELS[LEVELS] = 1
INDEX_LEVELS[3 * LEVELS + 1] = -1


def embed_indices(texts: list[str], dimensions: int, *, model: str, variant: str = "",
                  max_words: int | None = None) -> np.ndarray:
    """:func:`embed_levels` as indices into :data:`INDEX_LEVELS` (``np.intp``): the binding's
    fast path, one gather from its table of shared Python numbers per batch."""
    scaled, projection = _scaled(texts, dimensions, model=model, variant=variant, max_words=max_words)
    return _indices(scaled, projection)


def _indices(scaled: np.ndarray, projection: _Projection) -> np.ndarray:
    """``(np.rint(scaled) + projection.index_offset).astype(np.intp)``, in a new array. Where
    ``np.intp`` is 64 bits: x + 1.5 * 2**52 lands in [2**52, 2**53), where doubles are the whole
    numbers, so the addition rounds x as np.rint does (to nearest, ties to even: 1.5 * 2**52 is
    even) and the sum's bits are those of 1.5 * 2**52 plus the rounded x -- one pass and an
    integer subtraction instead of rint, the offset's addition and a float-to-int conversion."""
    if not _ROUND_BY_BITS:
        return (np.rint(scaled) + projection.index_offset).astype(np.intp)
    indices = np.add(scaled, _ROUNDER, out=np.empty(scaled.shape)).view(np.int64)
    indices -= projection.index_bias
    return indices


def embed_levels(texts: list[str], dimensions: int, *, model: str, variant: str = "",
                 max_words: int | None = None) -> np.ndarray:
    """Unit-length rows ``(len(texts), dimensions)`` as whole multiples of ``1/LEVELS`` (int32).

    ``model`` and ``variant`` (the pooling) salt the hashes, so two models -- or mean and cls
    pooling -- give unrelated vectors, as they do in production. ``max_words`` keeps only the
    first words of a long text (the model's input window, counting a word as a token).
    """
    return embed_rows(texts, dimensions, model=model, variant=variant, max_words=max_words).astype(np.int32)


def embed_texts(texts: list[str], dimensions: int, *, model: str, variant: str = "",
                max_words: int | None = None) -> np.ndarray:
    """:func:`embed_levels` as float32 vectors (exact: every level is a float32)."""
    levels = embed_levels(texts, dimensions, model=model, variant=variant, max_words=max_words)
    return levels.astype(np.float32) / np.float32(LEVELS)
