"""MinHash of article bodies: shingles, one-permutation signatures, LSH band keys, estimates."""

from __future__ import annotations

import hashlib
import operator
import zlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from itertools import repeat

from newscrawler.text.normalize import paragraph_key

_M64 = (1 << 64) - 1
# Odd 64-bit constants (splitmix64's): multiplying spreads every input bit into the top bits.
_MIX1 = 0xBF58476D1CE4E5B9
_MIX2 = 0x94D049BB133111EB
# Part of what a stored signature means: change it and old signatures no longer compare.
HASH_VERSION = "oph-crc32mix-v1"


@dataclass(frozen=True)
class MinHashParams:
    """How bodies become signatures and band keys; a store refuses to mix two of these."""

    shingle: int = 6  # words per shingle
    # Signature length (a power of two: bins are taken by bit mask). 128 with 42 bands of 3 rows
    # scores as 256 with 85 on the fixtures and at 100k items, for half the index and CPU.
    num_perm: int = 128
    bands: int = 42
    rows: int = 3  # bands * rows <= num_perm; the other positions only refine the estimate

    def __post_init__(self) -> None:
        if self.num_perm & (self.num_perm - 1) or self.bands * self.rows > self.num_perm:
            raise ValueError(f"need num_perm a power of two and bands*rows <= num_perm: {self}")

    def describe(self) -> str:
        return f"{HASH_VERSION} k={self.shingle} n={self.num_perm} b={self.bands} r={self.rows}"


DEFAULT_PARAMS = MinHashParams()


def body_words(body: Iterable[str]) -> list[bytes]:
    """Casefolded words of all paragraphs (punctuation and paragraph breaks ignored)."""
    keys = (paragraph_key(block) for block in body)
    # A block without any word has its punctuation as key ("..."): that is not a word.
    return b" ".join(key.encode() for key in keys if key[:1].isalnum() or key[:1] == "_").split()


def shingle_hashes(words: Sequence[bytes], size: int) -> list[int]:
    """64-bit hashes of the distinct `size`-word shingles (all words if there are fewer)."""
    if not words:
        return []
    columns = [words[i:] for i in range(min(size, len(words)))]
    crcs = set(map(zlib.crc32, map(b" ".join, zip(*columns, strict=False))))
    # crc32 runs in C but is linear; a multiply spreads every bit upwards and the xor-shift
    # brings high bits back down, so the bin (low bits) and the rank (high bits) both use all.
    return [(h := (crc * _MIX1) & _M64) ^ (h >> 32) for crc in crcs]


def signature(body: Iterable[str], params: MinHashParams = DEFAULT_PARAMS) -> array[int]:
    """One-permutation MinHash of a body's shingles; empty when the body has no word.

    Each shingle hash falls into one of `num_perm` bins by its low bits and every bin keeps its
    smallest hash's top 32 bits: one hash per shingle instead of `num_perm` (Li, Owen & Zhang
    2012). Empty bins borrow a value from a pseudo-random non-empty bin chosen the same way in
    every document (optimal densification, Shrivastava 2017), so P(equal bin) stays the Jaccard.
    """
    hashes = shingle_hashes(body_words(body), params.shingle)
    if not hashes:
        return array("I")
    num_perm = params.num_perm
    # Descending order, later writes win: each bin ends with its minimum, all in C loops.
    hashes.sort(reverse=True)
    tops = map(operator.rshift, hashes, repeat(32))
    bins = dict(zip(map(operator.and_, hashes, repeat(num_perm - 1)), tops, strict=True))
    values = list(map(bins.get, range(num_perm), repeat(0)))
    if len(bins) < num_perm:
        _densify(values, bins, num_perm)
    return array("I", values)


def _densify(values: list[int], bins: dict[int, int], num_perm: int) -> None:
    """Fill each empty bin from the first non-empty bin of its fixed probe sequence.

    Only bins that were non-empty before filling are sources: a copy of a copy would make the
    value depend on the fill order, and two documents could then disagree on equal bins.
    """
    probes = _probes(num_perm)
    for index in set(range(num_perm)).difference(bins):
        values[index] = bins[next(other for other in probes[index] if other in bins)]


@cache
def _probes(num_perm: int) -> tuple[tuple[int, ...], ...]:
    """Per bin, every bin in a pseudo-random order; blake2b keeps it the same on any Python."""
    return tuple(_probe_order(bin_, num_perm) for bin_ in range(num_perm))


def _probe_order(bin_: int, num_perm: int) -> tuple[int, ...]:
    def rank(other: int) -> bytes:
        return hashlib.blake2b(f"{bin_}:{other}".encode(), digest_size=8).digest()

    return tuple(sorted(range(num_perm), key=rank))


def band_keys(sig: array[int], params: MinHashParams = DEFAULT_PARAMS) -> list[int]:
    """One signed 64-bit key per band (an SQLite INTEGER); equal keys = equal band rows.

    Rows are folded by multiply-xor with the band number as seed, so equal rows in two different
    bands give different keys and one index serves all bands.
    """
    keys = []
    for band in range(params.bands if sig else 0):
        key = (band + 1) * _MIX2
        for value in sig[band * params.rows : (band + 1) * params.rows]:
            key = ((key ^ value) * _MIX1) & _M64
        keys.append(key - (1 << 64) if key >> 63 else key)
    return keys


def jaccard_estimate(a: array[int] | bytes, b: array[int] | bytes) -> float:
    """Share of equal signature positions: an unbiased estimate of the shingle sets' Jaccard.

    Takes signatures or their bytes (as stored), so a store need not unpack them.
    """
    left, right = _raw(a), _raw(b)
    lanes = len(left) // 4
    if not lanes or len(left) != len(right):
        return 0.0
    # Both signatures as one big int each: XOR, then OR every lane's bits down into its lowest
    # bit (shifts up to 31 stay inside a 32-bit lane) and count lanes left non-zero; C-speed.
    diff = int.from_bytes(left, "little") ^ int.from_bytes(right, "little")
    for shift in (16, 8, 4, 2, 1):
        diff |= diff >> shift
    return (lanes - (diff & _lane_mask(lanes)).bit_count()) / lanes


def _raw(sig: array[int] | bytes) -> bytes:
    return sig if isinstance(sig, bytes) else sig.tobytes()


@cache
def _lane_mask(lanes: int) -> int:
    return int.from_bytes(b"\x01\x00\x00\x00" * lanes, "little")


def jaccard(a: Iterable[str], b: Iterable[str], size: int = DEFAULT_PARAMS.shingle) -> float:
    """Exact Jaccard of two bodies' shingle sets (tests and measurements; slow on big corpora)."""
    left = set(shingle_hashes(body_words(a), size))
    right = set(shingle_hashes(body_words(b), size))
    return len(left & right) / len(left | right) if left or right else 0.0
