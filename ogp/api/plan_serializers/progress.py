"""Progress updates with their evidence and civil-society reviews."""

from typing import Any

from django.urls import reverse
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ogp.plans.models import (
    MilestoneStatus,
    ProgressUpdate,
)

from ..fields import CODE_LABEL_SCHEMA, CodeLabelField
from ..serializers import absolute
from .plans import NULLABLE_CODE_LABEL

EVIDENCE_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "id": {"type": "integer"},
            "link": {"type": "string"},
            "file_name": {"type": "string"},
            "download_url": {"type": "string", "nullable": True},
        },
    },
}
REVIEWS_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "verdict": CODE_LABEL_SCHEMA,
            "status": NULLABLE_CODE_LABEL,
            "organisation": {"type": "string"},
            "reasoning": {"type": "string"},
            "link": {"type": "string"},
            "created_at": {"type": "string", "format": "date-time"},
        },
    },
}


class ProgressUpdateSerializer(serializers.ModelSerializer):
    milestone = serializers.IntegerField(source="milestone_id", read_only=True)
    commitment = serializers.CharField(source="milestone.commitment.identifier", read_only=True)
    country = serializers.CharField(source="milestone.commitment.plan.country.iso3", read_only=True)
    status = CodeLabelField(help_text="the government's (official) status")
    evidence = serializers.SerializerMethodField()
    civil_society_reviews = serializers.SerializerMethodField()

    class Meta:
        model = ProgressUpdate
        fields = [
            "id",
            "milestone",
            "commitment",
            "country",
            "status",
            "narrative",
            "no_evidence_reason",
            "evidence",
            "civil_society_reviews",
            "created_at",
            "is_demo",
        ]

    @extend_schema_field(EVIDENCE_SCHEMA)
    def get_evidence(self, obj: ProgressUpdate) -> list[dict[str, Any]]:
        return [
            {
                "id": item.pk,
                "link": item.link,
                "file_name": item.file_name,
                "download_url": absolute(reverse("plans:evidence-download", args=[item.pk]))
                if item.file
                else None,
            }
            for item in obj.evidence.all()
        ]

    @extend_schema_field(REVIEWS_SCHEMA)
    def get_civil_society_reviews(self, obj: ProgressUpdate) -> list[dict[str, Any]]:
        statuses = dict(MilestoneStatus.choices)
        return [
            {
                "verdict": {"code": review.verdict, "label": str(review.get_verdict_display())},
                "status": {"code": review.status, "label": str(statuses[review.status])}
                if review.status in statuses
                else None,
                "organisation": review.organisation_name,
                "reasoning": review.reasoning,
                "link": review.link,
                "created_at": serializers.DateTimeField().to_representation(review.created_at),
            }
            for review in obj.reviews.all()
        ]
