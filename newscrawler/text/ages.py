"""Relative ages ("9 hours ago", "1h ago", "Yesterday") and absolute times as UTC datetimes."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from functools import lru_cache

# A regex instead of dateparser: sidebars hold dozens of ages per item and the cleaning chain must
# stay near 2,000 items/s on one core; these few shapes are all the pages use.
_AGE = re.compile(
    r"(?:(?:updated|posted|published)\s+)?(?P<n>\d{1,4}|an?|one)\s*"
    r"(?P<unit>s|secs?|seconds?|m|mins?|minutes?|h|hrs?|hours?|d|days?|w|wks?|weeks?"
    r"|mos?|months?|y|yrs?|years?)\.?\s+ago\.?",
    re.IGNORECASE,
)
# Months and years are approximations (30 and 365 days); the raw age is kept beside the result.
_UNIT_SECONDS = {
    "s": 1,
    "m": 60,
    "h": 3600,
    "d": 86400,
    "w": 7 * 86400,
    "mo": 30 * 86400,
    "y": 365 * 86400,
}
# "Yesterday" has no hour: one day back is the best single guess (documented in the README).
_WORDS = {"just now": 0, "moments ago": 0, "yesterday": 86400}
_EPOCH_MS_THRESHOLD = 10**11  # larger epoch numbers are milliseconds (1e11 s is the year 5138)
_NUMBER = re.compile(r"\d{9,14}(?:\.\d+)?")


def _unit_key(unit: str) -> str:
    unit = unit.lower()
    if unit.startswith("mo"):
        return "mo"
    return "m" if unit.startswith("mi") else unit[0]


# Sidebars repeat a handful of ages ("15 hours ago" eight times in the seed): cache the parse.
@lru_cache(maxsize=1024)
def parse_age(text: str) -> timedelta | None:
    """Return how long ago `text` ("45 minutes ago", "an hour ago", "Just now") says, else None."""
    if len(text) > 40:  # cheap exit for paragraphs: every age shape is short
        return None
    text = text.strip()
    word = _WORDS.get(text.lower().rstrip("."))
    if word is not None:
        return timedelta(seconds=word)
    match = _AGE.fullmatch(text)
    if match is None:
        return None
    n = match["n"].lower()
    count = int(n) if n.isdigit() else 1
    return timedelta(seconds=count * _UNIT_SECONDS[_unit_key(match["unit"])])


def parse_absolute_time(value: object) -> datetime | None:
    """Read an ISO 8601 string or epoch seconds/milliseconds (int or digits) as an aware datetime.

    A time written without a zone is taken as UTC: sidebars give no site context to do better.
    """
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _from_epoch(float(value))
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    if _NUMBER.fullmatch(value):
        return _from_epoch(float(value))
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _from_epoch(number: float) -> datetime | None:
    if number >= _EPOCH_MS_THRESHOLD:
        number /= 1000
    try:
        return datetime.fromtimestamp(number, tz=UTC)
    except (OverflowError, OSError, ValueError):
        return None


def to_utc_iso(moment: datetime) -> str:
    """Format as ISO 8601 in UTC to the second, with a +00:00 offset."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat()
