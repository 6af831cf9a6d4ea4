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


@pytest.mark.parametrize(
    ("language", "parsed"),
    [("es", "2014-01-09T10:21:00+00:00"), ("es-ES", "2014-01-09T10:21:00+00:00"),
     ("x-klingon", None), (None, None)],
)  # fmt: skip
def test_month_words_of_a_site_without_a_record_read_in_its_page_language(
    crawler: Crawler, language: str | None, parsed: str | None
) -> None:
    # A Spanish portal with no Site record: "enero" is read because the page says it is "es";
    # a language dateparser does not know is left out rather than failing the parse.
    item = run(
        crawler,
        article(source="portal.example", language=language, body=[LEAD, MORE],
                published_at_raw="jueves, 09 enero 2014 10:21", published_at_source="time-tag"),
    )  # fmt: skip
    assert item.published_at == parsed
