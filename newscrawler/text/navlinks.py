"""Navigation, category and service links are no related articles: title and URL shapes."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

# Screen-reader suffixes on teaser links (Reuters 2023: ", article with image").
A11Y_SUFFIX = re.compile(
    r"\s*,\s*(?:article|story|video|gallery)\s+with\s+(?:image|video|gallery|audio)s?\s*$"
    r"|\s*,\s*opens? (?:in )?(?:a )?new (?:tab|window)\s*$",
    re.I,
)
# A link named for what it leads to, not a headline: "Aerospace & Defense category", "Watch more
# videos", "See all", "Read more".
LABEL_TITLE = re.compile(
    r"\bcategory$|^(?:watch|read|see|view|explore|show|load|browse) (?:more|all)\b"
    r"|^more (?:from|on|in|news|stories|videos)\b",
    re.I,
)
# Headlines name something and say something about it; trending-topic and service links
# ("Israel Gaza War", "Traffic Challan Status", "Self Made Women Billionaires") are labels of
# three words, or four in Title Case ("Yudichak leaves Democratic Party" is a headline).
MAX_LABEL_WORDS = 3
TITLE_CASE_LABEL_WORDS = 4
# Scripts written without spaces: a word count says nothing there.
UNSPACED = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
# An article URL shows a slug of words, an id or a date; a front, tag or service page does not
# ("/video/", "/world/europe/", "/tags/commercial-strategy/", "/horoscope", "/traffic-challan").
SLUG_WORDS = 3
ID_DIGITS = re.compile(r"\d{4,}")


def clean_title(title: str) -> str:
    """The link title without a screen-reader suffix."""
    return A11Y_SUFFIX.sub("", title).strip()


def is_article_url(url: str) -> bool:
    """Whether a URL has the shape of an article: a long slug, a numeric id or a dated path."""
    parts = urlsplit(url)
    if any(v.isdigit() for values in parse_qs(parts.query).values() for v in values):
        return True  # a numeric query parameter names one item: article.php?id=112952, ?p=42
    segments = [s for s in parts.path.split("/") if s]
    if not segments:
        return False
    if ID_DIGITS.search(parts.path) or re.search(r"/(?:19|20)\d\d/\d\d?/", parts.path):
        return True
    last = re.sub(r"\.\w{2,5}$", "", segments[-1])
    return len(re.split(r"[-_+]", last)) >= SLUG_WORDS


def _is_label(words: list[str]) -> bool:
    if len(words) <= MAX_LABEL_WORDS:
        return True
    return len(words) == TITLE_CASE_LABEL_WORDS and all(
        w[0].isupper() or w[0].isdigit() for w in words
    )


def is_navigation(title: str, url: str | None) -> bool:
    """Whether a link leads to a section, tag or service page, or is a topic label."""
    if LABEL_TITLE.search(title):
        return True
    if not UNSPACED.search(title) and _is_label(title.split()):
        return True
    return url is not None and not is_article_url(url)
