"""Fuzz: mutated copies of the real pages through extraction and the whole pipeline chain."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from scrapy import Request
from scrapy.exceptions import DropItem
from scrapy.http import HtmlResponse

from newscrawler.sites import SITES
from newscrawler.spiders.base import item_from_response
from tests.support.pipeline_chain import clean, project_crawler

PAGE_STEP = 2  # every 2nd real page (19 of 38): enough variety, ~15 s on 2 cores
DATE = "Sat, 26 Jul 2025 12:00:00 GMT"
UTF8 = "text/html; charset=utf-8"
TAG = re.compile(rb"<[^<>]{1,200}>")
Mutation = Callable[[bytes, random.Random], tuple[bytes, str]]


def truncate(body: bytes, rng: random.Random) -> tuple[bytes, str]:
    return body[: rng.randrange(len(body) // 10, len(body))], UTF8


def strip_tags(body: bytes, rng: random.Random) -> tuple[bytes, str]:
    return TAG.sub(lambda m: b"" if rng.random() < 0.3 else m[0], body), UTF8


def duplicate(body: bytes, rng: random.Random) -> tuple[bytes, str]:
    start = rng.randrange(len(body))
    end = min(len(body), start + rng.randrange(1, 20_000))
    return body[:end] + body[start:end] * 3 + body[end:], UTF8


def flip_bytes(body: bytes, rng: random.Random) -> tuple[bytes, str]:
    data = bytearray(body)
    for _ in range(50):
        data[rng.randrange(len(data))] ^= 1 << rng.randrange(8)
    return bytes(data), UTF8


def swap_encoding(body: bytes, rng: random.Random) -> tuple[bytes, str]:
    text = body.decode("utf-8", errors="replace")
    return rng.choice(
        [
            (text.encode("cp1252", errors="replace"), UTF8),  # cp1252 bytes labelled utf-8
            (body, "text/html; charset=iso-8859-1"),  # utf-8 bytes labelled latin-1
            (text.encode("utf-16"), UTF8),  # another encoding altogether
        ]
    )


def garbage(body: bytes, rng: random.Random) -> tuple[bytes, str]:
    return rng.choice([b"", b"   \n", rng.randbytes(2048), b"<html>" * 5000]), UTF8


MUTATIONS: dict[str, Mutation] = {
    "truncate": truncate,
    "strip_tags": strip_tags,
    "duplicate": duplicate,
    "flip_bytes": flip_bytes,
    "swap_encoding": swap_encoding,
    "garbage": garbage,
}


def page_url(folder: str) -> str:
    """A URL on the page's own site when it is registered (so its page class runs)."""
    site = SITES.get(folder)
    host = site.domains[0] if site is not None and site.domains else f"{folder}.example"
    return f"https://{host}/news/fuzz-story-1"


def real_pages(root: Path) -> list[Path]:
    pages = sorted(p for p in root.rglob("*.html") if p.name != "expected.html")
    return pages[::PAGE_STEP]


def spider_events(stats: dict[str, object]) -> int:
    return sum(
        v for k, v in stats.items() if k.startswith("newscrawler/spider/") and isinstance(v, int)
    )


def run_page(body: bytes, ctype: str, url: str) -> str:
    """Extraction then the pipeline chain; returns what became of the page, never raises."""
    crawler = project_crawler()
    assert crawler.stats is not None
    response = HtmlResponse(
        url, body=body, headers={"Content-Type": ctype, "Date": DATE}, request=Request(url)
    )
    item = item_from_response(response, crawler.stats)
    if item is None:
        assert spider_events(crawler.stats.get_stats()) == 1  # counted as non_html/not_article/...
        return "skipped"
    try:
        clean(item, crawler)
    except DropItem as drop:
        return drop_reason(drop)
    return "exported"


def drop_reason(drop: DropItem) -> str:
    """The class name of a drop, which must be a named subclass with a message."""
    assert type(drop) is not DropItem, repr(drop)
    assert str(drop), repr(drop)
    return type(drop).__name__


def test_mutated_real_pages_never_crash(shared_pages: Path) -> None:
    outcomes: dict[str, int] = {}
    pages = real_pages(shared_pages)
    assert pages
    for path in pages:
        body = path.read_bytes()
        url = page_url(path.relative_to(shared_pages).parts[0])
        for name, mutate in MUTATIONS.items():
            mutated, ctype = mutate(body, random.Random(f"{path.name}:{name}"))
            outcome = run_page(mutated, ctype, url)
            outcomes[outcome] = outcomes.get(outcome, 0) + 1
    assert sum(outcomes.values()) == len(pages) * len(MUTATIONS)
    assert outcomes.get("exported", 0) > 0  # the mutations leave many pages usable


@pytest.mark.parametrize("name", ["garbage"])
def test_unusable_pages_are_counted_not_raised(name: str) -> None:
    rng = random.Random(1)
    for _ in range(4):
        body, ctype = MUTATIONS[name](b"", rng)
        assert run_page(body, ctype, "https://example.org/news/x-1") in {
            "skipped",
            "NotAnArticle",
            "EmptyBody",
            "MissingHeadline",
        }
