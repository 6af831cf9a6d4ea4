"""Scale: 100,000 synthetic raw articles through every pipeline and both feed exports, in process.

Each raw item looks like a wire page after extraction (dateline, a repeated paragraph, a
syndication trailer, a "N hours ago" sidebar, a raw date). It goes through ITEM_PIPELINES built
from the project settings, then to the JSON Lines exporter and to the SQLite exporter through
newscrawler's feed storage, the way FeedSlot drives them (no engine, no network), with the
project's default settings. Prints items/s per stage and overall, wall clock and per CPU second
(time.process_time, robust to other load on the machine), the SQLite export rate so far and the
process RSS (current and peak) at 10k, 50k and 100k items.
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
from contextlib import contextmanager
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
from tests.support.pipeline_chain import pipeline_chain, project_crawler  # noqa: E402

CHECKPOINTS = (10_000, 50_000, 100_000)
STAGES = ("generate", "pipelines", "jsonlines", "sqlite")
WORK = ("pipelines", "jsonlines", "sqlite")  # input generation excluded
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

    def export(self, item: Any, clock: Clock) -> None:
        for fmt, _storage, _file, exporter in self.slots:
            with clock.timing(fmt):
                exporter.export_item(item)

    def close(self, clock: Clock) -> None:
        for fmt, storage, file, exporter in self.slots:
            with clock.timing(fmt):
                exporter.finish_exporting()
                storage.store(file)


class Clock:
    """Wall and CPU seconds per stage."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = dict.fromkeys(STAGES, 0.0)
        self.cpu: dict[str, float] = dict.fromkeys(STAGES, 0.0)

    @contextmanager
    def timing(self, stage: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        yield
        self.wall[stage] += time.perf_counter() - wall
        self.cpu[stage] += time.process_time() - cpu


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
    chain, exports, clock = pipeline_chain(crawler), Exports(crawler, folder), Clock()
    kept, started = 0, time.perf_counter()
    yield "  items    kept  elapsed items/s | SQLite so far: items/s items/CPU s | RSS MB  peak"
    for index in range(1, count + 1):
        with clock.timing("generate"):
            item = raw_item(index)
        with clock.timing("pipelines"):
            item = clean(chain, item)
        if item is not None:
            kept += 1
            exports.export(item, clock)
        if index in CHECKPOINTS or index == count:
            yield checkpoint(index, kept, time.perf_counter() - started, clock)
    exports.close(clock)
    yield from rates(clock, count, kept)


def checkpoint(index: int, kept: int, elapsed: float, clock: Clock) -> str:
    wall, cpu = kept / clock.wall["sqlite"], kept / clock.cpu["sqlite"]
    current, peak = rss_mb()
    return (
        f"{index:>7} {kept:>7} {elapsed:6.0f} s {index / elapsed:7.0f} |"
        f" {wall:21.0f} {cpu:11.0f} | {current:6.1f} {peak:5.1f}"
    )


def rates(clock: Clock, count: int, kept: int) -> Iterator[str]:
    yield "stage (whole run)           items/s  items/CPU s"
    for label, stage, done in (
        ("pipelines + both exports", WORK, count),
        ("pipelines alone", ("pipelines",), count),
        ("JSON Lines export alone", ("jsonlines",), kept),
        ("SQLite export alone", ("sqlite",), kept),
    ):
        wall, cpu = (done / sum(spent[s] for s in stage) for spent in (clock.wall, clock.cpu))
        yield f"{label:26} {wall:8.0f} {cpu:12.0f}"
    wall, cpu = kept / clock.wall["sqlite"], kept / clock.cpu["sqlite"]
    verdict = "meets" if wall >= SQLITE_GOAL else "below"
    yield f"SQLite export: {wall:.0f} items/s, {cpu:.0f}/CPU s ({verdict} the {SQLITE_GOAL} goal)"


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
