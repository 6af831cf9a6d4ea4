"""Property tests: extraction never raises on arbitrary or hostile HTML, and returns its types."""

from __future__ import annotations

import json
from email.utils import parsedate_to_datetime
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from parsel import Selector

from newscrawler.extract.jsonld import jsonld_fields
from newscrawler.extract.meta import meta_fields, time_tag
from newscrawler.extract.page import ArticlePage
from newscrawler.extract.related import related_links
from newscrawler.sites import SITES, site_for_url
from tests.support.mockserver import pages
from tests.support.mockserver.__main__ import DEFAULT_DATE
from tests.support.mockserver.faults import FaultPlan
from tests.support.mockserver.server import Site

TAGS = ["p", "div", "article", "main", "h1", "span", "a", "time", "aside", "script", "br", "li"]
ATTRS = ['class="story-body"', 'itemprop="articleBody"', 'href="/x"', 'href="javascript:x"',
         'datetime="2025-07-26T10:00:00+05:30"', 'datetime="1h ago"', 'property="og:title"',
         'type="application/ld+json"', 'rel="canonical"', 'href="file:///etc/passwd"']  # fmt: skip
WORDS = ["NEW DELHI, Nov 17 (IANS)", "9 hours ago", "&amp;lt;b&amp;gt;", "\u200b", "&#0;",
         "\ud7ff", "Also Read:", "<!--", "]]>", "\u2014", "Rs 1,000 crore", "\ufeff",
         "'; DROP TABLE x;--"]  # fmt: skip
URLS = ["http://127.0.0.1/article/1", "https://apnews.com/article/x-1", "", "not a url",
        *(f"https://{site.domains[0]}/a/1" for site in SITES.values() if site.domains)]  # fmt: skip
TEXT = st.characters(exclude_categories=["Cs"])
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                ["@type", "@graph", "headline", "author", "datePublished", "name", "x"]
            ),
            inner,
            max_size=5,
        )
    ),
    max_leaves=12,
)


@st.composite
def fragments(draw: st.DrawFn, depth: int = 0) -> str:
    """Nested elements with tricky attributes and text, sometimes unclosed or stray."""
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.integers(0, 5))
        if kind == 0 or depth > 2:
            parts.append(draw(st.sampled_from(WORDS) | st.text(TEXT, max_size=30)))
        elif kind == 1:
            parts.append(f'<script type="application/ld+json">{json.dumps(draw(JSON))}</script>')
        elif kind == 2:
            parts.append(draw(st.sampled_from(["</p>", "</div>", "<p", "<a href=", "&#0;", "<>"])))
        else:
            tag, attr = draw(st.sampled_from(TAGS)), draw(st.sampled_from(ATTRS))
            parts.append(f"<{tag} {attr}>{draw(fragments(depth + 1))}</{tag}>")
    return "".join(parts)


PAGES = st.one_of(fragments().map(lambda f: f"<html><body>{f}</body></html>"), fragments(),
                  st.text(TEXT, max_size=200))  # fmt: skip
COMMON = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def assert_fields(fields: dict[str, Any] | None) -> None:
    assert fields is None or isinstance(fields, dict)
    if fields:
        assert all(isinstance(block, str) for block in fields.get("body") or [])


@COMMON
@given(html=PAGES, url=st.sampled_from(URLS))
def test_article_page_fields_never_raise(html: str, url: str) -> None:
    page = site_for_url(url).read(html, url)
    assert_fields(page.fields())


@COMMON
@given(html=PAGES)
def test_generic_page_fields_never_raise(html: str) -> None:
    assert_fields(ArticlePage(html, "http://127.0.0.1/article/1").fields())


@COMMON
@given(html=PAGES, url=st.sampled_from(URLS))
def test_metadata_functions_never_raise(html: str, url: str) -> None:
    selector = Selector(text=html or "<html></html>")
    assert isinstance(jsonld_fields(selector), dict)
    assert isinstance(meta_fields(selector), dict)
    assert time_tag(selector) is None or isinstance(time_tag(selector), str)
    for link in related_links(selector, url):
        assert isinstance(link["url"], str)


@COMMON
@given(data=JSON)
def test_jsonld_of_any_json_value(data: Any) -> None:
    html = f'<script type="application/ld+json">{json.dumps(data)}</script>'
    assert isinstance(jsonld_fields(Selector(text=html)), dict)


def mock_article() -> tuple[str, str]:
    """The mock site's article 3 (of 5): its HTML and URL, built in process."""
    fetched = parsedate_to_datetime(DEFAULT_DATE)
    site = Site(1, 5, fetched, FaultPlan(None, 1))
    site.base = "http://127.0.0.1:1"
    article = site.article(3)
    assert article is not None
    return pages.article_page(article, site.base, site.latest(3), fetched), site.base + article.path


def test_a_control_character_does_not_lose_the_article() -> None:
    html, url = mock_article()
    # One stray control byte after the inline ad script, as copy-pasted wire copy carries.
    html = html.replace("</script></div>", "</script>\x1f</div>", 1)
    assert ArticlePage(html, url).fields() is not None


def test_a_control_character_before_a_removed_element_does_not_lose_the_article() -> None:
    html, url = mock_article()
    html = html.replace("</span><script>", "</span>\x1f<script>", 1)  # before the ad script
    assert "\x1f" in html
    assert ArticlePage(html, url).fields() is not None
