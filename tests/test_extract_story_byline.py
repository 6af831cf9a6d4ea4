"""Bylines written into the story (extract/storybyline.py): edge name lines, editor credits."""

from __future__ import annotations

import pytest
from parsel import Selector

from newscrawler.extract.page import ArticlePage
from newscrawler.extract.storybyline import edge_name, editor_credit
from tests.support.devset import dev_page

P = "<p>Officials said on Tuesday that the embankment would be widened before the monsoon {}.</p>"
STORY = "".join(P.format(n) for n in range(4))


def _root(html: str) -> Selector:
    return Selector(text=f"<html><body><h1>Embankment</h1><div>{html}</div></body></html>")


@pytest.mark.parametrize(
    ("html", "name"),
    [
        (f"{STORY}<p style='text-align:right'><strong>Lê Phương</strong></p>", "Lê Phương"),
        (f"<p><strong>MTHOBISI SITHOLE&nbsp;</strong></p>{STORY}", "MTHOBISI SITHOLE"),
        (f"{P.format(0)}<p><b>Key Points Here</b></p>{STORY}", None),  # a crosshead mid-story
        (f"{STORY}<p><strong>Read the full report</strong></p>", None),  # not capitalised
        (f"{STORY}<p><strong>Jane</strong> Doe</p>", None),  # only part of it bold
        (f"<p><strong>Jane Doe</strong></p>{P.format(1)}{P.format(2)}", None),  # no story here
        (f"{STORY}<p><strong>2024 Annual Report</strong></p>", None),
    ],
    ids=[
        "closing-right-aligned",
        "opening-caps",
        "crosshead",
        "lowercase",
        "part-bold",
        "short-box",
        "digits",
    ],  # fmt: skip
)
def test_edge_name(html: str, name: str | None) -> None:
    assert edge_name(_root(html).root) == name


@pytest.mark.parametrize(
    ("html", "names"),
    [
        ("<div class='edit'>(责编：牛镛、岳弘彬)</div>", "牛镛、岳弘彬"),
        ("<p>【纠错】 责任编辑： 焦鹏</p>", None),  # mid-line: the Xinhua site class reads it
        ("<div>责任编辑：焦鹏</div>", "焦鹏"),
        ("<p>本报记者与责编：讨论了这个问题很长时间，最后决定发表这篇文章。</p>", None),
    ],
    ids=["people-daily-bracketed", "label-mid-line", "plain", "prose"],
)
def test_editor_credit(html: str, names: str | None) -> None:
    assert editor_credit(_root(html).root) == names


def test_a_byline_element_is_still_preferred() -> None:
    html = f"<html><body><span class='byline'>By Anna Roe</span><div>{STORY}" \
           f"<p><strong>Jane Doe</strong></p></div></body></html>"  # fmt: skip
    assert ArticlePage(html, "https://portal.example/a").authors() == ["Anna Roe"]


@pytest.mark.parametrize(
    ("case_id", "authors"),
    [("vn/VnExpress_2025_10_22", ["Lê Phương"]), ("cn/People_2024_04_24", ["牛镛", "岳弘彬"])],
    ids=["closing-bold-name", "chinese-editor-credit"],
)
def test_dev_pages_with_the_byline_in_the_story(case_id: str, authors: list[str]) -> None:
    html, case = dev_page(case_id)
    assert case["authors"] == authors
    assert ArticlePage(html, case["url"]).authors() == authors


def test_the_closing_name_line_leaves_the_body() -> None:
    html, case = dev_page("vn/VnExpress_2025_10_22")
    body = ArticlePage(html, case["url"]).body()
    assert body[-1] != "Lê Phương"
    assert case["paragraphs"][-1] in body
