"""Non-article pages: paginated listings, a section front, a tag page, a video page, errors."""

from __future__ import annotations

from html import escape

from tests.support.mockserver.content import IST, Article
from tests.support.mockserver.pages import SITE, TAG, VIDEO_ID, footer, head, header

PER_PAGE = 20


def _teasers(articles: list[Article]) -> str:
    rows = []
    for a in articles:
        href = f"/article.php?id={a.id}" if a.old_url else a.path
        day = a.published.astimezone(IST).strftime("%B %d, %Y")
        rows.append(
            f'<div class="news-item"><a href="{href}"><h3>{escape(a.headline)}</h3></a>'
            f'<span class="entry-date">{day}</span><p>{escape(a.paragraphs[0][:140])}…</p></div>\n'
        )
    return '<div class="news-list">\n' + "".join(rows) + "</div>\n"


def page_count(total: int) -> int:
    """Listing pages needed for `total` articles (at least one)."""
    return max(1, -(-total // PER_PAGE))


def listing_page(newest_first: list[Article], page: int, base: str) -> str:
    """/news/?page=N: 20 teasers, rel=prev/next links; page 1 also links the non-article pages."""
    pages = page_count(len(newest_first))
    chunk = newest_first[(page - 1) * PER_PAGE : page * PER_PAGE]
    path = "/news/" if page == 1 else f"/news/?page={page}"
    links = ""
    if page > 1:
        links += f'<link rel="prev" href="{base}/news/?page={page - 1}">\n'
    if page < pages:
        links += f'<link rel="next" href="{base}/news/?page={page + 1}">\n'
    out = head(f"Latest News - Page {page} | {SITE}", base, path, links)
    out += header(newest_first[0].headline if newest_first else SITE)
    out += f'<main class="container"><h1 class="page-title">Latest News</h1>\n{_teasers(chunk)}'
    if page == 1:
        out += (
            '<div class="video-box"><h3>Watch</h3>'
            f'<a href="/video/{VIDEO_ID}">Monsoon arrives early on the Konkan coast</a></div>\n'
        )
    nav = []
    if page > 1:
        nav.append(f'<li><a rel="prev" href="/news/?page={page - 1}">&laquo; Previous</a></li>')
    nav += [f'<li><a href="/news/?page={n}">{n}</a></li>' for n in range(1, pages + 1)]
    if page < pages:
        nav.append(f'<li><a rel="next" href="/news/?page={page + 1}">Next &raquo;</a></li>')
    out += '<ul class="pagination">' + "".join(nav) + "</ul>\n</main>\n"
    return out + footer()


def section_page(name: str, articles: list[Article], base: str) -> str:
    """A section front: title plus teasers, no article body."""
    out = head(f"{name} News | {SITE}", base, f"/section/{name.lower()}/",
               '<meta property="og:type" content="website">\n')  # fmt: skip
    out += header(articles[0].headline if articles else SITE)
    out += f'<main class="container"><h1 class="section-title">{escape(name)}</h1>\n'
    return out + _teasers(articles) + "</main>\n" + footer()


def tag_page(articles: list[Article], base: str) -> str:
    """A tag page listing a few headlines."""
    out = head(f"#{TAG} | {SITE}", base, f"/tag/{TAG}/")
    out += header(articles[0].headline if articles else SITE)
    out += f'<main class="container"><h1 class="tag-title">Tag: {TAG}</h1>\n'
    return out + _teasers(articles[:8]) + "</main>\n" + footer()


def video_page(base: str) -> str:
    """A video page: og:type video, a player and one short caption, no article body."""
    extra = (
        '<meta property="og:type" content="video.other">\n'
        '<meta property="og:title" content="Monsoon arrives early on the Konkan coast">\n'
    )
    out = head(f"Monsoon arrives early on the Konkan coast | Video | {SITE}", base,
               f"/video/{VIDEO_ID}", extra)  # fmt: skip
    out += header(SITE)
    out += (
        '<main class="container"><h1 class="video-title">Monsoon arrives early on the Konkan coast'
        '</h1>\n<div class="video-player" data-video-id="vid-9001"><video controls '
        'src="/media/vid-9001.mp4"></video></div>\n'
        '<p class="video-caption">Fishing boats return to harbour as heavy rain lashes the coast.'
        "</p>\n</main>\n"
    )
    return out + footer()


def simple_page(title: str, text: str, base: str, path: str) -> str:
    """A bare page for /about/, /private/… and error bodies."""
    out = head(f"{title} | {SITE}", base, path) + header(SITE)
    return out + f"<main><h1>{escape(title)}</h1><p>{escape(text)}</p></main>\n" + footer()
