"""Where a crawl keeps its state: seen-store, story index, run reports (NEWSCRAWLER_STATE_DIR)."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from scrapy.utils.conf import closest_scrapy_cfg

from newscrawler.exceptions import ConfigError
from newscrawler.stores import statefile
from newscrawler.utils.config import get_int

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings

logger = logging.getLogger(__name__)

# Below the state directory; each one can be moved on its own by its path setting.
SEEN_FILE = "seen.sqlite"
STORIES_FILE = "stories.sqlite"
REPORTS_DIR = "reports"
# Reports kept per spider: a crawl every 10 minutes otherwise leaves 52,000 files a year.
DEFAULT_REPORTS_KEEP = 100


def project_root() -> Path | None:
    """The folder of the scrapy.cfg found from the working directory upwards, as `scrapy` finds it.

    None when there is none: a scrapyd job runs from scrapyd's working directory, without one.
    """
    found = closest_scrapy_cfg()
    return Path(found).parent if found else None


def state_dir(settings: BaseSettings) -> Path:
    """NEWSCRAWLER_STATE_DIR if set; else `data/` beside scrapy.cfg; else `data/` here."""
    given = settings.get("NEWSCRAWLER_STATE_DIR")
    if given:
        return Path(given).expanduser()
    return (project_root() or Path.cwd()) / "data"


def state_path(settings: BaseSettings, setting: str, name: str) -> str:
    """The path in `setting` as given (relative to the working dir), else `<state dir>/name`."""
    given = settings.get(setting)
    return str(given) if given else str(state_dir(settings) / name)


def usable_state_path(settings: BaseSettings, setting: str, name: str) -> str:
    """state_path() of a SQLite store, checked now: an unusable file is a ConfigError at start.

    Stores open with the spider, too late for a clean refusal (a traceback, or a crawl going on
    without its seen-store); components call this in from_crawler: one line, exit 2, no fetch.
    """
    path = state_path(settings, setting, name)
    try:
        statefile.check(path)
    except statefile.UnusableStateFile as exc:
        # Point at the setting that placed the file: its own, else the state folder.
        placed_by = setting if settings.get(setting) else "NEWSCRAWLER_STATE_DIR"
        fix = " or ".join(filter(None, (exc.fix, f"point {placed_by} elsewhere")))
        raise ConfigError(f"{setting} {exc.path!r} {exc.problem}; {fix}") from None
    return path


def reports_keep(settings: BaseSettings) -> int:
    """NEWSCRAWLER_REPORTS_KEEP checked: reports kept per spider, 0 keeps every one."""
    return get_int(settings, "NEWSCRAWLER_REPORTS_KEEP", DEFAULT_REPORTS_KEEP)


def prune_reports(folder: Path, spider: str, keep: int) -> int:
    """Delete all but the newest `keep` `<spider>-<time>.json` reports; returns how many went.

    Names carry the start time in ISO 8601 UTC, so name order is time order.
    """
    if keep == 0:
        return 0
    reports = sorted(p for p in folder.glob(f"{spider}-*.json") if _is_report(p, spider))
    removed = 0
    for old in reports[: max(0, len(reports) - keep)]:
        try:
            old.unlink()
            removed += 1
        except OSError as exc:  # another job pruning the same folder, or a read-only file
            logger.warning("Cannot delete old run report %s: %s", old, exc)
    return removed


def _is_report(path: Path, spider: str) -> bool:
    """`<spider>-YYYY-...json`: not another spider whose name starts with this one's and a dash."""
    return path.name[len(spider) + 1 : len(spider) + 2].isdigit()
