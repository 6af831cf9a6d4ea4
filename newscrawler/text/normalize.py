"""Text normalisation: markup left in text, mojibake, odd whitespace; and the paragraph key."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from typing import NamedTuple

from w3lib.html import remove_tags, replace_entities

# Block-level tags become a space, so "a<br>b" does not glue two words; inline tags vanish, so
# "<strong>NEW DELHI</strong>: " keeps the dateline's shape.
_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:br|p|div|li|tr|td|h[1-6])\b[^>]*>", re.IGNORECASE)
# Zero-width space, word joiner, BOM, soft hyphen, C0/C1 controls and the bidi controls (marks
# U+200E/F and U+061C, embeddings and overrides U+202A-E, isolates U+2066-9: an override can
# make "gpj.exe" display as "exe.jpg"). ZWJ/ZWNJ (U+200C/D) stay: they change how Indic
# scripts and emoji render, so removing them would alter published text.
# Lone UTF-16 surrogates (JSON "\\ud83d" from a JavaScript serialiser cutting an emoji in half)
# go too: no UTF-8 encoder, SQLite's included, accepts them, and they render as nothing.
_INVISIBLE = re.compile(
    "[\u200b\u2060\ufeff\u00ad\x00-\x08\x0e-\x1f\x7f-\x9f\u200e\u200f\u061c\u202a-\u202e"
    "\u2066-\u2069\ud800-\udfff]"
)
# Python's \s covers NBSP, the U+2000 spaces, U+202F, U+3000, line and paragraph separators.
_SPACES = re.compile(r"\s+")

# UTF-8 bytes read as Windows-1252 (or Latin-1 for the five bytes cp1252 leaves undefined).
_BYTE_OF: dict[str, int] = {chr(b): b for b in range(256)}
_BYTE_OF.update({bytes([b]).decode("cp1252", "ignore"): b for b in range(128, 256)})
_BYTE_OF.pop("", None)
_CONT = "[" + "".join(re.escape(c) for c, b in _BYTE_OF.items() if 0x80 <= b <= 0xBF) + "]"
# A run of UTF-8 sequences seen through cp1252: a lead byte then 1-3 continuation bytes. Two-byte
# leads are limited to the typical mojibake ones (Â Ã Ä Å Î Ï Ð Ñ: Latin-1, Latin Extended, Greek,
# Cyrillic): "JOSÉ’S" is also valid UTF-8 seen through cp1252 (C9 92) yet is real text.
_LEAD2 = "[\u00c2-\u00c5\u00ce\u00cf\u00d0\u00d1]"
_MOJIBAKE = re.compile(
    f"(?:{_LEAD2}{_CONT}|[\u00e0-\u00ef]{_CONT}{{2}}|[\u00f0-\u00f4]{_CONT}{{3}})+"
)

# Prefilter for the slow full scan: a lead followed by another non-ASCII character ("café" is not).
_LEAD = re.compile("[\u00c2-\u00c5\u00ce-\u00d1\u00e0-\u00f4][^\x00-\x7f]")
# Keys compare words: ASCII punctuation and these typographic marks separate them. A Unicode
# \w+ findall costs four times a one-class sub plus a bytes.translate for the ASCII part.
_MARKS = re.compile("[‘’‚‛“”„‟′″‹›«»‐‑‒–—―−…•·¡¿]")
_SURROGATES = "surrogatepass"
_NON_WORD = bytes(b if chr(b).isalnum() or b == 95 or b >= 128 else 32 for b in range(256))


class NormalizedBlocks(NamedTuple):
    """Normalised non-empty blocks, how many blocks came out empty and how many had mojibake."""

    blocks: list[str]
    dropped: int
    repaired: int


def _repair_run(match: re.Match[str]) -> str:
    run = match.group(0)
    try:
        return bytes(_BYTE_OF[c] for c in run).decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        # Not a clean UTF-8 round trip: real Latin text such as "«café»", kept as published.
        return run


def repair_mojibake(text: str) -> str:
    """Repair runs like 'â€™' -> '’' and 'Ã©' -> 'é' whose cp1252 -> UTF-8 round trip succeeds."""
    if text.isascii() or not _LEAD.search(text):
        return text
    return _MOJIBAKE.sub(_repair_run, text)


def _decode_pass(text: str) -> tuple[str, bool]:
    if "<" in text:
        text = remove_tags(_BLOCK_TAG.sub(" ", text))
    if "&" in text:
        text = replace_entities(text, remove_illegal=False)
    repaired = repair_mojibake(text)
    return _INVISIBLE.sub("", repaired), repaired != text


def _is_plain(text: str) -> bool:
    """True when there is nothing to decode: the common case, checked in C-speed string calls."""
    # isprintable() is False for NBSP and other odd spaces, zero-width and control characters.
    if not text.isprintable() or "<" in text or "&" in text:
        return False
    return text.isascii() or not _LEAD.search(text)


def normalize_with_flag(text: str) -> tuple[str, bool]:
    """Normalise one block and say whether mojibake was repaired in it."""
    if _is_plain(text):
        return (_SPACES.sub(" ", text) if "  " in text else text).strip(), False
    any_repair = False
    previous = None
    # Until a fixed point, so "&amp;lt;b&amp;gt;" or double mojibake end as plain text and a
    # second call changes nothing; every changing pass shortens the text, so this terminates.
    while text != previous:
        previous = text
        text, repaired = _decode_pass(text)
        any_repair = any_repair or repaired
    return _SPACES.sub(" ", text).strip(), any_repair


def normalize_text(text: str) -> str:
    """Decode entities, drop tags and invisible characters, repair mojibake, collapse spaces."""
    return normalize_with_flag(text)[0]


def _all_plain(blocks: list[str]) -> bool:
    """True when every block is plain and single-spaced: then stripping is all there is to do."""
    # One C-speed scan of the joined text instead of four per block. The "a" separator is
    # printable ASCII, so it neither hides nor creates odd characters, "  " runs or mojibake leads.
    joined = "a".join(blocks)
    return _is_plain(joined) and "  " not in joined


def normalize_blocks(blocks: Iterable[str]) -> NormalizedBlocks:
    """Normalise each block; blocks left empty are dropped and counted."""
    if isinstance(blocks, list) and _all_plain(blocks):
        plain = [text for text in (block.strip() for block in blocks) if text]
        return NormalizedBlocks(plain, len(blocks) - len(plain), 0)
    kept: list[str] = []
    dropped = repaired = 0
    for block in blocks:
        text, fixed = normalize_with_flag(block)
        repaired += fixed
        if text:
            kept.append(text)
        else:
            dropped += 1
    return NormalizedBlocks(kept, dropped, repaired)


# The echo and repeat pipelines key the same paragraphs, and a repeated copy is the same string:
# a bounded cache turns most keys into a dict hit.
@lru_cache(maxsize=4096)
def paragraph_key(text: str) -> str:
    """Fingerprint equal for blocks that differ only by case, spacing, quotes, dashes or entities.

    Words are compared, punctuation is not: curly and straight quotes, dash kinds and NBSP then
    need no table of their own. A block without any word keeps its punctuation as the key.
    """
    if not _is_plain(text):
        text = normalize_text(text)
    if not text.isascii():
        text = unicodedata.normalize("NFKC", text)
    folded = text.casefold()
    # surrogatepass: a key is never stored, and a lone surrogate must not lose the page.
    data = (folded if folded.isascii() else _MARKS.sub(" ", folded)).encode("utf-8", _SURROGATES)
    words = data.translate(_NON_WORD).split()
    return b" ".join(words).decode("utf-8", _SURROGATES) if words else "".join(folded.split())
