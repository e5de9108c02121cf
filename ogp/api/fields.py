"""Shared serializer fields: a code with its label in the request's language."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

CODE_LABEL_SCHEMA = {
    "type": "object",
    "properties": {
        "code": {"type": "string", "description": "stable code (use it in filters)"},
        "label": {"type": "string", "description": "label in the requested language"},
    },
    "required": ["code", "label"],
}
NAMES_SCHEMA = {
    "type": "object",
    "properties": {"en": {"type": "string"}, "fr": {"type": "string"}, "es": {"type": "string"}},
    "required": ["en", "fr", "es"],
}


@extend_schema_field({**CODE_LABEL_SCHEMA, "nullable": True})
class CodeLabelField(serializers.Field):
    """{"code": "eligible", "label": "Eligible"}; `labels` maps codes to lazy labels."""

    def __init__(self, labels: dict[str, Any] | None = None, **kwargs: Any) -> None:
        self.labels = labels
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> dict[str, str] | None:
        if value in (None, ""):
            return None
        labels = self.labels
        if labels is None:  # the model field's choices, looked up once per field instance
            field = self.parent.Meta.model._meta.get_field(self.source)  # type: ignore[attr-defined]
            labels = self.labels = dict(field.flatchoices)
        return {"code": str(value), "label": str(labels.get(value, value))}


@extend_schema_field(NAMES_SCHEMA)
class NamesField(serializers.Field):
    """The three official names of a country."""

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        kwargs["source"] = "*"
        super().__init__(**kwargs)

    def to_representation(self, value: Any) -> dict[str, str]:
        return {"en": value.name_en, "fr": value.name_fr, "es": value.name_es}
