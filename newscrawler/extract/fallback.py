"""Trafilatura as the last resort for the body when no container stands out."""

from __future__ import annotations

import importlib
from types import ModuleType


def _load() -> ModuleType | None:
    try:  # trafilatura needs lxml_html_clean (via justext); without it our heuristic stays alone
        return importlib.import_module("trafilatura")
    except ImportError:  # pragma: no cover - depends on the environment
        return None


trafilatura = _load()


def trafilatura_blocks(html: str, url: str | None = None) -> list[str]:
    """Paragraph lines trafilatura keeps (plain text, one block per line), or [] if unavailable."""
    if trafilatura is None or not html.strip():  # trafilatura logs ERRORs for empty documents
        return []
    text = trafilatura.extract(
        html, url=url, include_comments=False, include_tables=False, output_format="txt"
    )
    return [line.strip() for line in str(text or "").splitlines() if line.strip()]
