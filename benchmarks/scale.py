"""Scale: 100,000 synthetic raw articles through every pipeline and both feed exports, in process.

Each raw item looks like a wire page after extraction (dateline, a repeated paragraph, a
syndication trailer, a "N hours ago" sidebar, a raw date). It goes through ITEM_PIPELINES built
from the project settings, then to the JSON Lines exporter and to the SQLite exporter through
newscrawler's feed storage, the way FeedSlot drives them (no engine, no network). Prints items/s
per stage and overall, and the process RSS (current and peak) at 10k, 50k and 100k items.
Run from the repository root:

    python benchmarks/scale.py [--items 100000]
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scrapy import Spider  # noqa: E402
from scrapy.exceptions import DropItem  # noqa: E402
from scrapy.exporters import JsonLinesItemExporter  # noqa: E402
from scrapy.utils.misc import build_from_crawler  # noqa: E402

from newscrawler.feeds.exporter import SQLiteItemExporter  # noqa: E402
from newscrawler.feeds.storage import SQLiteAwareFileFeedStorage  # noqa: E402
from newscrawler.items import ArticleItem  # noqa: E402
from tests.pipeline_chain import pipeline_chain, project_crawler  # noqa: E402

CHECKPOINTS = (10_000, 50_000, 100_000)
SQLITE_GOAL = 5_000  # items/s
CRAWLED_AT = "2026-11-25T10:00:00+00:00"
WORDS = (
    "minister harbour monsoon tariff election cricket summit budget railway verdict farmers "
    "court metro vaccine exports rupee coalition airport drought festival"
).split()
PLACES = ("NEW DELHI", "MUMBAI", "LUCKNOW", "CHENNAI", "KOLKATA")
AGENCIES = ("IANS", "PTI", "ANI", "UNI")


def raw_item(index: int) -> ArticleItem:
    """One raw article as a spider yields it; the same index gives the same item on every run."""
    rng = random.Random(index)
    paragraphs = [" ".join(rng.choices(WORDS, k=rng.randint(18, 40))) + "." for _ in range(6)]
    place, agency = rng.choice(PLACES), rng.choice(AGENCIES)
    body = [f"{place}, Nov 24 ({agency}) {paragraphs[0]}", *paragraphs[1:], paragraphs[2]]
    body.append("This story has been auto-generated from a syndicated feed.")
    for age in rng.sample(range(1, 23), 3):  # the trailing sidebar the related pipeline splits
        body += [f"{age} hours ago", " ".join(rng.choices(WORDS, k=8)).capitalize()]
    return ArticleItem(
        url=f"https://www.indialife.us/article/{index}",
        source="indialife",
        headline=f"Story {index}: " + " ".join(rng.choices(WORDS, k=6)),
        published_at_raw="Nov 24, 2026 08:30 IST",
        published_at_source="meta",
        body=body,
        crawled_at=CRAWLED_AT,
    )


def rss_mb() -> tuple[float, float]:
    """Current and peak resident set size of this process, in MB (Linux)."""
    fields = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines())
    return int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024


class Exports:
    """A JSON Lines and a SQLite feed slot, opened and stored the way FeedSlot does it."""

    def __init__(self, crawler: Any, folder: Path) -> None:
        self.slots = []
        for name, fmt, exporter_cls in (
            ("news.jsonl", "jsonlines", JsonLinesItemExporter),
            ("news.sqlite", "sqlite", SQLiteItemExporter),
        ):
            options = {"format": fmt, "overwrite": True}
            storage = SQLiteAwareFileFeedStorage(str(folder / name), feed_options=options)
            file = storage.open(Spider(name="scale"))  # the file storages ignore the spider
            exporter = build_from_crawler(exporter_cls, crawler, file, encoding="utf-8")
            exporter.start_exporting()
            self.slots.append((fmt, storage, file, exporter))

    def export(self, item: Any, seconds: dict[str, float]) -> None:
        for fmt, _storage, _file, exporter in self.slots:
            started = time.perf_counter()
            exporter.export_item(item)
            seconds[fmt] += time.perf_counter() - started

    def close(self, seconds: dict[str, float]) -> None:
        for fmt, storage, file, exporter in self.slots:
            started = time.perf_counter()
            exporter.finish_exporting()
            storage.store(file)
            seconds[fmt] += time.perf_counter() - started


def clean(chain: list[Any], item: Any) -> Any | None:
    try:
        for pipeline in chain:
            item = pipeline.process_item(item)
    except DropItem:
        return None
    return item


def run(count: int, folder: Path) -> Iterator[str]:
    """Yields one report line per checkpoint, then the per-stage rates."""
    # The story index on disk, as in a crawl (the test helper's default is in memory).
    crawler = project_crawler(NEWSCRAWLER_STORIES_PATH=str(folder / "stories.sqlite"))
    crawler.stats.open_spider()
    chain, exports = pipeline_chain(crawler), Exports(crawler, folder)
    seconds = {"generate": 0.0, "pipelines": 0.0, "jsonlines": 0.0, "sqlite": 0.0}
    kept, started = 0, time.perf_counter()
    yield "items    kept   elapsed  items/s   RSS MB  peak RSS MB"
    for index in range(1, count + 1):
        tick = time.perf_counter()
        item = raw_item(index)
        seconds["generate"] += time.perf_counter() - tick
        tick = time.perf_counter()
        item = clean(chain, item)
        seconds["pipelines"] += time.perf_counter() - tick
        if item is not None:
            kept += 1
            exports.export(item, seconds)
        if index in CHECKPOINTS or index == count:
            elapsed = time.perf_counter() - started
            current, peak = rss_mb()
            rate = index / elapsed
            yield f"{index:>7} {kept:>7} {elapsed:7.1f} s {rate:8.0f} {current:8.1f} {peak:12.1f}"
    exports.close(seconds)
    yield from rates(seconds, count, kept)


def rates(seconds: dict[str, float], count: int, kept: int) -> Iterator[str]:
    work = seconds["pipelines"] + seconds["jsonlines"] + seconds["sqlite"]
    yield f"pipelines + both exports: {count / work:8.0f} items/s (input generation excluded)"
    yield f"pipelines alone:          {count / seconds['pipelines']:8.0f} items/s"
    yield f"JSON Lines export alone:  {kept / seconds['jsonlines']:8.0f} items/s"
    sqlite_rate = kept / seconds["sqlite"]
    verdict = "meets" if sqlite_rate >= SQLITE_GOAL else "below"
    yield f"SQLite export alone:      {sqlite_rate:8.0f} items/s ({verdict} the {SQLITE_GOAL} goal)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--items", type=int, default=CHECKPOINTS[-1])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="newscrawler-scale-") as tmp:
        print(f"before: RSS {rss_mb()[0]:.1f} MB", flush=True)
        for line in run(args.items, Path(tmp)):
            print(line, flush=True)
        sizes = {p.name: p.stat().st_size // 2**20 for p in Path(tmp).iterdir() if p.is_file()}
        print(f"feed sizes (MB): {sizes}")


if __name__ == "__main__":
    main()
