"""The Site record is where site facts live: the pipelines and the site spiders read them there."""

from __future__ import annotations

import pytest
from scrapy.spiderloader import SpiderLoader
from scrapy.utils.misc import build_from_crawler
from scrapy.utils.test import get_crawler

import newscrawler.settings as project
from newscrawler.extract.page import ArticlePage
from newscrawler.pipelines.dateline import DatelinePipeline
from newscrawler.pipelines.dates import DatesPipeline
from newscrawler.sites import SITES, Site
from newscrawler.text.agencies import AGENCIES
from newscrawler.text.syndication import is_agency_site

LEAD = "Bhopal: The state government on Monday announced a new water policy for the capital."


@pytest.fixture
def newsite(monkeypatch: pytest.MonkeyPatch) -> Site:
    """A site registered the documented way: a Site record in the registry, nothing else."""
    site = Site(
        key="newsite",
        domains=("newsite.example",),
        page=ArticlePage,
        article_url=r"newsite\.example/story/",
        timezone="Asia/Tokyo",
        colon_datelines=True,
    )
    monkeypatch.setitem(SITES, "newsite", site)
    return site


def test_a_new_sites_timezone_is_used(newsite: Site) -> None:
    crawler = get_crawler()
    item = {"source": "newsite", "url": "https://newsite.example/story/1",
            "published_at_raw": "2025-07-26 09:00:00"}  # fmt: skip
    out = build_from_crawler(DatesPipeline, crawler).process_item(item)
    assert out["published_at"] == "2025-07-26T09:00:00+09:00"


def test_a_new_sites_colon_datelines_are_cut(newsite: Site) -> None:
    item = {"source": "newsite", "body": [LEAD]}
    out = build_from_crawler(DatelinePipeline, get_crawler()).process_item(item)
    assert out["dateline"]["place"] == "Bhopal"
    plain = {"source": "othersite", "body": [LEAD]}
    assert build_from_crawler(DatelinePipeline, get_crawler()).process_item(plain)["body"] == [LEAD]


def test_timezone_setting_overrides_the_site() -> None:
    crawler = get_crawler(settings_dict={"NEWSCRAWLER_SITE_TIMEZONES": {"apnews": "UTC"}})
    item = {"source": "apnews", "url": "x", "published_at_raw": "2025-07-26 09:00:00"}
    out = build_from_crawler(DatesPipeline, crawler).process_item(item)
    assert out["published_at"] == "2025-07-26T09:00:00+00:00"


def test_one_spider_per_registered_site() -> None:
    crawler = get_crawler(settings_dict={"SPIDER_MODULES": project.SPIDER_MODULES})
    names = set(SpiderLoader.from_settings(crawler.settings).list())
    assert set(SITES) <= names
    assert names - set(SITES) == {"article", "warc", "redis_article"}


def test_an_agency_site_is_known_to_its_site_record() -> None:
    own = {agency.site: agency.name for agency in AGENCIES if agency.site in SITES}
    assert {key: site.agency for key, site in SITES.items() if site.agency} == own
    assert all(is_agency_site(key, name) for key, name in own.items())
