"""Host checks read URLs as the downloader fetches them: backslash, userinfo and IDNA variants."""

from __future__ import annotations

import json
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

from newscrawler.middlewares.guards import redirect_target
from tests.support.crawl import read_jsonl
from tests.support.mockserver.faults_crawl import crawl
from tests.test_security import guard

SECRET = "/internal/secret.html/@localhost/"  # where the backslash URL really lands


def backslash(port: str) -> str:
    # urlsplit: host `localhost`; w3lib and browsers: host 127.0.0.1, path /internal/...
    return f"http://127.0.0.1:{port}\\internal\\secret.html\\@localhost/"


@pytest.mark.parametrize(
    ("location", "fetched"),
    [
        (backslash("8081"), f"http://127.0.0.1:8081{SECRET}"),
        ("http://localhost:1@127.0.0.1:8081/x", "http://localhost:1@127.0.0.1:8081/x"),
        ("http://ｌｏｃａｌｈｏｓｔ:8081/x", "http://localhost:8081/x"),
        ("//127.0.0.1:8081/x", "http://127.0.0.1:8081/x"),
        ("http://[oops/x", ""),  # unparsable: nothing the downloader could fetch
    ],
    ids=["backslash", "userinfo", "idna-fullwidth", "scheme-relative", "bad-ipv6"],
)
def test_redirect_target_is_what_scrapy_fetches(location: str, fetched: str) -> None:
    request = Request("http://localhost:8080/article/2")
    assert redirect_target(request, location.encode()) == fetched


@pytest.mark.parametrize(
    "location",
    [backslash("8081"), "http://localhost:1@127.0.0.1:8081/x", "http://１２７.０.０.１:8081/x"],
    ids=["backslash", "userinfo", "idna-fullwidth-ip"],
)
def test_redirect_to_another_host_in_disguise_is_refused(location: str) -> None:
    mw, stats = guard()
    request = Request("http://localhost:8080/article/2")
    response = Response(request.url, status=302, headers={"Location": location}, request=request)
    with pytest.raises(IgnoreRequest):
        mw.process_response(request, response)
    assert stats.get_value("newscrawler/giveup/redirect_offsite") == 1


def run(site_url: str, workdir: Path, *args: str) -> tuple[Any, list[dict[str, Any]]]:
    out = workdir / "out.jsonl"
    result = crawl("crawl", "article", *args, "-O", str(out), workdir=workdir, LOG_LEVEL="DEBUG")
    return result, read_jsonl(out) if out.exists() else []


@pytest.mark.slow
@pytest.mark.parametrize("vector", ["feed", "sitemap", "redirect"])
def test_backslash_url_never_reaches_the_other_port(
    vector: str, start_mock_site: Callable[..., Any], tmp_path: Path
) -> None:
    # Port B holds the "internal" page: its secret path forwards to an article B serves.
    secret = start_mock_site(articles=3, faults={SECRET: "redirect:{base}/article/1"})
    evil = backslash(secret.url.rsplit(":", 1)[1])
    # Beside a good entry: a listing of nothing fetchable would be COLLAPSE (it reached nobody).
    faults = {
        "/feed.xml": f"rss:{evil} /article/3",
        "/evil.xml": f"urlset:{evil} /article/3",
        "/article/2": f"redirect:{evil}",
    }
    listing = start_mock_site(articles=3, faults=faults)
    home = listing.url.replace("127.0.0.1", "localhost")  # the listing's host is `localhost`
    arg = {"feed": f"feed={home}/feed.xml", "sitemap": f"sitemap={home}/evil.xml"}
    urls = f"urls={home}/article/2,{home}/article/3"
    result, records = run(home, tmp_path, "-a", arg.get(vector, urls))
    log = result.stderr
    assert f"GET {secret.url}" not in log, log[-3000:]
    assert not [r for r in records if r["url"].startswith(secret.url)]
    counted = "newscrawler/giveup/redirect_offsite" if vector == "redirect" else "offsite_entry"
    assert f"{counted}': 1" in log, log[-3000:]
    assert log.count("Traceback") == 0
    assert result.returncode == 0  # a refused entry is counted, not a failure of the run


