"""Publication dates: raw strings of many shapes to ISO 8601 with an offset, never guessing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone, tzinfo
from typing import Any

from newscrawler.text.dotted import dotted_date
from newscrawler.text.zones import cut_zone

_TIME = re.compile(
    r"\b(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?:(?P<ampm>[ap])\.?m\b\.?)?"
)
_HRS = re.compile(r"\b(?P<h>\d{2})(?P<m>\d{2})\s*hrs\b")  # Economic Times: "0407hrs"
_HOUR_AMPM = re.compile(r"\b(?P<h>\d{1,2})\s*(?P<ampm>[ap])\.?m\b\.?")
MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip
MONTH_RE = re.compile(r"\b(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?")
YEAR_RE = re.compile(r"\b(?P<year>19\d\d|20\d\d)\b")
DAY_RE = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\b")
# What may be left once the parts are cut: filler words, weekdays and punctuation.
_FILLER = re.compile(
    r"\b(?:at|on|the|of|updated|published|posted|last|hrs|mon|tue|tues|wed|thu|thur|thurs|fri|sat"
    r"|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|[\s,./|:-]+"
)
_EPOCH = re.compile(r"^(?P<seconds>\d{9,10})(?P<millis>\d{3})?$")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": True,
    # No "relative-time" parser and all three parts required: nothing is filled in from today.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
}


def iso(moment: datetime) -> str:
    """ISO 8601 with the moment's own offset; fractions only when present."""
    spec = "seconds" if not moment.microsecond else "milliseconds"
    if moment.microsecond % 1000:
        spec = "microseconds"
    return moment.isoformat(timespec=spec)


def parse_date(
    raw: str | None,
    *,
    tz: tzinfo = UTC,
    now: datetime | None = None,
    languages: Sequence[str] = ("en",),
) -> str | None:
    """Parse a published/modified string to ISO 8601 with offset; None when it cannot be read.

    Strings without a zone take `tz`; a date alone means midnight in `tz`. A time alone
    ("10:18am ist") needs `now` and means the last such moment before it.
    """
    text = (raw or "").strip()
    if not text or len(text) > 200:
        return None
    moment = _epoch(text) or _isoformat(text, tz) or dotted_date(text, tz)
    moment = moment or _shaped(text.casefold(), tz, now)
    # No digit, no day or year: "yesterday" or junk, not worth dateparser's milliseconds.
    if moment is None and any(char.isdigit() for char in text):
        moment = _dateparser(text, tz, languages)
    return iso(moment) if moment is not None else None


def _epoch(text: str) -> datetime | None:
    found = _EPOCH.match(text)
    if not found:
        return None
    seconds = int(found["seconds"]) + int(found["millis"] or 0) / 1000
    return datetime.fromtimestamp(seconds, UTC)


def _isoformat(text: str, tz: tzinfo) -> datetime | None:
    if not text[:4].isdigit() or len(text) < 10:
        return None  # fromisoformat also reads "20190307" and week dates: only full ISO here
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=tz)


def _shaped(text: str, tz: tzinfo, now: datetime | None) -> datetime | None:
    """English month-name shapes in any order, with an optional time and zone."""
    zone, text = cut_zone(text)
    clock, text = _cut_time(text)
    if clock is not None and not _FILLER.sub("", text):
        return _time_only(clock, zone or tz, now)
    return _calendar(text, clock or (0, 0, 0), zone or tz)


def _calendar(text: str, clock: tuple[int, int, int], tz: tzinfo) -> datetime | None:
    month = MONTH_RE.search(text)
    year = YEAR_RE.search(text)
    if not month or not year:
        return None
    text = YEAR_RE.sub(" ", MONTH_RE.sub(" ", text, count=1), count=1)
    day = DAY_RE.search(text)
    if not day or _FILLER.sub("", DAY_RE.sub("", text, count=1)):
        return None  # leftover words: not a shape we know, let dateparser try
    try:
        parts = (int(year["year"]), MONTHS[month["month"]], int(day["day"]))
        return datetime(*parts, *clock, tzinfo=tz)
    except ValueError:
        return None


def _cut_time(text: str) -> tuple[tuple[int, int, int] | None, str]:
    found = _TIME.search(text) or _HRS.search(text) or _HOUR_AMPM.search(text)
    if not found:
        return None, text
    groups = found.groupdict()
    hour, minute, second = int(groups["h"]), int(groups.get("m") or 0), int(groups.get("s") or 0)
    if groups.get("ampm"):
        hour = hour % 12 + (12 if groups["ampm"] == "p" else 0)
    if hour > 23 or minute > 59 or second > 59:
        return None, text
    return (hour, minute, second), text[: found.start()] + " " + text[found.end() :]


def _time_only(clock: tuple[int, int, int], tz: tzinfo, now: datetime | None) -> datetime | None:
    if now is None:
        return None
    local = now.astimezone(tz)
    moment = local.replace(hour=clock[0], minute=clock[1], second=clock[2], microsecond=0)
    return moment - timedelta(days=1) if moment > local else moment


def _dateparser(text: str, tz: tzinfo, languages: Sequence[str]) -> datetime | None:
    import dateparser  # slow to import and to run: only odd shapes pay for it

    zone, rest = cut_zone(text.casefold())
    if isinstance(zone, timezone):  # pass our reading of IST & co. as a numeric offset
        text = f"{rest.strip()} {datetime.min.replace(tzinfo=zone).strftime('%z')}"
    from dateparser.data.languages_info import language_order

    settings = {**_DATEPARSER_SETTINGS, "TIMEZONE": str(tz)}
    known = [code for code in languages if code in language_order] or ["en"]  # others: ValueError
    try:
        moment = dateparser.parse(text, languages=known, settings=settings)
    except Exception:  # dateparser raises assorted errors on junk; a date is never worth a crash
        return None
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        return None
    return moment.astimezone(zone) if zone is not None else moment  # keep the written offset
