"""Anadolu Agency (aa.com.tr): the 2025 server-rendered template and the 2026 Next.js one."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class AnadoluPage(ArticlePage):
    # 2025: a second <h1> ("Benzer haberler") heads the related block, so name the story's.
    headline_css = ("div.detay-spot h1",)
    # 2025: crossheads are <h3> and the subscription notice a <span>, so <p> alone is the
    # story. 2026 (Tailwind, no semantic classes): the Tailwind-typography "prose" div.
    paragraphs_css = ("div.detay-icerik p", "div.prose p")
    # The spot (standfirst) is the wire story's lead paragraph: 2025 div.detay-spot h4, 2026 the
    # <span> right after the <h1>. See body().
    lead_css = ("div.detay-spot h4", "h1 + span")
    # 2025: "Sehernur Karsu &nbsp;|" in an unclassed <span> beside span.tarih. 2026: JSON-LD.
    byline_css = ("div.detay-spot div.row > span:not(.tarih)",)
    # 2025 has no JSON-LD: "05.04.2025 - Güncelleme : 05.04.2025" (published, then updated;
    # text/dotted.py reads the first, day first).
    date_css = ("div.detay-spot span.tarih",)
    # 2025: the place is an <h6> over the story ("Ankara"); 2026: an unclassed <span> just
    # before the prose div (see dateline()).
    dateline_css = ("div.detay-icerik > h6",)
    dateline_xpath = "//div[contains(@class, 'prose')]/preceding-sibling::*[1][self::span]"
    # 2025: "Benzer haberler" (similar stories), which also links the story itself.
    related_css = ("div.detay-benzerHaberler-icerik",)

    def body(self) -> list[str]:
        """The story paragraphs, led by the spot (AA's wire copy opens with it)."""
        blocks = super().body()
        lead = None if self.used_fallback else self.first(self.lead_css)
        return [lead, *blocks] if lead and blocks and blocks[0] != lead else blocks

    def dateline(self) -> dict[str, str | None] | None:
        """The 2025 <h6>, else the 2026 span before the story (no class names it)."""
        if found := super().dateline():
            return found
        place = " ".join(self.selector.xpath(f"string({self.dateline_xpath})").get("").split())
        return {"place": place, "date": None, "agency": None} if place else None

    def agency(self) -> str | None:
        """AA's own site runs AA's own copy: the agency is AA when no credit names another."""
        return super().agency() or "Anadolu Agency"


SITE = Site(
    key="anadolu",
    domains=("aa.com.tr",),
    page=AnadoluPage,
    # /<language>/<section>/<slug>/<numeric id>: /tr/ekonomi/turkiyede-…-asti/3529015
    article_url=r"aa\.com\.tr/[a-z]{2}/(?:[\w-]+/)+[\w-]+/\d{5,}/?$",
    timezone="Europe/Istanbul",
    languages=("tr", "en"),  # the /tr/ and /en/ editions
    # Unverified live: AA's RSS per section (?cat=guncel is "current"), as public readers use it.
    feeds=("https://www.aa.com.tr/tr/rss/default?cat=guncel",),
    listings=("https://www.aa.com.tr/tr/gundem",),
)
