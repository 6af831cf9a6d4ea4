"""Who wrote a page: its persons and agencies from JSON-LD, meta and the byline region."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property

from lxml import etree

from newscrawler.extract.authors import AGENCY, clean_authors
from newscrawler.extract.basepage import BasePage
from newscrawler.extract.bylines import byline_texts
from newscrawler.extract.headline import is_publisher, is_site, site_keys
from newscrawler.extract.labelline import labelled_byline
from newscrawler.extract.storybyline import edge_name, editor_credit

# Bylines tried after a site's own selectors when JSON-LD and meta name no person.
BYLINE_CSS = (
    "[itemprop=author] [itemprop=name]", "[itemprop=author]", "a[rel=author]",
    "[class*=author-name]", "[class*=authorname]", ".person-link", "div.author",
    "[class*=byline]", 'a[href*="/author/"]', 'a[href*="/authors/"]', 'a[href*="/autor/"]',
    'a[href*="/autoren/"]',
)  # fmt: skip


def _publisher_line(raw: str, keys: set[str]) -> bool:
    """An author value that is the publisher, or starts with it ("example.de, Frankfurt")."""
    return is_site(raw.split(",")[0].strip(), keys)


def _wider(shown: list[str], declared: list[str]) -> bool:
    """Whether the byline names every declared person and more."""
    have = {name.casefold() for name in shown}
    return len(have) > len(declared) and all(name.casefold() in have for name in declared)


def _people(raws: Iterable[str], keys: set[str]) -> tuple[list[str], list[str]]:
    """The persons and the agencies that author values name; the publisher is neither."""
    found, named = clean_authors(r for r in raws if not _publisher_line(r, keys))
    return [name for name in found if not is_publisher(name, keys)], named


def _written_byline(root: etree._Element, keys: set[str]) -> list[str]:
    """Persons of a byline no class names: "By X" under the <h1>, or one in the story.

    `labelline` reads the labelled line ("Par Le Figaro" names the publisher: no person);
    `storybyline` a name line at the story's edge or an editor credit.
    """
    if labelled := labelled_byline(root):
        # "Por Juan Pérez | Madrid": the place after the names is one word, a name is two+
        names = [name for name in clean_authors([labelled])[0] if len(name.split()) > 1]
        if persons := [name for name in names if not is_site(name, keys)]:
            if not any(is_publisher(name, keys) for name in persons):
                return persons
    written = edge_name(root) or editor_credit(root)
    return clean_authors([written])[0] if written else []


class CreditsPage(BasePage):
    """The author and agency methods of `MetadataPage`; site classes override single ones."""

    @cached_property
    def credits(self) -> tuple[list[str], list[str]]:
        """Persons (from the first source naming one) and agencies (from all sources).

        Sources: JSON-LD, meta, then the byline region (`bylines.byline_texts`). The byline
        region wins over JSON-LD/meta when it names the same persons and more (JSON-LD may
        list one of two bylines). The publisher named as author (a station name,
        the site's own name or domain) is no person. Agencies named as authors move to `agency`.
        """
        keys = site_keys(
            [self.meta.get("site_name") or "", *self.jsonld.get("publisher", [])], self.url
        )
        meta = [a for a in self.meta.get("authors", []) if "://" not in a]  # drop profile URLs
        persons: list[str] = []
        agencies: list[str] = []
        for raws in (self.jsonld.get("authors", []), meta):
            found, named = _people(raws, keys)
            persons, agencies = persons or found, agencies + named
        shown, named = _people(
            byline_texts(self.selector, self.byline_css + BYLINE_CSS, self.html), keys
        )
        if not persons or _wider(shown, persons):
            persons, agencies = shown, agencies + named
        if not persons:  # no byline element: a labelled line, or one written into the story
            persons = _written_byline(self.selector.root, keys)
        return persons, list(dict.fromkeys(agencies))

    def authors(self) -> list[str]:
        return self.credits[0]

    def agency(self) -> str | None:
        """An agency named as author (JSON-LD, meta, byline) or publisher, as written."""
        publishers = (
            m.group(0) for n in self.jsonld.get("publisher", []) if (m := AGENCY.search(n))
        )
        return next(iter(self.credits[1]), None) or next(publishers, None)
