"""Lines of page furniture that sit among the story's blocks, recognised by general patterns.

Each pattern is a layout or language convention seen on several publishers, never one site's
string: separators, caption/credit labels, player and consent placeholders, timestamp labels,
sign-in and newsletter prompts. Only short lines qualify: a paragraph that quotes one of these
words is prose.
"""

from __future__ import annotations

import re

MAX_JUNK_CHARS = 200
# UI words rendered as their own line (buttons, slideshow controls, ad labels).
UI_WORDS = frozenset((
    "caption", "close", "up next", "advertisement", "anzeige", "werbung", "publicidad",
    "annonse", "annons", "story continues below", "read more", "mehr", "more", "weiterlesen",
    "share", "teilen", "zur startseite", "expand", "toggle caption", "hide caption",
))  # fmt: skip
_PLATFORM = r"(?:whatsapp|instagram|facebook|telegram|tiktok|youtube|threads|bluesky)"
_PATTERNS = (
    r"[_\-–—=*•·~]{3,}",  # "___" separators between sections of a wire story
    # credit labels: "Photo: John Locher, AP", "Quelle: AFP", "Foto: dpa"
    r"(?:photo|photograph|picture|image|foto|fotos|bild|quelle|source|credit|crédit|fuente"
    r"|fonte|kilde|källa|zdjęcie)s?\s*(?:credit)?\s*:\s*\S.{0,80}",
    # player, script and consent placeholders
    r".{0,80}\b(?:enable javascript|javascript (?:aktivieren|einschalten))\b.*",
    r".{0,80}\bsupports html5 video\b.*",
    r"ein klick für den datenschutz.*|.{0,60}advertisement has not loaded.*",
    r"(?:externer? inhalt|external content|contenido externo)\b.*",
    # timestamp labels: "Stand: 28.04.2023 17:23 Uhr", "Updated: 5:02 PM"
    r"(?:stand|updated|aktualisiert|published|veröffentlicht|publicado|actualizado|publié"
    r"|mis à jour|oppdatert|publisert)\s*:?\s*[\d.,:/ \-–]+(?:uhr|am|pm|h|gmt|utc|cet|cest)?",
    r"\d{1,3}\s?min|.{0,120}\|\s*\d{1,2}:\d{2}\s?min",  # video durations of player teasers
    # sign-in, newsletter and app prompts
    r"(?:sign in|log in|anmelden|einloggen|subscribe|sign up|abonnieren|jetzt abonnieren)\b.{0,80}",
    r"(?:get|sign up for) (?:daily|weekly|breaking|our)\b.{0,40}\b(?:news|newsletter)\b.*",
    # newsletter pitches, in every language that borrowed the word; privacy-consent small print
    r".{0,100}\bnewsletter\b.*",
    # the pitch closing a network's stories ("... Please bookmark nationalpost.com and sign up
    # for our daily newsletter, Posted, here."): the invitation, wherever it sits in the line
    r".{0,160}\bsign up for (?:our|the)\b.{0,40}\bnewsletters?\b.*",
    r".{0,120}\b(?:datenschutzerklärung|privacy policy|política de privacidad)\b.*",
    r"read more\b.*|lesen sie (?:auch|mehr)\b.*|leer más\b.*|(?:à )?lire (?:aussi|plus)\b.*",
    r"(?:czytaj (?:więcej|też|także)|les også|les mer|läs (?:mer|också)|lees ook|leggi anche"
    r"|ver también|veja também)\b.*",
    r".{0,100}\blesen sie (?:hier|mehr|auch)\b.*|for more stories like this\b.*",
    # credit labels of the desk: "Redaktion: X", "Übersetzung: X", "Sendung: hr-INFO, 25.04."
    r"(?:redaktion|faktencheck|übersetzung|schlussredaktion|mitarbeit|sendung|copyright"
    r"|translation|translated by|edited by|aus dem (?:englischen|französischen)|mit dpa)\b.{0,100}",
    # contact and social prompts
    r".{0,120}\b(?:get in touch|e-?mailing us|contact us|schreiben sie uns)\b.*",
    # (a platform then a prompt word: two platform names in a row are prose, "making WhatsApp
    # and Instagram faster" in the seed's IANS copy)
    r".{0,100}\b(?:whatsapp|instagram|facebook|telegram)\b.{0,40}\b(?:kanal|channel|app"
    r"|folgen|follow)\b.*",
    # a tight list of three platforms ("ob WhatsApp, Instagram oder Facebook"): a follow prompt
    rf".{{0,100}}\b{_PLATFORM}(?:\s*(?:,|/|&|\bor\b|\boder\b|\band\b|\bund\b)\s*"
    rf"{_PLATFORM}){{2,}}\b.*",
    r".{0,40}\b(?:folgst du|folgen sie|follow us)\b.{0,80}",
    r".{0,140}\b(?:keep up with|follow|find|catch) me on (?:twitter|x|facebook|instagram"
    r"|linkedin|threads|bluesky|mastodon)\b.*",  # an author's sign-off under a blog-style story
    # blog navigation and counters: "Next post", "Nächster Beitrag: ...", "Aufrufe: 1234"
    r"(?:next|previous|older|newer) (?:post|article|entry|story)s?\b.{0,120}"
    r"|(?:nächster|vorheriger) (?:beitrag|artikel)\b.{0,120}"
    r"|(?:article|billet) (?:suivant|précédent)\b.{0,120}",
    r"(?:aufrufe|views|vues|visualizaciones|visualizzazioni|hits)\s*:?\s*[\d.,]*"
    r"|[\d.,]+\s+(?:views|aufrufe)",
    # related-story labels left over once their links went
    r"(?:auch interessant|das könnte sie auch interessieren|you may also like|related(?: stories)?"
    r"|más información|mehr zum thema|se også|les også|läs också|weiterführende links"
    r"|関連キーワード|関連記事|おすすめ情報|相关阅读)\s*:?",
    # paywall pitches: "This article is for subscribers only", "この記事は会員限定です"
    r".{0,60}\b(?:for (?:subscribers|members) only|is only available to (?:subscribers|members)"
    r"|nur für abonnenten|exklusiv für abonnenten|solo para suscriptores|réservé aux abonnés"
    r"|riservato agli abbonati|kun for abonnenter)\b.*",
    r"この記事は(?:会員|有料会員)限定です.*",
    # a promo link set off by an arrow (">> Hier finden Sie alle Termine", "→ Mehr lesen"); not
    # "»", which opens a German quotation
    r"(?:>>|→|▶|►)\s*\S.{0,160}",
    # the affiliate disclosure of shopping and review pages
    r".{0,120}\b(?:we may earn (?:an? )?(?:affiliate )?commission"
    r"|(?:contains|may contain|includes|uses) affiliate links?"
    r"|(?:erhalten|bekommen) wir .{0,30}provision)\b.*",
    # a row of four or more short items between pipes: a link row ("Gold Rate | Silver Rate |
    # Bank Holidays | ..."), which text-and-<br> templates leave as a line of the story
    r"[^|]{0,60}(?:\|[^|]{1,60}){3,}",
)
_JUNK = re.compile("|".join(f"(?:{p})" for p in _PATTERNS), re.IGNORECASE)
# A byline line inside the story ("Von Johannes Knuth", "By Jane Doe and John Roe"): the word
# for "by" and capitalised names only, so "Von Anfang an" or "By the way" stay prose.
_NAME = r"[A-ZÀ-ÖØ-Þ][\w'-]*\.?(?:\s+[A-ZÀ-ÖØ-Þ][\w'-]*\.?){0,3}"
_BYLINE = re.compile(
    rf"(?:[Vv]on|[Bb]y|BY|[Pp]or|[Pp]ar|[Aa]v|[Dd]i|[Dd]oor|[Aa]f)\s+{_NAME}"
    rf"(?:\s*(?:,|und|and|&|y|og|et|e|en)\s*{_NAME}){{0,4}}"
)


