"""Word lists for the invented articles: every name, place and phrase here is made up or generic."""

from __future__ import annotations

SECTIONS: tuple[str, ...] = ("Business", "India", "World", "Technology", "Sports", "Entertainment")

PEOPLE: tuple[str, ...] = (
    "Ravi Menon",
    "Anita Kulkarni",
    "Deepak Sahni",
    "Priya Raghavan",
    "Arjun Thakkar",
    "Meera Joshi",
    "Vikram Sethi",
    "Kavita Rao",
    "Samuel Ortiz",
    "Laura Bennett",
    "Tomas Lindqvist",
    "Farah Qureshi",
)
ROLES: tuple[str, ...] = (
    "the state's finance minister",
    "a senior official",
    "the company's chief executive",
    "an industry analyst",
    "the committee chairman",
    "a spokesperson for the ministry",
)
ORGS: tuple[str, ...] = (
    "Konkan Rail Logistics",
    "Sahyadri Power",
    "the Coastal Water Authority",
    "Deccan Textiles",
    "the Federation of Small Traders",
    "Nilgiri Tea Growers",
    "Bluepeak Software",
    "the Harbour Development Board",
)
TOPICS: tuple[str, ...] = (
    "a new cargo corridor",
    "monsoon relief funds",
    "the solar tender",
    "rural broadband targets",
    "the export incentive plan",
    "a metro rail extension",
    "crop insurance claims",
    "the hospital upgrade programme",
    "a semiconductor packaging unit",
    "the coastal highway project",
)
VERBS: tuple[str, ...] = (
    "unveils",
    "backs",
    "questions",
    "fast-tracks",
    "reviews",
    "defends",
    "expands",
    "puts on hold",
)
HEADLINE_TAILS: tuple[str, ...] = (
    "amid rising costs",
    "after weeks of talks",
    "as deadline nears",
    "ahead of festive season",
    "in first quarter",
    "despite heavy rain",
)
FILLERS: tuple[str, ...] = (
    "The move is expected to benefit nearly {n} families across {k} districts.",
    "Officials said the first phase would be completed within {k} months.",
    "{person} told reporters that the plan had been discussed at length with stakeholders.",
    "The proposal was first mooted in {year} but was shelved because of funding gaps.",
    "Industry bodies welcomed the decision, saying it would cut delays by about {k} per cent.",
    "Opposition members demanded a detailed report on {topic} before the next session.",
    "According to figures released on {weekday}, {org} handled {n} applications last year.",
    '"We have to move quickly and carefully at the same time," {person} said.',
    "Local residents said they had been waiting for {topic} for more than a decade.",
    "The budget for the scheme has been raised to Rs {k},{n3} crore, officials added.",
    "A review meeting will be held next week to assess progress on {topic}.",
    "{org} said it would hire about {n} workers over the next two years.",
)
WEEKDAYS: tuple[str, ...] = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday")

# place names per dateline style: title case for Indian wires, caps for AP/Reuters
INDIAN_PLACES: tuple[str, ...] = (
    "New Delhi",
    "Kochi",
    "Mumbai",
    "Bengaluru",
    "Chennai",
    "Guwahati",
    "Hyderabad",
    "San Francisco",
    "New York",
    "Kathmandu",
)
ANI_PLACES: tuple[tuple[str, str], ...] = (
    ("Washington DC", "US"),
    ("New Delhi", "India"),
    ("Dhaka", "Bangladesh"),
)
AP_PLACES: tuple[str, ...] = ("LA CROSSE, Wis.", "MEXICO CITY", "HANOI, Vietnam", "SANTA FE, N.M.")
REUTERS_PLACES: tuple[str, ...] = ("KATHMANDU", "GENEVA", "BEIRUT/THE HAGUE", "SINGAPORE")
AFP_PLACES: tuple[tuple[str, str | None], ...] = (
    ("Paris", None),
    ("Kyiv", "Ukraine"),
    ("Nairobi", None),
)
