"""A gzip body cut short is retried, then given up: not exported, not even in part."""

from __future__ import annotations

import gzip
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from scrapy import Request, Spider
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response
from scrapy.utils.test import get_crawler

from newscrawler.middlewares.gzipcheck import TruncatedGzipMiddleware, gzip_truncated
from newscrawler.stores.seen import SeenStore
from tests.support.crawl import crawl_stats, read_jsonl
from tests.support.mockserver.faults_crawl import crawl, reference_record, reports
from tests.support.mockserver.fixtures import MockSite

URL = "http://127.0.0.1:1/article/1"
PAGE = b"<html><body>" + b"<p>A paragraph of wire copy.</p>" * 400 + b"</body></html>"
WHOLE = gzip.compress(PAGE)
CUT_GZIP, CUT_TRANSFER, CLEAN = "/article/1", "/article/2", "/article/3"


@pytest.mark.parametrize(
    ("body", "truncated"),
    [
        (WHOLE, False),
        (WHOLE[: len(WHOLE) * 6 // 10], True),  # cut inside the deflate data
        (WHOLE[:-4], True),  # cut inside the trailer (CRC and length)
        (WHOLE[:5], True),  # cut inside the header
        (WHOLE + gzip.compress(b"<p>more</p>"), False),  # two members, as `cat a.gz b.gz`
        (WHOLE + WHOLE[:40], True),  # the second member cut
        (gzip.compress(b""), False),  # a member holding nothing
        (b"", False),  # nothing to decode: the spider counts an empty page
        (WHOLE + b"\0" * 16, False),  # padding after the end, which gunzip ignores too
        (WHOLE[:20] + b"not deflate" * 9, False),  # corrupt: GuardMiddleware's bad_encoding
        (PAGE, False),  # not gzip at all
    ],
    ids=[
        *("whole", "cut", "trailer", "header", "two", "two-cut"),
        *("empty-member", "empty", "pad", "corrupt", "plain"),
    ],
)
def test_gzip_truncated(body: bytes, truncated: bool) -> None:
    assert gzip_truncated(body) is truncated


def test_past_the_size_limit_is_left_to_http_compression() -> None:
    big = gzip.compress(bytes(4_000_000))[:-8]  # cut, but inflates past the limit first
    assert gzip_truncated(big, max_size=1_000_000) is False
    assert gzip_truncated(big) is True


def middleware(**settings: Any) -> TruncatedGzipMiddleware:
    crawler = get_crawler(Spider, settings_dict={"RETRY_TIMES": 1, **settings})
    crawler.spider = Spider.from_crawler(crawler, "s")  # get_retry_request reads its crawler
    return TruncatedGzipMiddleware.from_crawler(crawler)


def gzipped(body: bytes, coding: str = "gzip") -> Response:
    return Response(URL, body=body, headers={"Content-Encoding": coding})


def test_whole_gzip_and_other_codings_pass() -> None:
    mw = middleware()
    for response in (gzipped(WHOLE), gzipped(WHOLE[:99], "br"), Response(URL, body=PAGE)):
        assert mw.process_response(Request(URL), response) is response
    cut = gzipped(WHOLE[:99])
    assert mw.process_response(Request(URL, method="HEAD"), cut) is cut
    assert mw.stats.get_stats() == {}


def test_a_cut_gzip_is_retried_then_given_up_as_truncated() -> None:
    mw = middleware()
    retry = mw.process_response(Request(URL), gzipped(WHOLE[:99]))
    assert isinstance(retry, Request)
    assert retry.meta["retry_times"] == 1
    with pytest.raises(IgnoreRequest):
        mw.process_response(retry, gzipped(WHOLE[:99]))
    stats = mw.stats.get_stats()
    assert stats["retry/reason_count/truncated_gzip"] == 1
    assert stats["newscrawler/giveup/truncated"] == 1
    assert "newscrawler/lost/truncated_gzip" not in stats


@pytest.mark.parametrize("settings", [{"RETRY_ENABLED": False}, {"RETRY_TIMES": 0}])
def test_without_retries_a_cut_gzip_is_given_up_at_once(settings: dict[str, Any]) -> None:
    mw = middleware(**settings)
    with pytest.raises(IgnoreRequest):
        mw.process_response(Request(URL), gzipped(WHOLE[:99]))
    assert mw.stats.get_stats()["newscrawler/giveup/truncated"] == 1


class Proxy(ThreadingHTTPServer):
    """The mock site through a proxy that cuts CUT_GZIP's gzip stream and CUT_TRANSFER's body."""

    daemon_threads = True

    def __init__(self, upstream: str) -> None:
        super().__init__(("127.0.0.1", 0), CuttingHandler)
        self.upstream = upstream
        self.base = f"http://127.0.0.1:{self.server_address[1]}"
        self.cut = {CUT_GZIP, CUT_TRANSFER}


class CuttingHandler(BaseHTTPRequestHandler):
    server: Proxy

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass

    def do_GET(self) -> None:
        try:
            with urllib.request.urlopen(self.server.upstream + self.path) as upstream:
                status, body = upstream.status, upstream.read()
        except urllib.error.HTTPError as err:
            status, body = err.code, err.read()
        body = body.replace(self.server.upstream.encode(), self.server.base.encode())
        sent, length = self.shape(body)
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if self.path == CUT_GZIP or self.path == CLEAN:  # the clean page gzipped whole
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(length))
        self.end_headers()
        self.wfile.write(sent)
        self.close_connection = True

    def shape(self, body: bytes) -> tuple[bytes, int]:
        """(bytes sent, Content-Length declared) for this path."""
        cut = self.path in self.server.cut
        if self.path == CUT_GZIP or self.path == CLEAN:
            packed = gzip.compress(body)  # a whole HTTP message holding a cut gzip stream
            body = packed[: len(packed) * 6 // 10] if cut else packed
        if self.path == CUT_TRANSFER and cut:  # the transfer itself cut, as the audit compares
            return body[: len(body) // 2], len(body)
        return body, len(body)


@pytest.fixture
def proxy(mock_site: MockSite) -> Iterator[Proxy]:
    server = Proxy(mock_site.url)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def run(proxy: Proxy, workdir: Path) -> dict[str, Any]:
    """One crawl of the three pages through the proxy, its seen-store and report in `workdir`."""
    out = workdir / "articles.jsonl"
    urls = ",".join(proxy.base + path for path in (CUT_GZIP, CUT_TRANSFER, CLEAN))
    result = crawl("crawl", "article", "-a", f"urls={urls}", "-O", str(out), workdir=workdir)
    written = reports(workdir)
    assert written, result.stderr[-3000:]  # no report: the crawl failed before judging itself
    return {
        "rc": result.returncode,
        "log": result.stderr,
        "stats": crawl_stats(result.stderr),
        "report": written[-1],
        "records": {r["url"].removeprefix(proxy.base): r for r in read_jsonl(out)},
    }


@pytest.mark.slow
def test_a_cut_gzip_page_is_given_up_and_not_remembered(
    proxy: Proxy, mock_site: MockSite, tmp_path: Path
) -> None:
    done = run(proxy, tmp_path)
    assert "Traceback" not in done["log"]
    assert list(done["records"]) == [CLEAN]  # the cut page is not exported, not even in part
    assert done["records"][CLEAN]["body"] == reference_record(mock_site, 3)["body"]  # whole gzip
    assert done["report"]["gave_up"] == {"truncated": 2}  # counted as the cut transfer is
    assert done["stats"]["retry/reason_count/truncated_gzip"] == 3  # RETRY_TIMES, as a transfer
    warning = f"Gave up on {proxy.base}{CUT_GZIP} (truncated): gzip stream ends early"
    assert done["log"].count(warning) == 1
    # A give-up, as a cut transfer: in the report, not a failed verdict; never exported
    assert (done["report"]["verdict"], done["rc"]) == ("OK", 0)
    # Not remembered as exported: the next run fetches it again.
    seen = SeenStore(tmp_path / "seen.sqlite")
    try:
        assert not seen.is_exported(proxy.base + CUT_GZIP)
        assert seen.is_exported(proxy.base + CLEAN)
    finally:
        seen.close()