def is_junk_line(line: str) -> bool:
    """Whether a body line is page furniture rather than the story's words."""
    text = line.strip()
    if len(text) > MAX_JUNK_CHARS:
        return False
    if text.casefold().rstrip(".:!") in UI_WORDS:
        return True
    return _JUNK.fullmatch(text) is not None or _BYLINE.fullmatch(text) is not None


OPENING_BLOCKS = 5  # the byline sits above the story or right after its lead
_WORDS = re.compile(r"[^\W_]+")


def _name_key(text: str) -> tuple[str, ...]:
    return tuple(_WORDS.findall(text.casefold()))


def without_name_lines(blocks: list[str], authors: list[str]) -> list[str]:
    """The blocks less opening ones (and the last) that are only the page's author names.

    A byline rendered as its own element, the name alone with no "By" (Tailwind templates,
    trafilatura's fallback text), is the page's metadata, not the story's words.
    """
    names = [_name_key(a) for a in authors if _name_key(a)]
    if not names:
        return blocks
    every = tuple(w for name in names for w in name)
    keys = {*names, every}
    last = len(blocks) - 1  # Vietnamese portals close the story with the name, right-aligned
    edge = (i for i in range(len(blocks)) if i < OPENING_BLOCKS or i == last)
    drop = {i for i in edge if _name_key(blocks[i]) in keys}
    return [b for i, b in enumerate(blocks) if i not in drop]


MAX_STAMP_CHARS = 80


# Numbers apart from the letters around them: CJK dates run them together ("2025年1月14日").
_STAMP_WORDS = re.compile(r"\d+|[^\W\d_]+")


def _is_stamp(text: str, year: str) -> bool:
    """A short line, mostly numbers, naming the publication year: the page's date display."""
    words = _STAMP_WORDS.findall(text)
    digits = sum(w.isdigit() for w in words)
    return len(text) <= MAX_STAMP_CHARS and year in words and 2 * digits >= len(words)


def without_stamp_lines(blocks: list[str], published: str | None) -> list[str]:
    """The blocks less opening ones that only show the date ("20 Nisan 2026 • Update: ...")."""
    year = (published or "")[:4]
    if not year.isdigit():
        return blocks
    return [b for i, b in enumerate(blocks) if i >= OPENING_BLOCKS or not _is_stamp(b, year)]
