"""The seed as a golden test: its raw text through every pipeline gives the exact clean record."""

from __future__ import annotations

from pathlib import Path

from newscrawler.items import ArticleItem
from tests.support.pipeline_chain import clean, project_crawler

SEED_FILE = "indialife-article-112952.txt"
HEADLINE = "Facebook to become 'privacy-focused' like WhatsApp: Zuckerberg"
CRAWLED_AT = "2025-07-26T12:00:00+00:00"  # frozen fetch time: every relative age counts from here
SIDEBAR = [
    (
        9,
        "AAPI’s 43rd Convention Inaugurated in Cincinnati Offering Enriching Experience in "
        "Networking, Learning, and Celebration",
    ),
    (10, "US Secretary of State Marco Rubio meets Pakistani Deputy PM Ishaq Dar"),
    (10, "Trump calls Epstein file scrutiny a 'con job', blames Democrats"),
    (10, "'With Trump, we agreed that the US will buy drones from us,' says Zelensky"),
    (10, "If you break the law, your visa can be revoked for life: US embassy"),
    (
        15,
        "Jagdeep Dhankhar's resignation a political exit camouflaged as constitutional lie: "
        "Congress",
    ),
    (15, "Eviction drive: Four NE states on alert to prevent intruders"),
    (15, "Purdah best to escape preying eyes of producers: Sandra Thomas"),
    (15, "Great deal of enthusiasm in India to get trade pact done with US: Arvind Panagariya"),
    (15, "Four family members die in suspected suicide pact in MP's Sagar"),
    (
        15,
        "Global firm Jabil investing over Rs 2,000 crore in manufacturing in India: "
        "Ashwini Vaishnaw",
    ),
    (15, "SAIL posts robust growth of 273 pc in Q1 FY26"),
    (15, "Assam Guv leads tributes on 26th Kargil Vijay Diwas in Guwahati"),
]


def seed_lines(seed_dir: Path) -> list[str]:
    return (seed_dir / SEED_FILE).read_text(encoding="utf-8").splitlines()


def test_seed_becomes_the_clean_record(seed_dir: Path) -> None:
    lines = seed_lines(seed_dir)
    raw = ArticleItem(
        url="https://indialife.us/article.php?id=112952",
        source="indialife",
        crawled_at=CRAWLED_AT,
        headline=HEADLINE,
        body=lines,
    )
    crawler = project_crawler()
    record = clean(raw, crawler)

    assert record.section == "Business"
    assert record.headline == HEADLINE
    assert record.dateline == {"place": "San Francisco", "date": "March 7", "agency": None}
    assert record.body[0] == lines[3]  # the dateline line is gone, the lead paragraph is first
    assert record.body == lines[3:14]
    assert [(link["title"], link["age"]) for link in record.related] == [
        (title, f"{hours} hours ago") for hours, title in SIDEBAR
    ]
    assert [link["published_at"] for link in record.related] == [
        f"2025-07-{26 if hours <= 12 else 25}T{(12 - hours) % 24:02d}:00:00+00:00"
        for hours, _ in SIDEBAR
    ]
    assert all(link["url"] is None for link in record.related)
    # A 2019 story fetched in 2025: the dateline has no year, so no date is invented.
    assert record.published_at is None
    assert record.agency is None
    assert record.word_count == sum(len(p.split()) for p in lines[3:14])
    assert record.cleaning["duplicate_paragraphs"] == 10
    assert record.cleaning["related_links"] == 13
    assert record.cleaning["leading_echoes"] == 2

    stats = crawler.stats.get_stats()
    assert stats["newscrawler/cleaning/duplicate_paragraphs"] == 10
    assert stats["newscrawler/cleaning/related_links"] == 13
