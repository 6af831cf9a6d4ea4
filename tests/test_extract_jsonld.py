"""JSON-LD reading on strings: broken blocks, @graph, arrays, author shapes, @type case."""

from __future__ import annotations

import pytest
from parsel import Selector

from newscrawler.extract.jsonld import jsonld_fields, names


def page(*blocks: str, where: str = "head") -> Selector:
    scripts = "".join(f'<script type="application/ld+json">{b}</script>' for b in blocks)
    head, body = (scripts, "") if where == "head" else ("", scripts)
    return Selector(text=f"<html><head>{head}</head><body><p>x</p>{body}</body></html>")


def test_broken_block_is_skipped_and_next_read() -> None:
    fields = jsonld_fields(
        page('{"@type": "NewsArticle", "headline": ', '{"@type":"NewsArticle","headline":"Ok"}')
    )
    assert fields["headline"] == "Ok"


@pytest.mark.parametrize("raw", ["", "null", "[1, 2]", "{", "<!-- -->", '"text"'], ids=repr)
def test_garbage_never_raises(raw: str) -> None:
    assert jsonld_fields(page(raw)) == {}


def test_graph_and_arrays_in_body() -> None:
    block = (
        '[{"@graph": [{"@type": "WebPage"}, {"@type": ["NewsArticle"], "headline": "In graph"}]}]'
    )
    assert jsonld_fields(page(block, where="body"))["headline"] == "In graph"


@pytest.mark.parametrize(
    "type_", ["newsarticle", "ReportageNewsArticle", "Article", "BlogPosting_not", "ClaimReview"]
)
def test_article_types_case_insensitive(type_: str) -> None:
    fields = jsonld_fields(page(f'{{"@type": "{type_}", "headline": "H"}}'))
    assert bool(fields) is (type_ != "BlogPosting_not")


def test_non_article_types_ignored() -> None:
    assert jsonld_fields(page('{"@type": "VideoObject", "name": "clip"}')) == {}


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ('"PTI"', ["PTI"]),
        ('{"@type": "Person", "name": "Gopal Sharma"}', ["Gopal Sharma"]),
        ('{"@type": "Person", "byline": "Gopal Sharma"}', ["Gopal Sharma"]),
        ('["Associated Press"]', ["Associated Press"]),
        ('[{"name": "A"}, {"name": "B"}, {"url": "x"}]', ["A", "B"]),
        ("null", []),
    ],
    ids=["string", "object-name", "object-byline", "array-string", "array-objects", "null"],
)
def test_author_shapes(author: str, expected: list[str]) -> None:
    block = f'{{"@type": "NewsArticle", "headline": "H", "author": {author}}}'
    assert jsonld_fields(page(block)).get("authors", []) == expected


def test_fields_and_article_body_stripped() -> None:
    block = """{"@type": "NewsArticle", "headline": "H",
    "datePublished": "2019-11-19T21:57:01+0000", "dateModified": "2019-11-20",
    "publisher": {"name": "Associated Press"}, "articleSection": ["World"],
    "keywords": "a, b,", "inLanguage": "en", "articleBody": "<p>One &amp; two</p>",
    "description": "&lt;p&gt;Lead&lt;/p&gt;"}"""
    fields = jsonld_fields(page(block))
    assert fields["published_at_raw"] == "2019-11-19T21:57:01+0000"
    assert fields["modified_at"] == "2019-11-20"
    assert fields["publisher"] == ["Associated Press"]
    assert fields["section"] == "World"
    assert fields["tags"] == ["a", "b"]
    assert fields["language"] == "en"
    assert fields["article_body"] == "One & two"
    assert fields["summary"] == "Lead"


def test_control_characters_tolerated() -> None:
    assert jsonld_fields(page('{"@type": "NewsArticle", "headline": "a\x01b"}'))["headline"]


def test_names_ignores_non_strings() -> None:
    assert names([1, {"name": 2}, " X "]) == ["X"]
