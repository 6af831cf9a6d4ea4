"""Fault modes of the mock site: each turns an optional argument into an `Action`."""

# Status faults answer instead of the page; page faults (truncate, cp1252, nocharset) change how
# the normal page is sent. In redirect targets "{base}" is the site's base URL and "{port}" its
# port, so a test can point at http://localhost:{port}/... (same server, another host name).

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from html import escape

HTML = "text/html; charset=utf-8"
# Enough bytes to look like each format to a sniffer, and nothing an HTML parser could use.
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
# Starts like gzip (magic, deflate), then is not gzip: decoders fail after reading the header.
BAD_GZIP = b"\x1f\x8b\x08\x00" + b"this is not a deflate stream " * 40
SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
META_CHARSET = re.compile(rb'<meta charset="[^"]*">\n?', re.IGNORECASE)


def _no_reshape(body: bytes, ctype: str) -> tuple[bytes, str]:
    return body, ctype


@dataclass(frozen=True)
class Action:
    """What the handler does instead of (or before) the normal response."""

    status: int | None = None  # None: serve the normal page (after `delay`)
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # None with a status: a small HTML error page
    delay: float = 0.0
    drop: bool = False  # close the connection without any response
    content_type: str | None = None  # for status answers; default HTML
    reshape: Callable[[bytes, str], tuple[bytes, str]] = _no_reshape  # normal page: body, type
    truncate: bool = False  # declare the full Content-Length, send half the body, close

    def located(self, base: str) -> dict[str, str]:
        """The headers with ``{base}``/``{port}`` filled in (redirect targets)."""
        port = base.rsplit(":", 1)[-1]
        fill = {"{base}": base, "{port}": port}
        out = dict(self.headers)
        for key, value in out.items():
            for name, real in fill.items():
                value = value.replace(name, real)
            out[key] = value
        return out


def _status(code: int) -> Callable[[str | None], Action]:
    return lambda arg: Action(status=code)


def _unavailable(arg: str | None) -> Action:
    return Action(status=503, headers={"Retry-After": arg or "1"})


def _too_many(arg: str | None) -> Action:
    return Action(status=429, headers={"Retry-After": arg} if arg else {})


def _slow(arg: str | None) -> Action:
    return Action(delay=float(arg or "2"))


def _empty(arg: str | None) -> Action:
    return Action(status=200, body=b"")


def _drop(arg: str | None) -> Action:
    return Action(drop=True)


def _truncate(arg: str | None) -> Action:
    return Action(truncate=True)


def _big(arg: str | None) -> Action:
    size = int(arg or str(2 * 1024 * 1024))
    filler = b"<p>" + b"padding " * 16 + b"</p>\n"
    body = b"<html><body>" + filler * (size // len(filler) + 1) + b"</body></html>"
    return Action(status=200, body=body)


def _bad_gzip(arg: str | None) -> Action:
    return Action(status=200, headers={"Content-Encoding": "gzip"}, body=BAD_GZIP)


def _typed(ctype: str, body: bytes) -> Callable[[str | None], Action]:
    return lambda arg: Action(status=200, content_type=ctype, body=body)


def _redirect(arg: str | None) -> Action:
    return Action(status=302, headers={"Location": arg or "{base}/"})


def _listing(kind: str) -> Callable[[str | None], Action]:
    """An HTML listing, RSS feed or sitemap urlset of exactly the space-separated URLs of `arg`.

    For hostile entries (backslashes, userinfo, full-width hosts) that the site model never makes.
    """

    def action(arg: str | None) -> Action:
        urls = [escape(url) for url in (arg or "").split(" ") if url]
        if kind == "listing":
            links = "".join(f'<a href="{url}">story</a>' for url in urls)
            return Action(status=200, body=f"<html><body>{links}</body></html>".encode())
        if kind == "rss":
            items = "".join(f"<item><title>t</title><link>{url}</link></item>" for url in urls)
            body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'
            return Action(status=200, content_type="application/rss+xml", body=body.encode())
        entries = "".join(f"<url><loc>{url}</loc></url>" for url in urls)
        body = f'<?xml version="1.0"?><urlset xmlns="{SITEMAP_NS}">{entries}</urlset>'
        return Action(status=200, content_type="application/xml", body=body.encode())

    return action


def _robots(arg: str | None) -> Action:
    rules = "".join(f"Disallow: {path}\n" for path in (arg or "/").split(","))
    return Action(status=200, content_type="text/plain", body=f"User-agent: *\n{rules}".encode())


def _as_cp1252(body: bytes, ctype: str) -> tuple[bytes, str]:
    """Windows-1252 bytes under a utf-8 label (header and meta), as misconfigured CMSes send."""
    return body.decode("utf-8").encode("cp1252", errors="xmlcharrefreplace"), ctype


def _without_charset(body: bytes, ctype: str) -> tuple[bytes, str]:
    """UTF-8 bytes with no charset in the Content-Type and no <meta charset>."""
    return META_CHARSET.sub(b"", body), ctype.split(";")[0]


_LD_AUTHOR = re.compile(rb'"author": (?:"[^"]*"|\{[^}]*\}|\[[^\]]*\])')


def _lone_surrogates(body: bytes, ctype: str) -> tuple[bytes, str]:
    """JSON-LD with lone UTF-16 surrogate escapes, as JS serialisers cutting an emoji emit."""
    body = _LD_AUTHOR.sub(rb'"author": [{"name": "Fan \\ud83d"}]', body, count=1)
    return body.replace(b'"headline": "', b'"headline": "\\udc00', 1), ctype


DATE_MARKUP = re.compile(
    rb'<script type="application/ld\+json">.*?</script>\n?|<meta property="article:published_time"'
    rb"[^>]*>\n?|<time[^>]*>.*?</time>",
    re.DOTALL,
)


def _without_dates(body: bytes, ctype: str) -> tuple[bytes, str]:
    """The page without JSON-LD, published-time meta or <time>: a CMS template that lost them."""
    return DATE_MARKUP.sub(b"", body), ctype


def _page(reshape: Callable[[bytes, str], tuple[bytes, str]]) -> Callable[[str | None], Action]:
    return lambda arg: Action(reshape=reshape)


MODES: dict[str, Callable[[str | None], Action]] = {
    "500": _status(500),
    "502": _status(502),
    "404": _status(404),
    "503": _unavailable,
    "503bare": _status(503),
    "429": _too_many,
    "slow": _slow,
    "empty": _empty,
    "drop": _drop,
    "truncate": _truncate,
    "big": _big,
    "badgzip": _bad_gzip,
    "pdf": _typed("application/pdf", PDF),
    "image": _typed("image/png", PNG),
    "json": _typed("application/json", json.dumps({"headline": "not a page"}).encode()),
    "redirect": _redirect,
    "robots": _robots,
    "listing": _listing("listing"),
    "rss": _listing("rss"),
    "urlset": _listing("urlset"),
    "cp1252": _page(_as_cp1252),
    "nocharset": _page(_without_charset),
    "surrogate": _page(_lone_surrogates),
    "nodate": _page(_without_dates),
}
