"""Validation pipeline on a real crawler: drops, the record's fields and the schema."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from scrapy.crawler import Crawler
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

from newscrawler.exceptions import EmptyBody, MissingHeadline, MissingUrl, NotAnArticle
from newscrawler.pipelines.validate import RECORD_FIELDS, ValidatePipeline, content_hash, word_count
from tests.support.record_steps import CRAWLED_AT, LEAD, MORE, article, record_crawler, run, stats

SCHEMA_PATH = Path(__file__).resolve().parents[1] / "newscrawler" / "schema" / "article.schema.json"


@pytest.fixture
def crawler() -> Crawler:
    return record_crawler()


@pytest.mark.parametrize(
    ("fields", "error"),
    [
        pytest.param({"url": ""}, MissingUrl, id="missing-url"),
        pytest.param({"url": "javascript:void(0)"}, MissingUrl, id="not-http-url"),
        pytest.param({"headline": None}, MissingHeadline, id="missing-headline"),
        pytest.param({"headline": "   "}, MissingHeadline, id="blank-headline"),
        pytest.param({"body": []}, EmptyBody, id="empty-body"),
        pytest.param({"body": ["  ", ""]}, EmptyBody, id="blank-paragraphs"),
        pytest.param({"body": ["Too short to be an article."]}, NotAnArticle, id="too-few-words"),
    ],
)
def test_validation_drops(crawler: Crawler, fields: dict[str, Any], error: type[Exception]) -> None:
    pipeline = build_from_crawler(ValidatePipeline, crawler)
    with pytest.raises(error):
        pipeline.process_item(article(**fields))


def test_min_words_setting() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_MIN_WORDS": 3})
    item = build_from_crawler(ValidatePipeline, crawler).process_item(
        article(body=["Three words here."])
    )
    assert item.word_count == 3


def test_dict_item_fits_the_schema(crawler: Crawler) -> None:
    raw = {
        "url": "https://www.aninews.in/news/world/us/slug20250726123000/",
        "crawled_at": CRAWLED_AT,
        "headline": "A headline",
        "body": ["Washington DC [US], July 26 (ANI): " + LEAD, MORE],
        "summary": "",
        "spider_debug": "x",
    }
    record = run(crawler, raw)
    assert set(record) == set(RECORD_FIELDS)
    assert (record["agency"], record["summary"], record["authors"]) == ("ANI", None, [])
    jsonschema.validate(record, json.loads(SCHEMA_PATH.read_text(encoding="utf-8")))
    assert stats(crawler)["newscrawler/validate/unknown_keys_removed"] == 1


def test_record_fields_match_the_schema() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert set(schema["properties"]) == set(RECORD_FIELDS)


def test_content_hash_is_stable_under_cosmetics() -> None:
    assert content_hash(["He said “yes” —  now."]) == content_hash(['he said "yes" - now.'])
    assert content_hash(["One.", "Two."]) != content_hash(["One. Two."])


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(["one two  three"], 3, id="whitespace-runs"),
        pytest.param(["新华社北京电"], 6, id="chinese-characters-are-words"),
        pytest.param(["新华社 reported 北京"], 6, id="mixed-cjk-and-latin"),
        pytest.param(["서울 시장 선거"], 3, id="korean-is-spaced"),
    ],
)
def test_word_count_counts_unspaced_scripts(body: list[str], expected: int) -> None:
    assert word_count(body) == expected
