"""`python -m newscrawler extract page.html --url URL`: one stored page's record as JSON."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m newscrawler extract", description=__doc__)
    parser.add_argument("page", type=Path, help="an HTML file as fetched (bytes, any charset)")
    parser.add_argument("--url", required=True, help="the URL the page was fetched from")
    parser.add_argument(
        "--fetched-at",
        help="ISO 8601 fetch time that relative ages resolve against (default: now)",
    )
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Print the record `scrapy crawl article` would export; exit 1 when it exports none."""
    args = parse_args(argv)
    try:
        html = args.page.read_bytes()
    except OSError as exc:
        print(f"newscrawler: error: cannot read {args.page}: {exc.strerror}", file=sys.stderr)
        return 2
    from newscrawler.api import PageCleaner, parse_moment  # Scrapy loads only once args are good

    try:
        moment = parse_moment(args.fetched_at)
    except ValueError:
        message = f"--fetched-at {args.fetched_at!r} is not ISO 8601"
        print(f"newscrawler: error: {message}", file=sys.stderr)
        return 2
    outcome = PageCleaner().outcome(html, args.url, moment)
    if outcome.record is None:
        print(f"newscrawler: no record for {args.url}: {outcome.reason}", file=sys.stderr)
        return 1
    print(json.dumps(outcome.record, ensure_ascii=False, indent=2))
    return 0
