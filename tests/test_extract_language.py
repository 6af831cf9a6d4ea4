"""`language`: the page's declaration in markup order, else langdetect over the body."""

from __future__ import annotations

import re

import pytest

from newscrawler.extract.language import canonical, detected
from newscrawler.extract.page import ArticlePage
from tests.support.devset import all_dev_pages, dev_page

GERMAN = (
    "Die Bundesregierung hat am Mittwoch neue Regeln für den Ausbau der Windenergie beschlossen. "
    "Die Länder sollen mehr Flächen ausweisen, damit die Ziele bis zum Jahr 2030 erreicht werden."
)


def language(head: str, html_attrs: str = "") -> str | None:
    head += '<meta property="og:type" content="article">'
    html = (
        f"<html {html_attrs}><head>{head}</head><body><h1>H</h1><p>{GERMAN * 3}</p></body></html>"
    )
    fields = ArticlePage(html, "https://ex.com/a").fields()
    assert fields is not None
    language: str | None = fields["language"]
    return language


@pytest.mark.parametrize(
    ("head", "attrs", "expected"),
    [
        ("", 'lang="en-gb"', "en-GB"),  # <html lang>, case made canonical
        ('<meta property="og:locale" content="de_AT">', "", "de-AT"),  # og:locale underscore
        ('<meta http-equiv="content-language" content="fr">', "", "fr"),  # content-language
        (
            '<script type="application/ld+json">'
            '{"@type": "NewsArticle", "inLanguage": "es"}</script>',
            "",
            "es",
        ),  # JSON-LD inLanguage
        ('<meta property="og:locale" content="de_DE">', 'lang="de-CH"', "de-CH"),  # html lang first
    ],
)
def test_declared_language_wins(head: str, attrs: str, expected: str) -> None:
    assert language(head, attrs) == expected


def test_undeclared_language_is_detected() -> None:
    assert language("") == "de"


def test_short_or_letterless_text_is_not_guessed() -> None:
    assert detected(["Kurz."]) is None
    assert detected(["12345 67890 " * 20]) is None


def test_junk_declaration_is_ignored() -> None:
    assert canonical("x-default") is None
    assert canonical("zh-hans-cn") == "zh-Hans-CN"


def test_chinese_portal_without_declaration() -> None:
    html, case = dev_page("cn/People_2024_04_24")  # no lang anywhere: detected
    fields = ArticlePage(html, case["url"]).fields()
    assert fields is not None
    assert fields["language"] == "zh-CN"


@pytest.mark.slow  # the whole dev set: about 10 s of CPU
def test_dev_set_language_coverage_and_declarations() -> None:
    pages = all_dev_pages()
    got = [(ArticlePage(html, case["url"]).fields() or {}, html) for html, case in pages]
    assert sum(1 for fields, _ in got if fields.get("language")) >= 0.98 * len(pages)
    for fields, html in got:
        # The root's lang, not one inside an IE conditional comment ("<!--[if IE 8]><html ...").
        root = re.sub(r"<!--.*?-->", "", html, flags=re.S)
        if found := re.search(r"<html[^>]*\slang=[\"']?([\w-]+)", root, re.I):
            assert fields["language"] == canonical(found.group(1))


def test_inline_extraction_loads_the_profiles_before_the_crawl() -> None:
    # The profile load (~0.4 s) must not fall inside the first undeclared page on the reactor.
    from newscrawler.extract import language
    from newscrawler.spiders.workers import ExtractorPool

    language._detect.cache_clear()
    ExtractorPool(0).start()
    assert language._detect.cache_info().currsize == 1
