"""Publication dates: raw strings of many shapes to ISO 8601 with an offset, never guessing."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# Fixed offsets in minutes, as the sites we crawl mean them: IST is India (dateutil and
# dateparser may read Israel or Irish), CST is US Central (not China).
_ZONE_OFFSETS = {
    "ist": 330, "gmt": 0, "utc": 0, "z": 0, "est": -300, "edt": -240, "cst": -360, "cdt": -300,
    "mst": -420, "mdt": -360, "pst": -480, "pdt": -420, "bst": 60, "cet": 60, "cest": 120,
    "eet": 120, "eest": 180, "msk": 180, "pkt": 300, "npt": 345, "jst": 540, "aest": 600,
    "aedt": 660,
}  # fmt: skip
# Zones written without standard/daylight: the real zone decides the offset on that day.
_ZONE_NAMES = {"et": "America/New_York", "ct": "America/Chicago", "pt": "America/Los_Angeles"}
_ZONE = re.compile(
    r"\b(?P<abbr>" + "|".join(sorted({*_ZONE_OFFSETS, *_ZONE_NAMES}, key=len, reverse=True)) + r")"
    r"(?:(?P<sign>[+-])(?P<hh>\d{1,2})(?::?(?P<mm>\d{2}))?)?\b"
)
# A numeric offset counts only right after a time, or "26-07-2025" would read as "-2025".
_OFFSET = re.compile(r"(?<=:\d\d)\s*(?P<sign>[+-])(?P<hh>\d{2}):?(?P<mm>\d{2})\b")
_TIME = re.compile(
    r"\b(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2})(?:\.\d+)?)?\s*(?:(?P<ampm>[ap])\.?m\b\.?)?"
)
_HRS = re.compile(r"\b(?P<h>\d{2})(?P<m>\d{2})\s*hrs\b")  # Economic Times: "0407hrs"
_HOUR_AMPM = re.compile(r"\b(?P<h>\d{1,2})\s*(?P<ampm>[ap])\.?m\b\.?")
_MONTHS = {
    name: number
    for number, names in enumerate(
        (("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
         ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
         ("oct", "october"), ("nov", "november"), ("dec", "december")),
        start=1,
    )
    for name in names
}  # fmt: skip
_MONTH = re.compile(r"\b(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\b\.?")
_YEAR = re.compile(r"\b(?P<year>19\d\d|20\d\d)\b")
_DAY = re.compile(r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\b")
# What may be left once the parts are cut: filler words, weekdays and punctuation.
_FILLER = re.compile(
    r"\b(?:at|on|the|of|updated|published|posted|last|hrs|mon|tue|tues|wed|thu|thur|thurs|fri|sat"
    r"|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b|[\s,./|:-]+"
)
_EPOCH = re.compile(r"^(?P<seconds>\d{9,10})(?P<millis>\d{3})?$")
_URL_DAY = re.compile(r"/(?P<y>(?:19|20)\d\d)/(?P<m>\d\d)/(?P<d>\d\d)(?:/|$)")
_URL_STAMP = re.compile(r"(?P<stamp>(?:19|20)\d{12})/?(?:[?#]|$)")
# Hosts whose URLs end in a local YYYYMMDDHHMMSS publication stamp, and that stamp's zone.
_STAMPED_HOSTS = {"ianslive.in": "Asia/Kolkata", "aninews.in": "Asia/Kolkata"}
# Where a raw page date may come from (the spider's reading); dateline and url are ours.
_PAGE_SOURCES = ("jsonld", "meta", "time-tag")
_FALLBACK_SOURCES = ("dateline", "url")
_DATEPARSER_SETTINGS: dict[str, Any] = {
    "PREFER_DATES_FROM": "past",
    "RETURN_AS_TIMEZONE_AWARE": True,
    # No "relative-time" parser and all three parts required: nothing is filled in from today.
    "PARSERS": ["timestamp", "custom-formats", "absolute-time"],
    "REQUIRE_PARTS": ["day", "month", "year"],
    "STRICT_PARSING": True,
}


def site_zone(source: str | None, zones: dict[str, str], default: str = "UTC") -> tzinfo:
    """The zone of a site key ("ndtv") or domain ("www.ndtv.com"); the default otherwise."""
    labels = (source or "").casefold().split(".")
    for key in (source or "", *labels):
        if key in zones:
            return _zone(zones[key])
    return _zone(default)


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC  # a typo in settings must not drop every date


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
    moment = _epoch(text) or _isoformat(text, tz) or _shaped(text.casefold(), tz, now)
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
    zone, text = _cut_zone(text)
    clock, text = _cut_time(text)
    if clock is not None and not _FILLER.sub("", text):
        return _time_only(clock, zone or tz, now)
    return _calendar(text, clock or (0, 0, 0), zone or tz)


def _calendar(text: str, clock: tuple[int, int, int], tz: tzinfo) -> datetime | None:
    month = _MONTH.search(text)
    year = _YEAR.search(text)
    if not month or not year:
        return None
    text = _YEAR.sub(" ", _MONTH.sub(" ", text, count=1), count=1)
    day = _DAY.search(text)
    if not day or _FILLER.sub("", _DAY.sub("", text, count=1)):
        return None  # leftover words: not a shape we know, let dateparser try
    try:
        parts = (int(year["year"]), _MONTHS[month["month"]], int(day["day"]))
        return datetime(*parts, *clock, tzinfo=tz)
    except ValueError:
        return None


def _cut_zone(text: str) -> tuple[tzinfo | None, str]:
    """The zone written in `text` (abbreviation, "GMT+2" or an offset after a time), cut out."""
    found = _ZONE.search(text) or _OFFSET.search(text)
    if not found:
        return None, text
    groups = found.groupdict()
    if groups["sign"]:  # "GMT+2", "UTC+05:30", "10:30:00 +0530"
        minutes = int(groups["hh"]) * 60 + int(groups["mm"] or 0)
        zone = _fixed(minutes if groups["sign"] == "+" else -minutes)
    else:
        abbr = groups["abbr"]
        zone = _zone(_ZONE_NAMES[abbr]) if abbr in _ZONE_NAMES else _fixed(_ZONE_OFFSETS[abbr])
    return zone, text[: found.start()] + " " + text[found.end() :]


def _fixed(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))


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

    zone, rest = _cut_zone(text.casefold())
    if isinstance(zone, timezone):  # pass our reading of IST & co. as a numeric offset
        text = f"{rest.strip()} {datetime.min.replace(tzinfo=zone).strftime('%z')}"
    settings = {**_DATEPARSER_SETTINGS, "TIMEZONE": str(tz)}
    try:
        moment = dateparser.parse(text, languages=list(languages), settings=settings)
    except Exception:  # dateparser raises assorted errors on junk; a date is never worth a crash
        return None
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        return None
    return moment.astimezone(zone) if zone is not None else moment  # keep the written offset


def dateline_day(text: str | None, *, crawled_at: datetime, tz: tzinfo = UTC) -> date | None:
    """The day a dateline names ("March 7"); with no year, the latest one not after the crawl."""
    lowered = (text or "").casefold()
    month, day = _MONTH.search(lowered), _DAY.search(_MONTH.sub(" ", _YEAR.sub(" ", lowered)))
    if not month or not day:
        return None
    year = _YEAR.search(lowered)
    crawled = crawled_at.astimezone(tz).date()
    first = int(year["year"]) if year else crawled.year
    for candidate in range(first, first - 8, -1):  # Feb 29 may be years back
        try:
            found = date(candidate, _MONTHS[month["month"]], int(day["day"]))
        except ValueError:
            continue
        if year or found <= crawled:
            return found
    return None


def url_date(url: str | None, *, tz: tzinfo = UTC) -> tuple[str, str] | None:
    """(ISO moment, matched text) from a wire's YYYYMMDDHHMMSS stamp or a /2024/09/03/ path."""
    return _url_stamp(url or "") or _url_day(url or "", tz)


