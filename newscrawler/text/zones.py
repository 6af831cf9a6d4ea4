"""Time zones: a site's configured zone, and the zone a date string writes ("IST", "GMT+2")."""

from __future__ import annotations

import re
from datetime import UTC, timedelta, timezone, tzinfo
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


def site_zone(source: str | None, zones: dict[str, str], default: str = "UTC") -> tzinfo:
    """The zone of a site key ("ndtv") or domain ("www.ndtv.com"); the default otherwise."""
    labels = (source or "").casefold().split(".")
    for key in (source or "", *labels):
        if key in zones:
            return zone_named(zones[key])
    return zone_named(default)


def zone_named(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return UTC  # a typo in settings must not drop every date


def cut_zone(text: str) -> tuple[tzinfo | None, str]:
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
        zone = zone_named(_ZONE_NAMES[abbr]) if abbr in _ZONE_NAMES else _fixed(_ZONE_OFFSETS[abbr])
    return zone, text[: found.start()] + " " + text[found.end() :]


def _fixed(minutes: int) -> tzinfo:
    return UTC if minutes == 0 else timezone(timedelta(minutes=minutes))
