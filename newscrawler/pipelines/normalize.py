"""Pipeline 100: normalise the text of every text field (body, headline, section, ...)."""

from __future__ import annotations

from typing import Any

from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.text.normalize import normalize_blocks

TEXT_FIELDS = ("headline", "section", "summary")
LIST_FIELDS = ("body", "authors", "tags")


class NormalizePipeline(CleaningPipeline):
    """Entities, tags, mojibake and odd spaces out; empty blocks dropped from list fields."""

    component = "normalize"

    def process_item(self, item: Any) -> Any:
        adapter = adapt(item)
        dropped = repaired = 0
        for name in TEXT_FIELDS + LIST_FIELDS:
            value = adapter.get(name)
            if isinstance(value, str):
                result = normalize_blocks([value])
                adapter[name] = result.blocks[0] if result.blocks else None
            elif isinstance(value, list) and all(isinstance(v, str) for v in value):
                result = normalize_blocks(value)
                adapter[name] = result.blocks
                dropped += result.dropped if name == "body" else 0
            else:
                continue
            repaired += result.repaired
        self.inc("mojibake_repaired", repaired)
        self.inc("empty_blocks_dropped", dropped)
        return item