def _url_stamp(url: str) -> tuple[str, str] | None:
    if not any(host in url for host in _STAMPED_HOSTS):
        return None  # urlsplit costs more than this check, and most URLs are not wire URLs
    host = urlsplit(url).hostname or ""
    zone = next((z for h, z in _STAMPED_HOSTS.items() if host == h or host.endswith("." + h)), None)
    found = _URL_STAMP.search(url) if zone else None
    if not found or not zone:
        return None
    try:
        moment = datetime.strptime(found["stamp"], "%Y%m%d%H%M%S")
    except ValueError:
        return None
    return iso(moment.replace(tzinfo=_zone(zone))), found["stamp"]


def _url_day(url: str, tz: tzinfo) -> tuple[str, str] | None:
    found = _URL_DAY.search(url)
    if not found:
        return None
    try:
        moment = datetime(int(found["y"]), int(found["m"]), int(found["d"]), tzinfo=tz)
    except ValueError:
        return None
    return iso(moment), f"{found['y']}/{found['m']}/{found['d']}"


@dataclass(frozen=True)
class Published:
    """The outcome for one item: moment, its source and raw text, and what happened."""

    at: str | None
    source: str | None
    raw: str | None
    event: str  # "parsed", "unparsed" (raw but unreadable) or "missing" (nothing to read)
    dateline_rejected: bool = False


def resolve_published(
    raw: str | None,
    source: str | None,
    *,
    dateline: str | None = None,
    url: str | None = None,
    crawled_at: datetime | None = None,
    tz: tzinfo = UTC,
    languages: Sequence[str] = ("en",),
    max_age_days: int = 7,
) -> Published:
    """Raw page date first, then the dateline (fresh crawls only), then the URL."""
    # A raw value this function wrote on an earlier pass is re-derived, not re-read as a page date.
    page_raw = None if source in _FALLBACK_SOURCES else raw
    parsed = parse_date(page_raw, tz=tz, now=crawled_at, languages=languages)
    if parsed:
        return Published(parsed, source if source in _PAGE_SOURCES else None, raw, "parsed")
    day = dateline_day(dateline, crawled_at=crawled_at, tz=tz) if crawled_at else None
    stale = day is not None and not _trusted(day, dateline, crawled_at, tz, max_age_days)
    if day is not None and not stale:
        return Published(iso(datetime.combine(day, time(), tz)), "dateline", dateline, "parsed")
    from_url = url_date(url, tz=tz)
    if from_url:
        return Published(from_url[0], "url", from_url[1], "parsed", stale)
    return Published(None, None, page_raw, "unparsed" if page_raw else "missing", stale)


def _trusted(
    day: date, dateline: str | None, crawled_at: datetime | None, tz: tzinfo, max_age_days: int
) -> bool:
    """A written year is trusted; a guessed one only when the day lies just before the crawl."""
    if _YEAR.search(dateline or "") or crawled_at is None:
        return True
    age = (crawled_at.astimezone(tz).date() - day).days
    return 0 <= age <= max_age_days
