"""Progress lines for long work (WARC replay, sitemap crawls): when one is due, and its text."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from newscrawler.utils.config import get_float

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

DEFAULT_INTERVAL = 10.0  # seconds; NEWSCRAWLER_PROGRESS_INTERVAL
UNITS = ((1024**3, "GB"), (1024**2, "MB"), (1024, "KB"), (1, "bytes"))


def progress_interval(settings: BaseSettings) -> float:
    """NEWSCRAWLER_PROGRESS_INTERVAL checked: seconds between progress lines, 0 for none."""
    return get_float(settings, "NEWSCRAWLER_PROGRESS_INTERVAL", DEFAULT_INTERVAL)


class Throttle:
    """True at most once per `interval` seconds (0 or less: never), on the monotonic clock."""

    def __init__(self, interval: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = interval
        self.clock = clock
        self.started = clock()
        self._last = self.started

    def restart(self) -> None:
        """Count from now: the work starts after the crawl's start-up."""
        self.started = self._last = self.clock()

    def due(self) -> bool:
        if self.interval <= 0:
            return False
        now = self.clock()
        if now - self._last < self.interval:
            return False
        self._last = now
        return True

    def elapsed(self) -> float:
        return self.clock() - self.started


def duration(seconds: float) -> str:
    """`1h 02m`, `3m 07s`, `42s`: short enough for a log line."""
    whole = max(0, round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}h {minutes:02d}m"
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def unit(size: float) -> tuple[int, str]:
    """The largest unit `size` holds at least one of (bytes for 0)."""
    return next(((scale, name) for scale, name in UNITS if size >= scale), UNITS[-1])


def replay_line(records: int, done: int, total: int, elapsed: float) -> str:
    """`1,204 records, 120.5 of 980.2 MB (12.3%), 410 records/s, 3.9 MB/s, about 3m 40s left`."""
    elapsed = max(elapsed, 1e-9)
    share = f" ({100 * done / total:.1f}%)" if total else ""
    byte_rate = done / elapsed
    scale, name = unit(total)
    rate_scale, rate_name = unit(byte_rate)
    line = f"{records:,} records, {done / scale:.1f} of {total / scale:.1f} {name}{share}, "
    line += f"{records / elapsed:,.0f} records/s, {byte_rate / rate_scale:.1f} {rate_name}/s"
    if byte_rate > 0 and total > done:
        line += f", about {duration((total - done) / byte_rate)} left"
    return line


def discovery_line(discovered: int, fetched: int, listings: int, elapsed: float) -> str:
    """`120 article URLs discovered, 45 fetched (37.5%), 3 listings read, 2.1 pages/s`.

    Listings are the sitemaps, feeds and listing pages read so far.
    """
    share = f" ({100 * fetched / discovered:.1f}%)" if discovered else ""
    rate = fetched / max(elapsed, 1e-9)
    return (
        f"{discovered:,} article URLs discovered, {fetched:,} fetched{share}, "
        f"{listings:,} listings read, {rate:.1f} pages/s"
    )
