"""The seen store in Redis, shared by the workers of a distributed crawl (no Scrapy import)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol

from newscrawler.stores.seen import SeenStore, url_fingerprint

# One store for every spider, like the single data/seen.sqlite; separate deployments use
# separate Redis databases (the /N of the URL).
DEFAULT_KEY = "newscrawler:seen"
REDIS_SCHEMES = ("redis://", "rediss://", "unix://")


class SeenStoreLike(Protocol):
    """What the incremental middleware needs of a seen store (SQLite or Redis)."""

    def is_exported(self, url: str) -> bool: ...
    def mark_fetched(self, url: str, *, now: str) -> None: ...
    def mark_exported(self, urls: Iterable[str], *, now: str) -> int: ...
    def exported_count(self) -> int: ...
    def close(self) -> None: ...


def open_seen_store(location: str | Path) -> SeenStoreLike:
    """A Redis store for a `redis://` URL, else the SQLite store at the path."""
    if str(location).startswith(REDIS_SCHEMES):
        return RedisSeenStore(str(location))
    return SeenStore(location)


class RedisSeenStore:
    """Two hashes keyed by URL fingerprint: `<key>:fetched` and `<key>:exported`.

    Same semantics as the SQLite `seen` table; times are ISO 8601 strings from the caller.
    Every call is one round trip, atomic on the server, so concurrent workers never conflict.
    """

    def __init__(self, url: str, *, key: str = DEFAULT_KEY, client: Any = None) -> None:
        if client is None:
            import redis  # optional dependency (scrapy-redis brings it): imported only when used

            client = redis.Redis.from_url(url, decode_responses=True)
        self.client = client
        self.fetched_key = f"{key}:fetched"
        self.exported_key = f"{key}:exported"

    def is_exported(self, url: str) -> bool:
        """Whether an item for this URL has been exported by any worker, in any run."""
        return bool(self.client.hexists(self.exported_key, url_fingerprint(url)))

    def mark_fetched(self, url: str, *, now: str) -> None:
        """Remember the first fetch of a URL (value: first-seen time and URL)."""
        self.client.hsetnx(self.fetched_key, url_fingerprint(url), f"{now} {url}")

    def mark_exported(self, urls: Iterable[str], *, now: str) -> int:
        """Mark URLs exported at `now`; returns how many distinct URLs were written."""
        rows = {url_fingerprint(url): url for url in urls if url}
        if not rows:
            return 0
        with self.client.pipeline(transaction=True) as pipe:
            for fp, url in rows.items():
                pipe.hsetnx(self.fetched_key, fp, f"{now} {url}")
            pipe.hset(self.exported_key, mapping=dict.fromkeys(rows, now))
            pipe.execute()
        return len(rows)

    def exported_count(self) -> int:
        """How many URLs are marked exported."""
        return int(self.client.hlen(self.exported_key))

    def close(self) -> None:
        self.client.close()
