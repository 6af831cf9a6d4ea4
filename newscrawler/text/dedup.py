"""Repeated paragraphs: keep the first occurrence of each paragraph key, in order."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from newscrawler.text.normalize import paragraph_key

# Lines with fewer words ("Photo", "—", "* * *", "Q:") prove nothing by repeating: they are
# separators and labels that an article may legitimately use twice. Such a repeat goes only when
# the nearest longer paragraph before or after it is itself a removed repeat, i.e. it sits inside
# a repeated copy; otherwise it stays.
MIN_WORDS = 3


class Deduped(NamedTuple):
    """Kept paragraphs and how many of the `total` were removed as repeats."""

    paragraphs: list[str]
    removed: int
    total: int


def _is_short(key: str) -> bool:
    return key.count(" ") + 1 < MIN_WORDS


def _repeats(keys: Sequence[str]) -> list[bool]:
    seen: set[str] = set()
    flags = []
    for key in keys:
        flags.append(key in seen)
        seen.add(key)
    return flags


def _nearest_long_removed(i: int, step: int, keys: Sequence[str], gone: Sequence[bool]) -> bool:
    j = i + step
    while 0 <= j < len(keys) and _is_short(keys[j]):
        j += step
    return 0 <= j < len(keys) and gone[j]


def drop_repeats(paragraphs: Sequence[str]) -> Deduped:
    """Remove paragraphs whose key already appeared: whole-body copies, doubled or moved blocks."""
    keys = list(map(paragraph_key, paragraphs))
    repeat = _repeats(keys)
    # Without short lines the neighbour rule never applies: every repeat goes, nothing else.
    if not any(map(_is_short, keys)):
        plain = [p for p, again in zip(paragraphs, repeat, strict=True) if not again]
        return Deduped(plain, len(paragraphs) - len(plain), len(paragraphs))
    long_gone = [r and not _is_short(k) for r, k in zip(repeat, keys, strict=True)]
    kept = [
        p
        for i, p in enumerate(paragraphs)
        if not repeat[i]
        or not (
            long_gone[i]
            or _nearest_long_removed(i, -1, keys, long_gone)
            or _nearest_long_removed(i, 1, keys, long_gone)
        )
    ]
    return Deduped(kept, len(paragraphs) - len(kept), len(paragraphs))
