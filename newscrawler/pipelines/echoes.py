"""Pipeline 200: drop the section label and headline echoed at the top of the body."""

from __future__ import annotations

from typing import Any

from newscrawler.pipelines.base import CleaningPipeline, adapt
from newscrawler.text.echoes import strip_leading_echoes


class LeadingEchoPipeline(CleaningPipeline):
    """A removed section label fills an empty `section`."""

    component = "echoes"

    def process_item(self, item: Any) -> Any:
        adapter = adapt(item)
        result = strip_leading_echoes(
            adapter.get("body") or [], adapter.get("headline"), adapter.get("section")
        )
        adapter["body"] = result.body
        if result.section != adapter.get("section"):
            adapter["section"] = result.section
        self.cleaned(adapter, "leading_echoes", result.removed)
        return item
