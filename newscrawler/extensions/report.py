"""Extension writing a JSON run report at spider_closed and flagging extraction collapse."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from scrapy import Request, signals
from scrapy.exceptions import NotConfigured

from newscrawler.extensions.summary import (
    ARTICLE_PAGES_KEY,
    COLLAPSE,
    DEFAULT_MIN_ITEMS,
    build_report,
    summary_line,
)
from newscrawler.utils.config import get_bool, get_int
from newscrawler.utils.requests import article_pattern, is_article_request
from newscrawler.utils.state import REPORTS_DIR, prune_reports, reports_keep, state_path

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

logger = logging.getLogger(__name__)

DEFAULT_COLLAPSE_EXIT_CODE = 3  # 1 is Scrapy's own start-up failure, 2 a usage error
EXIT_CODE_KEY = "newscrawler/report/exit_code"  # read by newscrawler.commands.exitcode


def report_filename(spider: str, start_time: Any) -> str:
    """`<spider>-<start time>.json`, the time written like the `%(time)s` of feed URIs."""
    start = start_time if isinstance(start_time, datetime) else datetime.now(UTC)
    stamp = start.astimezone(UTC).replace(microsecond=0).isoformat()
    return f"{spider}-{stamp.replace(':', '-')}.json"


class RunReport:
    """Logs a summary and writes `<NEWSCRAWLER_REPORT_DIR>/<spider>-<start>.json` at close.

    On a COLLAPSE verdict it logs an ERROR and sets the `newscrawler/report/exit_code` stat, which
    the project's `crawl` and `runspider` commands (COMMANDS_MODULE) turn into the exit status.
    """

    def __init__(
        self,
        stats: StatsCollector,
        report_dir: str,
        exit_code: int,
        min_items: int,
        keep: int = 0,
    ) -> None:
        self.stats = stats
        self.report_dir = Path(report_dir)
        self.exit_code = exit_code
        self.min_items = min_items
        self.keep = keep  # reports kept per spider (NEWSCRAWLER_REPORTS_KEEP); 0: all
        self.pattern: re.Pattern[str] | None = None
        self.crawler: Crawler | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        settings = crawler.settings
        if not get_bool(settings, "NEWSCRAWLER_REPORT_ENABLED", True):
            raise NotConfigured("NEWSCRAWLER_REPORT_ENABLED is off")
        ext = cls(
            crawler.stats,
            state_path(settings, "NEWSCRAWLER_REPORT_DIR", REPORTS_DIR),
            get_int(
                settings, "NEWSCRAWLER_COLLAPSE_EXIT_CODE", DEFAULT_COLLAPSE_EXIT_CODE, high=255
            ),
            get_int(settings, "NEWSCRAWLER_COLLAPSE_MIN_ITEMS", DEFAULT_MIN_ITEMS),
            keep=reports_keep(settings),
        )
        ext.crawler = crawler
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.response_received, signal=signals.response_received)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        return ext

    def spider_opened(self) -> None:
        self.pattern = article_pattern(self.crawler.spider if self.crawler else None)

    def response_received(self, request: Request) -> None:
        if is_article_request(request, self.pattern):
            self.stats.inc_value(ARTICLE_PAGES_KEY)

    def spider_closed(self, reason: str) -> None:
        spider = self.crawler.spider if self.crawler else None
        self.close(spider.name if spider else "spider", reason)

    def close(self, spider: str, reason: str | None) -> dict[str, Any]:
        """Build, log and write the report; separate from the signal so tests need no crawler."""
        report = build_report(
            self.stats.get_stats(), spider=spider, finish_reason=reason, min_items=self.min_items
        )
        if report["verdict"] == COLLAPSE:
            report["exit_code"] = self.exit_code
            self.stats.set_value(EXIT_CODE_KEY, self.exit_code)
            logger.error("Extraction COLLAPSE: %s", "; ".join(report["collapse_reasons"]))
        logger.info("Run report: %s", summary_line(report))
        path = self.report_dir / report_filename(spider, self.stats.get_value("start_time"))
        self.write(path, report)
        prune_reports(self.report_dir, spider, self.keep)
        return report

    def write(self, path: Path, report: dict[str, Any]) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(report, indent=2, sort_keys=True, default=str) + "\n")
        except OSError as exc:  # a full disk must not hide the verdict, which is already logged
            logger.error("Cannot write run report %s: %s", path, exc)
            path.unlink(missing_ok=True)  # no empty or torn report left to be read as one
        else:
            logger.info("Run report written to %s", path)
