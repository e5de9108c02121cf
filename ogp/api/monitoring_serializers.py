"""What the API shows of self-assessments: the report, its sections, one entry per
commitment, and the public comments with the government's answers (codes with labels in the
request's language; text as stored; commenters are not named)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ogp.monitoring.labels import SECTION_LABELS
from ogp.monitoring.models import (
    SelfAssessment,
    SelfAssessmentComment,
    SelfAssessmentEntry,
    SelfAssessmentSection,
)

from .fields import CodeLabelField
from .plan_serializers import PlanRefSerializer
from .serializers import CountryRefSerializer, absolute

TARGET_SCHEMA = {
    "type": "object",
    "description": "what the comment is on: a section (key) or a commitment (identifier)",
    "properties": {
        "kind": {"type": "string", "enum": ["section", "commitment"]},
        "key": {"type": "string"},
    },
    "required": ["kind", "key"],
}


class SelfAssessmentSerializer(serializers.ModelSerializer):
    plan = PlanRefSerializer(read_only=True)
    country = CountryRefSerializer(source="plan.country", read_only=True)
    kind = CodeLabelField()
    state = CodeLabelField()
    comment_count = serializers.IntegerField(source="n_comments", read_only=True)
    unanswered_count = serializers.IntegerField(source="n_unanswered", read_only=True)
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = SelfAssessment
        fields = [
            "id",
            "plan",
            "country",
            "kind",
            "state",
            "comment_opens",
            "comment_closes",
            "published_at",
            "comment_count",
            "unanswered_count",
            "web_url",
        ]

    def get_web_url(self, obj: SelfAssessment) -> str:
        return absolute(obj.get_absolute_url())


class SectionSerializer(serializers.ModelSerializer):
    title = serializers.SerializerMethodField()

    class Meta:
        model = SelfAssessmentSection
        fields = ["key", "title", "body"]

    def get_title(self, obj: SelfAssessmentSection) -> str:
        return str(SECTION_LABELS.get(obj.key, obj.key))


class EntrySerializer(serializers.ModelSerializer):
    """What the government reports on one commitment."""

    commitment = serializers.CharField(source="commitment.identifier", read_only=True)
    title = serializers.CharField(source="commitment.display_title", read_only=True)
    status = CodeLabelField()
    progress = serializers.DecimalField(
        max_digits=4, decimal_places=1, read_only=True, allow_null=True, coerce_to_string=False
    )

    class Meta:
        model = SelfAssessmentEntry
        fields = ["commitment", "title", "status", "progress", "narrative"]


class CommentSerializer(serializers.ModelSerializer):
    """A public comment and the answer (disposition and reason; null until answered)."""

    target = serializers.SerializerMethodField()
    disposition = CodeLabelField()
    merged_into = serializers.IntegerField(source="merged_into_id", read_only=True)

    class Meta:
        model = SelfAssessmentComment
        fields = [
            "id",
            "target",
            "body",
            "created_at",
            "disposition",
            "reason",
            "merged_into",
            "answered_at",
        ]

    @extend_schema_field(TARGET_SCHEMA)
    def get_target(self, obj: SelfAssessmentComment) -> dict[str, str]:
        kind, _sep, key = obj.target.partition(":")
        return {"kind": kind, "key": key}


class SelfAssessmentDetailSerializer(SelfAssessmentSerializer):
    """The report as it stands now (the draft open for comment, or the final version), with
    every comment and its answer."""

    sections = SectionSerializer(many=True, read_only=True)
    entries = EntrySerializer(many=True, read_only=True)
    comments = CommentSerializer(many=True, read_only=True)

    class Meta(SelfAssessmentSerializer.Meta):
        fields = [*SelfAssessmentSerializer.Meta.fields, "sections", "entries", "comments"]
