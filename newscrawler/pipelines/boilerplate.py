"""Pipeline 400: drop syndication boilerplate (feed notices, teasers, copyright trailers)."""

from __future__ import annotations

from typing import Any

from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.text.boilerplate import strip_boilerplate


class BoilerplatePipeline(CleaningPipeline):
    """Credit lines ("(With inputs from PTI)") stay for the agency pipeline."""

    component = "boilerplate"

    def process_item(self, item: Any) -> Any:
        adapter = adapt(item)
        result = strip_boilerplate(adapter.get("body") or [])
        adapter["body"] = result.body
        self.cleaned(adapter, "boilerplate_lines", result.removed)
        return item
