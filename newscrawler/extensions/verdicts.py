"""The run verdicts and their exit statuses, most severe first (docs/operations.md)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

# 1 is Scrapy's own start-up failure, 2 a usage or configuration error (ConfigError).


@dataclass(frozen=True)
class Verdict:
    """A run outcome: its name in reports and logs, its exit status, what it means."""

    name: str
    exit_code: int
    meaning: str


OK = Verdict("OK", 0, "every check passed")
VERDICTS = (
    Verdict("FEED_FAILED", 5, "a feed could not be opened or stored"),
    Verdict("LOST", 6, "valid items did not reach every feed"),
    Verdict("ERRORS", 7, "unhandled exceptions (tracebacks) were logged"),
    Verdict("OUTAGE", 4, "requests were sent and none was answered"),
    Verdict("COLLAPSE", 3, "article pages were fetched but (nearly) no articles came out"),
    Verdict("INCOMPLETE", 8, "the crawl stopped before it finished"),
    Verdict("LOW_COVERAGE", 9, "too many articles lack a date, agency, headline or body"),
)
BY_NAME = {verdict.name: verdict for verdict in (OK, *VERDICTS)}


def worst(names: Iterable[str]) -> Verdict:
    """The most severe verdict among `names` (OK when empty)."""
    failed = set(names)
    return next((verdict for verdict in VERDICTS if verdict.name in failed), OK)
