"""Page text of a response, keeping stray Windows-1252 bytes in pages labelled UTF-8."""

from __future__ import annotations

import codecs

from scrapy.http import TextResponse


def _cp1252_bytes(error: UnicodeError) -> tuple[str, int]:
    """Codec error handler: bytes that are not UTF-8 are read as Windows-1252."""
    if not isinstance(error, UnicodeDecodeError):
        raise error
    bad = error.object[error.start : error.end]
    return bytes(bad).decode("cp1252", errors="replace"), error.end


codecs.register_error("newscrawler-cp1252", _cp1252_bytes)


def page_text(response: TextResponse) -> str:
    """The page's text; in a page declared UTF-8, stray Windows-1252 bytes keep their meaning.

    Misconfigured CMSes send cp1252 under a utf-8 label; w3lib would turn each such byte into
    U+FFFD, losing dashes and quotes (and with them datelines) for good.
    """
    if response.encoding.replace("-", "").replace("_", "").lower() != "utf8":
        return response.text
    return response.body.decode("utf-8-sig", errors="newscrawler-cp1252")
