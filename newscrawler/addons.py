"""Scrapy add-ons: the default JSON Lines feed when none was asked for, and Redis distribution."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newscrawler.exceptions import ConfigError
from newscrawler.utils.config import get_dict, get_str, without_password
from newscrawler.utils.state import project_root

if TYPE_CHECKING:
    from scrapy.settings import BaseSettings


class DefaultFeeds:
    """Applies `NEWSCRAWLER_DEFAULT_FEEDS` when `FEEDS` is empty after -o/-O/-s are applied.

    Scrapy 2.19 merges the FEEDS dict across priorities, so a default in settings.py would also
    be written next to every `-O file` a user asks for; an add-on runs after the command line.
    Relative default paths are anchored at the project (the scrapy.cfg's folder), so a crawl
    started from a subfolder writes to the project's data/, like its state (utils/state.py).
    """

    def update_settings(self, settings: BaseSettings) -> None:
        if settings.getdict("FEEDS"):
            return
        defaults = get_dict(settings, "NEWSCRAWLER_DEFAULT_FEEDS", {})
        if defaults:
            root = project_root()
            anchored = {anchor(uri, root): options for uri, options in defaults.items()}
            settings.set("FEEDS", anchored, priority="addon")


def anchor(uri: str, root: Path | None) -> str:
    """A relative file path below `root`; URIs (`file://`, `s3://`), absolute paths unchanged."""
    if root is None or "://" in uri or Path(uri).is_absolute():
        return uri
    return str(root / uri)


# scrapy-redis's scheduler and duplicate filter; not its stats collector, which is broken on
# Scrapy 2.19 (rmax/scrapy-redis#303), so every worker keeps its own stats and run report.
REDIS_SETTINGS: dict[str, Any] = {
    # scrapy-redis's scheduler minus its deprecated stats calls (newscrawler/scheduler.py).
    "SCHEDULER": "newscrawler.scheduler.RedisScheduler",
    "DUPEFILTER_CLASS": "scrapy_redis.dupefilter.RFPDupeFilter",
    # The first worker to finish would otherwise flush the queue and fingerprints the others still
    # use; a new run starts from `python -m newscrawler.cli.push_seeds --reset`.
    "SCHEDULER_PERSIST": True,
}
# Without Redis: Scrapy's scheduler, except that a request its JOBDIR disk queue cannot take (a
# queue file a killed crawl left torn) is kept in memory, not lost (newscrawler/diskqueue.py).
# Set here, not in settings.py: a project setting would outrank the Redis one below.
LOCAL_SCHEDULER = "newscrawler.diskqueue.ResumableScheduler"
INSTALL_HINT = "pip install scrapy-redis==0.9.1"
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


class RedisAddon:
    """Switches the scheduler and duplicate filter to scrapy-redis when a Redis URL is given.

    Settings: NEWSCRAWLER_REDIS_URL (`redis://host:port/db`; empty: one process, the local
    scheduler). Runs after the command line, at add-on priority: `-s SCHEDULER_PERSIST=False`
    (or `-s SCHEDULER=...`) still wins.
    """

    def update_settings(self, settings: BaseSettings) -> None:
        url = get_str(settings, "NEWSCRAWLER_REDIS_URL", "")
        if not url:
            settings.set("SCHEDULER", LOCAL_SCHEDULER, priority="addon")
            return
        if not url.startswith(REDIS_SCHEMES):
            raise ConfigError(
                f"NEWSCRAWLER_REDIS_URL is not a Redis URL; accepted: {', '.join(REDIS_SCHEMES)}..."
            )
        if importlib.util.find_spec("scrapy_redis") is None:
            # Fail at start-up: a worker silently crawling on its own would fetch everything twice.
            raise ConfigError(
                f"NEWSCRAWLER_REDIS_URL is set but scrapy-redis is missing: {INSTALL_HINT}"
            )
        reach_redis(url)
        settings.set("REDIS_URL", url, priority="addon")
        for name, value in REDIS_SETTINGS.items():
            settings.set(name, value, priority="addon")


def reach_redis(url: str) -> None:
    """ConfigError unless the Redis server answers a PING (down, wrong password, not Redis).

    Checked before the crawl: scrapy-redis meets it later, in several tracebacks and no verdict.
    """
    import redis  # installed with scrapy-redis, checked above

    client = redis.Redis.from_url(url, socket_connect_timeout=5, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as exc:
        shown = without_password(url)
        raise ConfigError(f"NEWSCRAWLER_REDIS_URL {shown}: Redis does not answer ({exc})") from None
    finally:
        client.close()
