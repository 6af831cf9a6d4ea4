"""Headline choice: site affixes, kickers, SEO titles; string fixtures and extraction-dev pages."""

from __future__ import annotations

import pytest

from newscrawler.extract.headline import choose, site_keys, strip_site
from newscrawler.extract.page import ArticlePage
from tests.support.devset import dev_page


@pytest.mark.parametrize(
    ("title", "names", "url", "expected"),
    [
        # Suffix equal to the host's registered label ("Golem.de" on golem.de).
        (
            "LTE-Patent: Samsung zerstört - Golem.de",
            [],
            "https://www.golem.de/n/1",
            "LTE-Patent: Samsung zerstört",
        ),
        # Suffix equal to og:site_name, after a section ("X - News - SRF" keeps "News" only
        # when it is not the site: here the section sits between headline and site).
        ("Big story | Börsen-Zeitung", ["Börsen-Zeitung"], "https://x.de/a", "Big story"),
        # Suffix starting with the publisher's name ("Ilanga News" for publisher "Ilanga").
        (
            "Ikhansela lisola - Ilanga News",
            ["Ilanga"],
            "https://ilanganews.co.za/a",
            "Ikhansela lisola",
        ),
        # Japanese full-width separators.
        (
            "南海トラフ、一時調査：中日新聞Web",
            ["中日新聞Web"],
            "https://www.chunichi.co.jp/a",
            "南海トラフ、一時調査",
        ),
        # A leading site segment ("Tageblatt.lu | Kicker | X").
        (
            "Tageblatt.lu | Sport | Zoff ums Material",
            ["Tageblatt.lu"],
            "https://www.tageblatt.lu/a",
            "Sport | Zoff ums Material",
        ),
        # A hyphen inside the headline is no separator.
        (
            "Euro-Ticket: Pendler sparen",
            ["FAZ.NET"],
            "https://www.faz.net/a",
            "Euro-Ticket: Pendler sparen",
        ),
        # A suffix that is a headline half stays (more than a site-name's words).
        (
            "Putin warnt - und der Westen schweigt",
            ["ZDFheute"],
            "https://www.zdf.de/a",
            "Putin warnt - und der Westen schweigt",
        ),
    ],
)
def test_site_affixes_stripped(title: str, names: list[str], url: str, expected: str) -> None:
    assert strip_site(title, site_keys(names, url)) == expected


def test_jsonld_kicker_the_page_does_not_show_is_dropped() -> None:
    # Dagbladet layout: JSON-LD "«Kicker»: X", og:title and <h1> "X".
    assert choose(["«Evnukkmakeren»: Nordmann dømt", "Nordmann dømt"], "Nordmann dømt", "") == (
        "Nordmann dømt"
    )


def test_two_unrelated_kickers_give_the_common_headline() -> None:
    # SRF layout: og:title "A: X", <h1> "B - X".
    got = choose(
        ["Iranischer Angriff auf Israel: «Zurückhaltung»"],
        "Eskalation im Nahen Osten - «Zurückhaltung»",
        "",
    )
    assert got == "«Zurückhaltung»"


def test_one_headline_spelled_twice_keeps_the_declared_one() -> None:
    # Daily Maverick layout: "Johannesburg has ...: X" beside <h1> "Joburg has ...: X".
    declared = ["Johannesburg has failed its traders: there is a solution"]
    assert choose(declared, "Joburg has failed its traders: there is a solution", "") == declared[0]


def test_og_kicker_the_h1_shows_beats_jsonld_without() -> None:
    # Tageblatt layout: the <h1> renders a kicker span glued to the headline.
    got = choose(
        ["Der 9. Juli naht", "Nationale Demo / Der 9. Juli naht"],
        "Nationale DemoDer 9. Juli naht",
        "",
    )
    assert got == "Nationale Demo / Der 9. Juli naht"


def test_punctuation_variant_most_sources_state_wins() -> None:
    # Stuttgarter Zeitung layout: JSON-LD "K - X", og:title and <title> "K: X", <h1> "X".
    declared = ["Rückbau - Türme gesprengt", "Rückbau: Türme gesprengt"]
    stated = [*declared, "Türme gesprengt", "Rückbau: Türme gesprengt - Politik"]
    got = choose(declared, "Türme gesprengt", "Rückbau: Türme gesprengt - Politik", stated)
    assert got == "Rückbau: Türme gesprengt"


def test_titles_with_other_words_are_not_voted_on() -> None:
    # WAZ layout: a JSON-LD headline alone against og:title, <h1> and <title> stays first.
    declared = ["Nun attackiert auch Lang", "Lang nennt Klöckner Unternehmerin"]
    stated = [*declared, declared[1], declared[1]]
    assert choose(declared, declared[1], declared[1], stated) == declared[0]


def test_jsonld_entities_decoded() -> None:
    html = (
        '<html><head><script type="application/ld+json">{"@type": "NewsArticle",'
        ' "headline": "R&uuml;ckbau &quot;jetzt&quot;"}</script></head><body><h1>x</h1>'
        f"<p>{'Text of the story. ' * 30}</p></body></html>"
    )
    assert ArticlePage(html, "https://ex.com/a").headline() == 'Rückbau "jetzt"'


@pytest.mark.parametrize(
    "case_id",
    [
        "de/Golem_2024_04_28",  # <title>-style og:title with " - Golem.de"
        "za/Ilanga_2025_12_03",  # " - Ilanga News" for publisher Ilanga
        "de/RBB24_2024_04_25",  # no <h1>; an <h2> "Wetter" box is chrome
        "ch/SRF_2024_04_15",  # og:title and <h1> with different kickers
        "no/Dagbladet_2024_08_04",  # JSON-LD kicker not shown
        "lu/Tageblatt_2025_06_30",  # og:title kicker shown in the <h1>
        "de/StuttgarterZeitung_2025_10_25",  # JSON-LD "K - X", og:title and <title> "K: X"
        "de/WAZ_2025_09_10",  # JSON-LD headline alone against og:title, <h1>, <title>
    ],
)
def test_headline_of_real_layouts(case_id: str) -> None:
    html, case = dev_page(case_id)
    assert ArticlePage(html, case["url"]).headline() == case["headline"]
