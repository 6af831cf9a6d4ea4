"""The report and monitor settings, read and checked once at start-up (NEWSCRAWLER_*)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from scrapy.settings import BaseSettings
from scrapy.utils.misc import load_object
from spidermon.core.actions import Action
from spidermon.exceptions import NotConfigured as SpidermonNotConfigured

from newscrawler.exceptions import ConfigError
from newscrawler.extensions.checks import (
    DEFAULT_COVERAGE_MIN_ITEMS,
    DEFAULT_FIELD_COVERAGE,
    DEFAULT_FINISH_REASONS,
)
from newscrawler.extensions.monitors import CheckOptions
from newscrawler.extensions.summary import DEFAULT_MIN_ITEMS
from newscrawler.extensions.verdicts import BY_NAME
from newscrawler.items import FIELD_NAMES
from newscrawler.utils.config import get_dict, get_int, get_list

if TYPE_CHECKING:
    from scrapy.crawler import Crawler


@dataclass(frozen=True)
class ReportOptions:
    checks: CheckOptions
    exit_codes: Mapping[str, int] = field(default_factory=dict)  # verdict name -> override


def report_options(settings: BaseSettings) -> ReportOptions:
    """The checks' thresholds and the exit-code overrides, from settings."""
    checks = CheckOptions(
        collapse_min_items=get_int(settings, "NEWSCRAWLER_COLLAPSE_MIN_ITEMS", DEFAULT_MIN_ITEMS),
        field_coverage=coverage_setting(settings),
        coverage_min_items=get_int(
            settings, "NEWSCRAWLER_COVERAGE_MIN_ITEMS", DEFAULT_COVERAGE_MIN_ITEMS
        ),
        finish_reasons=tuple(
            get_list(settings, "NEWSCRAWLER_FINISH_REASONS", DEFAULT_FINISH_REASONS)
        ),
    )
    default = BY_NAME["COLLAPSE"].exit_code
    # 0 would let a run that reached nobody exit as a success
    collapse = get_int(settings, "NEWSCRAWLER_COLLAPSE_EXIT_CODE", default, low=1, high=255)
    return ReportOptions(checks, {"COLLAPSE": collapse})


def coverage_setting(settings: BaseSettings) -> dict[str, float]:
    """NEWSCRAWLER_FIELD_COVERAGE: field -> share 0..1 (a dict, or JSON on `-s`)."""
    name = "NEWSCRAWLER_FIELD_COVERAGE"
    shares = get_dict(settings, name, dict(DEFAULT_FIELD_COVERAGE))
    try:
        checked = {str(k): float(v) for k, v in shares.items()}
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{name}: shares must be numbers from 0 to 1 ({exc})") from None
    if bad := sorted(k for k, v in checked.items() if not 0 <= v <= 1):
        raise ConfigError(f"{name}: shares must be from 0 to 1, not {bad}")
    if unknown := sorted(set(checked) - set(FIELD_NAMES)):  # a typo would fail every run's coverage
        raise ConfigError(f"{name}: unknown field {unknown[0]!r}; accepted: record fields")
    return checked


def monitor_actions(crawler: Crawler) -> list[Any]:
    """NEWSCRAWLER_MONITOR_ACTIONS: spidermon action classes, configured by their SPIDERMON_*."""
    actions: list[Any] = []
    for path in get_list(crawler.settings, "NEWSCRAWLER_MONITOR_ACTIONS", ()):
        try:
            cls: Any = load_object(path)
        except (ImportError, NameError, ValueError) as exc:
            raise ConfigError(f"NEWSCRAWLER_MONITOR_ACTIONS: cannot load {path}: {exc}") from None
        if not (isinstance(cls, type) and issubclass(cls, Action)):
            raise ConfigError(f"NEWSCRAWLER_MONITOR_ACTIONS: {path} is not a spidermon action")
        action: Any = cls  # spidermon is untyped: its from_crawler reads the SPIDERMON_* settings
        try:
            actions.append(action.from_crawler(crawler))
        except SpidermonNotConfigured as exc:
            raise ConfigError(f"NEWSCRAWLER_MONITOR_ACTIONS: {path}: {exc}") from None
    return actions
