"""Dotted numeric dates ("07.02.2019", "7.2.2019, 10:15 Uhr"): day first, in every language.

German, Russian, Turkish, Polish, Nordic and most European pages write D.M.YYYY; no convention
writes the month first between dots. dateparser's default order (month first) read
"07.02.2019" as 2 July.
"""

from __future__ import annotations

import re
from datetime import datetime, tzinfo

DOTTED = re.compile(
    r"(?P<day>\d{1,2})\.\s?(?P<month>\d{1,2})\.\s?(?P<year>(?:19|20)\d\d)"
    r"(?:\s*(?:,|um|-|/)?\s*(?P<hour>\d{1,2})[:.](?P<minute>\d\d)(?::(?P<second>\d\d))?"
    r"(?:\s*(?:uhr|h))?)?"
)


# What may follow a leading date: nothing, or a note set off by a dash, bar or comma
# ("05.04.2025 - Güncelleme : 05.04.2025", "7.2.2019 | Aktualisiert 8.2.2019").
_AFTER = re.compile(r"\s*(?:$|[-–—|,;(]\s*\D)")


def dotted_date(text: str, tz: tzinfo) -> datetime | None:
    """The moment a dotted date names, in `tz`, when the string is that date (and a note).

    A date display often adds its update after the publication date; the first date is the
    one published. None for any other shape.
    """
    value = text.strip().casefold()
    found = DOTTED.match(value)
    if not found or not _AFTER.match(value, found.end()):
        return None
    parts = found.groupdict()
    clock = (int(parts["hour"] or 0), int(parts["minute"] or 0), int(parts["second"] or 0))
    try:
        day = (int(parts["year"]), int(parts["month"]), int(parts["day"]))
        return datetime(*day, *clock, tzinfo=tz)
    except ValueError:
        return None
