"""Dates: every raw shape seen on the stored pages, zones, fallbacks and the dateline year."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from benchmarks.extraction_cases import load_cases
from newscrawler.text.dates import parse_date
from newscrawler.text.published import dateline_day, resolve_published, url_date
from newscrawler.text.zones import site_zone

KOLKATA = ZoneInfo("Asia/Kolkata")
NEW_YORK = ZoneInfo("America/New_York")
ISTANBUL = ZoneInfo("Europe/Istanbul")
NOW = datetime(2019, 11, 20, 12, 0, tzinfo=UTC)

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.mark.parametrize(
    ("raw", "tz", "expected"),
    [
        pytest.param(
            "2019-11-19T21:57:01+0000", UTC, "2019-11-19T21:57:01+00:00", id="iso-offset-no-colon"
        ),
        pytest.param("2023-04-28T17:40:08Z", UTC, "2023-04-28T17:40:08+00:00", id="iso-z"),
        pytest.param(
            "2024-09-02T17:07:00+05:30", UTC, "2024-09-02T17:07:00+05:30", id="iso-offset-kept-toi"
        ),
        pytest.param(
            "2019-11-20 06:09:25",
            NEW_YORK,
            "2019-11-20T06:09:25-05:00",
            id="naive-site-zone-timesunion",
        ),
        pytest.param(
            "2023-04-28T13:53:25", NEW_YORK, "2023-04-28T13:53:25-04:00", id="naive-site-zone-dst"
        ),
        pytest.param(
            "2026-04-20T14:09:42.493",
            ISTANBUL,
            "2026-04-20T14:09:42.493+03:00",
            id="naive-millis-anadolu",
        ),
        pytest.param("2026-05-07", UTC, "2026-05-07T00:00:00+00:00", id="date-only-midnight-afp"),
        pytest.param(
            "2026-05-07", KOLKATA, "2026-05-07T00:00:00+05:30", id="date-only-midnight-site-zone"
        ),
        pytest.param(
            "01:38:07 PM IST Nov 20, 2019",
            UTC,
            "2019-11-20T13:38:07+05:30",
            id="moneycontrol-ist-first",
        ),
        pytest.param(
            "Nov. 20, 2019 5:52 AM EST", UTC, "2019-11-20T05:52:00-05:00", id="hosted-ap-est"
        ),
        pytest.param(
            "November 19, 2019 at 9:45 am",
            NEW_YORK,
            "2019-11-19T09:45:00-05:00",
            id="cbslocal-at-am",
        ),
        pytest.param(
            "25 May,2016 0407hrs IST", UTC, "2016-05-25T04:07:00+05:30", id="economictimes-hrs"
        ),
        pytest.param(
            "November 20 15:23 2019",
            KOLKATA,
            "2019-11-20T15:23:00+05:30",
            id="indiapost-time-between",
        ),
        pytest.param("Sep 2, 2024, 17:07 IST", UTC, "2024-09-02T17:07:00+05:30", id="toi-byline"),
        pytest.param(
            "Wed, 20 Nov 2019 10:30:00 GMT", KOLKATA, "2019-11-20T10:30:00+00:00", id="rfc2822-gmt"
        ),
        pytest.param(
            "2:26 PM GMT+2 March 7, 2024", UTC, "2024-03-07T14:26:00+02:00", id="reuters-gmt-plus"
        ),
        pytest.param(
            "Nov 20, 2019 5:00 pm ET", UTC, "2019-11-20T17:00:00-05:00", id="et-named-zone"
        ),
        pytest.param(
            "Tuesday 7 March 2019", UTC, "2019-03-07T00:00:00+00:00", id="weekday-day-month"
        ),
        pytest.param(
            "1574231937", UTC, "2019-11-20T06:38:57+00:00", id="epoch-seconds-deccanherald"
        ),
        pytest.param("1725369093000", UTC, "2024-09-03T13:11:33+00:00", id="epoch-ms-apnews"),
        pytest.param(
            "26-07-2025 22:02 IST", UTC, "2025-07-26T22:02:00+05:30", id="dateparser-numeric-ist"
        ),
    ],
)
def test_parse_date_shapes(raw: str, tz: ZoneInfo, expected: str) -> None:
    assert parse_date(raw, tz=tz, now=NOW) == expected


def test_time_only_is_the_last_such_moment_before_now() -> None:
    assert parse_date("10:18am ist", now=NOW) == "2019-11-20T10:18:00+05:30"
    assert parse_date("11:30 pm IST", now=NOW) == "2019-11-19T23:30:00+05:30"


def test_time_only_without_now_is_not_guessed() -> None:
    assert parse_date("10:18am ist") is None


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param("2 hours ago", id="relative-forbidden"),
        pytest.param("yesterday", id="relative-word-forbidden"),
        pytest.param("March 7", id="no-year-not-guessed"),
        pytest.param("garbage", id="junk"),
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param(None, id="none"),
        pytest.param("2019-02-30", id="impossible-day"),
        pytest.param("Feb 30, 2019", id="impossible-day-words"),
        pytest.param("99:99 pm Nov 20, 2019", id="impossible-time"),
        pytest.param("x" * 500, id="too-long"),
    ],
)
def test_unparseable_is_none(raw: str | None) -> None:
    assert parse_date(raw, now=NOW) is None


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("ndtv", "Asia/Kolkata", id="site-key"),
        pytest.param("www.ndtv.com", "Asia/Kolkata", id="domain-label"),
        pytest.param("unknown", "UTC", id="default"),
        pytest.param(None, "UTC", id="no-source"),
        pytest.param("rbb24.de", "Europe/Berlin", id="country-of-the-domain"),
        pytest.param("news.bbc.co.uk", "Europe/London", id="country-second-level"),
        pytest.param("www.ndtv.jp", "Asia/Kolkata", id="configured-site-first"),
        pytest.param("in.example.com", "UTC", id="a-country-label-not-last"),
        pytest.param("portal.com.au", "UTC", id="a-country-of-several-zones"),
        pytest.param("startup.co", "UTC", id="a-code-sold-as-a-generic-name"),
        pytest.param("de", "UTC", id="a-bare-label-is-a-site-key"),
    ],
)
def test_site_zone(source: str | None, expected: str) -> None:
    assert str(site_zone(source, {"ndtv": "Asia/Kolkata"}, "UTC")) == expected


def test_site_zone_typo_falls_back_to_utc() -> None:
    assert site_zone("x", {"x": "Asia/Nowhere"}) is UTC


@pytest.mark.parametrize(
    ("text", "crawled", "expected"),
    [
        pytest.param(
            "March 7", datetime(2025, 7, 26, tzinfo=UTC), date(2025, 3, 7), id="same-year"
        ),
        pytest.param(
            "Dec 30", datetime(2026, 1, 2, tzinfo=UTC), date(2025, 12, 30), id="across-new-year"
        ),
        pytest.param("Feb 29", datetime(2025, 7, 26, tzinfo=UTC), date(2024, 2, 29), id="leap-day"),
        pytest.param(
            "Nov 20 2019", datetime(2025, 7, 26, tzinfo=UTC), date(2019, 11, 20), id="written-year"
        ),
        pytest.param(
            "Sept. 3", datetime(2025, 9, 4, tzinfo=UTC), date(2025, 9, 3), id="sept-dotted"
        ),
        pytest.param(None, datetime(2025, 7, 26, tzinfo=UTC), None, id="none"),
        pytest.param("Kochi", datetime(2025, 7, 26, tzinfo=UTC), None, id="no-date"),
    ],
)
def test_dateline_day(text: str | None, crawled: datetime, expected: date | None) -> None:
    assert dateline_day(text, crawled_at=crawled) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        pytest.param(
            "https://apnews.com/2024/09/03/story",
            ("2024-09-03T00:00:00+00:00", "2024/09/03"),
            id="path-date",
        ),
        pytest.param(
            "https://ianslive.in/some-slug--20250726123000",
            ("2025-07-26T12:30:00+05:30", "20250726123000"),
            id="ianslive-stamp",
        ),
        pytest.param(
            "https://www.aninews.in/news/world/us/slug20250726123000/",
            ("2025-07-26T12:30:00+05:30", "20250726123000"),
            id="aninews-stamp",
        ),
        pytest.param(
            "https://example.com/item/20250726123000", None, id="stamp-other-host-ignored"
        ),
        pytest.param("https://example.com/2024/13/45/x", None, id="impossible-path-date"),
        pytest.param(
            "https://www.reuters.com/world/tank-fired-on-reporters-2024-03-07/",
            ("2024-03-07T00:00:00+00:00", "2024/03/07"),
            id="dashed-day-ending-the-slug",
        ),
        pytest.param(
            "https://isolezwe.co.za/izindaba/2025-11-08-kubukeka-kukude/",
            ("2025-11-08T00:00:00+00:00", "2025/11/08"),
            id="dashed-day-opening-the-slug",
        ),
        pytest.param("https://example.com/a/id-20240307/", None, id="bare-digits-are-an-id"),
        pytest.param("https://example.com/a?from=2024-03-07", None, id="query-is-not-the-path"),
        pytest.param(None, None, id="none"),
    ],
)
def test_url_date(url: str | None, expected: tuple[str, str] | None) -> None:
    assert url_date(url) == expected


def test_a_day_in_the_url_is_the_truths_day_wherever_one_appears() -> None:
    # The last date source: on every real page of both sets whose path names a day (slashes,
    # or dashes opening or ending the slug), it is the publication day.
    cases = [c for name in ("extraction-dev", "pages") if (SHARED / name).is_dir()
             for c in load_cases(SHARED / name) if c["published_at"]]  # fmt: skip
    if not cases:
        pytest.skip("../shared is absent")
    dated = [(c, found) for c in cases if (found := url_date(c["url"]))]
    assert all(found[0][:10] == c["published_at"][:10] for c, found in dated)
    assert len(dated) >= 17


SEED_CRAWL = datetime(2025, 7, 26, 12, tzinfo=UTC)


def test_seed_dateline_from_2019_is_rejected() -> None:
    result = resolve_published(None, None, dateline="March 7", crawled_at=SEED_CRAWL, tz=KOLKATA)
    assert (result.at, result.source, result.event, result.dateline_rejected) == (
        None,
        None,
        "missing",
        True,
    )


def test_fresh_crawl_dateline_is_accepted() -> None:
    result = resolve_published(None, None, dateline="July 24", crawled_at=SEED_CRAWL, tz=KOLKATA)
    assert (result.at, result.source, result.raw) == (
        "2025-07-24T00:00:00+05:30",
        "dateline",
        "July 24",
    )


def test_dateline_age_limit_is_a_parameter() -> None:
    result = resolve_published(
        None, None, dateline="July 10", crawled_at=SEED_CRAWL, tz=KOLKATA, max_age_days=30
    )
    assert result.source == "dateline"


def test_raw_beats_dateline_and_url() -> None:
    result = resolve_published(
        "2023-04-28T17:40:08Z",
        "jsonld",
        dateline="July 24",
        url="https://x.com/2020/01/01/a",
        crawled_at=SEED_CRAWL,
    )
    assert (result.at, result.source, result.event) == (
        "2023-04-28T17:40:08+00:00",
        "jsonld",
        "parsed",
    )


def test_url_fallback_when_raw_unparseable_and_dateline_stale() -> None:
    result = resolve_published(
        "junk",
        "meta",
        dateline="March 7",
        url="https://apnews.com/2025/03/07/x",
        crawled_at=SEED_CRAWL,
    )
    assert (result.at, result.source, result.raw, result.dateline_rejected) == (
        "2025-03-07T00:00:00+00:00",
        "url",
        "2025/03/07",
        True,
    )


def test_unparseable_raw_is_kept() -> None:
    result = resolve_published("junk", "meta", crawled_at=SEED_CRAWL)
    assert (result.at, result.source, result.raw, result.event) == (None, None, "junk", "unparsed")


def test_unknown_source_is_dropped() -> None:
    assert resolve_published("2026-05-07", "sitemap").source is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("07.02.2019", "2019-02-07T00:00:00+00:00", id="dotted-day-first"),
        pytest.param("7.2.2019", "2019-02-07T00:00:00+00:00", id="dotted-short"),
        pytest.param("07.02.2019, 10:15 Uhr", "2019-02-07T10:15:00+00:00", id="dotted-uhr"),
        pytest.param("1.1.2020 um 09:05", "2020-01-01T09:05:00+00:00", id="dotted-um"),
        pytest.param("16.12.2012", "2012-12-16T00:00:00+00:00", id="dotted-unambiguous"),
        pytest.param("31.02.2019", None, id="dotted-impossible"),
        pytest.param(
            "05.04.2025 - Güncelleme : 05.04.2025",  # Anadolu 2025's date display
            "2025-04-05T00:00:00+00:00",
            id="dotted-then-its-update",
        ),
        pytest.param(
            "7.2.2019 | Aktualisiert 8.2.2019", "2019-02-07T00:00:00+00:00", id="dotted-bar-update"
        ),
        pytest.param("07.02.2019 und mehr", None, id="dotted-then-words"),
    ],
)
def test_dotted_dates_are_day_first(raw: str, expected: str | None) -> None:
    # German, Turkish, Russian, Nordic pages: D.M.YYYY. dateparser's default month-first order
    # read "07.02.2019" (Beltz, a held-out page) as 2 July.
    assert parse_date(raw, tz=UTC, languages=("de", "en")) == expected
