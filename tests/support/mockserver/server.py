"""The site model and the request handler: routing, fixed Date header, fault injection."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from tests.support.mockserver import feeds, fronts, pages, seedpage
from tests.support.mockserver.content import Article, make_article
from tests.support.mockserver.faults import FaultPlan
from tests.support.mockserver.words import SECTIONS

HTML = "text/html; charset=utf-8"
XML = "application/xml; charset=utf-8"
SIDEBAR_ITEMS = 13


@dataclass
class Site:
    """Everything the server serves, generated once from (seed, article count, fetch time)."""

    seed: int
    count: int
    fetched: datetime
    faults: FaultPlan
    base: str = ""
    # Stored pages served as they are, bytes unchanged, at /pages/<path below this folder>.
    pages: Path | None = None
    articles: list[Article] = field(init=False)
    newest_first: list[Article] = field(init=False)

    def __post_init__(self) -> None:
        ids = range(1, self.count + 1)
        self.articles = [make_article(self.seed, i, self.count, self.fetched) for i in ids]
        self.newest_first = sorted(self.articles, key=lambda a: a.published, reverse=True)

    def article(self, art_id: int) -> Article | None:
        return self.articles[art_id - 1] if 1 <= art_id <= self.count else None

    def latest(self, exclude: int) -> list[Article]:
        return [a for a in self.newest_first if a.id != exclude][:SIDEBAR_ITEMS]


class MockServer(ThreadingHTTPServer):
    """A threading HTTP server that carries the site model."""

    daemon_threads = True

    def __init__(self, port: int, site: Site) -> None:
        super().__init__(("127.0.0.1", port), Handler)
        self.site = site
        site.base = f"http://127.0.0.1:{self.server_address[1]}"


class Handler(BaseHTTPRequestHandler):
    """Routes GET/HEAD requests to the generated pages."""

    server: MockServer
    protocol_version = "HTTP/1.1"
    server_version = "IndiaLifeMock/1.0"
    verbose = False

    def date_time_string(self, timestamp: float | None = None) -> str:
        return format_datetime(self.server.site.fetched, usegmt=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        if self.verbose:
            super().log_message(format, *args)

    def do_HEAD(self) -> None:
        self._serve(with_body=False)

    def do_GET(self) -> None:
        self._serve(with_body=True)

    def _serve(self, with_body: bool) -> None:
        site = self.server.site
        action = site.faults.pick(self.path)
        if action is not None:
            time.sleep(action.delay)
            if action.drop:
                self.close_connection = True
                return
            if action.status is not None:
                body = action.body
                if body is None:
                    title = f"Error {action.status}"
                    body = fronts.simple_page(title, "Try again later.", site.base, "/").encode()
                ctype = action.content_type or HTML
                self._send(action.status, ctype, body, with_body, action.located(site.base))
                return
        stored = self._stored_page(site)
        if stored is not None:
            self._send(200, "text/html", stored, with_body, {})
            return
        status, ctype, text, headers = self._route(site)
        body, truncate = text.encode("utf-8"), False
        if action is not None and status == 200:  # page faults: re-encode, cut short
            (body, ctype), truncate = action.reshape(body, ctype), action.truncate
        self._send(status, ctype, body, with_body, headers, truncate=truncate)

    def _route(self, site: Site) -> tuple[int, str, str, dict[str, str]]:
        url = urlsplit(self.path)
        path, query = url.path, parse_qs(url.query)
        base, lastmod = site.base, {"Last-Modified": format_datetime(site.fetched, usegmt=True)}
        if path == "/":
            return 301, HTML, "", {"Location": f"{base}/news/"}
        if path == "/robots.txt":
            return 200, "text/plain; charset=utf-8", feeds.robots_txt(base), lastmod
        if path == "/sitemap.xml":
            return 200, XML, feeds.sitemap_index(base, site.newest_first[0].modified), lastmod
        if path == "/sitemap-articles.xml":
            return 200, XML, feeds.urlset(base, site.articles), lastmod
        if path == "/news-sitemap.xml":
            return 200, XML, feeds.news_sitemap(base, site.articles, site.fetched), lastmod
        if (node := re.fullmatch(r"/sitemap-index/(\d+)\.xml", path)) is not None:
            return 200, XML, feeds.endless_index(base, int(node[1])), lastmod
        if path == "/sitemap-big.xml":
            count, host = int(query.get("n", ["1000"])[0]), query.get("host", [base])[0]
            return 200, XML, feeds.big_urlset(host, count), lastmod
        if path == "/rss.xml":
            rss = feeds.rss(base, site.newest_first, site.fetched)
            return 200, "application/rss+xml; charset=utf-8", rss, lastmod
        if path == "/news/":
            page = int(query.get("page", ["1"])[0]) if query.get("page", ["1"])[0].isdigit() else 0
            if 1 <= page <= fronts.page_count(site.count):
                return 200, HTML, fronts.listing_page(site.newest_first, page, base), lastmod
        art_id = self._article_id(path, query)
        article = site.article(art_id) if art_id else None
        if article is not None:
            text = pages.article_page(article, base, site.latest(article.id), site.fetched)
            return (
                200,
                HTML,
                text,
                {"Last-Modified": format_datetime(article.modified, usegmt=True)},
            )
        section = re.fullmatch(r"/section/([a-z]+)/", path)
        names = {s.lower(): s for s in SECTIONS}
        if section and section[1] in names:
            name = names[section[1]]
            chosen = [a for a in site.newest_first if a.section == name]
            return 200, HTML, fronts.section_page(name, chosen, base), lastmod
        if path == f"/tag/{pages.TAG}/":
            return 200, HTML, fronts.tag_page(site.newest_first, base), lastmod
        if path == f"/video/{pages.VIDEO_ID}":
            return 200, HTML, fronts.video_page(base), lastmod
        if path == seedpage.PATH and (seed := seedpage.seed_page()) is not None:
            return 200, HTML, seed, lastmod
        if path == "/about/" or path.startswith("/private/"):
            text = fronts.simple_page("About", "A mock diaspora portal.", base, path)
            return 200, HTML, text, lastmod
        return 404, HTML, fronts.simple_page("Page not found", "No such page.", base, path), {}

    def _stored_page(self, site: Site) -> bytes | None:
        """A file of --pages at /pages/<path>, read fresh; never outside that folder."""
        path = urlsplit(self.path).path
        if site.pages is None or not path.startswith("/pages/"):
            return None
        root = site.pages.resolve()
        wanted = (root / path.removeprefix("/pages/")).resolve()
        if not wanted.is_relative_to(root) or not wanted.is_file():
            return None
        return wanted.read_bytes()

    @staticmethod
    def _article_id(path: str, query: dict[str, list[str]]) -> int | None:
        match = re.fullmatch(r"/article/(\d+)", path)
        if match:
            return int(match[1])
        if path == "/article.php" and query.get("id", [""])[0].isdigit():
            return int(query["id"][0])
        return None

    def _send(
        self,
        status: int,
        ctype: str,
        body: bytes,
        with_body: bool,
        headers: dict[str, str],
        truncate: bool = False,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        if truncate:  # the full length was declared: the client sees the connection close early
            self.close_connection = True
            body = body[: len(body) // 2]
        if with_body:
            self.wfile.write(body)
