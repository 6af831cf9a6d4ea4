"""Invented wire stories and the portal copies of them, for story clustering tests.

Everything here is made up from templates: places, people and numbers are random. Stories on one
topic share most of their phrasing (as ten monsoon stories do), so they are hard negatives.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

PLACES = (
    "Varunapur",
    "Kestal",
    "Mordhan",
    "Tilwara",
    "Sunbagh",
    "Ravikot",
    "Pelanur",
    "Dastipur",
    "Chandrel",
    "Omkara",
    "Bhadwal",
    "Nirmali",
    "Kavalam",
    "Jhirpur",
    "Ellora Nagar",
    "Hastam",
)
PEOPLE = (
    "Anil Verkade",
    "Meera Sonavi",
    "R.K. Dhulap",
    "Farah Quereshi",
    "Joseph Ambat",
    "Lakshmi Iyengar",
    "Sunil Marwade",
    "Priya Khandal",
    "Harish Bedi",
    "Nandita Rao",
)
RIVERS = ("Sarvani", "Kheera", "Tungal", "Ujhani", "Marel", "Bhima Nala")
OFFICES = (
    "district collector",
    "state disaster response chief",
    "relief commissioner",
    "water resources minister",
    "chief engineer of the irrigation department",
    "police chief",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# Monsoon and flood phrasing: every story draws its sentences from the same templates.
FLOOD = (
    "Heavy rain lashed {place} for the {nth} straight day on {day}, submerging low-lying areas "
    "and cutting off {n} villages from the district headquarters.",
    "The {river} was flowing {m} metres above the danger mark at {place} on {day} evening, "
    "the {office} said.",
    "{n} people have been moved to {k} relief camps set up in schools and community halls, "
    "{person}, the {office}, told reporters.",
    "The weather office has issued a red alert for {place} and {place2} for the next {k} days "
    "and warned of extremely heavy rainfall.",
    "Teams of the disaster response force rescued {n} people stranded on rooftops in {place2} "
    "using boats, officials said.",
    "Schools and colleges in {place} will remain closed until {day} as a precaution, an order "
    "issued by the {office} said.",
    "Train services between {place} and {place2} were suspended after water entered the tracks "
    "near the {river} bridge.",
    "At least {k} people have died in rain-related incidents in the district since {day}, "
    "including {k2} who were swept away while crossing a swollen stream.",
    '"We have not seen water like this in {m} years," said {person}, a farmer from {place2} '
    "whose paddy fields were under water.",
    "The {office} said crops on about {n} hectares had been damaged and an assessment would "
    "begin once the water receded.",
    "Power supply to {n} households in {place} was cut as a precaution after transformers went "
    "under water, {person} said.",
    "The chief minister held a review meeting on {day} and announced compensation of {k} lakh "
    "rupees for the families of those killed.",
    "Drinking water and food packets were being distributed by boat in {place2}, where the "
    "{river} breached an embankment on {day} night.",
    "The opposition accused the government of failing to desilt drains before the monsoon, a "
    "charge {person} denied.",
    "Reservoir levels in the {river} basin rose to {m} per cent of capacity, prompting "
    "authorities to open {k} sluice gates.",
    "Residents of {place} said the water rose within an hour and they had no time to move "
    "cattle or belongings to safety.",
)
HEADLINES = (
    "Floods in {place}: {n} moved to relief camps as {river} rises",
    "{river} above danger mark, red alert in {place} and {place2}",
    "Rain fury: {k} dead, {n} villages cut off in {place}",
)
AGENCY_SITES = {"IANS": "ianslive", "PTI": "ptinews", "AP": "apnews", "Reuters": "reuters"}
BOILERPLATE = (
    "Also Read: {headline}",
    "Follow us on WhatsApp and Telegram for the latest updates.",
    "(This story has not been edited by {portal} staff and is auto-generated from a syndicated "
    "feed.)",
    "Disclaimer: This is an unedited and auto-generated story from a syndicated news feed; "
    "{portal} may not have modified or edited the content body.",
    "Click here to download the {portal} app for breaking news and live updates.",
)
INTROS = (
    "Here is what we know so far about the situation in {place}.",
    "Authorities in {place} have stepped up relief work as the situation remained grim on {day}, "
    "according to the latest reports reaching {portal}.",
    "In a developing story from {place}, officials are racing against time to reach marooned "
    "families.",
)
PORTALS = ("metrodaily", "newsbeat", "citypost", "thewirenow", "globalherald")
BASE_TIME = datetime(2026, 7, 14, 6, 0, tzinfo=UTC)


@dataclass
class Story:
    """A wire story: what every portal copy starts from."""

    key: str
    agency: str
    place: str
    published: datetime
    headline: str
    paragraphs: list[str]
    slots: dict[str, Any] = field(default_factory=dict)

    def dateline(self) -> str:
        return f"{self.place.upper()}, {self.published:%B} {self.published.day} ({self.agency})"


def invented_names(rng: random.Random, count: int, words: int = 1) -> tuple[str, ...]:
    """`count` distinct made-up names ("Tavrel", "Mirona Dasvek") for corpora larger than ours."""
    syllables = ("ta", "vre", "mi", "ro", "na", "das", "vek", "lo", "pur", "ka", "shi", "dor")
    names: set[str] = set()
    while len(names) < count:
        parts = ("".join(rng.choices(syllables, k=rng.randint(2, 3))) for _ in range(words))
        names.add(" ".join(part.capitalize() for part in parts))
    return tuple(sorted(names))


def _slots(
    rng: random.Random, places: tuple[str, ...] = PLACES, people: tuple[str, ...] = PEOPLE
) -> dict[str, Any]:
    place, place2 = rng.sample(places, 2)
    return {
        "place": place,
        "place2": place2,
        "river": rng.choice(RIVERS),
        "day": rng.choice(DAYS),
        "person": rng.choice(people),
        "office": rng.choice(OFFICES),
        "nth": rng.choice(("second", "third", "fourth", "fifth")),
    }


def _sentence(rng: random.Random, slots: dict[str, Any]) -> str:
    numbers = {
        "n": rng.randint(120, 9800),
        "m": rng.randint(2, 60),
        "k": rng.randint(2, 14),
        "k2": rng.randint(1, 5),
    }
    return rng.choice(FLOOD).format(**slots, **numbers)


def make_story(
    rng: random.Random,
    key: str,
    *,
    paragraphs: tuple[int, int] = (4, 11),
    places: tuple[str, ...] = PLACES,
    people: tuple[str, ...] = PEOPLE,
) -> Story:
    """A flood story: its own places, people and numbers in the shared templates."""
    slots = _slots(rng, places, people)
    body = [
        " ".join(_sentence(rng, slots) for _ in range(rng.randint(1, 3)))
        for _ in range(rng.randint(*paragraphs))
    ]
    headline = rng.choice(HEADLINES).format(**slots, n=rng.randint(100, 900), k=rng.randint(2, 9))
    published = BASE_TIME + timedelta(minutes=rng.randint(0, 60 * 24 * 20))
    agency = rng.choice(tuple(AGENCY_SITES))
    return Story(key, agency, slots["place"], published, headline, body, slots)


def agency_copy(story: Story) -> dict[str, Any]:
    """The wire's own site: dateline on the first paragraph, nothing added."""
    first = f"{story.dateline()} — {story.paragraphs[0]}"
    source = AGENCY_SITES[story.agency]
    return _item(story, source, story.headline, [first, *story.paragraphs[1:]], minutes=0, tag=0)


