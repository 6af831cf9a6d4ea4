"""The lead image: its URL from JSON-LD or og:image, caption and credit from its figure."""

from __future__ import annotations

import html
import re
from typing import Any
from urllib.parse import urljoin, urlsplit

from lxml import etree
from parsel import Selector

from newscrawler.extract.jsonld import plain_text

# Credit markup inside a figure: a credit/copyright/source element (class names in English,
# German, French, Spanish), or a credit line inside the caption.
CREDIT_CSS = (
    '[class*="credit"]', '[class*="copyright"]', '[class*="Credit"]', '[class*="source"]',
    '[class*="urheber"]', '[class*="autor"]', '[itemprop="copyrightHolder"]',
    '[itemprop="creditText"]',
)  # fmt: skip
# "Photo: X", "Foto: X", "(Image: X)", "© X", "Bild: X" at the end of a caption.
CREDIT_LINE = re.compile(
    r"\s*\(?(?:(?:photo|foto|image|bild|picture|credit|fotos?)\s*:|©|\(c\)|copyright\b)\s*"
    r"(?P<credit>[^()]{2,120}?)\)?\s*$",
    re.I,
)


def _clean(text: str | None) -> str | None:
    value = " ".join(plain_text(text).split()) if text else ""
    return value or None


def _ld_image(node: Any) -> tuple[str | None, str | None, str | None]:
    """(url, caption, credit) of a JSON-LD `image`: a string, an ImageObject or a list."""
    if isinstance(node, list):
        node = node[0] if node else None
    if isinstance(node, str):
        return node, None, None
    if not isinstance(node, dict):
        return None, None, None
    credit = node.get("creditText") or node.get("copyrightHolder") or node.get("author")
    if isinstance(credit, dict):
        credit = credit.get("name")
    url = node.get("url") or node.get("contentUrl")
    caption = node.get("caption") or node.get("description")
    return (
        url if isinstance(url, str) else None,
        _clean(caption) if isinstance(caption, str) else None,
        _clean(credit) if isinstance(credit, str) else None,
    )


def _stem(url: str) -> str:
    """The file name without extension: CMS resizers keep it across sizes and query strings."""
    name = urlsplit(url).path.rsplit("/", 1)[-1]
    return name.rsplit(".", 1)[0]


# The <figure> around an <img> whose source names the file; $stem is bound per call.
_FIGURE_OF = etree.XPath(
    "//img[contains(@src, $stem) or contains(@srcset, $stem) or contains(@data-src, $stem)]"
    "/ancestor::figure[1]"
)


def _figure(selector: Selector, url: str) -> Selector | None:
    """The <figure> whose <img> shows the image (same file stem), else None."""
    stem = _stem(url)
    if len(stem) < 4:
        return None
    found = _FIGURE_OF(selector.root, stem=stem)
    return Selector(root=found[0], type="html") if found else None


# "Foto: " before a credit element's text.
CREDIT_LABEL = re.compile(r"^(?:photo|foto|image|bild|picture|credit|fotos?)\s*:\s*|^©\s*", re.I)


def _from_figure(figure: Selector) -> tuple[str | None, str | None]:
    """(caption, credit) of a figure: the figcaption, its credit element or credit line."""
    credit = next(
        (
            text
            for css in CREDIT_CSS
            for e in figure.css(css)
            if (text := _clean(e.xpath("string()").get()))
        ),
        None,
    )
    caption = _clean(figure.xpath("string(.//figcaption)").get())
    if caption and credit and caption.endswith(credit):
        caption = caption.removesuffix(credit).strip(" |/-–—·") or None
    if credit:
        credit = CREDIT_LABEL.sub("", credit) or None
    if caption and not credit and (found := CREDIT_LINE.search(caption)):
        credit = found.group("credit").strip()
        caption = caption[: found.start()].strip(" |/-–—·") or None
    return caption, credit


def lead_image(
    selector: Selector, jsonld_image: Any, og_image: str | None, url: str
) -> dict[str, str | None] | None:
    """{url, caption, credit}: JSON-LD image (it may carry caption and credit), else og:image."""
    src, caption, credit = _ld_image(jsonld_image)
    src = src or og_image
    if not src or src.startswith("data:"):
        return None
    src = urljoin(url, html.unescape(src.strip()))  # an og:image escaped twice ("&amp;amp;")
    if not src.startswith(("http://", "https://", "file://")):
        return None
    if (caption is None or credit is None) and (figure := _figure(selector, src)) is not None:
        shown_caption, shown_credit = _from_figure(figure)
        caption, credit = caption or shown_caption, credit or shown_credit
    return {"url": src, "caption": caption, "credit": credit}
