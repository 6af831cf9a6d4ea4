"""Items/s of the JSON Lines and SQLite feed exports on the same synthetic article records.

`direct` drives the real storage + exporter classes the way FeedSlot does (no engine);
`crawl` times `scrapy runspider tests/support/feeds_spider.py -O <file>` end to end (with start-up).
Run from the repository root: `python benchmarks/feeds.py [--items 20000] [--mode direct|crawl]`.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
# The record factory lives with the test spider; running as a script puts benchmarks/ on the path.
sys.path.insert(0, str(REPO))

from scrapy import Spider  # noqa: E402
from scrapy.exporters import JsonLinesItemExporter  # noqa: E402
from scrapy.utils.misc import build_from_crawler  # noqa: E402
from scrapy.utils.test import get_crawler  # noqa: E402

from newscrawler.feeds.exporter import SQLiteItemExporter  # noqa: E402
from newscrawler.feeds.storage import SQLiteAwareFileFeedStorage  # noqa: E402
from newscrawler.items import ArticleItem  # noqa: E402
from tests.support.feeds_spider import make_record  # noqa: E402

CRAWLED_AT = "2026-11-25T10:00:00+00:00"


def export(
    path: Path, fmt: str, exporter_cls: type[Any], items: list[Any], overwrite: bool
) -> tuple[float, float]:
    """Wall and CPU seconds for storage.open → exporter → storage.store, as a FeedSlot does."""
    crawler = get_crawler()  # the default commit interval
    crawler.stats.open_spider()
    storage = SQLiteAwareFileFeedStorage(
        str(path), feed_options={"format": fmt, "overwrite": overwrite}
    )
    started, cpu = time.perf_counter(), time.process_time()
    file = storage.open(Spider(name="feeds_bench"))  # the file storages ignore the spider
    exporter = build_from_crawler(exporter_cls, crawler, file, encoding="utf-8")
    exporter.start_exporting()
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    storage.store(file)
    return time.perf_counter() - started, time.process_time() - cpu


def direct(count: int, tmp: Path) -> list[tuple[str, float, float | None]]:
    items = [ArticleItem(**make_record(i, seed=1, crawled_at=CRAWLED_AT)) for i in range(count)]
    runs: list[tuple[str, Callable[[], tuple[float, float]]]] = [
        (
            "jsonlines -O",
            lambda: export(tmp / "b.jsonl", "jsonlines", JsonLinesItemExporter, items, True),
        ),
        (
            "sqlite -O (all inserts)",
            lambda: export(tmp / "b.sqlite", "sqlite", SQLiteItemExporter, items, True),
        ),
        (
            "sqlite -o (all updates)",
            lambda: export(tmp / "b.sqlite", "sqlite", SQLiteItemExporter, items, False),
        ),
    ]
    return [(name, *run()) for name, run in runs]


def crawl(count: int, tmp: Path) -> list[tuple[str, float, float | None]]:
    results = []
    for name, target in (("crawl jsonlines -O", "c.jsonl"), ("crawl sqlite -O", "c.sqlite")):
        cmd = [
            sys.executable,
            "-m",
            "scrapy",
            "runspider",
            "tests/support/feeds_spider.py",
            "-s",
            "FEEDS={}",
        ]
        cmd += ["-s", "ITEM_PIPELINES={}", "-a", f"count={count}", "-O", str(tmp / target)]
        cmd += [
            "-s",
            "NEWSCRAWLER_REPORT_ENABLED=False",
            "-s",
            "NEWSCRAWLER_INCREMENTAL_ENABLED=False",
        ]
        done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, check=True)
        elapsed = re.search(r"'elapsed_time_seconds': ([\d.]+)", done.stderr)
        assert elapsed, done.stderr[-2000:]
        results.append((name, float(elapsed.group(1)), None))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=20_000)
    parser.add_argument("--mode", choices=("direct", "crawl", "both"), default="both")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        results = direct(args.items, tmp) if args.mode in ("direct", "both") else []
        results += crawl(args.items, tmp) if args.mode in ("crawl", "both") else []
        for label, seconds, cpu in results:
            rate = args.items / seconds
            per_cpu = f"{args.items / cpu:9,.0f} items/CPU s" if cpu else ""
            print(
                f"{label:26} {args.items:>7} items {seconds:7.2f} s {rate:9,.0f} items/s {per_cpu}"
            )
        if (tmp / "b.sqlite").exists():
            print(f"sqlite file size: {(tmp / 'b.sqlite').stat().st_size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
