"""Dates pipeline on a real crawler: raw dates, modified dates and the URL fallback."""

from __future__ import annotations

import pytest
from scrapy.crawler import Crawler

from tests.support.record_steps import LEAD, MORE, article, record_crawler, run, stats


@pytest.fixture
def crawler() -> Crawler:
    return record_crawler()


def test_raw_date_and_modified_parsed(crawler: Crawler) -> None:
    item = run(
        crawler,
        article(
            source="hearst",
            published_at_raw="2019-11-20 06:09:25",
            published_at_source="jsonld",
            modified_at="Nov. 20, 2019 5:52 AM EST",
        ),
    )
    assert item.published_at == "2019-11-20T06:09:25-05:00"
    assert item.published_at_source == "jsonld"
    assert item.modified_at == "2019-11-20T05:52:00-05:00"
    assert stats(crawler)["newscrawler/dates/parsed/jsonld"] == 1


def test_unparseable_date_never_raises(crawler: Crawler) -> None:
    item = run(
        crawler, article(published_at_raw="sometime", modified_at="whenever", body=[LEAD, MORE])
    )
    assert (item.published_at, item.published_at_raw, item.modified_at) == (None, "sometime", None)
    assert stats(crawler)["newscrawler/dates/unparsed"] == 1
    assert stats(crawler)["newscrawler/dates/modified_unparsed"] == 1


def test_url_date_fallback(crawler: Crawler) -> None:
    item = run(crawler, article(url="https://ianslive.in/story--20250726123000", body=[LEAD, MORE]))
    assert (item.published_at, item.published_at_source) == ("2025-07-26T12:30:00+05:30", "url")
    assert stats(crawler)["newscrawler/dates/parsed/url"] == 1
