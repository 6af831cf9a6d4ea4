"""The JSON Schema of the clean article record, shipped as package data."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any


def article_schema() -> dict[str, Any]:
    """Load the article JSON Schema from the installed package (works inside a scrapyd egg)."""
    text = files("newscrawler.schema").joinpath("article.schema.json").read_text("utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema
