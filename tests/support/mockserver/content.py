"""Deterministic article generator: one (seed, id, fetch time) always gives the same article."""

from __future__ import annotations

import dataclasses
import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

from tests.support.mockserver import words

IST = timezone(timedelta(hours=5, minutes=30))
STYLES: tuple[str, ...] = ("ians", "ians_bare", "ians", "pti", "ians", "ani", "ap",
                           "ians_bare", "reuters", "uni", "ians", "afp")  # fmt: skip
LONG_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")  # fmt: skip
SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
REUTERS_MONTHS = ("Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct",
                  "Nov", "Dec")  # fmt: skip
AGENCY = {"ians": "IANS", "ians_bare": None, "pti": "PTI", "uni": "UNI", "ani": "ANI",
          "ap": "AP", "reuters": "Reuters", "afp": "AFP"}  # fmt: skip
SYNDICATION_NOTE = (
    "(This story has not been edited by India Life staff and is auto-generated "
    "from a syndicated feed.)"
)


@dataclass(frozen=True)
class Dateline:
    """The dateline as a clean record should hold it (date kept raw, no year)."""

    place: str
    date: str | None
    agency: str | None
    country: str | None = None  # ANI "[US]", AFP "(Ukraine)"


@dataclass(frozen=True)
class Article:
    """One generated article with its page-shape flags and its expected clean fields."""

    id: int
    section: str
    headline: str
    paragraphs: tuple[str, ...]  # clean body: no dateline prefix, no trailer
    style: str
    dateline: Dateline
    published: datetime  # UTC
    modified: datetime  # UTC
    author: str
    has_meta: bool
    has_jsonld: bool
    jsonld_in_body: bool
    duplicate: str | None  # None, "print" or "second"
    sidebar: str  # "time" (structured aside) or "text" (plain lines in the body container)
    syndication_note: bool
    old_url: bool  # listings link it as /article.php?id=<id>
    trailer: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)

    @property
    def path(self) -> str:
        return f"/article/{self.id}"

    def rendered_paragraphs(self) -> list[str]:
        """Body paragraphs as the page shows them: dateline prefix and trailer glued on."""
        paras = list(self.paragraphs)
        prefix = dateline_prefix(self.style, self.dateline)
        if prefix:
            paras[0] = prefix + paras[0]
        if self.style == "ani":
            paras[-1] += " (ANI)"
        elif self.style == "pti":
            paras[-1] += " PTI"
        if self.trailer:
            paras.append(self.trailer)
        return paras


def dateline_prefix(style: str, d: Dateline) -> str:
    """The text a wire puts before the first paragraph (empty for the bare-line style)."""
    forms = {
        "ians": f"{d.place}, {d.date} (IANS) ",
        "pti": f"{d.place}, {d.date} (PTI) ",
        "uni": f"{d.place}, {d.date} (UNI) ",
        "ani": f"{d.place} [{d.country}], {d.date} (ANI): ",
        "ap": f"{d.place} (AP) — ",
        "reuters": f"{d.place}, {d.date} (Reuters) - ",
        "afp": f"{d.place} ({d.country}) (AFP) – " if d.country else f"{d.place} (AFP) – ",
    }
    return forms.get(style, "")


def _sentence(rng: random.Random, template: str, topic: str, org: str) -> str:
    return template.format(
        n=rng.randint(120, 9800), n3=f"{rng.randint(0, 999):03d}", k=rng.randint(2, 40),
        year=rng.randint(2009, 2018), weekday=rng.choice(words.WEEKDAYS), topic=topic, org=org,
        person=f"{rng.choice(words.PEOPLE)}, {rng.choice(words.ROLES)},",
    )  # fmt: skip


def _dateline(rng: random.Random, style: str, local: datetime) -> Dateline:
    month, day = local.month - 1, local.day
    if style == "ap":
        return Dateline(rng.choice(words.AP_PLACES), None, "AP")
    if style == "afp":
        place, country = rng.choice(words.AFP_PLACES)
        return Dateline(place, None, "AFP", country)
    if style == "reuters":
        place = rng.choice(words.REUTERS_PLACES)
        return Dateline(place, f"{REUTERS_MONTHS[month]} {day}", "Reuters")
    months = SHORT_MONTHS if style in ("pti", "uni") and rng.random() < 0.6 else LONG_MONTHS
    if style == "ani":
        place, country = rng.choice(words.ANI_PLACES)
        return Dateline(place, f"{LONG_MONTHS[month]} {day}", "ANI", country)
    return Dateline(rng.choice(words.INDIAN_PLACES), f"{months[month]} {day}", AGENCY[style])


