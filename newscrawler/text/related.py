"""Related-headline blocks: split a trailing "N hours ago" sidebar off the body, resolve links."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta
from functools import lru_cache
from typing import Any, NamedTuple

from newscrawler.text.ages import parse_absolute_time, parse_age, to_utc_iso
from newscrawler.text.normalize import normalize_text

# Headings sidebars put above their list; matched on the whole line, case-insensitively.
_HEADING = re.compile(
    r"(?:latest|related|trending|also read|more|top|most read|most popular|recommended|"
    r"you may also like|read more|breaking|editor'?s picks?|don'?t miss)"
    r"(?: (?:news|stories|articles|headlines|now|posts|from [\w .&-]{1,40}))?\s*:?",
    re.IGNORECASE,
)
MAX_TITLE_CHARS = 200  # sidebar headlines stay well under this; body paragraphs rarely do
MIN_PAIRS = 2  # one age/title pair counts only under a heading


class RelatedSplit(NamedTuple):
    """The body without its trailing sidebar, the sidebar entries and the body lines removed."""

    body: list[str]
    related: list[dict[str, Any]]
    lines_removed: int


def _published(delta: timedelta | None, now: datetime | None) -> str | None:
    return _utc_iso_before(now, delta) if delta is not None and now is not None else None


# A crawl resolves the same few ages against the same fetch times over and over.
@lru_cache(maxsize=4096)
def _utc_iso_before(now: datetime, delta: timedelta) -> str:
    return to_utc_iso(now - delta)


def _entry(title: str, url: str | None, age: str | None, published: str | None) -> dict[str, Any]:
    return {"title": title, "url": url, "age": age, "published_at": published}


def _is_title(line: str) -> bool:
    return 0 < len(line) <= MAX_TITLE_CHARS and parse_age(line) is None


def _nonblank_from_end(lines: Sequence[str]) -> Iterator[int]:
    return (i for i in range(len(lines) - 1, -1, -1) if lines[i].strip())


def _trailing_pairs(lines: Sequence[str]) -> tuple[int, list[tuple[str, str]]]:
    """Walk back over (age, title) pairs in either order; return the start index and the pairs."""
    # Lazily from the end: only the sidebar and the line above it are looked at, not the body.
    back = _nonblank_from_end(lines)
    pending = next(back, None)  # the last non-blank line not yet taken into a pair
    age_last = pending is not None and parse_age(lines[pending]) is not None
    pairs: list[tuple[str, str]] = []
    start = len(lines)
    while pending is not None:
        above = next(back, None)
        if above is None:
            break
        first, second = lines[above].strip(), lines[pending].strip()
        age, title = (second, first) if age_last else (first, second)
        if parse_age(age) is None or not _is_title(title):
            break
        pairs.append((age, title))
        start, pending = above, next(back, None)
    if pending is not None and pairs and _HEADING.fullmatch(lines[pending].strip()):
        return pending, pairs[::-1]
    return (start if len(pairs) >= MIN_PAIRS else len(lines)), pairs[::-1]


def split_related(body: Sequence[str], now: datetime | None) -> RelatedSplit:
    """Move a trailing run of age/headline pairs (blank lines allowed) from `body` to related.

    It needs at least two pairs, or one under a known heading, at the very end of the body, so
    prose such as "two hours ago" mid-paragraph is never taken. `now` resolves the ages; without
    it `published_at` stays None.
    """
    kept = list(body)
    pairs: list[tuple[str, str]] = []
    # Until nothing more splits: a block whose age/title order flips part-way splits in two steps,
    # and a second call then finds nothing.
    while True:
        start, found = _trailing_pairs(kept)
        if start == len(kept):
            break
        kept, pairs = kept[:start], found + pairs
    return RelatedSplit(kept, _split_entries(pairs, now), len(body) - len(kept))


def _split_entries(pairs: Sequence[tuple[str, str]], now: datetime | None) -> list[dict[str, Any]]:
    """One entry per distinct title (first kept): dedupe_related's rule, as these have no URL."""
    seen: set[str] = set()
    related = []
    for age, title in pairs:
        if title not in seen:
            seen.add(title)
            related.append(_entry(title, None, age, _published(parse_age(age), now)))
    return related


def _text_or_none(value: object) -> str | None:
    text = normalize_text(value) if isinstance(value, str) else ""
    return text or None


def resolve_link(link: Mapping[str, Any], now: datetime | None) -> dict[str, Any] | None:
    """Turn a spider's {title, url, age, time} into {title, url, age, published_at}.

    An absolute `time` wins; a relative one (`<time datetime="1h ago">`) counts as the age; the
    age resolves against `now`. Entries without a title are dropped (None).
    """
    title = _text_or_none(link.get("title"))
    if title is None:
        return None
    age, raw_time = _text_or_none(link.get("age")), link.get("time")
    absolute = parse_absolute_time(raw_time)
    if absolute is not None:
        return _entry(title, _text_or_none(link.get("url")), age, to_utc_iso(absolute))
    if age is None and isinstance(raw_time, str) and parse_age(raw_time) is not None:
        age = raw_time.strip()
    delta = parse_age(age) if age else None
    return _entry(title, _text_or_none(link.get("url")), age, _published(delta, now))


def dedupe_related(entries: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Keep the first entry per (title, url)."""
    seen: set[tuple[object, object]] = set()
    kept: list[dict[str, Any]] = []
    for entry in entries:
        key = (entry.get("title"), entry.get("url"))
        if key not in seen:
            seen.add(key)
            kept.append(dict(entry))
    return kept
