"""Entries of the Redis seed list a `redis_article` worker reads: encoding and the run's keys."""

from __future__ import annotations

import json

from newscrawler.sites.discovery import entry_problem

DEFAULT_KEY = "redis_article:start_urls"
KINDS = ("article", "sitemap", "feed")


def encode_seed(url: str, kind: str = "article") -> str:
    """One queue entry: JSON with the URL and what it points at."""
    if kind not in KINDS:
        raise ValueError(f"unknown seed kind {kind!r}; expected one of {KINDS}")
    return json.dumps({"url": url, "kind": kind})


def decode_seed(data: bytes | str) -> tuple[str, str] | None:
    """(url, kind) of a queue entry; a bare URL (`redis-cli rpush K URL`) is an article page."""
    text = (data.decode("utf-8", "replace") if isinstance(data, bytes) else data).strip()
    if not text.startswith("{"):
        return (text, "article") if entry_problem(text) is None else None
    try:
        entry = json.loads(text)
    except json.JSONDecodeError:
        return None
    url, kind = entry.get("url"), entry.get("kind", "article")
    # a URL Scrapy cannot fetch ("www.x.com/a") stopped the worker mid-batch: no seed
    if not isinstance(url, str) or entry_problem(url) or kind not in KINDS:
        return None
    return url, kind


def run_keys(start_key: str) -> list[str]:
    """The keys of one run: the seeds, and scrapy-redis's request queue and fingerprints."""
    spider = start_key.rsplit(":", 1)[0]
    return [start_key, f"{spider}:requests", f"{spider}:dupefilter"]