def portal_copy(story: Story, rng: random.Random, portal: str, *, edits: str) -> dict[str, Any]:
    """A portal's copy; `edits` letters: d dateline kept, b boilerplate, t trimmed, i intro, q
    curly quotes, m two paragraphs merged, h headline rewritten."""
    body = list(story.paragraphs)
    if "t" in edits and len(body) > 2:
        body = body[:-1]
    if "m" in edits and len(body) > 3:
        body[1:3] = [f"{body[1]} {body[2]}"]
    if "d" in edits:
        body[0] = f"{story.dateline()}: {body[0]}"
    if "i" in edits:
        body.insert(0, rng.choice(INTROS).format(**story.slots, portal=portal))
    if "q" in edits:
        body = [p.replace('"', "\u201c", 1).replace('"', "\u201d", 1) for p in body]
    if "b" in edits:
        lines = rng.sample(BOILERPLATE, rng.randint(1, 3))
        other = rng.choice(HEADLINES).format(**_slots(rng), n=rng.randint(100, 900), k=3)
        body += [line.format(portal=portal, headline=other) for line in lines]
    headline = _rewrite(story.headline, portal, rng) if "h" in edits else story.headline
    minutes = rng.randint(5, 600)
    return _item(story, portal, headline, body, minutes=minutes, tag=rng.getrandbits(32))


def _rewrite(headline: str, portal: str, rng: random.Random) -> str:
    forms = (f"{headline} | {portal}", f"LIVE: {headline}", headline.split(":")[-1].strip())
    return rng.choice(forms)


def _item(
    story: Story, source: str, headline: str, body: list[str], *, minutes: int, tag: int
) -> dict[str, Any]:
    published = story.published + timedelta(minutes=minutes)
    return {
        "url": f"https://{source}.example/{story.key}/{tag:08x}",
        "source": source,
        "agency": story.agency,
        "headline": headline,
        "body": body,
        "published_at": published.isoformat(),
    }


# The five templates of the "one story, five portals" case: each differs from the wire copy.
FIVE_TEMPLATES = ("hb", "dbt", "hit", "qmb", "hdtib")


def five_portals(story: Story, rng: random.Random) -> list[dict[str, Any]]:
    return [
        portal_copy(story, rng, portal, edits=edits)
        for portal, edits in zip(PORTALS, FIVE_TEMPLATES, strict=True)
    ]


def labelled_corpus(
    seed: int, *, stories: int = 12, copies: tuple[int, int] = (4, 6), singletons: int = 10
) -> list[tuple[str, dict[str, Any]]]:
    """(story key, item) pairs: `stories` stories with 4-6 copies each, plus single stories."""
    rng = random.Random(seed)
    corpus = []
    for number in range(stories + singletons):
        story = make_story(rng, f"s{seed}-{number}")
        count = 1 if number >= stories else rng.randint(*copies)
        items = [agency_copy(story)] if rng.random() < 0.5 else []
        while len(items) < count:
            edits = "".join(rng.sample("dbtiqmh", rng.randint(1, 5)))
            items.append(portal_copy(story, rng, rng.choice(PORTALS), edits=edits))
        corpus += [(story.key, item) for item in items]
    rng.shuffle(corpus)
    return corpus


def pairwise_scores(truth: list[str], predicted: list[str]) -> tuple[float, float, float]:
    """Pairwise precision, recall and the share of different-story pairs kept apart."""
    together = same = both = pairs = 0
    for i in range(len(truth)):
        for j in range(i):
            pairs += 1
            same_truth, same_pred = truth[i] == truth[j], predicted[i] == predicted[j]
            same += same_truth
            together += same_pred
            both += same_truth and same_pred
    apart = (pairs - same - together + both) / (pairs - same) if pairs > same else 1.0
    return both / together if together else 1.0, both / same if same else 1.0, apart
