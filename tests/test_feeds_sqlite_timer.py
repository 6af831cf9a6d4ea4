"""The SQLite feed commits a batch no further item fills once its commit seconds have passed."""

from __future__ import annotations

import asyncio
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest
from scrapy.utils.test import get_crawler

from newscrawler.feeds.exporter import SQLiteItemExporter
from newscrawler.feeds.storage import SQLiteTarget
from newscrawler.items import ArticleItem
from newscrawler.utils import timers
from tests.support.feeds_spider import make_record

T1 = "2026-01-02T03:04:05+00:00"


def committed_rows(path: Path) -> int:
    with closing(sqlite3.connect(path)) as reader:  # sees committed rows only
        return int(reader.execute("SELECT count(*) FROM articles").fetchone()[0])


def test_a_stalled_crawl_still_commits_on_time(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The timer needs a running loop (a crawl's reactor); this test runs one of its own.
    monkeypatch.setattr(timers, "is_reactor_installed", lambda: True)
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_SQLITE_COMMIT_SECONDS": 0.05})
    crawler.stats.open_spider()
    path = tmp_path / "t.sqlite"
    target = SQLiteTarget(path, overwrite=True)
    exporter = SQLiteItemExporter.from_crawler(crawler, target)  # type: ignore[arg-type]
    exporter.start_exporting()

    async def one_item_then_silence() -> tuple[int, int]:
        exporter.export_item(ArticleItem(**make_record(1, seed=1, crawled_at=T1)))
        before = committed_rows(path)
        for _ in range(100):  # up to 5 s; the commit is due after 0.05 s
            await asyncio.sleep(0.05)
            if committed_rows(path):
                break
        return before, committed_rows(path)

    assert asyncio.run(one_item_then_silence()) == (0, 1)  # no 2nd item, no close: the timer
    exporter.finish_exporting()
    target.close()
    assert crawler.stats.get_value("newscrawler/sqlite/commits") == 1
