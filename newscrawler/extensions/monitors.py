"""The spidermon monitor suite behind the run verdict: one monitor per check in checks.py."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, ClassVar

from spidermon import Monitor, MonitorSuite
from spidermon.contrib.scrapy.runners import SpiderMonitorResult, SpiderMonitorRunner

from newscrawler.extensions import checks
from newscrawler.extensions.summary import DEFAULT_MIN_ITEMS

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class CheckOptions:
    """The thresholds the checks run with, read and validated once from settings."""

    collapse_min_items: int = DEFAULT_MIN_ITEMS
    field_coverage: Mapping[str, float] = field(
        default_factory=lambda: dict(checks.DEFAULT_FIELD_COVERAGE)
    )
    coverage_min_items: int = checks.DEFAULT_COVERAGE_MIN_ITEMS
    finish_reasons: tuple[str, ...] = checks.DEFAULT_FINISH_REASONS


class VerdictMonitor(Monitor):  # type: ignore[misc]
    """A monitor whose failure gives the run the verdict named by `verdict`."""

    verdict: ClassVar[str] = "ERRORS"
    reason: str | None = None

    @property
    def name(self) -> str:
        """What notifications show: the monitor, its verdict and, once it failed, why."""
        head = f"{type(self).__name__} ({self.verdict})"
        return f"{head}: {self.reason}" if self.reason else head

    def check(self, stats: Mapping[str, Any], options: CheckOptions) -> str | None:
        raise NotImplementedError

    def test_check(self) -> None:
        self.reason = self.check(self.data.stats, self.data.options)
        if self.reason:
            self.fail(self.reason)


class ErrorsMonitor(VerdictMonitor):
    """No unhandled exception: no traceback or CRITICAL line logged, no callback raised."""

    verdict = "ERRORS"

    def check(self, stats: Mapping[str, Any], options: CheckOptions) -> str | None:
        return checks.errors(stats)


class FeedsMonitor(VerdictMonitor):
    """Every feed was opened and stored."""

    verdict = "FEED_FAILED"

    def check(self, stats: Mapping[str, Any], options: CheckOptions) -> str | None:
        return checks.feeds(stats)


class LostItemsMonitor(VerdictMonitor):
    """Every valid item reached every feed."""

    verdict = "LOST"

    def check(self, stats: Mapping[str, Any], options: CheckOptions) -> str | None:
        return checks.lost(stats)


class OutageMonitor(VerdictMonitor):
    """Some request was answered (below 500)."""

    verdict = "OUTAGE"

    def check(self, stats: Mapping[str, Any], options: CheckOptions) -> str | None:
        return checks.outage(stats)


class ItemCountMonitor(VerdictMonitor):
    """Articles exported against article pages fetched: extraction did not collapse."""

    verdict = "COLLAPSE"

    def check(self, stats: Mapping[str, Any], options: CheckOptions) -> str | None:
        return checks.collapse(stats, stats.get("finish_reason"), options.collapse_min_items)


class FinishReasonMonitor(VerdictMonitor):
    """The crawl finished, or stopped at a limit the user set."""

    verdict = "INCOMPLETE"

    def check(self, stats: Mapping[str, Any], options: CheckOptions) -> str | None:
        return checks.finish_reason(stats.get("finish_reason"), options.finish_reasons)


class FieldCoverageMonitor(VerdictMonitor):
    """Enough exported articles have a headline, body, published_at and agency."""

    verdict = "LOW_COVERAGE"

    def check(self, stats: Mapping[str, Any], options: CheckOptions) -> str | None:
        return checks.coverage(stats, options.field_coverage, options.coverage_min_items)


class VerdictSuite(MonitorSuite):  # type: ignore[misc]
    """The checks of every run; its failed monitors decide the verdict and exit status."""

    monitors: ClassVar[list[type[VerdictMonitor]]] = [
        ErrorsMonitor,
        FeedsMonitor,
        LostItemsMonitor,
        OutageMonitor,
        ItemCountMonitor,
        FinishReasonMonitor,
        FieldCoverageMonitor,
    ]


class LoggingResult(SpiderMonitorResult):  # type: ignore[misc]
    """Spidermon's per-monitor lines at DEBUG through our logger, not the deprecated Spider.log.

    The run's verdict line (extensions/report.py) names each failed check and why; spidermon's
    failure details are unittest tracebacks, which would read as errors of the crawl.
    """

    def log(self, msg: str, level: int = logging.DEBUG) -> None:
        logger.log(min(level, logging.DEBUG), "[Spidermon] %s", msg)

    def write_errors(self) -> None:
        pass


class Runner(SpiderMonitorRunner):  # type: ignore[misc]
    def create_result(self) -> LoggingResult:
        return LoggingResult(self.spider)


def failed_checks(result: Any) -> dict[str, str]:
    """Verdict name -> reason, for each monitor that failed (or broke) in a suite run."""
    failed: dict[str, str] = {}
    for item in result.monitors_failed_results:
        monitor = item.monitor
        if isinstance(monitor, VerdictMonitor) and monitor.reason:
            failed.setdefault(monitor.verdict, monitor.reason)
        else:  # the monitor itself raised: a bug in a check is an error of the run
            last = str(item.error or "").strip().splitlines()[-1:] or ["monitor failed"]
            failed.setdefault("ERRORS", f"{item.monitor.name}: {last[0]}")
    return failed


def failed_actions(result: Any) -> list[str]:
    """`<action>: <last line of its error>` for each action (a notification) that raised."""
    steps = (result.monitors_finished_action_results, result.monitors_failed_action_results)
    return [
        f"{item.action.name}: {(str(item.error).strip().splitlines() or ['failed'])[-1]}"
        for results in steps
        for item in results
        if item.error
    ]
