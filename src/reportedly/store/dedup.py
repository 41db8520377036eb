"""Exact and near-duplicate detection: content hashes and MinHash over word shingles.

The same wire story in two outlets differs by a headline, a byline or a paragraph: its
five-word shingles overlap almost wholly. A MinHash signature of 64 values estimates the
Jaccard similarity of two shingle sets; 16 bands of 4 values find the candidates (a pair
at similarity 0.8 shares a band with probability 0.9996) without comparing every pair.

The store keeps the hashes and signatures and looks up near-duplicates among them, so they
live with it; ingest computes them for each new article.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

SIGNATURE_SIZE = 64
BANDS = 16
ROWS = SIGNATURE_SIZE // BANDS
SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.8
_PRIME = (1 << 32) - 5
_RANDOM = np.random.default_rng(20241226)
# a < 2**31 and hashes < 2**32 keep a * h + b inside 64 bits.
_A = _RANDOM.integers(1, 1 << 31, SIGNATURE_SIZE, dtype=np.uint64)
_B = _RANDOM.integers(0, 1 << 32, SIGNATURE_SIZE, dtype=np.uint64)
_WORD = re.compile(r"\w+")


def content_hash(text: str) -> str:
    """The hash of a text with its whitespace normalised (a re-wrapped copy is the same text)."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text's word shingles (uint32 values)."""
    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i : i + SHINGLE_WORDS]) for i in range(max(1, len(words) - SHINGLE_WORDS + 1))}
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode(), digest_size=4).digest(), "little") for s in shingles),
        dtype=np.uint64,
        count=len(shingles),
    )
    values = (_A[:, None] * hashes[None, :] + _B[:, None]) % _PRIME
    return values.min(axis=1).astype(np.uint32)


def band_buckets(sig: np.ndarray) -> list[int]:
    """One bucket per band: texts that share a bucket are near-duplicate candidates."""
    return [
        int.from_bytes(
            hashlib.blake2b(sig[band * ROWS : (band + 1) * ROWS].tobytes(), digest_size=7).digest()
        )
        for band in range(BANDS)
    ]


def similarity(first: np.ndarray, second: np.ndarray) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return float(np.mean(first == second))
