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
    """Remembers each crawler a crawl/runspider command starts, then exits with its report's code.

    Scrapy itself exits non-zero only when a crawl fails to start.
    """

    exitcode: int
    crawler_process: Any

    def run(self, args: list[str], opts: argparse.Namespace) -> None:
        crawlers: list[Crawler] = []
        process = self.crawler_process
        start_crawl = process.crawl

        def crawl(*crawl_args: Any, **kwargs: Any) -> Any:
            started = start_crawl(*crawl_args, **kwargs)
            # CrawlerRunner.crawlers (public) holds a crawler only while it runs: keep ours.
            crawlers.extend(c for c in process.crawlers if c not in crawlers)
            return started

        # An instance attribute of our own command's process, not a Scrapy internal.
        process.crawl = crawl
        super().run(args, opts)  # type: ignore[misc]
        self.exitcode = self.exitcode or stats_exit_code(crawlers)
