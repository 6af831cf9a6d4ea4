"""Pipeline 700: `published_at` and `modified_at` as ISO 8601 with offset, fallbacks included."""

from __future__ import annotations

from datetime import UTC, datetime, tzinfo
from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from newscrawler.extract.language import primary
from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.sites import SITES, site_zones
from newscrawler.text.dates import parse_date
from newscrawler.text.published import resolve_published
from newscrawler.text.zones import site_zone
from newscrawler.utils.config import check_zone, get_dict, get_int, get_list, get_str

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector

DEFAULT_TIMEZONE = "UTC"
DATE_LANGUAGES = ("en",)
# A dateline has no year: guess it only for a story at most this many days old at crawl time.
DATELINE_MAX_AGE_DAYS = 7


class DatesPipeline(CleaningPipeline):
    """Parse `published_at_raw` (else the dateline, else the URL) and `modified_at`; never raise.

    Zones and languages per `source` come from the site's record (Site.timezone, .languages);
    NEWSCRAWLER_SITE_TIMEZONES adds or overrides zones (portals with no Site record). Settings
    too: NEWSCRAWLER_DEFAULT_TIMEZONE, NEWSCRAWLER_DATE_LANGUAGES,
    NEWSCRAWLER_DATELINE_MAX_AGE_DAYS.
    """

    component = "dates"

    def __init__(
        self,
        stats: StatsCollector | None = None,
        zones: dict[str, str] | None = None,
        default_timezone: str = DEFAULT_TIMEZONE,
        languages: list[str] | tuple[str, ...] = DATE_LANGUAGES,
        max_age_days: int = DATELINE_MAX_AGE_DAYS,
    ) -> None:
        super().__init__(stats)
        self.zones = site_zones() if zones is None else dict(zones)
        self.default_timezone = default_timezone
        self.languages = tuple(languages)
        self.max_age_days = max_age_days
        self._zone_of: dict[str | None, tzinfo] = {}  # per source: the lookup tries domain labels

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        settings = crawler.settings
        zones = {**site_zones(), **get_dict(settings, "NEWSCRAWLER_SITE_TIMEZONES", {})}
        for source, zone in zones.items():  # a typo would silently read every date as UTC
            check_zone(f"NEWSCRAWLER_SITE_TIMEZONES[{source!r}]", str(zone))
        default = get_str(settings, "NEWSCRAWLER_DEFAULT_TIMEZONE", DEFAULT_TIMEZONE)
        return cls(
            stats=crawler.stats,
            zones=zones,
            default_timezone=check_zone("NEWSCRAWLER_DEFAULT_TIMEZONE", default),
            languages=get_list(settings, "NEWSCRAWLER_DATE_LANGUAGES", DATE_LANGUAGES),
            max_age_days=get_int(
                settings, "NEWSCRAWLER_DATELINE_MAX_AGE_DAYS", DATELINE_MAX_AGE_DAYS
            ),
        )

    def process_item(self, item: Any) -> Any:
        adapter = adapt(item)
        source = adapter.get("source")
        source = source if isinstance(source, str) else None
        tz, languages = self._zone(source), self._languages(source, adapter.get("language"))
        crawled_at = _moment(adapter.get("crawled_at"))
        # A spider may have put the page's string straight into `published_at`.
        raw = adapter.get("published_at_raw") or adapter.get("published_at")
        dateline = adapter.get("dateline") or {}
        result = resolve_published(
            str(raw) if raw is not None else None,
            adapter.get("published_at_source"),
            dateline=dateline.get("date"),
            url=adapter.get("url"),
            crawled_at=crawled_at,
            tz=tz,
            languages=languages,
            max_age_days=self.max_age_days,
        )
        adapter["published_at"] = result.at
        adapter["published_at_source"] = result.source
        adapter["published_at_raw"] = result.raw
        self._count(result.event, result.source, result.dateline_rejected)
        self._modified(adapter, tz, crawled_at, languages)
        return item

    def _zone(self, source: str | None) -> tzinfo:
        if source not in self._zone_of:
            self._zone_of[source] = site_zone(source, self.zones, self.default_timezone)
        return self._zone_of[source]

    def _languages(self, source: str | None, page_language: Any) -> tuple[str, ...]:
        """The site's languages, the page's own, then NEWSCRAWLER_DATE_LANGUAGES (each once).

        A site with no record still names its month words in its page's language
        ("jueves, 09 enero 2014" on a Spanish portal).
        """
        site = SITES.get(source) if source else None
        own = primary(page_language)
        found = (*(site.languages if site else ()), *((own,) if own else ()), *self.languages)
        return tuple(dict.fromkeys(found))

    def _count(self, event: str, source: str | None, dateline_rejected: bool) -> None:
        self.inc(f"parsed/{source or 'unknown'}" if event == "parsed" else event)
        if dateline_rejected:
            self.inc("dateline_year_rejected")

    def _modified(
        self,
        adapter: ItemAdapter,
        tz: tzinfo,
        crawled_at: datetime | None,
        languages: tuple[str, ...],
    ) -> None:
        raw = adapter.get("modified_at")
        if raw is None:
            return
        parsed = parse_date(str(raw), tz=tz, now=crawled_at, languages=languages)
        adapter["modified_at"] = parsed  # the schema wants ISO or null: an unreadable one goes
        if parsed is None:
            self.inc("modified_unparsed")


def _moment(value: Any) -> datetime | None:
    """The crawl time as an aware datetime (naive strings are UTC), or None."""
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)  # what spiders write; parse_date otherwise
        except ValueError:
            parsed = parse_date(value)
            value = datetime.fromisoformat(parsed) if parsed else None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    return None
