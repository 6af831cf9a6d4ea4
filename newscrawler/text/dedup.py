"""Repeated paragraphs: copies go (a run rendered again, a doubled paragraph), structure stays.

A page that renders its body twice (the seed's portal), or one paragraph twice in a row, shows a
copy; a label or line recurring once per section of a list, recipe, schedule or table ("Pre-Workout
Meal" in each of six meal sections) is the content. The rules, for a paragraph whose key (or, for
a long paragraph, a near-identical text) appeared before:

- in a run: it and its neighbour repeat two neighbouring earlier paragraphs (short lines between
  them skipped), some paragraph of the run occurs exactly twice on the page (a line in each of
  six sections is structure), the run has three paragraphs or a LONG_WORDS+ one, and it follows
  what it copies (or is MIN_RUN_ANYWHERE+ long): it goes;
- doubled in place: it repeats the paragraph just before it (MIN_WORDS+ words; short lines
  between skipped): it goes;
- a short line (under MIN_WORDS) goes when the nearest longer paragraph before or after it went
  (it sits inside a removed copy);
- anything else stays: a lone repeat far from its first occurrence is a pull quote, a placeholder
  or a recurring label, which the truth of every benchmark keeps.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Sequence
from typing import NamedTuple

from newscrawler.text.normalize import paragraph_key

MIN_WORDS = 3  # "Photo", "—", "Q:": separators and labels prove nothing by repeating
LONG_WORDS = 10  # a two-paragraph run of shorter lines is a list's recurring structure
MIN_RUN_ANYWHERE = 4  # a copied run this long is a copy wherever it sits
# Word-set Jaccard of two paragraphs rendered with small differences (one word in twenty).
NEAR_SAME = 0.9
NEAR_WORDS = 20  # only paragraphs this long: in a short one, one word changes the meaning
MAX_NEAR_COMPARISONS = 5_000  # bounds the pairwise near-copy search on huge pages


class Deduped(NamedTuple):
    """Kept paragraphs and how many of the `total` were removed as repeats."""

    paragraphs: list[str]
    removed: int
    total: int


def _words(key: str) -> int:
    return key.count(" ") + 1 if key else 0


def _vocabulary(key: str) -> frozenset[str]:
    return frozenset(key.split())


def _sources(keys: Sequence[str]) -> list[int | None]:
    """For each paragraph, the earlier paragraph it repeats (exact key, else near-identical)."""
    first: dict[str, int] = {}
    source: list[int | None] = []
    for i, key in enumerate(keys):
        source.append(first.get(key))
        first.setdefault(key, i)
    long = [i for i, key in enumerate(keys) if _words(key) >= NEAR_WORDS]
    if len(long) ** 2 > MAX_NEAR_COMPARISONS:
        return source
    grams = {i: _vocabulary(keys[i]) for i in long}
    for n, i in enumerate(long):
        if source[i] is not None:
            continue
        size = len(grams[i])
        for j in long[:n]:
            # Jaccard >= NEAR_SAME needs sizes within that ratio: most pairs stop here.
            if min(size, len(grams[j])) < NEAR_SAME * max(size, len(grams[j])):
                continue
            union = len(grams[i] | grams[j])
            if union and len(grams[i] & grams[j]) / union >= NEAR_SAME:
                source[i] = j
                break
    return source


def _runs(order: Sequence[int], source: Sequence[int | None]) -> list[list[int]]:
    """Stretches of repeats (paragraph indices, short lines skipped) copying a stretch in order.

    `order` lists the paragraphs of MIN_WORDS+ words: a copy that dropped or added a "Photo" or
    "—" line between two paragraphs is still one run.
    """
    rank = {index: n for n, index in enumerate(order)}
    runs: list[list[int]] = []
    for index in order:
        src = source[index]
        if src is None or src not in rank:
            continue
        previous = runs[-1][-1] if runs else -1
        prev_src = source[previous] if previous >= 0 else None
        follows = previous >= 0 and rank[previous] == rank[index] - 1
        if follows and prev_src is not None and rank.get(prev_src) == rank[src] - 1:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _follows(run: Sequence[int], keys: Sequence[str], source: Sequence[int | None]) -> bool:
    """Whether the copy comes right after what it copies, or is long enough to be one anyway.

    A body rendered again follows itself (at most one other paragraph between: a "Read more"
    line, a widget); the same embed widget repeated in two sections (an infographic's
    consent placeholder) has the article's own paragraphs between its renderings.
    """
    if len(run) >= MIN_RUN_ANYWHERE:
        return True
    src_end = source[run[-1]]
    if src_end is None:
        return False  # never: a run holds repeats only
    between = range(src_end + 1, run[0])
    return sum(1 for i in between if source[i] is None and _words(keys[i]) >= LONG_WORDS) <= 1


def _doubled(i: int, keys: Sequence[str], source: Sequence[int | None], order: list[int]) -> bool:
    """Whether paragraph `i` repeats the paragraph just before it (short lines between skipped)."""
    n = bisect_left(order, i)
    return n > 0 and (source[i] == order[n - 1] or keys[order[n - 1]] == keys[i])


def _copies(keys: Sequence[str], source: Sequence[int | None]) -> list[bool]:
    counts = Counter(keys)
    gone = [False] * len(keys)
    order = [i for i, key in enumerate(keys) if _words(key) >= MIN_WORDS]
    for run in _runs(order, source):
        twice = any(counts[keys[r]] <= 2 for r in run)
        long = len(run) >= 3 or any(_words(keys[r]) >= LONG_WORDS for r in run)
        doubled = len(run) == 1 and _doubled(run[0], keys, source, order)
        if (len(run) >= 2 and twice and long and _follows(run, keys, source)) or doubled:
            for r in run:
                gone[r] = True
    return gone


def _long_neighbours(short: Sequence[bool]) -> tuple[list[int], list[int]]:
    """For each position, the index of the nearest long paragraph before and after it (-1: none).

    One pass each way: scanning from every short repeat was quadratic on a page of thousands of
    one-word lines (8,000 took 9 s).
    """
    before, after = [-1] * len(short), [-1] * len(short)
    last = -1
    for i, is_short in enumerate(short):
        before[i], last = last, last if is_short else i
    last = -1
    for i in range(len(short) - 1, -1, -1):
        after[i], last = last, last if short[i] else i
    return before, after


def drop_repeats(paragraphs: Sequence[str]) -> Deduped:
    """Remove copies of paragraphs (see the module doc); order and everything else kept."""
    keys = list(map(paragraph_key, paragraphs))
    source = _sources(keys)
    gone = _copies(keys, source)
    short = [_words(key) < MIN_WORDS for key in keys]
    before, after = _long_neighbours(short)
    for i in range(len(keys)):
        near_gone = (before[i] >= 0 and gone[before[i]]) or (after[i] >= 0 and gone[after[i]])
        if source[i] is not None and short[i] and near_gone:
            gone[i] = True
    kept = [p for p, removed in zip(paragraphs, gone, strict=True) if not removed]
    return Deduped(kept, len(paragraphs) - len(kept), len(paragraphs))
