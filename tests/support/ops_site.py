"""The tiny site the ops spider crawls: a listing at `/` and stories at `/article/<n>`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from tests.support.mockserver.static import Page, serve


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
    """Serve `page()` for `articles` stories on loopback (the mock server's fixed pages)."""
    paths = ["/", "/robots.txt", *(f"/article/{n}" for n in range(1, articles + 1))]
    pages = {path: Page(body) for path in paths if (body := page(path, articles)) is not None}
    with serve(pages) as base:
        yield base
