"""Xinhua (xinhuanet.com, news.cn): the 2020 xinhuanet.com story template, no JSON-LD."""

from __future__ import annotations

from newscrawler.extract.page import ArticlePage
from newscrawler.sites.site import Site

# Xinhua News Agency and the titles it publishes: a "来源" (source) credit naming one of them is
# Xinhua copy; xinhuanet.com also reposts other papers (人民日报 …), whose copy is not.
XINHUA_TITLES = (
    "新华社", "新华网", "新华每日电讯", "半月谈", "瞭望", "参考消息", "经济参考报", "中国证券报",
    "上海证券报",
)  # fmt: skip


class XinhuaPage(ArticlePage):
    # No <h1>, no og:title: the headline is div.h-title (<title> appends "-新华网").
    headline_css = ("div.h-title",)
    # Photo captions are <p><font>…新华社记者 才扬 摄</font></p> inside the story: kept, they are
    # part of the published text.
    paragraphs_css = ("div#p-detail p",)
    # No reporter byline in the markup; the one person credited is the responsible editor,
    # "【纠错】 责任编辑： 焦鹏" after the error-report link (split_byline cuts the label).
    byline_css = ("span.p-jc",)
    date_css = ("div.h-info span.h-time",)  # "2020-02-19 20:29:58", Beijing time
    # "来源： 半月谈": the source credit beside the date.
    source_css = ("div.h-info span:not(.h-time)",)

    def agency(self) -> str | None:
        """Xinhua when the source credit names one of its titles; else the generic reading."""
        credit = self.first(self.source_css) or ""
        if any(title in credit for title in XINHUA_TITLES):
            return "Xinhua"
        return super().agency()


SITE = Site(
    key="xinhua",
    domains=("xinhuanet.com", "news.cn"),
    page=XinhuaPage,
    # 2020: /local/2020-02/19/c_1125597921.htm; news.cn since 2021: /20240101/<32 hex>/c.html.
    article_url=(
        r"(?:xinhuanet\.com|news\.cn)/(?:[\w-]+/)*"
        r"(?:\d{4}-\d{2}/\d{2}/c_\d+\.html?|\d{8}/[0-9a-f]{32}/c\.html)"
    ),
    timezone="Asia/Shanghai",
    languages=("zh", "en"),
    # No feed or sitemap known reliably: the home page lists the day's stories.
    listings=("https://www.news.cn/",),
)
