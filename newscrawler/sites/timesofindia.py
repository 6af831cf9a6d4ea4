"""The Times of India (timesofindia.indiatimes.com): 2019, 2024 and 2026 templates."""

from __future__ import annotations

import re

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site

TRUNCATED_RATIO = 1.5
# A sentence end directly followed by a capital: where articleBody glued two paragraphs.
GLUED_PARAGRAPHS = re.compile(r"(?<=[a-z0-9][.!?”\"])(?=[A-Z])")


class TimesOfIndiaPage(ArticlePage):
    headline_css = ("h1",)
    # TOI writes the story as text + <br> in one div, no <p>: block_texts splits on <br>.
    paragraphs_css = (
        "div._s30J",  # 2024
        "div.js_tbl_article",  # 2026
        'div[class^="fewcent-"]',  # 2019: text + <br> in a div keyed by the article id
    )
    drop_xpath = (
        # div.cdatainfo holds inserts: 2024 crossheads (<h2>), 2026 promos linking elsewhere
        # ("Get real-time updates…", "You Can Also Check: Gold Rate…"); but also story lists
        # (2026 "<ul><li>Foeticide cases…"), which stay.
        "//div[contains(concat(' ', normalize-space(@class), ' '), ' cdatainfo ')][.//a or .//h2]",
        # 2019: the image caption ("File photo of … (Reuters)") opens the story div, the social
        # bar ("Facebook Twitter …") closes it, and links alone on their line ("Read this story
        # in Bengali", "Watch …") point elsewhere; links inside sentences stay.
        "//*[contains(@class, 'img_cptn')]",
        "//*[@data-bottomsocialshare]",
        "//a[preceding-sibling::node()[1][self::br]]"
        "[not(following-sibling::node()) or following-sibling::node()[1][self::br]]",
        # 2026 crossheads: span.strong ending at a break (or at the next crosshead span); a bold
        # word inside a sentence is followed by text and stays. The body is paragraphs only.
        "//span[@class='strong'][following-sibling::node()[1][self::span]]",
    )
    # "Aashish Saxena / TIMESOFINDIA.COM / Sep 2, 2024, 17:07 IST": names, desk and date in one.
    byline_css = (".byline",)
    date_css = (".byline span",)

    def body(self) -> list[str]:
        """The visible story, or JSON-LD articleBody when that is clearly longer.

        TOI 2026 renders only the first part of the story server-side; the rest lives in script
        state and in articleBody, one string with paragraphs glued ("years.A series of").
        """
        visible = super().body()
        whole = self.jsonld.get("article_body") or ""
        if len(whole) > TRUNCATED_RATIO * sum(len(block) for block in visible):
            return [part.strip() for part in GLUED_PARAGRAPHS.split(whole) if part.strip()]
        return visible


SITE = Site(
    key="timesofindia",
    domains=("timesofindia.indiatimes.com",),
    page=TimesOfIndiaPage,
    article_url=r"/articleshow/\d+\.cms",
    timezone="Asia/Kolkata",
    colon_datelines=True,  # "Bhopal: ", "NEW DELHI: " open its own copy
    feeds=("https://timesofindia.indiatimes.com/rssfeedstopstories.cms",),
    listings=("https://timesofindia.indiatimes.com/india",),
)
