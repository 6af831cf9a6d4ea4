"""The page's language: what its markup declares, else a statistical guess from its body text."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from parsel import Selector

# A BCP 47 tag as pages write it: "de", "de-DE", "de_DE" (og:locale), "en-gb", "zh-Hans-CN".
TAG = re.compile(r"([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?:[-_]([A-Za-z]{2}|\d{3}))?")
DETECT_CHARS = 2000  # the guess settles within a few paragraphs; more text only costs CPU
MIN_DETECT_CHARS = 80  # below this a guess is noise


def canonical(raw: str | None) -> str | None:
    """A declared tag in BCP 47 case ("de-DE", "zh-Hans-CN"); None for "x-default" or junk."""
    found = TAG.fullmatch((raw or "").strip().split(",")[0].strip())
    if not found:
        return None
    lang, script, region = found.groups()
    parts = [lang.lower(), script.title() if script else None, region.upper() if region else None]
    return "-".join(part for part in parts if part)


def primary(tag: object) -> str:
    """A language tag's primary subtag, lower case ("de-CH" -> "de"); "" for none."""
    return str(tag).split("-")[0].lower() if tag else ""


def declared(selector: Selector, jsonld: dict[str, Any], meta: dict[str, Any]) -> str | None:
    """The first declaration: <html lang>, JSON-LD inLanguage, og:locale, content-language."""
    sources = (
        selector.xpath("/html/@lang").get() or selector.xpath("/html/@xml:lang").get(),
        jsonld.get("language"),
        meta.get("og_locale"),
        meta.get("content_language"),
    )
    return next((tag for raw in sources if (tag := canonical(raw))), None)


@cache
def _detect() -> Any:
    """The documented langdetect entry point, seeded (it samples at random) on first use."""
    from langdetect import DetectorFactory, detect

    DetectorFactory.seed = 0
    return detect


def warm_up() -> None:
    """Load the language profiles now (~0.4 s of CPU, once per process), not inside a page.

    Extraction inline on the reactor would otherwise stall the crawl that long on the first
    page that declares no language.
    """
    _detect()("warm up the language profiles")


def detected(blocks: list[str]) -> str | None:
    """The langdetect guess ("de", "zh-cn") over the first DETECT_CHARS of the body, or None."""
    text = " ".join(blocks)[:DETECT_CHARS]
    if len(text) < MIN_DETECT_CHARS:
        return None
    from langdetect.lang_detect_exception import LangDetectException

    try:
        return canonical(_detect()(text))
    except LangDetectException:
        return None  # no letters the profiles know (digits, symbols)
