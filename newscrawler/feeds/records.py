"""The record an item exporter writes for an item: Scrapy's serialised fields, fast for ours."""

from __future__ import annotations

import dataclasses
from typing import Any

from scrapy.exporters import BaseItemExporter

from newscrawler.items import ArticleItem

_ARTICLE_FIELDS = tuple(field.name for field in dataclasses.fields(ArticleItem))
# No ArticleItem field declares a serializer, so Scrapy's serialisation is the identity for them.
_ARTICLE_SERIALIZED = not any("serializer" in f.metadata for f in dataclasses.fields(ArticleItem))


def item_record(exporter: BaseItemExporter, item: Any) -> dict[str, Any]:
    """The item's fields as get_serialized_fields gives them (FEED_EXPORT_FIELDS honoured)."""
    plain = exporter.fields_to_export is None and _ARTICLE_SERIALIZED
    if plain and type(item) is ArticleItem and not _custom_serializer(exporter):
        # Same names and values as Scrapy's generic walk, which was ~45% of the exporter's
        # time: a dataclass has every field, and none has a serializer. Only read, never
        # changed, so the instance's own dict serves unless it holds more than the fields.
        fields: dict[str, Any] = vars(item)
        if len(fields) == len(_ARTICLE_FIELDS):
            return fields
        return {name: getattr(item, name) for name in _ARTICLE_FIELDS}
    return dict(exporter.get_serialized_fields(item))


def _custom_serializer(exporter: BaseItemExporter) -> bool:
    return type(exporter).serialize_field is not BaseItemExporter.serialize_field
