"""IRM reports, their versions and the per-commitment coding."""

from typing import Any

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ogp.plans import labels as plan_labels
from ogp.plans.models import (
    IRMReport,
)

from ..fields import CODE_LABEL_SCHEMA, CodeLabelField
from ..serializers import CountryRefSerializer, absolute
from .plans import NULLABLE_CODE_LABEL, PlanRefSerializer

CODING_ROWS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "commitment": {"type": "string"},
            "coding": {
                "type": "array",
                "items": {
                    "type": "object",
                    "properties": {
                        "key": {"type": "string"},
                        "indicator": {"type": "string"},
                        "level": NULLABLE_CODE_LABEL,
                        "not_reviewed": {"type": "boolean"},
                    },
                },
            },
        },
    },
}


def coding_table(values_by_commitment: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
    """A published report's coding, one row per commitment, with labels."""
    rows = []
    for identifier in sorted(values_by_commitment):
        coding = []
        for key, level in sorted(values_by_commitment[identifier].items()):
            indicator = key.partition(".")[2]
            not_reviewed = level == "nr"
            coding.append(
                {
                    "key": key,
                    "indicator": plan_labels.indicator_label(indicator),
                    "level": None
                    if not_reviewed
                    else {"code": level, "label": plan_labels.level_label(indicator, level)},
                    "not_reviewed": not_reviewed,
                }
            )
        rows.append({"commitment": identifier, "coding": coding})
    return rows


class IRMReportSerializer(serializers.ModelSerializer):
    plan = PlanRefSerializer(read_only=True)
    country = CountryRefSerializer(source="plan.country", read_only=True)
    kind = CodeLabelField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = IRMReport
        fields = [
            "id",
            "plan",
            "country",
            "kind",
            "version",
            "published_at",
            "comment_opens",
            "comment_closes",
            "web_url",
        ]

    def get_web_url(self, obj: IRMReport) -> str:
        return absolute(obj.get_absolute_url())


class IRMReportDetailSerializer(IRMReportSerializer):
    """The latest published version: its prose, minimum requirements and coding (what was
    published, not the researchers' working draft)."""

    summary = serializers.SerializerMethodField()
    analysis = serializers.SerializerMethodField()
    minimum_requirements = serializers.SerializerMethodField()
    scale = serializers.SerializerMethodField()
    coding = serializers.SerializerMethodField()

    class Meta(IRMReportSerializer.Meta):
        fields = [
            *IRMReportSerializer.Meta.fields,
            "summary",
            "analysis",
            "minimum_requirements",
            "scale",
            "coding",
        ]

    @staticmethod
    def _content(obj: Any) -> dict[str, Any]:
        versions = getattr(obj, "published_versions", None) or []
        return dict(versions[0].content) if versions else {}

    def get_summary(self, obj: Any) -> str:
        return str(self._content(obj).get("summary", ""))

    def get_analysis(self, obj: Any) -> str:
        return str(self._content(obj).get("analysis", ""))

    @extend_schema_field(
        {
            "type": "object",
            "description": "requirement code -> met, not_met or not_assessed",
            "additionalProperties": {"type": "string"},
        }
    )
    def get_minimum_requirements(self, obj: Any) -> dict[str, str]:
        return dict(self._content(obj).get("minimum_requirements", {}))

    def get_scale(self, obj: Any) -> str:
        return str(self._content(obj).get("scale", ""))

    @extend_schema_field(CODING_ROWS_SCHEMA)
    def get_coding(self, obj: Any) -> list[dict[str, Any]]:
        return coding_table(self._content(obj).get("coding", {}))


class IRMReportVersionSerializer(serializers.Serializer):
    """One published version, as it was published (never changes)."""

    report = serializers.IntegerField(source="report_id")
    number = serializers.IntegerField()
    published_at = serializers.DateTimeField()
    kind = serializers.SerializerMethodField()
    summary = serializers.SerializerMethodField()
    analysis = serializers.SerializerMethodField()
    minimum_requirements = serializers.SerializerMethodField()
    scale = serializers.SerializerMethodField()
    coding = serializers.SerializerMethodField()

    def get_summary(self, obj: Any) -> str:
        return str(obj.content.get("summary", ""))

    def get_analysis(self, obj: Any) -> str:
        return str(obj.content.get("analysis", ""))

    def get_scale(self, obj: Any) -> str:
        return str(obj.content.get("scale", ""))

    @extend_schema_field(CODE_LABEL_SCHEMA)
    def get_kind(self, obj: Any) -> dict[str, str]:
        return {"code": obj.report.kind, "label": str(obj.report.get_kind_display())}

    @extend_schema_field(
        {"type": "object", "additionalProperties": {"type": "string"}},
    )
    def get_minimum_requirements(self, obj: Any) -> dict[str, str]:
        return dict(obj.content.get("minimum_requirements", {}))

    @extend_schema_field(CODING_ROWS_SCHEMA)
    def get_coding(self, obj: Any) -> list[dict[str, Any]]:
        return coding_table(obj.content.get("coding", {}))
