"""A logging handler counting tracebacks, the sign of an unhandled exception anywhere in a crawl."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from newscrawler.extensions.checks import TRACEBACKS_KEY

if TYPE_CHECKING:
    from scrapy.statscollectors import StatsCollector

# Twisted's "Unhandled error in Deferred" reaches logging as text, without exc_info.
TRACEBACK_TEXT = "Traceback (most recent call last)"


# Scrapy's engine logs its own failures at INFO ("Error while handling downloader output": a
# retry or redirect that could not be scheduled is lost); other INFO and WARNING tracebacks
# are deliberate and harmless (a request that cannot be serialised goes to memory).
ENGINE_LOGGER = "scrapy.core.engine"


class TracebackCounter(logging.Handler):
    """Counts records that carry a traceback into `newscrawler/errors/tracebacks`.

    ERROR and CRITICAL records with one, and the engine's INFO ones. A deliberate one-line
    ERROR (a feed that cannot be opened, a retry given up) has none, so it is judged by its
    own stat, not as an error of the code.
    """

    def __init__(self, stats: StatsCollector) -> None:
        super().__init__(level=logging.INFO)
        self.stats = stats

    def emit(self, record: logging.LogRecord) -> None:
        if record.levelno < logging.ERROR and record.name != ENGINE_LOGGER:
            return
        if (record.exc_info and record.exc_info[0]) or TRACEBACK_TEXT in _message(record):
            self.stats.inc_value(TRACEBACKS_KEY)


def _message(record: logging.LogRecord) -> str:
    try:
        return record.getMessage()
    except (TypeError, ValueError):  # a record whose arguments do not fit its format
        return str(record.msg)
