"""Unit tests of middlewares/backoff.py: delays, waits, give-up counting, gzip and redirects."""

from __future__ import annotations

import asyncio
import gzip
from datetime import UTC, datetime
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import DownloadTimeoutError, IgnoreRequest, NotConfigured
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from newscrawler.middlewares.backoff import BackoffMiddleware, GiveUpMiddleware, backoff_delay
from newscrawler.middlewares.guards import GuardMiddleware, site_key

NOW = datetime(2025, 7, 26, 12, 0, tzinfo=UTC)
URL = "http://127.0.0.1:1/article/1"


@pytest.mark.parametrize(
    ("retries", "retry_after", "expected"),
    [
        (0, None, 0.5),
        (1, None, 1.0),
        (3, None, 4.0),
        (10, None, 10.0),  # doubling capped
        (0, "3", 3.0),
        (0, "3600", 10.0),  # a server's Retry-After is capped too
        (0, "Sat, 26 Jul 2025 12:00:07 GMT", 7.0),  # HTTP date, against the server's clock
        (0, "Sat, 26 Jul 2025 11:00:00 GMT", 0.0),  # already past
        (2, "soon", 2.0),  # unreadable: doubling
    ],
    ids=["first", "second", "fourth", "cap", "seconds", "seconds-capped", "date", "past", "junk"],
)
def test_backoff_delay(retries: int, retry_after: str | None, expected: float) -> None:
    assert backoff_delay(retries, retry_after, base=0.5, cap=10.0, now=NOW) == expected


def backoff(
    monkeypatch: pytest.MonkeyPatch, **settings: Any
) -> tuple[BackoffMiddleware, list[Any]]:
    crawler = get_crawler(Spider, settings_dict={"RETRY_TIMES": 2, **settings})
    slept: list[float] = []

    async def fake_sleep(delay: float) -> None:
        slept.append(delay)

    monkeypatch.setattr("newscrawler.middlewares.backoff.asyncio.sleep", fake_sleep)
    return BackoffMiddleware.from_crawler(crawler), slept


def test_waits_only_before_a_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    mw, slept = backoff(monkeypatch, NEWSCRAWLER_BACKOFF_BASE=0.5)
    ok = Response(URL, status=200)
    unavailable = Response(URL, status=503, headers={"Retry-After": "2"})
    asyncio.run(mw.process_response(Request(URL), ok))
    asyncio.run(mw.process_response(Request(URL), unavailable))
    asyncio.run(mw.process_response(Request(URL, meta={"retry_times": 2}), unavailable))  # last
    asyncio.run(mw.process_response(Request(URL, meta={"dont_retry": True}), unavailable))
    asyncio.run(mw.process_exception(Request(URL, meta={"retry_times": 1}), DownloadTimeoutError()))
    asyncio.run(mw.process_exception(Request(URL), ValueError("not retried")))
    assert slept == [2.0, 1.0]
    assert mw.stats.get_value("newscrawler/backoff/waits") == 2
    assert mw.stats.get_value("newscrawler/backoff/retry_after") == 1


def test_backoff_can_be_switched_off() -> None:
    crawler = get_crawler(Spider, settings_dict={"NEWSCRAWLER_BACKOFF_ENABLED": False})
    with pytest.raises(NotConfigured):
        BackoffMiddleware.from_crawler(crawler)


def giveup(spider: Spider | None = None) -> GiveUpMiddleware:
    crawler = get_crawler(Spider)
    crawler.spider = spider or Spider("s")
    return GiveUpMiddleware.from_crawler(crawler)


def test_download_errors_become_counted_ignores() -> None:
    mw = giveup()
    with pytest.raises(IgnoreRequest):
        mw.process_exception(Request(URL), DownloadTimeoutError("took too long"))
    assert mw.process_exception(Request(URL), IgnoreRequest("robots")) is None  # not ours
    assert mw.stats.get_stats() == {"newscrawler/giveup/timeout": 1}


def test_error_statuses_counted_unless_handled() -> None:
    mw = giveup(Spider("s", handle_httpstatus_list=[404]))
    for status, url in [(503, URL), (404, URL), (200, URL), (404, "http://127.0.0.1:1/robots.txt")]:
        response = Response(url, status=status)
        assert mw.process_response(Request(url), response) is response
    handled = Request(URL, meta={"handle_httpstatus_all": True})
    mw.process_response(handled, Response(URL, status=500))
    assert mw.stats.get_stats() == {"newscrawler/giveup/http_503": 1}


def test_broken_gzip_is_refused_and_good_gzip_passes() -> None:
    crawler = get_crawler(Spider)
    mw = GuardMiddleware.from_crawler(crawler)
    good = Response(URL, body=gzip.compress(b"<p>fine</p>"), headers={"Content-Encoding": "gzip"})
    assert mw.process_response(Request(URL), good) is good
    bad = Response(URL, body=b"\x1f\x8b\x08\x00garbage" * 8, headers={"Content-Encoding": "gzip"})
    with pytest.raises(IgnoreRequest):
        mw.process_response(Request(URL), bad)
    assert crawler.stats.get_stats() == {"newscrawler/giveup/bad_encoding": 1}


def test_redirect_chain_loop_detected() -> None:
    crawler = get_crawler(Spider)
    mw = GuardMiddleware.from_crawler(crawler)
    request = Request(f"{URL}?b", meta={"redirect_urls": [URL]})
    with pytest.raises(IgnoreRequest):
        mw.process_response(request, Response(request.url, status=301, headers={"Location": URL}))
    assert crawler.stats.get_value("newscrawler/giveup/redirect_loop") == 1


@pytest.mark.parametrize(
    ("host", "key"),
    [("www.apnews.com", "apnews.com"), ("apnews.com", "apnews.com"), ("127.0.0.1", "127.0.0.1"),
     ("localhost", "localhost"), ("[::1]", "[::1]"), (None, "")],
)  # fmt: skip
def test_site_key(host: str | None, key: str) -> None:
    assert site_key(host) == key
