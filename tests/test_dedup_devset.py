"""No block the extraction-dev truth keeps is removed as a duplicate or a leading echo."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
from scrapy.exceptions import DropItem

from newscrawler.extract.page import ArticlePage
from newscrawler.pipelines.dedup import DuplicateParagraphPipeline
from newscrawler.pipelines.echoes import LeadingEchoPipeline
from newscrawler.spiders.base import to_item
from newscrawler.text.dedup import drop_repeats
from newscrawler.text.normalize import paragraph_key
from tests.support.devset import all_dev_pages, dev_cases
from tests.support.pipeline_chain import pipeline_chain, project_crawler

WATCHED = (DuplicateParagraphPipeline, LeadingEchoPipeline)


def lost_blocks(before: list[str], after: list[str], truth: Counter[str]) -> list[str]:
    """Truth blocks the step removed beyond the copies the page had in excess of the truth."""
    had, kept = Counter(map(paragraph_key, before)), Counter(map(paragraph_key, after))
    return [key for key in had if key in truth and kept[key] < min(had[key], truth[key])]


def run_watched(item: Any, chain: list[Any], truth: Counter[str]) -> list[str]:
    lost: list[str] = []
    try:
        for pipeline in chain:
            before = list(item.body)
            item = pipeline.process_item(item)
            if isinstance(pipeline, WATCHED):
                lost += lost_blocks(before, item.body, truth)
    except DropItem:
        pass  # dropping an item is the validator's verdict, not a removed block
    return lost


@pytest.mark.slow  # the whole dev set through extraction and the chain: ~15 s of CPU
def test_no_truth_block_is_removed_as_a_duplicate() -> None:
    chain = pipeline_chain(project_crawler())
    lost: dict[str, list[str]] = {}
    for html, case in all_dev_pages():
        fields = ArticlePage(html, case["url"]).fields()
        if fields is None:
            continue
        item = to_item({**fields, "crawled_at": "2026-01-01T00:00:00+00:00"})
        truth = Counter(map(paragraph_key, case["body"]))
        if found := run_watched(item, chain, truth):
            lost[case["id"]] = found
    assert lost == {}


def test_truth_bodies_have_no_copies() -> None:
    # The truths themselves: every repeat they hold (pull quotes, a deal line, a placeholder per
    # infographic) is content.
    removed = {case["id"]: drop_repeats(case["body"]).removed for case in dev_cases().values()}
    if not removed:
        pytest.skip("../shared/extraction-dev is absent")
    assert {case_id: n for case_id, n in removed.items() if n} == {}
