"""The seed article (../shared/seed) rendered as its portal does: a page on an unknown host.

Section in a `category` span, the headline in <h1>, the dateline in its own `city_state` div with
a map-marker icon just above the body, the body followed by its second copy (from paragraph 2),
and the "latest news" sidebar of `N hours ago` / headline pairs. Read in place, never copied.
"""

from __future__ import annotations

import re
from html import escape
from pathlib import Path

SEED = Path(__file__).resolve().parents[4] / "shared" / "seed" / "indialife-article-112952.txt"
PATH = "/seed/article-112952.html"
_AGE = re.compile(r"^\d+ (?:hours?|mins?|days?) ago$")


def seed_lines() -> list[str] | None:
    return SEED.read_text(encoding="utf-8").splitlines() if SEED.is_file() else None


def sidebar_pairs(lines: list[str]) -> list[tuple[str, str]]:
    """(age, title) pairs of the seed's sidebar (its lines after the body's copy)."""
    rest = [line.strip() for line in lines[24:] if line.strip()]
    return [(age, title) for age, title in zip(rest, rest[1:], strict=False) if _AGE.match(age)]


def seed_page() -> str | None:
    """The page's HTML, or None when ../shared/seed is absent (the route answers 404)."""
    lines = seed_lines()
    if lines is None:
        return None
    section, headline, dateline = (line.strip() for line in lines[:3])
    paragraphs = "".join(f"<p>{escape(line)}</p>\n" for line in lines[3:24] if line.strip())
    items = "".join(
        f'<li><span class="time">{age}</span> <a href="/article.php?id={900 + n}">'
        f"{escape(title)}</a></li>\n"
        for n, (age, title) in enumerate(sidebar_pairs(lines))
    )
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f"<title>{escape(headline)} - India Life</title></head>\n<body>\n"
        '<nav class="main-nav"><a href="/">Home</a> '
        '<a href="/category/business">Business</a></nav>\n'
        '<div class="container"><div class="col-md-8"><div class="news-detail">\n'
        f'<span class="category"><a href="/category/business">{escape(section)}</a></span>\n'
        f'<h1 class="news-title">{escape(headline)}</h1>\n'
        '<div class="city_state"><i class="fa fa-map-marker" aria-hidden="true"></i> '
        f"{escape(dateline)}</div>\n"
        f'<div class="news-content">\n{paragraphs}</div>\n</div></div>\n'
        '<div class="col-md-4"><div class="latest-news"><h3>Latest News</h3><ul>\n'
        f"{items}</ul></div></div></div>\n</body></html>\n"
    )
