"""The mock server's fixed-pages mode: exact bodies by path, for tests that need given pages.

The generated news site (server.py, run as a subprocess) covers crawls of a whole site; this
mode serves bodies a test wrote or read (stored real pages, a stub listing) in a thread of the
test's own process, with the same loopback-only, quiet, fixed-Date conventions.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HTML = "text/html; charset=utf-8"
XML = "application/xml"


@dataclass(frozen=True)
class Page:
    """One response: its body, Content-Type and Date header (None: the current time)."""

    body: bytes
    content_type: str = HTML
    date: datetime | None = None


class StaticServer(ThreadingHTTPServer):
    """Serves `pages` (path with query -> Page), read at request time: a test may add pages
    that name the server's own base URL after it started."""

    daemon_threads = True

    def __init__(self, pages: Mapping[str, Page]) -> None:
        super().__init__(("127.0.0.1", 0), StaticHandler)
        self.pages = pages


class StaticHandler(BaseHTTPRequestHandler):
    server: StaticServer
    _date: datetime | None = None

    def do_GET(self) -> None:
        found = self.server.pages.get(self.path)
        if found is None:
            self.send_error(404)
            return
        self._date = found.date
        self.send_response(200)
        self.send_header("Content-Type", found.content_type)
        self.send_header("Content-Length", str(len(found.body)))
        self.end_headers()
        self.wfile.write(found.body)

    def date_time_string(self, timestamp: float | None = None) -> str:
        # Relative ages ("9 hours ago") resolve against the Date header: a page may fix it.
        if self._date is None:
            return super().date_time_string(timestamp)
        return format_datetime(self._date.replace(microsecond=0), usegmt=True)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # keep the test output quiet


@contextmanager
def serve(pages: Mapping[str, Page]) -> Iterator[str]:
    """Serve `pages` on 127.0.0.1 (a free port) in a thread; yields the base URL."""
    server = StaticServer(pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
