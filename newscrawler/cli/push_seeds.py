"""Push seed URLs (articles, sitemaps, feeds) to the Redis list a `redis_article` worker reads."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from newscrawler.sites.discovery import entry_problem
from newscrawler.utils.seeds import DEFAULT_KEY, encode_seed, run_keys


def push(client: Any, key: str, entries: Sequence[str], *, reset: bool = False) -> int:
    """Append entries in order (workers pop from the head); `reset` first forgets the last run."""
    with client.pipeline(transaction=True) as pipe:
        if reset:
            pipe.delete(*run_keys(key))
        if entries:
            pipe.rpush(key, *entries)
        pipe.execute()
    return len(entries)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m newscrawler.cli.push_seeds", description=__doc__
    )
    parser.add_argument("--redis", required=True, help="redis://host:port/db")
    parser.add_argument("--key", default=DEFAULT_KEY, help="the spider's <name>:start_urls list")
    parser.add_argument("--sitemap", action="append", default=[], help="a sitemap or index URL")
    parser.add_argument("--feed", action="append", default=[], help="an RSS/Atom feed URL")
    parser.add_argument(
        "--reset", action="store_true", help="delete the queue and fingerprints of the last run"
    )
    parser.add_argument("urls", nargs="*", help="article page URLs")
    args = parser.parse_args(argv)
    if not (args.urls or args.sitemap or args.feed or args.reset):
        parser.error("give article URLs, --sitemap or --feed (or --reset alone)")
    for url in (*args.sitemap, *args.feed, *args.urls):
        if entry_problem(url):  # a worker would ignore it: refused here, where it is typed
            parser.error(f"{url!r} is not an absolute http(s) URL")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    import redis  # optional dependency, installed with scrapy-redis

    args = parse_args(argv)
    entries = [encode_seed(url, "sitemap") for url in args.sitemap]
    entries += [encode_seed(url, "feed") for url in args.feed]
    entries += [encode_seed(url) for url in args.urls]
    try:
        client = redis.Redis.from_url(args.redis, socket_connect_timeout=5)
    except ValueError as exc:  # "127.0.0.1:6379": no scheme
        print(f"push_seeds: error: --redis {args.redis!r}: {exc}", file=sys.stderr)
        return 2
    try:
        count = push(client, args.key, entries, reset=args.reset)
    except redis.RedisError as exc:  # down, a wrong password: one line, not redis-py's traceback
        print(f"push_seeds: error: Redis does not answer ({exc}); nothing pushed", file=sys.stderr)
        return 1
    finally:
        client.close()
    print(f"pushed {count} seeds to {args.key}" + (" (previous run reset)" if args.reset else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
