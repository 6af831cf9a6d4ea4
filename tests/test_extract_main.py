"""Main text, page rules and related links on strings; the pure core imports no Scrapy."""

from __future__ import annotations

import pytest
from parsel import Selector

from newscrawler.extract import chrome, dom
from newscrawler.extract.page import ArticlePage
from newscrawler.extract.related import related_links
from tests.support.devset import dev_page
from tests.support.pages import container_blocks

LONG = "Officials said on Tuesday that the embankment would be widened before the monsoon."


def story(paragraphs: int = 14, extra: str = "", head: str = "") -> str:
    body = "".join(f"<p>{LONG} ({i})</p>" for i in range(paragraphs))
    page = f"<h1>Big headline here</h1><div class='story'>{body}{extra}</div>"
    return f"<html><head>{head}</head><body>{page}</body></html>"


def test_block_text_joins_inline_nodes_and_splits_on_br() -> None:
    element = Selector(
        text="<div><b>NEW DELHI</b>: Lead <i>text</i>.<br>Second line<script>x</script></div>"
    )
    assert dom.block_texts(element.css("div")[0].root) == ["NEW DELHI: Lead text.", "Second line"]


@pytest.mark.parametrize(
    "junk",
    [
        "<aside><p>{}</p></aside>",
        "<div class='related-stories'><p>{}</p></div>",
        "<div class='breaking-block'><p>{}</p></div>",
        "<div class='highlghts_Wdgt'><p>{}</p></div>",
        "<div style='position:absolute; top:0; left:-9999px'><p>{}</p></div>",
        "<nav><p>{}</p></nav>",
        "<footer><p>{}</p></footer>",
        "<script>var s = '<p>{}</p>';</script>",
    ],
    ids=[
        "aside",
        "related",
        "breaking",
        "highlights-widget",
        "off-screen",
        "nav",
        "footer",
        "script",
    ],
)
def test_junk_containers_are_excluded(junk: str) -> None:
    html = story(extra=junk.format("JUNK " + LONG))
    blocks = container_blocks(chrome.cleaned(Selector(text=html)))
    assert len(blocks) == 14
    assert not any("JUNK" in block for block in blocks)


def test_cleaning_keeps_tail_text() -> None:
    clean = chrome.cleaned(Selector(text="<div>a<!-- c -->b<aside>x</aside>c</div>"))
    assert clean.css("div").xpath("string()").get() == "abc"


def test_twin_containers_are_joined_in_order() -> None:
    twin = (
        "<div class='block'>"
        + "".join(f"<div><p>{LONG} @{i}</p></div>" for i in range(3))
        + "</div>"
    )
    first, second = twin.replace("@", "A"), twin.replace("@", "B")
    html = f"<html><body>{first}<div class='ad'>x</div>{second}</body></html>"
    blocks = container_blocks(Selector(text=html))
    assert [b[-2:] for b in blocks] == ["A0", "A1", "A2", "B0", "B1", "B2"]


def _chunk(tag: str, paragraphs: int) -> str:
    body = "".join(f"<p>{LONG} {tag}{i}</p>" for i in range(paragraphs))
    chunk = f"<div class='grid'><div class='wrap'><div class='chunk'>{body}</div></div></div>"
    return chunk + "<div class='ad'>x</div>"


def test_a_one_paragraph_chunk_between_story_chunks_is_joined() -> None:
    # Chunked bodies (Condé Nast's body__inner-container between ads and photos): a chunk may
    # hold one paragraph. Before and after the story's chunks, a one-paragraph twin stays out.
    chunks = [_chunk("P", 1), _chunk("A", 3), _chunk("B", 1), _chunk("C", 2), _chunk("Z", 1)]
    html = f"<html><body>{''.join(chunks)}</body></html>"
    blocks = container_blocks(Selector(text=html))
    assert [b[-2:] for b in blocks] == ["A0", "A1", "A2", "B0", "C0", "C1"]


def test_a_list_of_all_link_paragraphs_does_not_outweigh_a_short_story() -> None:
    # A site map or teaser list written as <p><a>...</a></p>, named by no tag or class word
    # (hashed classes), outnumbers a three-paragraph story; its paragraphs count for nothing
    teasers = "".join(f"<p><a href='/s/{i}'>{LONG} teaser {i}</a></p>" for i in range(12))
    story = "".join(f"<p>{LONG} own {i}</p>" for i in range(3))
    html = f"<html><body><div class='c1'>{story}</div><div class='c2'>{teasers}</div></body></html>"
    blocks = container_blocks(Selector(text=html))
    assert [b[-5:] for b in blocks] == ["own 0", "own 1", "own 2"]


def test_abc_story_beside_a_linked_teaser_list_dev_page() -> None:
    # ABC's (es) page body is read from the page, paragraph by paragraph, instead of
    # JSON-LD's one-block articleBody, once the teaser list's links stop outweighing it
    html, case = dev_page("es/ABC_2026_04_25")
    body = ArticlePage(html, case["url"]).body()
    assert sum(p in body for p in case["paragraphs"]) >= len(case["paragraphs"]) - 1


