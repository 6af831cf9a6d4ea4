"""Feeds never raise for one item: bad values and full disks are reported lost, the rest written."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from scrapy import Spider
from scrapy.exceptions import CloseSpider
from scrapy.utils.test import get_crawler

from newscrawler import signals as newscrawler_signals
from newscrawler.feeds.exporter import SQLiteItemExporter
from newscrawler.feeds.extension import CheckedFeedExporter
from newscrawler.feeds.guard import CsvExporter, loss_reason
from newscrawler.feeds.jsonlines import JsonLinesFeedExporter
from newscrawler.feeds.locking import hold, open_locked
from newscrawler.feeds.storage import FeedOpenError, SQLiteTarget
from newscrawler.stores.seen import ExportGate
from newscrawler.text.normalize import normalize_blocks, paragraph_key
from tests.support.feeds_spider import make_record

T1 = "2026-11-25T10:00:00+00:00"
SURROGATE = "Fan \ud83d"


def record(index: int, **fields: Any) -> dict[str, Any]:
    return {**make_record(index, seed=1, crawled_at=T1), **fields}


def crawler_and_losses(**settings: Any) -> tuple[Any, list[tuple[str, str | None, str]]]:
    crawler = get_crawler(settings_dict=settings)
    crawler.stats.open_spider()
    lost: list[tuple[str, str | None, str]] = []

    def on_lost(feed: str, url: str | None, reason: str) -> None:
        lost.append((feed, url, reason))

    crawler.signals.connect(on_lost, signal=newscrawler_signals.feed_item_lost, weak=False)
    return crawler, lost


def test_lone_surrogates_are_removed_where_text_enters() -> None:
    blocks = normalize_blocks([SURROGATE, "\udc00Deccan Textiles", "plain"]).blocks
    assert blocks == ["Fan", "Deccan Textiles", "plain"]
    # The dedup key never raises, even when given text that was not normalised first.
    assert paragraph_key("Fan \ud83d of cricket") == paragraph_key("fan of cricket")


def test_sqlite_feed_skips_one_bad_item_and_writes_the_rest_of_its_batch(tmp_path: Path) -> None:
    crawler, lost = crawler_and_losses(
        NEWSCRAWLER_SQLITE_COMMIT_EVERY=5, NEWSCRAWLER_SQLITE_COMMIT_SECONDS=0
    )
    target = SQLiteTarget(tmp_path / "s.sqlite", overwrite=True)
    exporter = SQLiteItemExporter.from_crawler(crawler, target)  # type: ignore[arg-type]
    exporter.start_exporting()
    bad: dict[int, dict[str, Any]] = {1: {"authors": [SURROGATE]}, 3: {"word_count": 2**70}}
    for index in range(10):
        exporter.export_item(record(index, **bad.get(index, {})))
    exporter.finish_exporting()
    target.close()
    with sqlite3.connect(tmp_path / "s.sqlite") as conn:
        urls = {url for (url,) in conn.execute("SELECT url FROM articles")}
    assert urls == {record(i)["url"] for i in range(10)} - {record(1)["url"], record(3)["url"]}
    assert [(url, reason) for _, url, reason in lost] == [
        (record(1)["url"], "unencodable_text"),
        (record(3)["url"], "bad_value"),
    ]
    stats = crawler.stats.get_stats()
    # Two commits (5 items, then 5 at close): the refused batch is not retried at every commit.
    assert stats["newscrawler/sqlite/commits"] == 2
    assert (stats["newscrawler/sqlite/inserted"], stats["newscrawler/sqlite/skipped"]) == (8, 2)


def test_jsonl_feed_reports_an_unencodable_item_and_writes_the_others(tmp_path: Path) -> None:
    crawler, lost = crawler_and_losses(FEED_EXPORT_ENCODING="utf-8")
    path = tmp_path / "out.jsonl"
    with path.open("ab") as file:
        exporter = JsonLinesFeedExporter.from_crawler(crawler, file, encoding="utf-8")
        exporter.start_exporting()
        for index in range(3):
            exporter.export_item(record(index, headline=SURROGATE if index == 1 else "ok"))
        exporter.finish_exporting()
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["url"] for line in lines] == [record(0)["url"], record(2)["url"]]
    assert [reason for _, _, reason in lost] == ["unencodable_text"]


def test_jsonl_append_that_fails_is_cut_back_to_whole_records(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crawler, lost = crawler_and_losses(NEWSCRAWLER_JSONL_COMMIT_EVERY=2)
    path = tmp_path / "out.jsonl"
    real_write, calls = os.write, []

    def full_after_a_little(fd: int, data: Any) -> int:
        calls.append(len(data))
        if len(calls) > 1:  # the first batch goes through; the second gets 10 bytes, then ENOSPC
            if len(calls) == 2:
                return real_write(fd, bytes(data[:10]))
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    with path.open("ab") as file:
        exporter = JsonLinesFeedExporter.from_crawler(crawler, file)
        exporter.start_exporting()
        monkeypatch.setattr("newscrawler.feeds.jsonlines.os.write", full_after_a_little)
        for index in range(4):
            exporter.export_item(record(index))
        exporter.finish_exporting()
        monkeypatch.undo()
    text = path.read_text(encoding="utf-8")
    assert text.endswith("\n")  # no torn record
    assert [json.loads(line)["url"] for line in text.splitlines()] == [
        record(0)["url"],
        record(1)["url"],
    ]
    assert [(url, reason) for _, url, reason in lost] == [
        (record(2)["url"], "disk_full"),
        (record(3)["url"], "disk_full"),
    ]


def test_stock_exporters_are_guarded_too(tmp_path: Path) -> None:
    crawler, lost = crawler_and_losses()
    with (tmp_path / "out.csv").open("wb") as file:
        exporter = CsvExporter.from_crawler(crawler, file, fields_to_export=["url", "headline"])
        exporter.start_exporting()
        exporter.export_item(record(0, headline=SURROGATE))
        exporter.export_item(record(1))
        exporter.finish_exporting()
    assert (tmp_path / "out.csv").read_text(encoding="utf-8").count("wire.example") == 1
    assert [reason for _, _, reason in lost] == ["unencodable_text"]


def test_export_gate_never_releases_a_lost_item() -> None:
    gate = ExportGate()
    gate.feed_opened("a.jsonl")
    gate.feed_opened("b.sqlite")
    gate.item_exported(["u1"])
    gate.item_lost("u2")  # b.sqlite could not write u2
    gate.item_exported(["u2"])
    gate.item_exported(["u3", "u3-redirected"])
    assert gate.feed_committed("a.jsonl") == []
    assert gate.feed_committed("b.sqlite") == [["u1"], ["u3", "u3-redirected"]]


def test_second_writer_of_one_sqlite_file_is_refused_and_nothing_is_emptied(
    tmp_path: Path,
) -> None:
    path = tmp_path / "one.sqlite"
    first = SQLiteTarget(path, overwrite=True)
    first.connection.execute("CREATE TABLE kept (x)")
    with pytest.raises(FeedOpenError, match="another crawl"):
        SQLiteTarget(path, overwrite=True)
    assert first.connection.execute("SELECT name FROM sqlite_master").fetchall() == [("kept",)]
    first.close()
    again = SQLiteTarget(path, overwrite=True)  # the first is done: -O empties it, in place
    assert again.connection.execute("SELECT name FROM sqlite_master").fetchall() == []
    again.close()


def test_second_writer_of_one_jsonl_file_is_refused_and_nothing_is_emptied(
    tmp_path: Path,
) -> None:
    path = tmp_path / "one.jsonl"
    path.write_bytes(b'{"url": "old"}\n')
    with open_locked(path, overwrite=False) as first:
        first.write(b'{"url": "a"}\n')
        first.flush()
        for overwrite in (True, False):
            with pytest.raises(FeedOpenError, match="one writer at a time per feed file"):
                open_locked(path, overwrite=overwrite)
        with pytest.raises(FeedOpenError, match="another crawl"):
            hold(path)
    assert path.read_bytes() == b'{"url": "old"}\n{"url": "a"}\n'
    held = hold(path)  # the first is done: -O empties it once this writer holds the lock
    with open_locked(path, overwrite=True, held=held) as again:
        assert path.read_bytes() == b""
        again.write(b"x\n")
    assert path.read_bytes() == b"x\n"


def test_devices_are_never_locked() -> None:
    # Two crawls may both write to /dev/null (benchmarks do); it is neither locked nor emptied.
    with (
        open_locked(Path("/dev/null"), overwrite=True),
        open_locked(Path("/dev/null"), overwrite=True),
    ):
        pass


def test_sqlite_feed_on_a_file_that_is_not_a_database_refuses_to_open(tmp_path: Path) -> None:
    path = tmp_path / "text.sqlite"
    path.write_text("not a database", encoding="utf-8")
    with pytest.raises(FeedOpenError, match="not a database"):
        SQLiteTarget(path, overwrite=False)  # -o: the crawl stops at open, the file stays
    assert path.read_text(encoding="utf-8") == "not a database"


def test_a_feed_scrapy_would_switch_off_stops_the_crawl_instead(tmp_path: Path) -> None:
    # Scrapy's FeedExporter disables itself on an unknown format and the crawl runs on, writing
    # nothing; here the spider is closed at open, before its first request.
    feeds = {str(tmp_path / "out.x"): {"format": "nope"}}
    crawler = get_crawler(settings_dict={"FEEDS": feeds})
    crawler.stats.open_spider()
    extension = CheckedFeedExporter.from_crawler(crawler)
    with pytest.raises(CloseSpider) as closed:
        extension.open_spider(Spider(name="test"))
    assert closed.value.reason == "feed_open_failed"
    assert crawler.stats.get_value("newscrawler/feeds/open_failed") == 1


def test_a_write_lock_held_elsewhere_counts_as_locked_not_bad_data(tmp_path: Path) -> None:
    # Another process's write transaction outlasting the busy timeout is a lock, not a bad
    # value: the log and `newscrawler/lost/<reason>` must say so
    db = tmp_path / "news.sqlite"
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("CREATE TABLE t (x)")
    holder.execute("BEGIN IMMEDIATE")
    writer = sqlite3.connect(db, timeout=0)
    with pytest.raises(sqlite3.OperationalError) as caught:
        writer.execute("INSERT INTO t VALUES (1)")
    assert loss_reason(caught.value) == "database_locked"
    writer.close()
    holder.rollback()
    holder.close()
