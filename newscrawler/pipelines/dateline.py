"""Pipeline 600: cut the dateline and a glued trailer tag from the body; fill dateline, agency."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from itemadapter import ItemAdapter

from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.sites import colon_dateline_sites
from newscrawler.text.agency import canonical_agency, resolve_agency, strip_trailer_tag
from newscrawler.text.dateline import Dateline, split_dateline
from newscrawler.utils.config import get_list

if TYPE_CHECKING:
    from scrapy.crawler import Crawler
    from scrapy.statscollectors import StatsCollector


class DatelinePipeline(CleaningPipeline):
    """Fill `dateline` {place, date, agency} and `agency`; count cuts in `cleaning`.

    Title-case "Place: " datelines count for the sites marked `colon_datelines` (Site);
    NEWSCRAWLER_COLON_DATELINE_SOURCES (list of `source` values), when set, replaces that list.
    """

    component = "dateline"

    def __init__(
        self,
        stats: StatsCollector | None = None,
        colon_sources: list[str] | tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(stats)
        given = colon_dateline_sites() if colon_sources is None else colon_sources
        self.colon_sources = frozenset(given)

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        sources = get_list(
            crawler.settings, "NEWSCRAWLER_COLON_DATELINE_SOURCES", colon_dateline_sites()
        )
        return cls(stats=crawler.stats, colon_sources=sources)

    def process_item(self, item: Any) -> Any:
        adapter = adapt(item)
        cleaning = adapter.get("cleaning") or {}
        trailer = None
        # Counts in `cleaning` mark an item already cut: a second pass must not cut again.
        if not cleaning.get("dateline") and not cleaning.get("trailer_tags"):
            trailer = self._cut(adapter)
        self._fill_agency(adapter, trailer)
        return item

    def _cut(self, adapter: ItemAdapter) -> str | None:
        """Cut dateline and trailer tag; return the trailer's agency."""
        known = _as_dateline(adapter.get("dateline"))
        source = adapter.get("source")
        allow_colon = isinstance(source, str) and source in self.colon_sources
        result = split_dateline(
            list(adapter.get("body") or []), known=known, allow_colon=allow_colon
        )
        body, trailer = strip_trailer_tag(result.body)
        adapter["dateline"] = result.dateline
        adapter["body"] = body
        self.inc("given" if known else "parsed" if result.dateline else "missing")
        if result.removed:
            self.cleaned(adapter, "dateline", result.removed)
        if trailer:
            self.cleaned(adapter, "trailer_tags", 1)
        return trailer

    def _fill_agency(self, adapter: ItemAdapter, trailer: str | None) -> None:
        dateline = adapter.get("dateline") or {}
        agency, origin = resolve_agency(
            dateline_agency=dateline.get("agency"),
            given=adapter.get("agency"),
            trailer=trailer,
            body=list(adapter.get("body") or []),
            authors=list(adapter.get("authors") or []),
        )
        adapter["agency"] = agency
        if self.stats is not None:
            self.inc_key(f"newscrawler/agency/{origin or 'missing'}")


def _as_dateline(value: Any) -> Dateline | None:
    """A spider-given dateline as the record's three keys, agency canonical.

    A plain string is taken as the place: "NEW DELHI" from India Post's `p.caps strong`.
    """
    if isinstance(value, str):
        value = {"place": value.strip(" :")}
    if not isinstance(value, dict):
        return None
    place, date = value.get("place"), value.get("date")
    return {
        "place": str(place).strip() or None if place else None,
        "date": str(date).strip() or None if date else None,
        "agency": canonical_agency(value.get("agency")),
    }
