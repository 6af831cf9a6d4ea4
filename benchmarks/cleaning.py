"""Throughput of the eight cleaning pipelines on seed-like synthetic items, in one process."""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run from a checkout, not installed

from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.utils.misc import build_from_crawler, load_object  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

import newscrawler.settings as project  # noqa: E402
from newscrawler.items import ArticleItem  # noqa: E402

WORDS = (
    "minister said government people market week police city report plan country year "
    "officials company state water power court election talks price trade health new first"
).split()
PLACES = ("San Francisco", "New Delhi", "Kochi", "Mumbai", "Washington")
MONTHS = ("March", "July", "Nov", "Dec", "April")
CRAWLED_AT = "2025-07-26T12:00:00+00:00"


def sentence(rng: random.Random, low: int = 18, high: int = 40) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return " ".join(words).capitalize() + "."


def seed_like(rng: random.Random, index: int) -> ArticleItem:
    """Section, headline echo, dateline, 8-12 paragraphs, the body again from its 2nd, 13 ages."""
    headline = sentence(rng, 6, 12)
    paragraphs = [sentence(rng) for _ in range(rng.randint(8, 12))]
    dateline = f"{rng.choice(PLACES)}, {rng.choice(MONTHS)} {rng.randint(1, 28)}"
    related: list[str] = []
    for hours in sorted(rng.randint(1, 23) for _ in range(13)):
        related += [f"{hours} hours ago", sentence(rng, 6, 12)]
    body = ["Business", headline, dateline, *paragraphs, *paragraphs[1:], "", *related]
    return ArticleItem(
        url=f"https://indialife.us/article.php?id={index}",
        source="indialife",
        crawled_at=CRAWLED_AT,
        headline=headline,
        body=body,
    )


# The eight cleaning pipelines sit at 100-800 (README); later ones (stories) are not cleaning.
CLEANING_MAX_PRIORITY = 800


def build_chain(crawler: Any, everything: bool = False) -> list[tuple[str, Any]]:
    """ITEM_PIPELINES in priority order; missing ones are skipped with a note."""
    chain = []
    for path, priority in sorted(project.ITEM_PIPELINES.items(), key=lambda entry: entry[1]):
        if priority > CLEANING_MAX_PRIORITY and not everything:
            print(f"note: not a cleaning pipeline, left out (--all includes it): {path}")
            continue
        try:
            chain.append((path.rsplit(".", 1)[-1], build_from_crawler(load_object(path), crawler)))
        except (ImportError, NameError, AttributeError) as error:
            print(f"note: skipped {path}: {error}")
    return chain


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--items", type=int, default=5000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--all", action="store_true", help="every ITEM_PIPELINES entry")
    args = parser.parse_args()
    names = (name for name in dir(project) if name.isupper())
    crawler = get_crawler(settings_dict={name: getattr(project, name) for name in names})
    chain = build_chain(crawler, everything=args.all)
    rng = random.Random(args.seed)
    items = [seed_like(rng, index) for index in range(args.items)]
    spent = {name: 0.0 for name, _ in chain}
    dropped = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for item in items:
        try:
            for name, pipeline in chain:
                began = time.perf_counter()
                item = pipeline.process_item(item)
                spent[name] += time.perf_counter() - began
        except DropItem:
            dropped += 1
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    print(
        f"{args.items} items through {len(chain)} pipelines in {elapsed:.2f} s: "
        f"{args.items / elapsed:,.0f} items/s wall, {args.items / cpu:,.0f} items/s CPU "
        f"({dropped} dropped)"
    )
    for name, seconds in spent.items():
        print(f"  {name:28} {seconds * 1e6 / args.items:8.1f} µs/item")


if __name__ == "__main__":
    main()
