"""Extension running the verdict monitor suite once the feeds are closed, and writing the report."""

from __future__ import annotations

import json
import logging
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter
from scrapy import Request, signals
from scrapy.http import Response
from scrapy.utils.httpobj import urlparse_cached

from newscrawler.extensions.errors import TracebackCounter
from newscrawler.extensions.monitors import Runner, VerdictSuite, failed_actions, failed_checks
from newscrawler.extensions.options import monitor_actions, report_options
from newscrawler.extensions.summary import (
    ARTICLE_PAGES_KEY,
    ARTICLE_REQUESTS_KEY,
    COVERAGE_PREFIX,
    LISTING_REQUESTS_KEY,
    build_report,
    summary_line,
)
from newscrawler.extensions.verdicts import worst
from newscrawler.utils.config import get_bool
from newscrawler.utils.requests import article_pattern, is_article_request, is_html
from newscrawler.utils.state import REPORTS_DIR, prune_reports, reports_keep, state_path

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

    from newscrawler.extensions.options import ReportOptions

logger = logging.getLogger(__name__)

EXIT_CODE_KEY = "newscrawler/report/exit_code"  # read by newscrawler.commands.exitcode
VERDICT_KEY = "newscrawler/report/verdict"
# Set by the feed exporter (feeds/extension.py) when a feed could not be opened: none was, and
# none will signal its close.
OPEN_FAILED_KEY = "newscrawler/feeds/open_failed"


def report_filename(spider: str, start_time: Any) -> str:
    """`<spider>-<start time>.json`, the time written like the `%(time)s` of feed URIs."""
    start = start_time if isinstance(start_time, datetime) else datetime.now(UTC)
    stamp = start.astimezone(UTC).replace(microsecond=0).isoformat()
    return f"{spider}-{stamp.replace(':', '-')}.json"


