"""Turns a crawl's `newscrawler/report/exit_code` stat into the exit status of `scrapy crawl`."""

from __future__ import annotations

import argparse
import logging
from typing import TYPE_CHECKING, Any

from newscrawler.extensions.report import EXIT_CODE_KEY, VERDICT_KEY, RunReport
from newscrawler.extensions.verdicts import BY_NAME

if TYPE_CHECKING:
    from scrapy.crawler import Crawler

logger = logging.getLogger(__name__)

UNJUDGED = BY_NAME["INCOMPLETE"]
UNJUDGED_LINE = (
    "Run verdict %s (exit %d): the crawl stopped before it could be judged (a second Ctrl-C or "
    "SIGTERM forces an unclean shutdown); items still buffered were not written"
)


def stats_exit_code(crawlers: list[Crawler]) -> int:
    """The highest exit code any crawler's report asked for (0 if none did)."""
    return max((crawler_exit_code(crawler) for crawler in crawlers), default=0)


def crawler_exit_code(crawler: Crawler) -> int:
    """Its report's code; INCOMPLETE when the report never judged a crawl that started."""
    if crawler.stats is None:
        return 0
    if unjudged(crawler):
        logger.error(UNJUDGED_LINE, UNJUDGED.name, UNJUDGED.exit_code)
        return UNJUDGED.exit_code
    return int(crawler.stats.get_value(EXIT_CODE_KEY) or 0)


def unjudged(crawler: Crawler) -> bool:
    """A crawl that started and ended without a verdict: the run report on, or none closed it.

    With RunReport taken out of EXTENSIONS (NEWSCRAWLER_REPORT_ENABLED drops only its JSON file)
    there is no verdict to wait for, but an unclean shutdown still shows: no `finish_reason`.
    """
    stats = crawler.stats
    if stats is None or stats.get_value("start_time") is None or stats.get_value(VERDICT_KEY):
        return False
    if stats.get_value("finish_reason") is None:
        return True
    extensions = getattr(crawler, "extensions", None)
    return any(isinstance(ext, RunReport) for ext in getattr(extensions, "middlewares", ()))


class StatsExitCodeMixin:
    """Remembers each crawler a crawl/runspider command starts, then exits with its report's code.

    Scrapy itself exits non-zero only when a crawl fails to start. A crawl cut off before its
    verdict (an unclean shutdown skips spider_closed) exits INCOMPLETE, never 0.
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