def test_a_caption_sharing_a_small_wrapper_with_its_image_is_not_body() -> None:
    # Hashed classes and no <figcaption>: "<div><span><img></span><p>Pictured ...</p></div>";
    # an emoji <img> inside a paragraph does not make the paragraph a caption
    figure = "<div class='x1'><span><img src='a.jpg'></span><p>Pictured from left, two.</p></div>"
    emoji = f"<div class='x2'><p>{LONG} <img class='emoji' src='e.png'></p></div>"
    html = story(paragraphs=4, extra=figure + emoji)
    texts = ArticlePage(html, "https://ex.com/news/2024/floods-close-the-embankment").body()
    assert not any("Pictured" in t for t in texts)
    assert sum(LONG in t for t in texts) == 5


def test_zdf_portrait_with_its_bio_line_dev_page() -> None:
    # An interviewee's portrait and one-line bio ("... ist Senior Fellow bei ...") in a small
    # wrapper inside the story: a caption, not a paragraph
    html, case = dev_page("de/ZDF_2025_11_07")
    body = " ".join(ArticlePage(html, case["url"]).body())
    assert "ist Senior Fellow bei der Münchner Sicherheitskonferenz" not in body
    assert all(p[:60] in body for p in case["paragraphs"])


def test_vogue_chunked_body_dev_page() -> None:
    html, case = dev_page("de/VogueDE_2024_04_30")
    body = ArticlePage(html, case["url"]).body()
    assert all(p[:60] in " ".join(body) for p in case["paragraphs"][:-1])  # not the photo credits


def test_generic_page_fields() -> None:
    head = (
        '<script type="application/ld+json">{"@type":"NewsArticle","headline":"LD",'
        '"author":"Associated Press","datePublished":"2024-01-07T01:20:00Z"}</script>'
    )
    fields = ArticlePage(story(head=head), "https://www.example.com/news/story-1").fields()
    assert fields is not None
    assert fields["headline"] == "LD"
    assert fields["source"] == "example.com"
    assert fields["agency"] == "Associated Press"
    assert (fields["published_at_raw"], fields["published_at_source"]) == (
        "2024-01-07T01:20:00Z",
        "jsonld",
    )
    assert len(fields["body"]) == 14


@pytest.mark.parametrize(
    ("html", "url"),
    [
        (story(paragraphs=1), "https://ex.com/news/a"),
        (story(head='<meta property="og:type" content="video.other">'), "https://ex.com/news/a"),
        (story(), "https://ex.com/tag/floods/"),
        (
            f"<html><body><h1>Floods</h1><div><p>{LONG} {LONG}</p><p>{LONG} {LONG}</p></div>",
            "https://ex.com/news/a",
        ),
        (
            "<html><body><div>"
            + "".join(f"<p><a href='/{i}'>{LONG}</a></p>" for i in range(20))
            + "</div></body></html>",
            "https://ex.com/",
        ),
    ],
    ids=["tiny-body", "og-video", "tag-url", "undeclared-two-paragraphs", "link-heavy-front"],
)
def test_not_articles(html: str, url: str) -> None:
    assert ArticlePage(html, url).fields() is None


def test_og_article_declares_an_article() -> None:
    html = story(paragraphs=4, head='<meta property="og:type" content="article">')
    assert ArticlePage(html, "https://ex.com/news/a").fields() is not None


def test_og_title_checked_against_h1() -> None:
    html = story(
        head='<meta property="og:title" content="Yahoo News - Latest News &amp; Headlines">'
    )
    fields = ArticlePage(html, "https://ex.com/news/a").fields()
    assert fields is not None
    assert fields["headline"] == "Big headline here"


class DemoPage(ArticlePage):
    source = "demo"
    paragraphs_css = ("div.missing p",)
    dateline_css = ("b.place",)


def test_site_page_falls_back_and_says_so() -> None:
    page = DemoPage(story(extra="<b class='place'>Washington/ New Delhi: </b>"), "https://ex.com/a")
    fields = page.fields()
    assert page.used_fallback is True
    assert fields is not None
    assert len(fields["body"]) == 14
    assert fields["dateline"] == {"place": "Washington/ New Delhi", "date": None, "agency": None}


def test_related_links_keep_time_attribute_and_age() -> None:
    html = """<div class="article-buckets-list"><ul>
    <li><a href="/a">A related story headline</a>
    <time datetime="2019-11-20T10:30:00+00:00">1 hour ago</time></li>
    <li><span data-utcdatetime="1574231937"></span>
    <a href="https://o.com/b">Another related headline</a></li>
    <li><a href="/c">short</a></li></ul></div>"""
    links = related_links(Selector(text=html), "https://ex.com/story")
    assert links == [
        {
            "title": "A related story headline",
            "url": "https://ex.com/a",
            "age": "1 hour ago",
            "time": "2019-11-20T10:30:00+00:00",
        },
        {
            "title": "Another related headline",
            "url": "https://o.com/b",
            "age": None,
            "time": "1574231937",
        },
    ]


def test_related_card_inside_the_link_keeps_title_only() -> None:
    html = """<section><div class="article-buckets-list"><a href="/v/1" class="item">
    <div><strong class="title">First Forecast Weather</strong><em>Some sunshine later.</em></div>
    <time datetime="2019-11-20T10:30:00+00:00">1 hour ago</time></a></div>
    <div class="article-buckets-list"><a href="/v/2"><strong>Second forecast headline</strong></a>
    </div></section>"""
    first, second = related_links(Selector(text=html), "https://ex.com/s")
    assert first == {
        "title": "First Forecast Weather",
        "url": "https://ex.com/v/1",
        "age": "1 hour ago",
        "time": "2019-11-20T10:30:00+00:00",
    }
    assert second["time"] is None