def _published(
    rng: random.Random, art_id: int, count: int, fetched: datetime, old: bool
) -> datetime:
    if old:
        return fetched - timedelta(days=rng.randint(400, 2400), minutes=rng.randint(0, 1440))
    return fetched - timedelta(hours=2 + (count - art_id) * 3, minutes=rng.randint(0, 59))


def make_article(seed: int, art_id: int, count: int, fetched: datetime) -> Article:
    """Build article `art_id` (1..count) of a site generated from `seed`, fetched at `fetched`."""
    rng = random.Random(f"mocksite:{seed}:{art_id}")
    seedlike = art_id % 20 == 5  # the seed page: old IANS story, no metadata, body twice
    style = "ians_bare" if seedlike else STYLES[art_id % len(STYLES)]
    section = "Business" if seedlike or art_id % 6 == 1 else rng.choice(words.SECTIONS)
    # (org, topic, tail) is unique per id up to 480 articles, so headlines never repeat
    org = words.ORGS[art_id % len(words.ORGS)]
    topic = words.TOPICS[(art_id // len(words.ORGS)) % len(words.TOPICS)]
    tail = words.HEADLINE_TAILS[(art_id // 80 + art_id % 5) % len(words.HEADLINE_TAILS)]
    headline = f"{org[0].upper()}{org[1:]} {rng.choice(words.VERBS)} {topic} {tail}"
    target, paragraphs = rng.randint(5, 12), list[str]()
    while len(paragraphs) < target:  # 2-3 distinct sentences each; a repeated paragraph is redrawn
        templates = rng.sample(words.FILLERS, rng.randint(2, 3))
        para = " ".join(_sentence(rng, tpl, topic, org) for tpl in templates)
        if para not in paragraphs:
            paragraphs.append(para)
    published = _published(rng, art_id, count, fetched, seedlike or art_id % 10 == 7)
    modified = min(published + timedelta(minutes=rng.randint(0, 90)), fetched)
    agency = AGENCY[style] or "IANS"
    trailer = {
        "ap": f"Copyright {published.year} The Associated Press. All Rights Reserved.",
        "reuters": f"(Reporting by {rng.choice(words.PEOPLE)}; "
        f"Editing by {rng.choice(words.PEOPLE)})",
    }.get(style)
    return Article(
        id=art_id, section=section, headline=headline, paragraphs=tuple(paragraphs), style=style,
        dateline=_dateline(rng, style, published.astimezone(IST)), published=published,
        modified=modified, author=agency, has_meta=not seedlike and art_id % 7 != 0,
        has_jsonld=not seedlike and art_id % 5 != 0, jsonld_in_body=art_id % 3 == 0,
        duplicate="second" if seedlike else {1: "print", 2: "second"}.get(art_id % 4),
        sidebar="text" if seedlike else ("time" if art_id % 2 else "text"),
        syndication_note=art_id % 3 == 1, old_url=art_id % 6 == 0, trailer=trailer,
        tags=(section.lower(), topic.split()[-1]),
    )  # fmt: skip


def expected_record(article: Article, fetched: datetime) -> dict[str, Any]:
    """What a clean record for this page should hold (published_at only when the markup has it)."""
    in_markup = article.has_meta or article.has_jsonld
    fresh = fetched - article.published < timedelta(days=3)
    return {
        "headline": article.headline,
        "section": article.section,
        "body": list(article.paragraphs),
        "dateline": dataclasses.asdict(article.dateline),
        "published_at": article.published.isoformat() if in_markup else None,
        "published_at_inferable": in_markup or fresh,
        "trailer": article.trailer,  # AP copyright / Reuters credit line, kept out of `body` here
        "fetched_at": fetched.astimezone(UTC).isoformat(),
    }  # fmt: skip
