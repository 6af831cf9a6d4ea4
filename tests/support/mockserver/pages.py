"""HTML templates of the mock India Life-like portal (invented text, real-world markup shapes)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from html import escape

from tests.support.mockserver.content import IST, SYNDICATION_NOTE, Article

SITE = "India Life"
VIDEO_ID = 9001
TAG = "technology"


def head(title: str, base: str, path: str, extra: str = "") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{escape(title)}</title>\n"
        f'<link rel="canonical" href="{base}{path}">\n'
        f'<meta property="og:site_name" content="{SITE}">\n{extra}</head>\n'
    )


def header(ticker: str) -> str:
    return (
        '<body>\n<header class="site-header"><div class="logo"><a href="/">'
        f'<img src="/static/logo.png" alt="{SITE}"></a></div>\n'
        '<nav class="main-nav"><a href="/news/">News</a> <a href="/section/business/">Business</a>'
        f' <a href="/tag/{TAG}/">Tech</a> <a href="/video/{VIDEO_ID}">Video</a></nav>\n'
        f'<div class="breaking-block"><span>Breaking</span> {escape(ticker)}</div>\n</header>\n'
    )


def footer() -> str:
    return (
        '<footer class="site-footer"><a href="/about/">About us</a> '
        '<a href="/private/editor/">Editor login</a>'
        f"<p>&copy; 2025 {SITE}. All rights reserved.</p></footer>\n</body>\n</html>\n"
    )


def _age(delta: timedelta) -> tuple[str, timedelta]:
    """The sidebar's relative text for `delta`, and the rounded delta that text stands for."""
    hours = int(delta.total_seconds() // 3600)
    if hours < 1:
        mins = max(1, int(delta.total_seconds() // 60))
        return f"{mins} mins ago", timedelta(minutes=mins)
    if hours < 48:
        return f"{hours} hours ago", timedelta(hours=hours)
    return f"{hours // 24} days ago", timedelta(days=hours // 24)


def _ago(delta: timedelta) -> str:
    return _age(delta)[0]


def expected_related(latest: list[Article], fetched: datetime, base: str) -> list[dict[str, str]]:
    """The `related` entries a clean record should hold: age resolved against the fetch time."""
    out = []
    for a in latest:
        text, rounded = _age(fetched - a.published)
        when = (fetched - rounded).isoformat()
        out.append(
            {"title": a.headline, "url": f"{base}{a.path}", "age": text, "published_at": when}
        )
    return out


def sidebar(latest: list[Article], fetched: datetime, plain: bool) -> str:
    """The 13-item "Latest News" block: an <aside> with <time>, or bare lines like the seed."""
    if plain:
        pairs = "".join(
            f"<p>{_ago(fetched - a.published)}</p>\n"
            f'<p><a href="{a.path}">{escape(a.headline)}</a></p>\n'
            for a in latest
        )
        return f"<p>&nbsp;</p>\n{pairs}"
    items = "".join(
        f'<li><time datetime="{a.published.isoformat()}">{_ago(fetched - a.published)}</time> '
        f'<a href="{a.path}">{escape(a.headline)}</a></li>\n'
        for a in latest
    )
    return f'<aside class="latest-news"><h3>Latest News</h3>\n<ul>\n{items}</ul></aside>\n'


def _jsonld(a: Article, base: str) -> str:
    local = a.published.astimezone(IST)
    date = (
        local.isoformat(),
        a.published.strftime("%Y-%m-%dT%H:%M:%SZ"),
        local.strftime("%Y-%m-%d %H:%M:%S"),  # naive: the site's zone (IST)
    )[a.id % 3]
    author: object = (a.author, {"@type": "Person", "name": a.author}, [a.author])[a.id % 3]
    data = {
        "@context": "https://schema.org", "@type": "NewsArticle", "headline": a.headline,
        "datePublished": date, "dateModified": a.modified.astimezone(IST).isoformat(),
        "author": author, "articleSection": a.section, "mainEntityOfPage": f"{base}{a.path}",
        "publisher": {"@type": "Organization", "name": SITE,
                      "logo": {"@type": "ImageObject", "url": f"{base}/static/logo.png"}},
    }  # fmt: skip
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>\n'


def article_page(a: Article, base: str, latest: list[Article], fetched: datetime) -> str:
    """One article page; flags on `a` decide metadata, duplicates, sidebar form and boilerplate."""
    paras = a.rendered_paragraphs()
    desc = escape(a.paragraphs[0][:200])
    meta = (
        f'<meta name="description" content="{desc}">\n'
        f'<meta property="og:title" content="{escape(a.headline)}">\n'
        '<meta property="og:type" content="article">\n'
        f'<meta property="og:url" content="{base}{a.path}">\n'
        f'<meta property="og:description" content="{desc}">\n'
    )
    if a.has_meta:
        meta += (
            f'<meta property="article:published_time" content="{a.published.isoformat()}">\n'
            f'<meta property="article:section" content="{escape(a.section)}">\n'
        )
    ld = _jsonld(a, base) if a.has_jsonld else ""
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paras[:3])
    body += (
        '<div class="ad-slot" id="div-gpt-ad-1723-0"><span class="ad-label">Advertisement</span>'
        "<script>googletag.cmd.push(function(){googletag.display('div-gpt-ad-1723-0');});"
        "</script></div>\n"
    )
    body += "".join(f"<p>{escape(p)}</p>\n" for p in paras[3:])
    if a.syndication_note:
        body += f"<p><em>{SYNDICATION_NOTE}</em></p>\n"
    if a.duplicate == "second":
        body += "".join(f"<p>{escape(p)}</p>\n" for p in paras[1:])
    if a.style == "ians_bare":
        place = f"{a.dateline.place}, {a.dateline.date}"
        tag = "p" if a.sidebar == "text" else 'div class="city_state"'  # seed-like pages: flat <p>
        body = f"<{tag}>{escape(place)}</{tag.split()[0]}>\n{body}"
    if a.sidebar == "text":
        body += sidebar(latest, fetched, plain=True)
    out = head(f"{a.headline} | {SITE}", base, a.path, meta + ("" if a.jsonld_in_body else ld))
    out += header(latest[0].headline if latest else a.headline)
    out += (
        '<main class="container"><div class="row"><div class="col-md-8 article-wrap">\n'
        '<article class="news-detail">\n'
        f'<div class="category-label"><a href="/section/{a.section.lower()}/">'
        f"{escape(a.section)}</a></div>\n"
        f'<h1 class="entry-title">{escape(a.headline)}</h1>\n'
        '<div class="print-btn"><a href="javascript:window.print()">Print This Article</a></div>\n'
        f'<div class="news-content" id="newsContent">\n{body}</div>\n'
    )
    if a.duplicate == "print":
        copy = "".join(f"<p>{escape(p)}</p>\n" for p in paras)
        out += (
            f'<div class="print-version" style="display:none"><h2>{escape(a.headline)}</h2>\n'
            f"{copy}</div>\n"
        )
    out += "</article></div>\n"
    if a.sidebar == "time":
        out += f'<div class="col-md-4">{sidebar(latest, fetched, plain=False)}</div>\n'
    out += "</div></main>\n" + (ld if a.jsonld_in_body else "")
    return out + footer()
