"""Fault crawls: `scrapy crawl article` against a mock site that fails in every way at once."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any, cast

import pytest

from tests.support.crawl import crawl_stats, read_jsonl
from tests.support.mockserver.faults_crawl import FAST, crawl, reference_record, reports, servable
from tests.support.mockserver.fixtures import MockSite

pytestmark = pytest.mark.slow

# One site, one fault per article (ids 25-30 stay clean). `times` = the first N requests fail.
TRANSIENT = {
    "/article/1": {"mode": "503", "times": 2},  # with Retry-After
    "/article/2": {"mode": "429", "times": 1},
    "/article/3": {"mode": "502", "times": 1},
    "/article/4": {"mode": "drop", "times": 1},
    "/article/5": {"mode": "slow", "arg": "3", "times": 1},  # past DOWNLOAD_TIMEOUT once
    "/article/6": {"mode": "truncate", "times": 1},
    "/article/23": {"mode": "503bare", "times": 1},  # no Retry-After
    "/article/10": "nocharset",
    "/article/11": "cp1252",
}
# Permanent faults and the give-up reason (`newscrawler/giveup/<reason>`) each must produce.
GIVEN_UP = {
    "/article/7": ("500", "http_500"),
    "/article/8": ("big:600000", "too_large"),
    "/article/9": ("badgzip", "bad_encoding"),
    "/article/16": ("redirect:/article/16", "redirect_loop"),
    "/article/17": ("redirect:/loop/a", None),  # counted once, at /loop/a (the loop closes there)
    "/loop/a": ("redirect:/article/17", "redirect_loop"),
    "/article/18": ("redirect:http://localhost:{port}/article/18", "redirect_offsite"),
    "/article/19": ("redirect:file:///etc/passwd", "redirect_scheme"),
    "/article/21": ("404", "http_404"),
    "/article/22": ("drop", "connection_failed"),
    "/article/24": ("truncate", "truncated"),
}
# Served fine but not articles: skipped and counted by the spider as newscrawler/spider/<event>.
SKIPPED = {
    "/article/12": "pdf",
    "/article/13": "image",
    "/article/14": "json",
    "/article/15": "empty",
}
ROBOTS = {"/robots.txt": "robots:/article/20,/private/"}
RECOVERED = [1, 2, 3, 4, 5, 6, 10, 11, 23, 25, 26, 27, 28, 29, 30]


def catalogue() -> dict[str, Any]:
    faults: dict[str, Any] = {**TRANSIENT, **SKIPPED, **ROBOTS}
    faults.update({path: mode for path, (mode, _) in GIVEN_UP.items()})
    return faults


def run(site: MockSite, workdir: Path, **settings: str) -> dict[str, Any]:
    out = workdir / "articles.jsonl"
    args = ("crawl", "article", "-a", f"sitemap={site.url}/sitemap.xml", "-O", str(out))
    result = crawl(*args, workdir=workdir, **cast(dict[str, Any], settings))
    return {
        "rc": result.returncode,
        "log": result.stderr,
        "stats": crawl_stats(result.stderr),
        "records": read_jsonl(out) if out.exists() else [],
        "reports": reports(workdir),
    }


@pytest.fixture(scope="module")
def fault_crawl(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.support.mockserver.fixtures import _start, _stop

    proc, site = _start(articles=30, faults=catalogue())
    try:
        workdir = tmp_path_factory.mktemp("faults")
        yield site, run(site, workdir, DOWNLOAD_MAXSIZE="300000")
    finally:
        _stop(proc)


def article_ids(records: list[dict[str, Any]]) -> list[int]:
    return sorted(int(r["url"].rsplit("/", 1)[1]) for r in records)


def test_fault_crawl_exits_cleanly(fault_crawl: Any) -> None:
    _, crawl_ = fault_crawl
    assert crawl_["rc"] == 0, crawl_["log"][-3000:]
    assert "Traceback" not in crawl_["log"]
    assert [r["verdict"] for r in crawl_["reports"]] == ["OK"]


def test_every_recoverable_article_exported_exactly_once(fault_crawl: Any) -> None:
    site, crawl_ = fault_crawl
    assert article_ids(crawl_["records"]) == RECOVERED
    by_id = {int(r["url"].rsplit("/", 1)[1]): r for r in crawl_["records"]}
    for art_id in (1, 2, 3, 4, 5, 6, 10, 23):  # retried or undeclared charset: the same record
        assert by_id[art_id] == reference_record(site, art_id), art_id


def test_retries_back_off_and_honour_retry_after(fault_crawl: Any) -> None:
    stats = fault_crawl[1]["stats"]
    reasons = {k.rsplit("/", 1)[1] for k in stats if k.startswith("retry/reason_count/")}
    for reason in ("503 Service Unavailable", "429 Unknown Status", "502 Bad Gateway"):
        assert reason in reasons
    assert {
        "scrapy.exceptions.DownloadTimeoutError",
        "scrapy.exceptions.ResponseDataLossError",
    } <= (reasons)
    assert stats["newscrawler/backoff/waits"] == stats["retry/count"]
    assert stats["newscrawler/backoff/retry_after"] == 2  # the two 503s of /article/1


def test_every_page_given_up_is_counted_by_reason(fault_crawl: Any) -> None:
    report = fault_crawl[1]["reports"][0]
    gave_up = {k.split("/", 1)[1]: v for k, v in report["newscrawler"].items() if "giveup/" in k}
    expected = Counter(reason for _, reason in GIVEN_UP.values() if reason)
    assert gave_up == dict(expected)
    assert report["newscrawler"]["spider/non_html"] == 3  # pdf, image, json
    assert report["newscrawler"]["spider/not_article"] == 1  # the empty 200
    assert fault_crawl[1]["stats"]["robotstxt/forbidden"] == 1  # /article/20


def test_no_offsite_or_local_file_fetch(fault_crawl: Any) -> None:
    stats = fault_crawl[1]["stats"]
    # Following http://localhost:<port>/ would have fetched that host's robots.txt first.
    assert stats["robotstxt/request_count"] == 1
    assert not any("root:" in " ".join(r["body"]) for r in fault_crawl[1]["records"])


@pytest.fixture(scope="module")
def rate_crawl(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from tests.support.mockserver.fixtures import _start, _stop

    spec: dict[str, object] = {"rate": {"503": 0.10, "drop": 0.05}}
    proc, site = _start(articles=150, faults=spec, seed=7)
    try:
        yield site, spec, run(site, tmp_path_factory.mktemp("rates"))
    finally:
        _stop(proc)


def test_rate_faults_lose_nothing_servable(rate_crawl: Any) -> None:
    site, spec, crawl_ = rate_crawl
    assert crawl_["rc"] == 0, crawl_["log"][-3000:]
    assert "Traceback" not in crawl_["log"]
    urls = [r["url"] for r in crawl_["records"]]
    assert len(urls) == len(set(urls))  # no duplicates
    attempts = 1 + 3  # the project's RETRY_TIMES = 3
    timeout = float(FAST["DOWNLOAD_TIMEOUT"])
    served = {
        url
        for url in site.article_urls
        if servable(spec, site.seed, url[len(site.url) :], attempts, timeout)
    }
    # Twisted may silently resend a GET whose reused connection dropped, which can rescue an
    # article beyond the budget: everything servable is exported, and the rest is counted.
    assert served <= set(urls) <= set(site.article_urls)
    counters = crawl_["reports"][0]["newscrawler"]
    gave_up = counters.get("giveup/http_503", 0) + counters.get("giveup/connection_failed", 0)
    assert gave_up == len(site.article_urls) - len(urls)
    assert crawl_["stats"]["retry/count"] > 10  # the faults did happen
