"""Turns a crawl's `newscrawler/report/exit_code` stat into the exit status of `scrapy crawl`."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from newscrawler.extensions.report import EXIT_CODE_KEY

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


def stats_exit_code(crawlers: list[Crawler]) -> int:
    """The highest exit code any crawler's report asked for (0 if none did)."""
    codes = [int((c.stats.get_value(EXIT_CODE_KEY) if c.stats else 0) or 0) for c in crawlers]
    return max(codes, default=0)


class StatsExitCodeMixin:
    """Remembers each crawler a crawl/runspider command creates, then exits with its report's code.

    Scrapy itself exits non-zero only when a crawl fails to start.
    """

    exitcode: int
    _ops_crawlers: list[Crawler]

    def _create_crawler(self, spidercls: Any) -> Crawler:
        crawler: Crawler = super()._create_crawler(spidercls)  # type: ignore[misc]
        self._ops_crawlers = [*getattr(self, "_ops_crawlers", []), crawler]
        return crawler

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        super().run(args, opts)  # type: ignore[misc]
        self.exitcode = self.exitcode or stats_exit_code(getattr(self, "_ops_crawlers", []))