class RunReport:
    """Runs the VerdictSuite (spidermon) after the feeds have closed; logs and writes the report.

    The most severe failed check is the verdict; its exit status goes to the
    `newscrawler/report/exit_code` stat, which the project's `crawl` and `runspider` commands
    (COMMANDS_MODULE) exit with. NEWSCRAWLER_MONITOR_ACTIONS (spidermon actions) run when a
    check failed. Without a `report_dir` (NEWSCRAWLER_REPORT_ENABLED=False) no JSON file is
    written, but the verdict, its log line and the exit status still are.
    """

    def __init__(
        self, stats: StatsCollector, report_dir: str | None, options: ReportOptions, keep: int = 0
    ) -> None:
        self.stats = stats
        self.report_dir = Path(report_dir) if report_dir else None
        self.options = options
        self.keep = keep  # reports kept per spider (NEWSCRAWLER_REPORTS_KEEP); 0: all
        self.pattern: re.Pattern[str] | None = None
        self.crawler: Crawler | None = None
        self.actions: list[Any] = []
        self.reason: str | None = None
        self.judged = False
        self.counter = TracebackCounter(stats)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> RunReport:
        settings = crawler.settings
        # The switch drops only the JSON file: a run that failed must never exit 0 unjudged.
        report_dir = None
        if get_bool(settings, "NEWSCRAWLER_REPORT_ENABLED", True):
            report_dir = state_path(settings, "NEWSCRAWLER_REPORT_DIR", REPORTS_DIR)
        ext = cls(crawler.stats, report_dir, report_options(settings), reports_keep(settings))
        ext.crawler = crawler
        ext.actions = monitor_actions(crawler)  # built now: a misconfigured one fails at start
        for handler, signal in (
            (ext.spider_opened, signals.spider_opened),
            (ext.request_reached_downloader, signals.request_reached_downloader),
            (ext.response_received, signals.response_received),
            (ext.item_scraped, signals.item_scraped),
            (ext.spider_closed, signals.spider_closed),
            (ext.feeds_closed, signals.feed_exporter_closed),
            (ext.engine_stopped, signals.engine_stopped),
        ):
            crawler.signals.connect(handler, signal=signal)
        # Counting from now: a traceback of a component opening before this one (a feed's,
        # at spider_opened) must fail the verdict too
        logging.getLogger().addHandler(ext.counter)
        return ext

    def spider_opened(self) -> None:
        self.pattern = article_pattern(self.crawler.spider if self.crawler else None)

    def request_reached_downloader(self, request: Request) -> None:
        # Past the downloader middlewares: a request of a resumed JOBDIR queue counts too.
        if urlparse_cached(request).path == "/robots.txt":
            return  # fetched for every host: no listing
        found = is_article_request(request, self.pattern)
        self.stats.inc_value(ARTICLE_REQUESTS_KEY if found else LISTING_REQUESTS_KEY)

    def response_received(self, response: Response, request: Request) -> None:
        # A 404 or a PDF is no article page that extraction could have failed on.
        if 200 <= response.status < 300 and is_html(response):
            if is_article_request(request, self.pattern):
                self.stats.inc_value(ARTICLE_PAGES_KEY)

    def item_scraped(self, item: Any) -> None:
        adapter = ItemAdapter(item)
        for name in self.options.checks.field_coverage:
            if adapter.get(name):
                self.stats.inc_value(COVERAGE_PREFIX + name)

    def spider_closed(self, reason: str) -> None:
        self.reason = reason
        # With feeds open, judge at feed_exporter_closed: their failures are counted by then.
        feeds = self.crawler.settings.getdict("FEEDS") if self.crawler else {}
        if not feeds or self.stats.get_value(OPEN_FAILED_KEY):
            self.judge()

    def feeds_closed(self) -> None:
        self.judge()

    def engine_stopped(self) -> None:
        self.judge()  # feeds configured but the exporter disabled: judge now
        logging.getLogger().removeHandler(self.counter)

    def judge(self) -> None:
        if not self.judged:
            self.judged = True
            spider = self.crawler.spider if self.crawler else None
            self.close(spider.name if spider else "spider", self.reason)

    def close(self, spider: str, reason: str | None) -> dict[str, Any]:
        """Run the suite, then log and (when enabled) write the report; tests call it directly."""
        stats = {**self.stats.get_stats(), "finish_reason": reason}
        failed = self.run_suite(stats)
        verdict = worst(failed)
        code = self.options.exit_codes.get(verdict.name, verdict.exit_code)
        report = {"verdict": verdict.name, "exit_code": code, "failed_checks": failed}
        report |= build_report(stats, spider=spider, finish_reason=reason)
        self.stats.set_value(VERDICT_KEY, verdict.name)
        if code:
            self.stats.set_value(EXIT_CODE_KEY, code)
            logger.error("Run verdict %s (exit %d): %s", verdict.name, code, _reasons(failed))
        logger.info("Run report: %s", summary_line(report))
        if self.report_dir is not None:
            self.write(self.report_dir / report_filename(spider, stats.get("start_time")), report)
            prune_reports(self.report_dir, spider, self.keep)
        return report

    def run_suite(self, stats: dict[str, Any]) -> dict[str, str]:
        spider = self.crawler.spider if self.crawler else None
        # What spidermon's own extension passes, so its notification templates fill in.
        data: dict[str, Any] = {"stats": stats, "crawler": self.crawler, "spider": spider}
        data |= {"sc_spider_name": spider.name if spider else "", "job": None}
        data |= {"stats_history": [], "options": self.options.checks}
        # A unittest suite runs once (it drops its tests as they finish): a new one per run.
        suite = VerdictSuite(crawler=self.crawler, monitors_failed_actions=self.actions)
        result = Runner(spider=spider).run(suite, **data)
        for failure in failed_actions(result):  # a notification that could not be sent
            logger.error("Monitor action failed: %s", failure)
        return failed_checks(result)

    def write(self, path: Path, report: dict[str, Any]) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(report, indent=2, sort_keys=True, default=str) + "\n")
        except OSError as exc:  # a full disk must not hide the verdict, which is already logged
            logger.error("Cannot write run report %s: %s", path, exc)
            path.unlink(missing_ok=True)  # no empty or torn report left to be read as one
        else:
            logger.info("Run report written to %s", path)


def _reasons(failed: dict[str, str]) -> str:
    return "; ".join(f"{name}: {why}" for name, why in failed.items())
