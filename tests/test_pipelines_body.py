from __future__ import annotations

import asyncio
from typing import Any

import pytest
from itemadapter import ItemAdapter
from scrapy.pipelines import ItemPipelineManager
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.items import ArticleItem
from newscrawler.pipelines.boilerplate import BoilerplatePipeline
from newscrawler.pipelines.dedup import DuplicateParagraphPipeline
from newscrawler.pipelines.echoes import LeadingEchoPipeline
from newscrawler.pipelines.normalize import NormalizePipeline
from newscrawler.pipelines.related import RelatedLinksPipeline

HEAD = "Mired in breaches, Facebook turns to privacy"
P1 = "Facebook CEO Mark Zuckerberg on Thursday said he is working on privacy."
P2 = "He said Facebook will become like the mobile messaging platform WhatsApp."
ONE = "Council approves the new city budget"
TWO = "Rains close schools across the state"
CRAWLED = "2025-07-26T12:00:00+00:00"


def _item(kind: str, **fields: Any) -> Any:
    fields.setdefault("url", "https://example.com/a")
    return ArticleItem(**fields) if kind == "item" else dict(fields)


def _run(pipeline_cls: type, item: Any) -> tuple[ItemAdapter, dict[str, Any]]:
    crawler = get_crawler()
    pipeline = build_from_crawler(pipeline_cls, crawler)
    out = pipeline.process_item(item)
    assert out is item
    stats = {k: v for k, v in crawler.stats.get_stats().items() if k.startswith("newscrawler/")}
    return ItemAdapter(out), stats


KINDS = pytest.mark.parametrize("kind", ["dict", "item"])


@KINDS
def test_normalize_pipeline(kind: str) -> None:
    item = _item(
        kind,
        headline=" Caf\u00c3\u00a9 &amp; bar ",
        section="",
        summary="<p>Short</p>",
        authors=["A\u00a0Writer", " "],
        tags=["it\u00e2\u20ac\u2122s"],
        body=[P1, "", "&nbsp;", P2 + "\u200b"],
    )
    adapter, stats = _run(NormalizePipeline, item)
    assert adapter["headline"] == "Caf\u00e9 & bar"
    assert adapter["section"] is None
    assert adapter["summary"] == "Short"
    assert adapter["authors"] == ["A Writer"]
    assert adapter["tags"] == ["it\u2019s"]
    assert adapter["body"] == [P1, P2]
    assert stats == {
        "newscrawler/normalize/mojibake_repaired": 2,
        "newscrawler/normalize/empty_blocks_dropped": 2,
    }


@KINDS
def test_echo_pipeline_fills_section(kind: str) -> None:
    item = _item(kind, headline=HEAD, body=["Business", HEAD, P1, P2])
    adapter, stats = _run(LeadingEchoPipeline, item)
    assert adapter["body"] == [P1, P2]
    assert adapter["section"] == "Business"
    assert adapter["cleaning"] == {"leading_echoes": 2}
    assert stats == {"newscrawler/cleaning/leading_echoes": 2}


@KINDS
def test_echo_pipeline_nothing_to_do_counts_zero(kind: str) -> None:
    item = _item(kind, headline=HEAD, section="World", body=[P1, P2])
    adapter, stats = _run(LeadingEchoPipeline, item)
    assert adapter["body"] == [P1, P2]
    assert adapter["section"] == "World"
    assert adapter["cleaning"] == {"leading_echoes": 0}
    assert stats == {}


