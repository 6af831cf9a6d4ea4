"""A tiny site and spider for ops tests; also a settings module (SCRAPY_SETTINGS_MODULE)."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import scrapy

# Settings used when this module is SCRAPY_SETTINGS_MODULE: only the ops components, no project.
BOT_NAME = "opstest"
COMMANDS_MODULE = "newscrawler.commands"
DOWNLOADER_MIDDLEWARES = {"newscrawler.middlewares.incremental.IncrementalMiddleware": 50}
EXTENSIONS = {"newscrawler.extensions.report.RunReport": 500}
ROBOTSTXT_OBEY = True
REMOTE_CONTROL_ENABLED = False
TELNETCONSOLE_ENABLED = False
LOG_LEVEL = "INFO"


class RaisingPipeline:
    """A pipeline with a bug, enabled with `-s ITEM_PIPELINES=` (it raises on every item)."""

    def process_item(self, item: Any) -> Any:
        raise TypeError(f"test pipeline bug on {item['url']}")


class OpsSpider(scrapy.Spider):
    """Listing at `/`, articles at `/article/<n>`; `-a mode=` makes a run fail one check.

    empty: no items (a collapse); raise: the callback raises (an unhandled exception); lose: each
    item is counted `newscrawler/lost/test`, as a feed that failed to write it does.
    """

    name = "ops"
    # Its items are stubs: inside the project (the egg) the cleaning pipelines would drop them.
    custom_settings = {"ITEM_PIPELINES": {}}

    async def start(self) -> AsyncIterator[Any]:
        yield scrapy.Request(f"{self.base}/", meta={"newscrawler_article": False})

    def parse(self, response: Any) -> Iterator[Any]:
        for href in response.css("a::attr(href)").getall():
            yield response.follow(href, self.parse_article, meta={"newscrawler_article": True})

    def parse_article(self, response: Any) -> Iterator[dict[str, str]]:
        mode = getattr(self, "mode", "ok")
        if mode == "raise":
            raise ValueError(f"test failure on {response.url}")
        if mode == "lose":
            self.crawler.stats.inc_value("newscrawler/lost/test")
        if mode != "empty":
            yield {"url": response.url, "headline": response.css("h1::text").get("")}


def page(path: str, articles: int) -> bytes | None:
    """The body served for `path`, or None for a 404."""
    if path == "/":
        links = "".join(f'<a href="/article/{n}">{n}</a>' for n in range(1, articles + 1))
        return f"<html><body>{links}</body></html>".encode()
    if path == "/robots.txt":
        return b"User-agent: *\nAllow: /\n"
    number = path.removeprefix("/article/")
    if number.isdigit() and 1 <= int(number) <= articles:
        return f"<html><body><h1>Story {number}</h1><p>Text.</p></body></html>".encode()
    return None


@contextmanager
def tiny_site(articles: int) -> Iterator[str]:
    """Serve `page()` on 127.0.0.1 (free port) in a thread; yields the base URL."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = page(self.path, articles)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body or b"not found")

        def log_message(self, *args: Any) -> None:  # keep pytest output clean
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
