"""Unit tests of the SQLite feed: the pure schema/store modules, the storage and the exporter."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest
from scrapy.exceptions import NotConfigured
from scrapy.utils.test import get_crawler

from newscrawler import signals as newscrawler_signals
from newscrawler.feeds.exporter import SQLiteItemExporter
from newscrawler.feeds.storage import SQLiteAwareFileFeedStorage, SQLiteTarget
from newscrawler.items import ArticleItem
from newscrawler.stores import sqlschema, sqlstore
from tests.support.feeds_spider import insert_as_v2, make_record
from tests.support.pages import upsert_article

T1, T2 = "2026-11-25T10:00:00+00:00", "2026-11-25T11:00:00+00:00"


@pytest.fixture
def conn(tmp_path: Path) -> sqlite3.Connection:
    connection = sqlschema.connect(tmp_path / "news.sqlite")
    sqlschema.migrate(connection)
    return connection


def record(index: int = 1, *, seed: int = 1, crawled_at: str = T1) -> dict[str, Any]:
    return make_record(index, seed=seed, crawled_at=crawled_at)


def test_schema_has_a_place_for_every_item_field() -> None:
    stored = {*sqlschema.SCALAR_COLUMNS, *sqlschema.JSON_COLUMNS, "body", "related"}
    assert {f.name for f in dataclasses.fields(ArticleItem)} == stored


def test_connect_uses_wal_and_normal_sync(conn: sqlite3.Connection) -> None:
    assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert conn.execute("PRAGMA synchronous").fetchone() == (1,)  # 1 = NORMAL
    assert conn.execute("PRAGMA wal_autocheckpoint").fetchone() == (sqlschema.CHECKPOINT_PAGES,)


def test_round_trip_of_one_record(conn: sqlite3.Connection) -> None:
    original = record(2)  # index 2 has two related links
    assert upsert_article(conn, original, seen_at=T1) is True
    assert sqlstore.load_article(conn, original["url"]) == original


def test_recrawl_updates_row_keeps_first_seen_and_replaces_related(
    conn: sqlite3.Connection,
) -> None:
    first, again = record(2, crawled_at=T1), record(2, seed=9, crawled_at=T2)
    again["related"] = again["related"][:1]
    upsert_article(conn, first, seen_at=T1)
    assert upsert_article(conn, again, seen_at=T2) is False
    rows = conn.execute("SELECT first_seen_at, last_seen_at, headline FROM articles").fetchall()
    assert rows == [(T1, T2, again["headline"])]
    assert conn.execute("SELECT count(*) FROM related_links").fetchone() == (1,)
    assert sqlstore.load_article(conn, first["url"]) == again


def test_fts_follows_inserts_and_updates(conn: sqlite3.Connection) -> None:
    item = record(3)
    item["body"] = ["The ferry to Port Blair sailed late.", "Monsoon squalls again."]
    upsert_article(conn, item, seen_at=T1)
    assert sqlstore.search(conn, "squalls") == [item["url"]]
    item["body"] = ["Nothing about the weather."]
    upsert_article(conn, item, seen_at=T2)
    assert sqlstore.search(conn, "squalls") == []
    assert sqlstore.search(conn, "weather") == [item["url"]]


@pytest.mark.parametrize(
    "hostile",
    ["'); DROP TABLE articles;--", 'Robert"); DELETE FROM related_links; --', ":url ? %s {x}"],
    ids=["quote-drop-table", "double-quote-delete", "placeholders"],
)
def test_hostile_text_is_stored_verbatim(conn: sqlite3.Connection, hostile: str) -> None:
    item = record(2)
    item.update(headline=hostile, url=f"https://wire.example/{hostile}", tags=[hostile])
    item["related"][0]["title"] = hostile
    upsert_article(conn, item, seen_at=T1)
    assert sqlstore.load_article(conn, item["url"]) == item
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "related_links", "articles_fts"} <= tables


def test_unknown_fields_are_kept_as_extra(conn: sqlite3.Connection) -> None:
    item = {"url": "https://wire.example/x", "headline": "H", "paywalled": True}
    upsert_article(conn, item, seen_at=T1)
    loaded = sqlstore.load_article(conn, "https://wire.example/x")
    assert loaded is not None
    assert loaded["paywalled"] is True
    assert loaded["headline"] == "H"


def test_record_without_url_is_refused(conn: sqlite3.Connection) -> None:
    with pytest.raises(ValueError, match="url"):
        upsert_article(conn, {"headline": "no url"}, seen_at=T1)


def test_migration_v1_to_v2_keeps_rows_and_indexes_them(tmp_path: Path) -> None:
    conn = sqlschema.connect(tmp_path / "old.sqlite")
    assert sqlschema.migrate(conn, target=1) == 1
    conn.execute("BEGIN")
    for index in range(5):
        insert_as_v2(conn, record(index), seen_at=T1)
    conn.execute("COMMIT")
    with pytest.raises(sqlite3.OperationalError, match="no such table"):
        sqlstore.search(conn, "item3")
    assert sqlschema.migrate(conn) == sqlschema.LATEST_VERSION == 5
    assert conn.execute("SELECT count(*) FROM articles").fetchone() == (5,)
    assert sqlstore.search(conn, "item3") == [record(3)["url"]]
    assert sqlschema.migrate(conn) == 5  # idempotent
    versions = conn.execute("SELECT version FROM schema_version ORDER BY version").fetchall()
    assert versions == [(1,), (2,), (3,), (4,), (5,)]


def test_migration_v2_to_v3_moves_story_fields_out_of_extra(tmp_path: Path) -> None:
    conn = sqlschema.connect(tmp_path / "v2.sqlite")
    sqlschema.migrate(conn, target=2)
    story = {"story_id": "0123456789abcdef", "syndicated_copies": 3, "is_original": False}
    conn.execute(
        "INSERT INTO articles (url, headline, body, extra, first_seen_at, last_seen_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        ("https://a.example/1", "H", "B", json.dumps({**story, "other": 1}), T1, T1),
    )
    assert sqlschema.migrate(conn) == sqlschema.LATEST_VERSION
    loaded = sqlstore.load_article(conn, "https://a.example/1")
    assert loaded is not None
    assert {key: loaded[key] for key in story} == story
    assert loaded["other"] == 1
    row = conn.execute("SELECT story_id, extra FROM articles").fetchone()
    assert row == ("0123456789abcdef", '{"other":1}')


def test_migration_v4_to_v5_moves_the_image_out_of_extra(tmp_path: Path) -> None:
    conn = sqlschema.connect(tmp_path / "v4.sqlite")
    sqlschema.migrate(conn, target=4)
    image = {"url": "https://a.example/i.jpg", "caption": "C", "credit": "AFP"}
    for index, extra in enumerate(({"image": image, "other": 1}, {"image": image}, {"other": 2})):
        conn.execute(
            "INSERT INTO articles (url, headline, body, extra, first_seen_at, last_seen_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (f"https://a.example/{index}", "H", "B", json.dumps(extra), T1, T1),
        )
    assert sqlschema.migrate(conn) == sqlschema.LATEST_VERSION == 5
    rows = conn.execute("SELECT image, extra FROM articles ORDER BY url").fetchall()
    assert [(json.loads(i) if i else None, e) for i, e in rows] == [
        (image, '{"other":1}'),
        (image, None),
        (None, '{"other": 2}'),
    ]
    loaded = sqlstore.load_article(conn, "https://a.example/0")
    assert loaded is not None
    assert loaded["image"] == image
    assert loaded["other"] == 1


def test_image_round_trips(conn: sqlite3.Connection) -> None:
    image = {"url": "https://a.example/i.jpg", "caption": None, "credit": "Reuters"}
    upsert_article(conn, {**record(1), "image": image}, seen_at=T1)
    loaded = sqlstore.load_article(conn, record(1)["url"])
    assert loaded is not None
    assert loaded["image"] == image


def test_newer_database_is_refused(conn: sqlite3.Connection) -> None:
    conn.execute("INSERT INTO schema_version (version) VALUES (99)")
    with pytest.raises(ValueError, match="newer"):
        sqlschema.migrate(conn)


def test_storage_falls_through_for_other_formats(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    storage = SQLiteAwareFileFeedStorage(str(path), feed_options={"format": "jsonlines"})
    file = storage.open(get_crawler().spider)  # type: ignore[arg-type]
    file.write(b"{}\n")
    storage.store(file)
    assert path.read_bytes() == b"{}\n"


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        ({"postprocessing": ["scrapy.extensions.postprocessing.GzipPlugin"]}, "postprocessing"),
        ({"batch_item_count": 10}, "batch_item_count"),
    ],
    ids=["postprocessing", "batch"],
)
def test_storage_refuses_unsupported_sqlite_options(
    tmp_path: Path, options: dict[str, Any], reason: str
) -> None:
    with pytest.raises(NotConfigured, match=reason):
        SQLiteAwareFileFeedStorage(
            str(tmp_path / "x.sqlite"), feed_options={"format": "sqlite", **options}
        )


def test_exporter_commits_every_n_and_counts(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_SQLITE_COMMIT_EVERY": 4})
    crawler.stats.open_spider()
    target = SQLiteTarget(tmp_path / "e.sqlite", overwrite=True)
    exporter = SQLiteItemExporter.from_crawler(crawler, target)  # type: ignore[arg-type]
    exporter.start_exporting()
    for index in [*range(10), 0]:
        exporter.export_item(ArticleItem(**record(index)))
    exporter.finish_exporting()
    target.close()
    stats = crawler.stats.get_stats()
    prefix = "newscrawler/sqlite/"
    assert (stats[prefix + "inserted"], stats[prefix + "updated"]) == (10, 1)
    assert stats[prefix + "commits"] == 3  # after items 4 and 8, then at close


def fts_in_sync(conn: sqlite3.Connection) -> bool:
    # For an external-content table this compares the index with the articles rows.
    conn.execute("INSERT INTO articles_fts (articles_fts) VALUES ('integrity-check')")
    return True


def test_migration_v3_to_v4_keeps_fts_and_defers_indexing_to_commit(tmp_path: Path) -> None:
    path = tmp_path / "v3.sqlite"
    conn = sqlschema.connect(path)
    sqlschema.migrate(conn, target=3)
    old = record(1)
    insert_as_v2(conn, old, seen_at=T1)  # indexed by the v2 trigger
    assert sqlschema.migrate(conn) == sqlschema.LATEST_VERSION == 5
    conn.execute("BEGIN")
    sqlstore.defer_fts(conn)
    upsert_article(conn, record(2), seen_at=T1)
    upsert_article(conn, record(2, seed=5), seen_at=T2)  # new, then changed, in one batch
    changed = {**old, "body": ["Quokka census in the Andamans."]}
    upsert_article(conn, changed, seen_at=T2)  # an indexed row: its trigger re-indexes
    other = sqlite3.connect(path)  # another reader sees no deferral and none of the batch
    assert other.execute("SELECT above_id FROM articles_fts_defer").fetchall() == [(None,)]
    assert other.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert sqlstore.search(conn, "item2") == []  # not indexed before the commit
    sqlstore.index_deferred(conn)
    conn.execute("COMMIT")
    assert sqlstore.search(conn, "item2") == [record(2)["url"]]
    assert sqlstore.search(conn, "quokka") == [old["url"]]
    assert sqlstore.search(conn, "item1") == []
    assert fts_in_sync(conn)
    other.execute("DELETE FROM articles WHERE url = ?", (old["url"],))  # no deferral: triggers
    other.execute(
        "INSERT INTO articles (url, headline, first_seen_at, last_seen_at)"
        " VALUES ('https://x.example/m', 'Manual wombat', 'a', 'a')"
    )
    other.commit()
    assert sqlstore.search(conn, "quokka") == []
    assert sqlstore.search(conn, "wombat") == ["https://x.example/m"]
    assert fts_in_sync(conn)
    other.close()


def test_exporter_batches_commits_and_signals_each(tmp_path: Path) -> None:
    crawler = get_crawler(
        settings_dict={
            "NEWSCRAWLER_SQLITE_COMMIT_EVERY": 4,
            "NEWSCRAWLER_SQLITE_COMMIT_SECONDS": 0,  # count only: no clock in this test
        }
    )
    crawler.stats.open_spider()
    sent: list[tuple[str, int]] = []
    for name in ("sqlite_feed_opened", "sqlite_feed_committed"):
        signal = getattr(newscrawler_signals, name)

        def receiver(feed: str, name: str = name) -> None:
            with closing(sqlite3.connect(feed)) as reader:
                rows = reader.execute("SELECT count(*) FROM articles").fetchone()[0]
            sent.append((name.rsplit("_", 1)[1], rows))  # rows another connection sees

        crawler.signals.connect(receiver, signal=signal, weak=False)
    target = SQLiteTarget(tmp_path / "b.sqlite", overwrite=True)
    exporter = SQLiteItemExporter.from_crawler(crawler, target)  # type: ignore[arg-type]
    exporter.start_exporting()
    for index in range(9):
        exporter.export_item(ArticleItem(**record(index)))
    exporter.finish_exporting()
    target.close()
    assert sent == [("opened", 0), ("committed", 4), ("committed", 8), ("committed", 9)]
    assert crawler.stats.get_value("newscrawler/sqlite/commits") == 3
    conn = sqlschema.connect(tmp_path / "b.sqlite")
    assert fts_in_sync(conn)
    assert conn.execute("SELECT above_id FROM articles_fts_defer").fetchall() == [(None,)]


def test_exporter_commits_a_batch_older_than_commit_seconds(tmp_path: Path) -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_SQLITE_COMMIT_SECONDS": 1.5})
    crawler.stats.open_spider()
    target = SQLiteTarget(tmp_path / "t.sqlite", overwrite=True)
    exporter = SQLiteItemExporter.from_crawler(crawler, target)  # type: ignore[arg-type]
    assert isinstance(exporter, SQLiteItemExporter)
    exporter.start_exporting()
    exporter.export_item({"headline": "no url"})  # refused at commit, counted, batch goes on
    exporter._batch_started -= 2  # the batch opened 2 s ago: no sleeping in tests
    exporter.export_item(ArticleItem(**record(1)))
    assert crawler.stats.get_value("newscrawler/sqlite/commits") == 1  # before the 500th item
    assert crawler.stats.get_value("newscrawler/sqlite/skipped") == 1
    exporter.finish_exporting()
    target.close()
    assert crawler.stats.get_value("newscrawler/sqlite/commits") == 1  # nothing new at close
