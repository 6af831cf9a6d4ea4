"""NDTV (ndtv.com): the 2020 template, no JSON-LD."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site


class NDTVPage(ArticlePage):
    headline_css = ("div.sp-hd h1", "h1[itemprop=headline]")
    # The Highlights box (div.highlghts_Wdgt) and the COVID widget (div._world-wrapper) sit
    # inside #ins_storybody; the cleaner drops them by class before these selectors run.
    paragraphs_css = ("div#ins_storybody p",)
    # "Edited by Swati Bhasin (with inputs from Agencies)": raw, a pipeline trims it.
    byline_css = ("span[itemprop=author]", "nav.pst-by")
    date_css = (
        "meta[itemprop=datePublished]::attr(value)",
        "span[itemprop=dateModified]::attr(content)",
        "nav.pst-by",
    )
    # The lead image box holds a <p> caption ("Coronavirus: US President … on Sunday.").
    drop_xpath = ("//div[@id='ins_storybody']//div[contains(@class, 'ins_instory_dv')]",)
    # "Washington/ New Delhi: " is a <b> sibling before the first <p>, not inside it.
    dateline_css = ("b.place_cont",)

    def published(self) -> tuple[str | None, str | None]:
        """The site's own date selectors first, then the generic order.

        NDTV 2020 (no JSON-LD) marks its publication time on <meta itemprop="datePublished"
        name="modified-date" value=…>; the generic meta "publish-date" holds an earlier draft.
        """
        if value := self.first(self.date_css):
            return value, "time-tag"
        return super().published()

    def body(self) -> list[str]:
        """The story with its dateline put back in front of the first paragraph, as printed.

        The dateline pipeline then parses it like TOI's "NEW DELHI: " (colon style).
        """
        blocks = super().body()
        place = self.first(self.dateline_css)
        if place and blocks and not self.used_fallback and not blocks[0].startswith(place):
            blocks[0] = f"{place} {blocks[0]}"
        return blocks


SITE = Site(
    key="ndtv",
    domains=("ndtv.com",),
    page=NDTVPage,
    article_url=r"ndtv\.com/[\w-]+/[\w-]+-\d{6,}/?$",
    timezone="Asia/Kolkata",
    colon_datelines=True,  # "Washington/ New Delhi: " before the story (see body())
    feeds=("https://feeds.feedburner.com/ndtvnews-top-stories",),
    listings=("https://www.ndtv.com/latest",),
)
