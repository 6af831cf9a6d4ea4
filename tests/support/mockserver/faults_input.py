"""Fault modes for hostile input: bad listing entries, huge or deep documents, odd characters."""

# Page faults reshape the normal response (a sitemap, the feed or an article page); `hugepage`
# answers instead of the page. Registered beside faults_modes.MODES in faults.py.

from __future__ import annotations

import gzip
import re
from collections.abc import Callable

from tests.support.mockserver.faults_modes import Action

Reshape = Callable[[bytes, str, str | None], tuple[bytes, str]]
# Entries no crawler can fetch: a broken IPv6 literal, a port out of range, non-HTTP schemes.
BAD_URLS = ("http://[oops/x", "http://127.0.0.1:99999/article/1", "mailto:desk@example.com",
            "javascript:alert(1)")  # fmt: skip
# Three levels of entities (1,000 "lol"s if expanded); a parser that expands them is the bug.
ENTITIES = (
    '<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'
    '&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>'
)


def _insert_entries(body: bytes, ctype: str, arg: str | None) -> tuple[bytes, str]:
    """The bad URLs listed before the first real entry, as <url> or RSS <item> entries."""
    text = body.decode("utf-8")
    tag = "url" if "<urlset" in text else "item"
    form = "<url><loc>{}</loc></url>\n" if tag == "url" else "<item><link>{}</link></item>\n"
    bad = "".join(form.format(url.replace("&", "&amp;")) for url in BAD_URLS)
    return text.replace(f"<{tag}>", bad + f"<{tag}>", 1).encode("utf-8"), ctype


def _gzipped(body: bytes, ctype: str, arg: str | None) -> tuple[bytes, str]:
    """The document padded with whitespace between entries to `arg` bytes, gzipped, untyped."""
    size = int(arg or str(20 * 1024 * 1024))
    pieces = body.split(b"\n")
    pad = b" " * max(0, (size - len(body)) // max(1, len(pieces) - 1))
    return gzip.compress((b"\n" + pad).join(pieces), compresslevel=1), "application/octet-stream"


def _deep(body: bytes, ctype: str, arg: str | None) -> tuple[bytes, str]:
    """Elements nested `arg` deep (default 300) after the second entry: later entries unread."""
    depth = int(arg or "300")
    marks = [m.end() for m in re.finditer(rb"</item>|</url>", body)]
    cut = marks[1] if len(marks) > 1 else len(body)
    return body[:cut] + b"<x>" * depth + b"</x>" * depth + body[cut:], ctype


def _entity_bomb(body: bytes, ctype: str, arg: str | None) -> tuple[bytes, str]:
    """A billion-laughs DOCTYPE and one entry whose link is only an entity reference."""
    head, _, rest = body.partition(b"\n")
    rest = rest.replace(b"<item>", b"<item><link>&lol3;</link></item>\n<item>", 1)
    return head + b"\n" + ENTITIES.encode() + b"\n" + rest, ctype


def _deep_jsonld(body: bytes, ctype: str, arg: str | None) -> tuple[bytes, str]:
    """A JSON-LD block of arrays nested `arg` deep (default 100,000) in the <head>."""
    depth = int(arg or "100000")
    block = b'<script type="application/ld+json">' + b"[" * depth + b"]" * depth + b"</script>\n"
    return body.replace(b"</head>", block + b"</head>", 1), ctype


def _many_tags(body: bytes, ctype: str, arg: str | None) -> tuple[bytes, str]:
    """`arg` (default 10,000) article:tag meta tags in the <head>."""
    tags = "".join(
        f'<meta property="article:tag" content="tag{n}">\n' for n in range(int(arg or "10000"))
    )
    return body.replace(b"</head>", tags.encode() + b"</head>", 1), ctype


def _bidi(body: bytes, ctype: str, arg: str | None) -> tuple[bytes, str]:
    """RIGHT-TO-LEFT OVERRIDE in the headline, POP DIRECTIONAL FORMATTING closing each <p>."""
    text = body.decode("utf-8").replace(
        '<h1 class="entry-title">', '<h1 class="entry-title">\u202e', 1
    )
    return text.replace("</h1>", "\u202c</h1>", 1).replace("</p>", "\u202c</p>").encode(), ctype


def _utf16_meta(body: bytes, ctype: str, arg: str | None) -> tuple[bytes, str]:
    """UTF-8 bytes declaring <meta charset="utf-16">, with no charset in the Content-Type."""
    return body.replace(b'<meta charset="utf-8">', b'<meta charset="utf-16">', 1), ctype.split(";")[
        0
    ]


def _huge_page(arg: str | None) -> Action:
    """`arg` bytes (default 12 MB) of short paragraphs: about a million of them."""
    size = int(arg or str(12 * 1000 * 1000))
    paragraph = b"<p>word</p>\n"
    body = b"<html><body>" + paragraph * (size // len(paragraph)) + b"</body></html>"
    return Action(status=200, body=body)


def _page(reshape: Reshape) -> Callable[[str | None], Action]:
    return lambda arg: Action(reshape=lambda body, ctype: reshape(body, ctype, arg))


MODES: dict[str, Callable[[str | None], Action]] = {
    "badentries": _page(_insert_entries),
    "gzipped": _page(_gzipped),
    "deepxml": _page(_deep),
    "entitybomb": _page(_entity_bomb),
    "deepjsonld": _page(_deep_jsonld),
    "manytags": _page(_many_tags),
    "bidi": _page(_bidi),
    "utf16meta": _page(_utf16_meta),
    "hugepage": _huge_page,
}
