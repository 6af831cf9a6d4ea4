"""Fast paths give what the general paths give: cleaning, pipeline plumbing, SQLite, extraction."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import pytest
from itemadapter import ItemAdapter
from parsel import Selector
from scrapy.utils.test import get_crawler

from newscrawler.extract.related import related_links
from newscrawler.feeds.exporter import SQLiteItemExporter
from newscrawler.feeds.storage import SQLiteTarget
from newscrawler.items import ArticleItem
from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.stores import sqlschema, sqlstore
from newscrawler.text.dedup import drop_repeats
from newscrawler.text.normalize import normalize_blocks, normalize_with_flag
from newscrawler.text.related import split_related
from tests.support.feeds_spider import make_record

T1, T2 = "2026-11-25T10:00:00+00:00", "2026-11-25T11:00:00+00:00"


def _block_by_block(blocks: list[str]) -> tuple[list[str], int, int]:
    results = [normalize_with_flag(block) for block in blocks]
    kept = [text for text, _ in results if text]
    return kept, len(blocks) - len(kept), sum(fixed for _, fixed in results)


@pytest.mark.parametrize(
    "blocks",
    [
        pytest.param(["Plain text.", "", "  padded  ", "Another one."], id="ascii-plain"),
        pytest.param(["two  spaces", "fine"], id="double-space-slow-path"),
        pytest.param(["café au lait", "naïve"], id="latin-plain"),
        pytest.param(["Itâ€™s", "ok"], id="mojibake"),
        pytest.param(["a\u00a0b", "x &amp; y", "<b>bold</b>"], id="nbsp-entity-tag"),
        pytest.param(["Ã", "©"], id="lead-at-block-end-not-joined"),
        pytest.param([], id="empty"),
    ],
)
def test_normalize_blocks_matches_block_by_block(blocks: list[str]) -> None:
    assert tuple(normalize_blocks(blocks)) == _block_by_block(blocks)


def test_drop_repeats_without_short_lines() -> None:
    # A run of three rendered again goes; a lone repeat further on (a pull quote) stays.
    first = ["One two three four.", "Five six seven.", "Eight nine ten."]
    body = [*first, *first, "Eleven twelve thirteen.", "Five six seven."]
    result = drop_repeats(body)
    assert (result.paragraphs, result.removed, result.total) == (
        [*first, "Eleven twelve thirteen.", "Five six seven."],
        3,
        8,
    )


def test_drop_repeats_short_line_inside_copy_still_goes() -> None:
    body = ["A long first paragraph here.", "Photo", "A long first paragraph here.", "Photo"]
    assert drop_repeats(body).paragraphs == ["A long first paragraph here.", "Photo"]


@pytest.mark.parametrize(
    ("body", "kept", "titles"),
    [
        pytest.param(
            ["Story text.", "", "1 hours ago", "First title", "2 hours ago", "Second title"],
            ["Story text.", ""],
            ["First title", "Second title"],
            id="age-first-blank-line",
        ),
        pytest.param(
            ["Story.", "Latest News", "First title", "3 hours ago"],
            ["Story."],
            ["First title"],
            id="one-pair-under-heading",
        ),
        pytest.param(
            ["Story.", "First title", "3 hours ago"],
            ["Story.", "First title", "3 hours ago"],
            [],
            id="one-pair-alone",
        ),
        pytest.param(
            ["T1 here", "1 hours ago", "Same title", "2 hours ago", "Same title", "3 hours ago"],
            [],
            ["T1 here", "Same title"],
            id="duplicate-title-kept-once",
        ),
    ],
)
def test_split_related_walks_back_from_the_end(
    body: list[str], kept: list[str], titles: list[str]
) -> None:
    split = split_related(body, None)
    assert split.body == kept
    assert [entry["title"] for entry in split.related] == titles
    assert split_related(split.body, None).related == []


def test_article_adapter_behaves_like_item_adapter() -> None:
    fast, stock = adapt(ArticleItem(url="u")), ItemAdapter(ArticleItem(url="u"))
    assert type(fast) is not ItemAdapter
    assert fast.get("url") == stock.get("url") == "u"
    assert fast.get("nope", 5) == stock.get("nope", 5) == 5
    fast["headline"] = stock["headline"] = "H"
    assert fast.asdict() == stock.asdict()
    with pytest.raises(KeyError):
        fast["nope"]
    with pytest.raises(KeyError):
        fast["nope"] = 1
    assert type(adapt({"url": "u"})) is ItemAdapter


def test_inc_follows_a_replaced_stats_object_and_skips_zero() -> None:
    pipeline = CleaningPipeline(stats=None)
    pipeline.inc("ignored")
    first, second = get_crawler().stats, get_crawler().stats
    assert first is not None
    assert second is not None
    pipeline.stats = first
    pipeline.inc("a", 2)
    pipeline.inc("zero", 0)
    pipeline.stats = second
    pipeline.inc("a")
    assert first.get_stats() == {"newscrawler/pipeline/a": 2}
    assert second.get_stats() == {"newscrawler/pipeline/a": 1}


def _exporter(tmp_path: Path, name: str, overwrite: bool, **kwargs: Any) -> Any:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_SQLITE_COMMIT_EVERY": 3})
    crawler.stats.open_spider()
    target = SQLiteTarget(tmp_path / name, overwrite=overwrite)
    exporter = SQLiteItemExporter.from_crawler(crawler, target, **kwargs)  # type: ignore[arg-type]
    exporter.start_exporting()
    return crawler, target, exporter


def _export(tmp_path: Path, items: list[ArticleItem], overwrite: bool = True) -> dict[str, Any]:
    crawler, target, exporter = _exporter(tmp_path, "p.sqlite", overwrite)
    for item in items:
        exporter.export_item(item)
    exporter.finish_exporting()
    target.close()
    return dict(crawler.stats.get_stats())


def test_fresh_database_repeated_url_is_an_update_with_its_links_replaced(tmp_path: Path) -> None:
    first = ArticleItem(**make_record(1, seed=1, crawled_at=T1))
    again = ArticleItem(**make_record(1, seed=2, crawled_at=T2))
    stats = _export(tmp_path, [first, again])
    assert (stats["newscrawler/sqlite/inserted"], stats["newscrawler/sqlite/updated"]) == (1, 1)
    conn = sqlschema.connect(tmp_path / "p.sqlite")
    stored = sqlstore.load_article(conn, first.url)
    assert stored is not None
    assert stored["related"] == again.related


def test_unchanged_and_changed_text_keep_fts_in_sync(tmp_path: Path) -> None:
    item = ArticleItem(**make_record(1, seed=1, crawled_at=T1))
    _export(tmp_path, [item])
    same = dataclasses.replace(item, crawled_at=T2)
    changed = dataclasses.replace(item, headline="Zanzibar quokka parliament")
    stats = _export(tmp_path, [same], overwrite=False)
    assert stats["newscrawler/sqlite/updated"] == 1
    conn = sqlschema.connect(tmp_path / "p.sqlite")
    word = item.headline.split()[0] if item.headline else ""
    assert sqlstore.search(conn, f'"{word}"') == [item.url]
    conn.close()
    _export(tmp_path, [changed], overwrite=False)
    conn = sqlschema.connect(tmp_path / "p.sqlite")
    assert sqlstore.search(conn, "quokka") == [item.url]
    assert conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")


def test_fields_to_export_still_applies(tmp_path: Path) -> None:
    crawler, target, exporter = _exporter(
        tmp_path, "f.sqlite", True, fields_to_export=["url", "headline"]
    )
    item = ArticleItem(**make_record(1, seed=1, crawled_at=T1))
    exporter.export_item(item)
    exporter.finish_exporting()
    stored = sqlstore.load_article(target.connection, item.url)
    target.close()
    assert stored is not None
    assert (stored["headline"], stored["body"], stored["related"]) == (item.headline, [], [])


_NESTED = """<html><body><p>Story</p>
<aside><div class="related-list">
  <div class="card"><a href="/a">A first related headline here</a><time datetime="2026-01-01T00:00:00Z"></time></div>
  <div class="card"><a href="/b" title="B second related headline">x</a><span>3 hours ago</span></div>
  <div class="card"><a href="/a">A duplicate link to the first one</a></div>
  <div class="card"><a href="#top">Back to the top of the page</a></div>
  <div class="card"><a href="/page">The page itself links here again</a></div>
</div></aside></body></html>"""  # noqa: E501


def test_related_links_nested_containers_give_each_url_once() -> None:
    links = related_links(Selector(text=_NESTED), "https://site.test/page")
    assert links == [
        {
            "title": "A first related headline here",
            "url": "https://site.test/a",
            "age": None,
            "time": "2026-01-01T00:00:00Z",
        },
        {
            "title": "B second related headline",
            "url": "https://site.test/b",
            "age": "3 hours ago",
            "time": None,
        },
    ]
