"""The User-Agent names the bot and its contact; a live crawl with the shipped one warns once."""

from __future__ import annotations

import logging

import pytest
from scrapy import Request
from scrapy.utils.test import get_crawler

from newscrawler.middlewares.useragent import SHIPPED_CONTACT_URL, ContactUserAgentMiddleware
from tests.support.pipeline_chain import project_settings

WARNING = "Live crawl with the default User-Agent contact"


def middleware(**overrides: str) -> ContactUserAgentMiddleware:
    crawler = get_crawler(settings_dict=project_settings(**overrides))
    return ContactUserAgentMiddleware.from_crawler(crawler)


def warnings_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


def test_the_shipped_contact_warns_once_on_a_live_crawl(caplog: pytest.LogCaptureFixture) -> None:
    mw = middleware()
    requests = [Request("https://apnews.com/article/x"), Request("https://www.reuters.com/y")]
    with caplog.at_level(logging.WARNING):
        for request in requests:
            mw.process_request(request)
    logged = warnings_logged(caplog)
    assert len(logged) == 1
    assert logged[0].startswith(WARNING)
    assert SHIPPED_CONTACT_URL in logged[0]
    assert "NEWSCRAWLER_CONTACT_URL" in logged[0]
    agent = (requests[0].headers[b"User-Agent"] or b"").decode()
    assert agent == f"newscrawler/0.1.0 (+{SHIPPED_CONTACT_URL})"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/a", "http://localhost/a", "http://[::1]/a"])
def test_loopback_sites_do_not_warn(url: str, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        middleware().process_request(Request(url))
    assert warnings_logged(caplog) == []


def test_an_own_contact_does_not_warn_and_is_sent(caplog: pytest.LogCaptureFixture) -> None:
    request = Request("https://apnews.com/article/x")
    with caplog.at_level(logging.WARNING):
        middleware(NEWSCRAWLER_CONTACT_URL="https://news.example.org/bot").process_request(request)
    assert warnings_logged(caplog) == []
    assert request.headers[b"User-Agent"] == b"newscrawler/0.1.0 (+https://news.example.org/bot)"


def test_an_empty_contact_warns(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        middleware(NEWSCRAWLER_CONTACT_URL="").process_request(Request("https://apnews.com/x"))
    assert "(empty)" in warnings_logged(caplog)[0]
