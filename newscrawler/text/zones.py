"""Time zones: a site's zone (configured, else its country's), and one a date writes ("IST")."""

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


# A portal with no Site record writes local times in its country's zone: the country-code
# top-level domain names it where the country keeps one zone (or nearly all its readers do).
# Countries of several zones (us, ca, au, br, ru, mx, id) and codes sold as generic names
# (co, io, tv, me, fm, ai, ly) are left out: their times stay in the default zone.
COUNTRY_ZONES = {
    "de": "Europe/Berlin", "at": "Europe/Vienna", "ch": "Europe/Zurich", "li": "Europe/Vaduz",
    "lu": "Europe/Luxembourg", "fr": "Europe/Paris", "be": "Europe/Brussels",
    "nl": "Europe/Amsterdam", "it": "Europe/Rome", "es": "Europe/Madrid", "pt": "Europe/Lisbon",
    "ie": "Europe/Dublin", "uk": "Europe/London", "is": "Atlantic/Reykjavik",
    "no": "Europe/Oslo", "se": "Europe/Stockholm", "dk": "Europe/Copenhagen",
    "fi": "Europe/Helsinki", "pl": "Europe/Warsaw", "cz": "Europe/Prague",
    "sk": "Europe/Bratislava", "hu": "Europe/Budapest", "ro": "Europe/Bucharest",
    "bg": "Europe/Sofia", "gr": "Europe/Athens", "hr": "Europe/Zagreb", "si": "Europe/Ljubljana",
    "rs": "Europe/Belgrade", "ua": "Europe/Kyiv", "tr": "Europe/Istanbul", "il": "Asia/Jerusalem",
    "eg": "Africa/Cairo", "ae": "Asia/Dubai", "sa": "Asia/Riyadh", "qa": "Asia/Qatar",
    "pk": "Asia/Karachi", "in": "Asia/Kolkata", "bd": "Asia/Dhaka", "np": "Asia/Kathmandu",
    "lk": "Asia/Colombo", "cn": "Asia/Shanghai", "hk": "Asia/Hong_Kong", "tw": "Asia/Taipei",
    "jp": "Asia/Tokyo", "kr": "Asia/Seoul", "sg": "Asia/Singapore", "my": "Asia/Kuala_Lumpur",
    "ph": "Asia/Manila", "th": "Asia/Bangkok", "vn": "Asia/Ho_Chi_Minh",
    "za": "Africa/Johannesburg", "ng": "Africa/Lagos", "ke": "Africa/Nairobi",
    "gh": "Africa/Accra", "nz": "Pacific/Auckland", "py": "America/Asuncion",
    "ar": "America/Argentina/Buenos_Aires", "cl": "America/Santiago", "pe": "America/Lima",
    "uy": "America/Montevideo", "ve": "America/Caracas",
}  # fmt: skip


def site_zone(source: str | None, zones: dict[str, str], default: str = "UTC") -> tzinfo:
    """The zone of a site key or domain, else of the domain's country, else the default.

    "ndtv" and "www.ndtv.com" find a configured zone; "portal.de" finds Europe/Berlin.
    """
    labels = (source or "").casefold().split(".")
    for key in (source or "", *labels):
        if key in zones:
            return zone_named(zones[key])
    country = COUNTRY_ZONES.get(labels[-1]) if len(labels) > 1 else None
    return zone_named(country or default)


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