@KINDS
def test_related_pipeline_text_and_links(kind: str) -> None:
    links = [
        {
            "title": ONE,
            "url": "https://x/news/council-approves-budget",
            "age": "1 hour ago",
            "time": "1725369093000",
        },
        {"title": TWO, "url": "https://x/news/rains-close-schools", "age": None, "time": "1h ago"},
        {"title": ONE, "url": "https://x/news/council-approves-budget", "age": None, "time": None},
        {"title": "", "url": "https://x/3", "age": None, "time": None},
        # Navigation: a section front and a topic label never become related articles.
        {"title": "Watch more videos", "url": "https://x/video/", "age": None, "time": None},
        {"title": "Israel Gaza War", "url": "https://x/news/israel-gaza-live", "age": None},
    ]
    body = [P1, "9 hours ago", "Text one", "10 hours ago", "Text two"]
    item = _item(kind, crawled_at=CRAWLED, body=body, related=links, cleaning={"x": 1})
    adapter, stats = _run(RelatedLinksPipeline, item)
    assert adapter["body"] == [P1]
    assert adapter["related"] == [
        {
            "title": ONE,
            "url": "https://x/news/council-approves-budget",
            "age": "1 hour ago",
            "published_at": "2024-09-03T13:11:33+00:00",
        },
        {
            "title": TWO,
            "url": "https://x/news/rains-close-schools",
            "age": "1h ago",
            "published_at": "2025-07-26T11:00:00+00:00",
        },
        {
            "title": "Text one",
            "url": None,
            "age": "9 hours ago",
            "published_at": "2025-07-26T03:00:00+00:00",
        },
        {
            "title": "Text two",
            "url": None,
            "age": "10 hours ago",
            "published_at": "2025-07-26T02:00:00+00:00",
        },
    ]
    assert adapter["cleaning"] == {"x": 1, "related_links": 2}
    assert stats == {
        "newscrawler/cleaning/related_links": 2,
        "newscrawler/related/links_given": 3,
        "newscrawler/related/links_invalid": 1,
        "newscrawler/related/navigation_dropped": 2,
    }


@KINDS
def test_related_pipeline_without_crawled_at_never_uses_clock(kind: str) -> None:
    item = _item(kind, body=[P1, "9 hours ago", "Text one", "10 hours ago", "Text two"])
    adapter, stats = _run(RelatedLinksPipeline, item)
    assert [r["published_at"] for r in adapter["related"]] == [None, None]
    assert stats["newscrawler/related/unresolved"] == 2


@KINDS
def test_boilerplate_pipeline(kind: str) -> None:
    credit = "(With inputs from PTI)"
    body = [
        P1,
        "Also Read: Something else",
        P2,
        credit,
        "Copyright 2024 The Associated Press. All Rights Reserved.",
    ]
    adapter, stats = _run(BoilerplatePipeline, _item(kind, body=body))
    assert adapter["body"] == [P1, P2, credit]
    assert adapter["cleaning"] == {"boilerplate_lines": 2}
    assert stats == {"newscrawler/cleaning/boilerplate_lines": 2}


@KINDS
def test_dedup_pipeline(kind: str) -> None:
    adapter, stats = _run(DuplicateParagraphPipeline, _item(kind, body=[P1, P2, P1, P2.upper()]))
    assert adapter["body"] == [P1, P2]
    assert adapter["cleaning"] == {"duplicate_paragraphs": 2}
    assert stats == {
        "newscrawler/paragraphs/total": 4,
        "newscrawler/paragraphs/unique": 2,
        "newscrawler/cleaning/duplicate_paragraphs": 2,
    }


def test_pipelines_are_the_ones_settings_name() -> None:
    from newscrawler import settings

    classes = (
        NormalizePipeline,
        LeadingEchoPipeline,
        RelatedLinksPipeline,
        BoilerplatePipeline,
        DuplicateParagraphPipeline,
    )
    paths = [f"{cls.__module__}.{cls.__name__}" for cls in classes]
    assert [settings.ITEM_PIPELINES[path] for path in paths] == [100, 200, 300, 400, 500]


def test_chain_through_scrapy_pipeline_manager_without_spider_argument() -> None:
    # The manager warns (an error here) on a `spider` parameter; this runs the real chain.
    from newscrawler import settings

    ours = {path: order for path, order in settings.ITEM_PIPELINES.items() if order <= 500}
    crawler = get_crawler(settings_dict={"ITEM_PIPELINES": ours})
    manager = ItemPipelineManager.from_crawler(crawler)
    # P1 P2 rendered again right after themselves: a copy (a lone P1 again would be a quote).
    body = ["World", HEAD, P1, P2, P1, P2, "Follow us on X", "9 hours ago", "T1", "10 hours ago"]
    body.append("T2")
    item = _item("item", headline=HEAD, crawled_at=CRAWLED, body=body)
    out = asyncio.run(manager.process_item_async(item))
    assert out.body == [P1, P2]
    assert out.section == "World"
    assert [r["title"] for r in out.related] == ["T1", "T2"]
    assert out.cleaning == {
        "leading_echoes": 2,
        "related_links": 2,
        "boilerplate_lines": 1,
        "duplicate_paragraphs": 2,
    }
