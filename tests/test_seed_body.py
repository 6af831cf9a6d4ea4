from __future__ import annotations

from pathlib import Path
from typing import Any

from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.items import ArticleItem
from newscrawler.pipelines.boilerplate import BoilerplatePipeline
from newscrawler.pipelines.dedup import DuplicateParagraphPipeline
from newscrawler.pipelines.echoes import LeadingEchoPipeline
from newscrawler.pipelines.normalize import NormalizePipeline
from newscrawler.pipelines.related import RelatedLinksPipeline

HEADLINE = "Facebook to become 'privacy-focused' like WhatsApp: Zuckerberg"
ORDER = (
    NormalizePipeline,
    LeadingEchoPipeline,
    RelatedLinksPipeline,
    BoilerplatePipeline,
    DuplicateParagraphPipeline,
)
# Ages per sidebar entry as the seed README gives them: 9 h x1, 10 h x4, 15 h x8.
AGES = ["9 hours ago"] + ["10 hours ago"] * 4 + ["15 hours ago"] * 8
PUBLISHED = {
    "9 hours ago": "2025-07-26T03:00:00+00:00",
    "10 hours ago": "2025-07-26T02:00:00+00:00",
    "15 hours ago": "2025-07-25T21:00:00+00:00",
}


def test_seed_through_body_cleaning(seed_dir: Path) -> None:
    lines = (seed_dir / "indialife-article-112952.txt").read_text(encoding="utf-8").splitlines()
    crawler = get_crawler()
    item: Any = ArticleItem(
        url="https://indialife.us/article.php?id=112952",
        headline=HEADLINE,
        crawled_at="2025-07-26T12:00:00+00:00",
        body=list(lines),
    )
    for pipeline_cls in ORDER:
        item = build_from_crawler(pipeline_cls, crawler).process_item(item)

    assert item.section == "Business"
    assert item.body == lines[2:14]  # the dateline line, then the 11 paragraphs (lines 4-14)
    sidebar = [line for line in lines[25:] if line.strip()]
    assert [r["title"] for r in item.related] == sidebar[1::2]
    assert [r["age"] for r in item.related] == sidebar[0::2] == AGES
    assert [r["published_at"] for r in item.related] == [PUBLISHED[a] for a in AGES]
    assert {r["url"] for r in item.related} == {None}
    assert all(set(r) == {"title", "url", "age", "published_at"} for r in item.related)
    assert item.related[0]["title"].startswith("AAPI\u2019s 43rd Convention")
    assert item.cleaning == {
        "leading_echoes": 2,
        "related_links": 13,
        "boilerplate_lines": 0,
        "duplicate_paragraphs": 10,
    }
    stats = crawler.stats.get_stats()
    assert stats["newscrawler/paragraphs/unique"] == 12
    assert stats["newscrawler/paragraphs/total"] == 22
