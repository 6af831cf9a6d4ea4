"""CSS queries: skipped when the page source lacks a string every match needs, same results."""

from __future__ import annotations

import pytest

from newscrawler.extract import dom
from newscrawler.extract.credits import BYLINE_CSS
from newscrawler.extract.queries import matches_each, needles

PAGE = (
    "<html><body><div class='story-byline'>By <a href='/author/jo-ng/'>Jo Ng</a></div>"
    "<p itemprop='author'>Desk</p><div class='author'>Ana Ruiz</div></body></html>"
)


@pytest.mark.parametrize(
    ("css", "expected"),
    [
        ("[class*=byline]", ("byline",)),
        ('a[href*="/author/"]', ("/author/",)),
        ("div.author", ("author",)),  # the class-word test's padding spaces are no needle
        ("[itemprop=author] [itemprop=name]", ("author", "name")),
        ("[class*='Zürich']", ()),  # HTML may write it as an entity: no evidence
        ("p:not(.x)", ()),  # a negation needs nothing
        ("h2, h3", ()),  # either of two
        ("[class*=byline], [class*=author]", ()),  # either of two: neither string is needed
    ],
)
def test_needles_are_the_strings_every_match_holds(css: str, expected: tuple[str, ...]) -> None:
    assert needles(css) == expected


def test_matches_with_and_without_the_source_are_the_same() -> None:
    root = dom.parse(PAGE).root
    with_source = [list(m) for m in matches_each(root, BYLINE_CSS, PAGE)]
    assert with_source == [list(m) for m in matches_each(root, BYLINE_CSS)]
    assert sum(map(len, with_source)) >= 4  # itemprop, div.author, byline, the author link


def test_a_selector_whose_needle_is_absent_is_not_queried() -> None:
    root = dom.parse(PAGE).root
    # The source given stands for a page without "byline": the tree is not asked.
    found = list(matches_each(root, ("[class*=byline]",), source="<html></html>"))
    assert found == [[]]
