"""Lead image: JSON-LD ImageObject or og:image, caption and credit from the image's own figure."""

from __future__ import annotations

import pytest
from parsel import Selector

from newscrawler.extract.image import lead_image
from newscrawler.extract.page import ArticlePage
from tests.support.devset import dev_page

URL = "https://news.example/world/story"


def image(body: str, ld_image: object = None, og: str | None = None) -> object:
    return lead_image(Selector(text=f"<html><body>{body}</body></html>"), ld_image, og, URL)


def test_og_image_with_figure_caption_and_credit_element() -> None:
    # WordPress/Arc layout: <figure><img><figcaption>caption <span class=credit>..</span>.
    body = (
        '<figure><img src="/img/2024/fire-crew-800.jpg?w=800">'
        '<figcaption>Firefighters at work. <span class="credit">Photo: Jane Doe/AFP</span>'
        "</figcaption></figure>"
    )
    got = image(body, og="https://cdn.example/img/2024/fire-crew-800.jpg")
    assert got == {
        "url": "https://cdn.example/img/2024/fire-crew-800.jpg",
        "caption": "Firefighters at work.",
        "credit": "Jane Doe/AFP",
    }


def test_credit_line_inside_the_caption() -> None:
    body = (
        '<figure><img src="a/harbour.jpg">'
        "<figcaption>The harbour at dawn. (Image: Getty)</figcaption></figure>"
    )
    assert image(body, og="a/harbour.jpg") == {
        "url": "https://news.example/world/a/harbour.jpg",  # relative URL resolved
        "caption": "The harbour at dawn.",
        "credit": "Getty",
    }


def test_jsonld_image_object_carries_caption_and_credit() -> None:
    node = {
        "@type": "ImageObject",
        "url": "https://c.example/p.jpg",
        "caption": "<b>Cap</b>",
        "creditText": "Reuters",
    }
    assert image("", ld_image=[node], og="https://c.example/other.jpg") == {
        "url": "https://c.example/p.jpg",
        "caption": "Cap",
        "credit": "Reuters",
    }


def test_a_figure_of_another_image_lends_nothing() -> None:
    body = (
        '<figure><img src="/teaser/other-story.jpg"><figcaption>Another story</figcaption></figure>'
    )
    assert image(body, og="https://c.example/lead-photo.jpg") == {
        "url": "https://c.example/lead-photo.jpg",
        "caption": None,
        "credit": None,
    }


@pytest.mark.parametrize("og", [None, "data:image/png;base64,AAAA", "javascript:void(0)"])
def test_no_usable_image(og: str | None) -> None:
    assert image("", og=og) is None


def test_escaped_ampersands_in_og_image() -> None:
    # BR layout: og:image content double-escaped ("&amp;amp;").
    got = image("", og="https://img.example/a.jpeg?q=80&amp;w=1200")
    assert isinstance(got, dict)
    assert got["url"] == "https://img.example/a.jpeg?q=80&w=1200"


@pytest.mark.parametrize(
    ("case_id", "credit"),
    [
        ("de/SZ_2024_09_30", "John MacDougall/AFP"),  # figure credit element
        ("fr/LeFigaro_2024_11_22", "HANDOUT / AFP"),
    ],
)
def test_lead_image_of_real_layouts(case_id: str, credit: str) -> None:
    html, case = dev_page(case_id)
    fields = ArticlePage(html, case["url"]).fields()
    assert fields is not None
    assert fields["image"]["credit"] == credit
    assert fields["image"]["caption"]
    assert fields["image"]["url"].startswith("https://")
