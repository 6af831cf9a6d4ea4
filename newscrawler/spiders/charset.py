"""Page text of a response, keeping stray Windows-1252 bytes in pages labelled UTF-8."""

from __future__ import annotations

import codecs

from scrapy.http import TextResponse
from w3lib.encoding import http_content_type_encoding, read_bom


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error("newscrawler-cp1252", _cp1252_bytes)


def _key(encoding: str | None) -> str:
    return (encoding or "").replace("-", "").replace("_", "").lower()


def _meta_utf16(response: TextResponse) -> bool:
    """A UTF-16/32 label from the page's own <meta>: no BOM says so, nor the HTTP header.

    An ASCII-compatible <meta> cannot be read in UTF-16, so the label is wrong; browsers (the
    HTML standard's prescan) then decode as UTF-8, and so do we.
    """
    if not _key(response.encoding).startswith(("utf16", "utf32")):
        return False
    header = response.headers.get(b"Content-Type") or b""
    declared = http_content_type_encoding(header.decode("latin-1"))
    return read_bom(response.body)[0] is None and not _key(declared).startswith(("utf16", "utf32"))


def page_text(response: TextResponse) -> str:
    """The page's text; in a page declared UTF-8, stray Windows-1252 bytes keep their meaning.

    Misconfigured CMSes send cp1252 under a utf-8 label; w3lib would turn each such byte into
    U+FFFD, losing dashes and quotes (and with them datelines) for good.
    """
    if _key(response.encoding) != "utf8" and not _meta_utf16(response):
        return response.text
    return response.body.decode("utf-8-sig", errors="newscrawler-cp1252")
