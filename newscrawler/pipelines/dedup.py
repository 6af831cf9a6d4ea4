"""Pipeline 500: drop repeated paragraphs, keeping the first occurrence of each."""

from __future__ import annotations

from typing import Any

from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.text.dedup import drop_repeats


class DuplicateParagraphPipeline(CleaningPipeline):
    """Counts total and unique paragraphs, so the unique/total ratio can be read from stats."""

    component = "paragraphs"

    def process_item(self, item: Any) -> Any:
        adapter = adapt(item)
        result = drop_repeats(adapter.get("body") or [])
        adapter["body"] = result.paragraphs
        self.inc("total", result.total)
        self.inc("unique", result.total - result.removed)
        self.cleaned(adapter, "duplicate_paragraphs", result.removed)
        return item
