"""Wrong or missing charsets: the record must be the one a correctly labelled page gives."""

from __future__ import annotations

import json
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from functools import cache
from typing import Any

import pytest
from itemadapter import ItemAdapter
from scrapy import Request
from scrapy.http import HtmlResponse

from newscrawler.spiders.base import item_from_response
from tests.support.mockserver import pages
from tests.support.mockserver.__main__ import DEFAULT_DATE
from tests.support.mockserver.faults import FaultPlan
from tests.support.mockserver.faults_crawl import reference_record
from tests.support.mockserver.faults_modes import _as_cp1252, _without_charset
from tests.support.mockserver.fixtures import MockSite
from tests.support.mockserver.server import Site
from tests.support.pipeline_chain import clean

SITE = MockSite("http://127.0.0.1:1", 30, DEFAULT_DATE, [], 1)
# AP and AFP datelines carry a dash (U+2014/U+2013): the bytes that differ between encodings.
NON_ASCII = [6, 11, 30]
Reshape = Callable[[bytes, str], tuple[bytes, str]]


@cache
def reference(art_id: int) -> dict[str, Any]:
    return reference_record(SITE, art_id)


def page(art_id: int) -> tuple[str, bytes]:
    """URL and UTF-8 bytes of /article/<art_id> as the mock site renders it."""
    fetched = parsedate_to_datetime(SITE.date)
    model = Site(SITE.seed, SITE.articles, fetched, FaultPlan(None, SITE.seed))
    model.base = SITE.url
    article = model.article(art_id)
    assert article is not None
    html = pages.article_page(article, SITE.url, model.latest(art_id), fetched)
    return f"{SITE.url}{article.path}", html.encode("utf-8")


def served_record(art_id: int, reshape: Reshape) -> dict[str, Any]:
    url, html = page(art_id)
    body, ctype = reshape(html, "text/html; charset=utf-8")
    headers = {"Content-Type": ctype, "Date": SITE.date}
    item = item_from_response(HtmlResponse(url, body=body, headers=headers, request=Request(url)))
    return dict(json.loads(json.dumps(ItemAdapter(clean(item)).asdict())))


def test_the_fault_changes_the_bytes() -> None:
    # Otherwise the cp1252 case would test nothing: each page must hold non-ASCII text.
    for art_id in NON_ASCII:
        html = page(art_id)[1]
        assert _as_cp1252(html, "")[0] != html


@pytest.mark.parametrize("art_id", NON_ASCII)
def test_utf8_without_any_declaration(art_id: int) -> None:
    assert served_record(art_id, _without_charset) == reference(art_id)


@pytest.mark.parametrize("art_id", NON_ASCII)
def test_cp1252_served_as_utf8_reads_as_the_original(art_id: int) -> None:
    record = served_record(art_id, _as_cp1252)
    assert "\ufffd" not in json.dumps(record, ensure_ascii=False)
    assert record == reference(art_id)
