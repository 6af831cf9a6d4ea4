"""Meta-tag reading on strings: og/article/name tags, canonical, lang, time tags."""

from __future__ import annotations

from parsel import Selector

from newscrawler.extract.meta import meta_fields, time_tag

HTML = """<html lang="en-US"><head>
<meta property="og:title" content="OG title"><meta name="description" content="Desc">
<meta property="og:description" content="OG desc"><meta name="author" content="Jane Roe">
<meta name="author" content="https://example.com/author/jane">
<meta property="article:published_time" content="2019-11-20T05:52:20-05:00">
<meta property="article:modified_time" content="2019-11-20T06:00:00-05:00">
<meta property="article:section" content="World"><meta property="article:tag" content="Kashmir">
<meta property="article:tag" content="India"><meta name="keywords" content="ignored, here">
<meta property="og:type" content="article"><link rel="Canonical" href="https://ex.com/a">
</head><body><time datetime=" 2019-11-20 ">x</time></body></html>"""


def test_meta_fields() -> None:
    fields = meta_fields(Selector(text=HTML))
    assert fields["headline"] == "OG title"
    assert fields["summary"] == "OG desc"
    assert fields["authors"] == ["Jane Roe", "https://example.com/author/jane"]
    assert fields["published_at_raw"] == "2019-11-20T05:52:20-05:00"
    assert fields["modified_at"] == "2019-11-20T06:00:00-05:00"
    assert fields["section"] == "World"
    assert fields["tags"] == ["Kashmir", "India"]
    assert fields["canonical_url"] == "https://ex.com/a"
    assert fields["language"] == "en-US"
    assert fields["og_type"] == "article"


def test_fallbacks_publish_date_keywords_og_url() -> None:
    html = """<html><head><meta name="publish-date" content="November 20 2019">
    <meta name="keywords" content="a, ,b"><meta property="og:url" content="https://ex.com/b">
    </head></html>"""
    fields = meta_fields(Selector(text=html))
    assert fields["published_at_raw"] == "November 20 2019"
    assert fields["tags"] == ["a", "b"]
    assert fields["canonical_url"] == "https://ex.com/b"
    assert fields["language"] is None


def test_time_tag() -> None:
    assert time_tag(Selector(text=HTML)) == "2019-11-20"
    assert time_tag(Selector(text="<p>none</p>")) is None