@pytest.mark.slow
def test_site_spider_listing_link_in_disguise_is_not_followed(
    start_mock_site: Callable[..., Any], tmp_path: Path
) -> None:
    # The raw link ends in `@indialife.us/article/5`: the site's article pattern and urlsplit
    # both take it for indialife; the downloader would fetch 127.0.0.1:B/internal/...
    path = "/internal/secret.html/@indialife.us/article/5"
    secret = start_mock_site(articles=3, faults={path: "redirect:{base}/article/1"})
    port_b = secret.url.rsplit(":", 1)[1]
    evil = f"http://127.0.0.1:{port_b}\\internal\\secret.html\\@indialife.us/article/5"
    listing = start_mock_site(articles=3, faults={"/evil/": f"listing:{evil} /article/3"})
    home = listing.url.replace("127.0.0.1", "localhost")
    aliases = json.dumps({home.removeprefix("http://"): "indialife"})
    out = tmp_path / "out.jsonl"
    result = crawl(
        "crawl", "indialife", "-a", f"listing={home}/evil/", "-O", str(out),
        workdir=tmp_path, LOG_LEVEL="DEBUG", NEWSCRAWLER_SITE_ALIASES=aliases,
    )  # fmt: skip
    log = result.stderr
    assert f"GET {secret.url}" not in log, log[-3000:]
    assert "offsite_entry': 1" in log, log[-3000:]
    assert log.count("Traceback") == 0
    assert result.returncode == 0


@pytest.mark.slow
def test_idna_and_userinfo_entries_judged_by_their_real_host(
    start_mock_site: Callable[..., Any], tmp_path: Path
) -> None:
    other = start_mock_site(articles=3)
    port_a, port_b = free_port(), other.url.rsplit(":", 1)[1]
    entries = [
        f"http://ｌｏｃａｌｈｏｓｔ:{port_a}/article/3",  # full-width: the listing's own host
        f"http://localhost:{port_a}@127.0.0.1:{port_b}/article/1",  # userinfo: really port B
        f"http://１２７.０.０.１:{port_b}/article/2",  # full-width digits: 127.0.0.1, port B
    ]
    start_mock_site(articles=3, port=port_a, faults={"/feed.xml": "rss:" + " ".join(entries)})
    home = f"http://localhost:{port_a}"
    result, records = run(home, tmp_path, "-a", f"feed={home}/feed.xml")
    log = result.stderr
    assert f"GET {other.url}" not in log, log[-3000:]
    assert "offsite_entry': 2" in log, log[-3000:]
    assert [r["url"] for r in records] == [f"{home}/article/3"], log[-3000:]
    assert log.count("Traceback") == 0
    assert result.returncode == 0


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.slow
def test_a_meta_refresh_to_another_host_is_refused_before_any_request_there(
    start_mock_site: Callable[..., Any], tmp_path: Path
) -> None:
    # <meta http-equiv=refresh> is followed by Scrapy's MetaRefreshMiddleware as a new request,
    # which the Location check of GuardMiddleware never saw: B was fetched (robots.txt first)
    other = start_mock_site(articles=3)
    pages = tmp_path / "pages"
    pages.mkdir()
    refresh = f'<meta http-equiv="refresh" content="0; url={other.url}/article/2">'
    (pages / "moved.html").write_text(f"<html><head>{refresh}</head><body>Moved.</body></html>")
    home = start_mock_site(articles=3, pages=pages).url.replace("127.0.0.1", "localhost")
    result, records = run(home, tmp_path, "-a", f"urls={home}/pages/moved.html,{home}/article/1")
    log = result.stderr
    fetched = [line for line in log.splitlines() if "Crawled (" in line and other.url in line]
    assert fetched == [], fetched  # not even its robots.txt
    assert [r["url"] for r in records] == [f"{home}/article/1"]
    assert "newscrawler/giveup/redirect_offsite': 1" in log, log[-3000:]
    assert log.count("Traceback") == 0
