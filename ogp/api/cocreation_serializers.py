"""What the API shows of co-creation: the public parts of a plan, its published draft versions,
proposals and every input with its disposition and reason (the ledger)."""

from typing import Any

from django.conf import settings
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ogp.cocreation.models import (
    COMMITMENT_TEXT_FIELDS,
    CoCreationPlan,
    DraftCommitment,
    DraftMilestone,
    DraftVersion,
    LedgerEntry,
    OgpValue,
    Opportunity,
    Proposal,
    TimelineStep,
)
from ogp.organisations.models import FocusAreaCode

from .fields import CODE_LABEL_SCHEMA, CodeLabelField
from .serializers import CountryRefSerializer, absolute

LANGUAGES = dict(settings.LANGUAGES)
CODE_LABEL_LIST = {"type": "array", "items": CODE_LABEL_SCHEMA}


class StepSerializer(serializers.ModelSerializer):
    kind = CodeLabelField()

    class Meta:
        model = TimelineStep
        fields = ["kind", "title", "description", "starts_on", "ends_on"]


class OpportunitySerializer(serializers.ModelSerializer):
    kind = CodeLabelField()

    class Meta:
        model = Opportunity
        fields = [
            "kind",
            "title",
            "description",
            "location",
            "opens_on",
            "closes_on",
            "open_to_anyone",
            "published_on",
        ]


class CoCreationPlanSerializer(serializers.ModelSerializer):
    country = CountryRefSerializer(read_only=True)
    state = CodeLabelField()
    action_plan = serializers.SlugRelatedField(
        slug_field="ogp_id",
        read_only=True,
        allow_null=True,
        help_text="the published action plan (ogp_id), once published",
    )
    rules = serializers.CharField(source="rule_set.code", read_only=True)
    period_years = serializers.IntegerField(read_only=True, help_text="2 or 4")
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = CoCreationPlan
        fields = [
            "slug",
            "title",
            "country",
            "summary",
            "period_years",
            "starts_on",
            "state",
            "rules",
            "proposals_open",
            "timeline_published_on",
            "opened_on",
            "submitted_on",
            "published_on",
            "due_on",
            "delivery_status",
            "days_late",
            "ledger_override_reason",
            "action_plan",
            "is_demo",
            "web_url",
        ]

    def get_web_url(self, obj: CoCreationPlan) -> str:
        return absolute(obj.get_absolute_url())


class CoCreationPlanDetailSerializer(CoCreationPlanSerializer):
    steps = StepSerializer(many=True, read_only=True)
    opportunities = OpportunitySerializer(many=True, read_only=True)

    class Meta(CoCreationPlanSerializer.Meta):
        fields = [*CoCreationPlanSerializer.Meta.fields, "steps", "opportunities"]


class DraftVersionSerializer(serializers.ModelSerializer):
    plan = serializers.CharField(source="plan.slug", read_only=True)
    commitments = serializers.IntegerField(source="commitment_count", read_only=True)

    class Meta:
        model = DraftVersion
        fields = [
            "number",
            "plan",
            "changelog",
            "comments_open_from",
            "comments_close_on",
            "is_final",
            "published_at",
            "commitments",
        ]


class DraftMilestoneSerializer(serializers.ModelSerializer):
    class Meta:
        model = DraftMilestone
        fields = ["key", "position", "title", "expected_output", "due_on"]


class DraftCommitmentSerializer(serializers.ModelSerializer):
    policy_area = CodeLabelField()
    milestones = DraftMilestoneSerializer(many=True, read_only=True)

    class Meta:
        model = DraftCommitment
        fields = [
            "key",
            "position",
            *COMMITMENT_TEXT_FIELDS,
            "starts_on",
            "ends_on",
            "policy_area",
            "milestones",
        ]


class DraftVersionDetailSerializer(serializers.ModelSerializer):
    plan = serializers.CharField(source="plan.slug", read_only=True)
    commitments = DraftCommitmentSerializer(many=True, read_only=True)

    class Meta:
        model = DraftVersion
        fields = [
            "number",
            "plan",
            "introduction",
            "changelog",
            "comments_open_from",
            "comments_close_on",
            "is_final",
            "published_at",
            "commitments",
        ]


RESPONSE_SCHEMA = {
    "type": "object",
    "properties": {
        "ref": {"type": "string", "description": "public reference, e.g. P-12"},
        "disposition": {**CODE_LABEL_SCHEMA, "nullable": True},
        "reason": {"type": "string"},
        "responder_side": {**CODE_LABEL_SCHEMA, "nullable": True},
        "responded_at": {"type": "string", "format": "date-time", "nullable": True},
    },
}


def _response(entry: LedgerEntry | None) -> dict[str, Any] | None:
    if entry is None:
        return None
    return {
        "ref": entry.ref,
        "disposition": {"code": entry.disposition, "label": str(entry.get_disposition_display())}
        if entry.disposition
        else None,
        "reason": entry.reason,
        "responder_side": {
            "code": entry.responder_side,
            "label": str(entry.get_responder_side_display()),
        }
        if entry.responder_side
        else None,
        "responded_at": serializers.DateTimeField().to_representation(entry.responded_at)
        if entry.responded_at
        else None,
    }


class ProposalSerializer(serializers.ModelSerializer):
    plan = serializers.CharField(source="plan.slug", read_only=True)
    values = serializers.SerializerMethodField()
    policy_area = CodeLabelField()
    language = CodeLabelField(labels=LANGUAGES)
    response = serializers.SerializerMethodField()

    class Meta:
        model = Proposal
        fields = [
            "id",
            "plan",
            "title",
            "problem",
            "solution",
            "values",
            "policy_area",
            "language",
            "support_count",
            "created_at",
            "response",
        ]

    @extend_schema_field(CODE_LABEL_LIST)
    def get_values(self, obj: Proposal) -> list[dict[str, str]]:
        labels = dict(OgpValue.choices)
        return [{"code": v, "label": str(labels[v])} for v in obj.values if v in labels]

    @extend_schema_field({**RESPONSE_SCHEMA, "nullable": True})
    def get_response(self, obj: Proposal) -> dict[str, Any] | None:
        return _response(getattr(obj, "ledger_entry", None))


class InputSerializer(serializers.ModelSerializer):
    """One input (proposal, comment on a draft, input received offline) and its answer."""

    ref = serializers.CharField(read_only=True)
    kind = CodeLabelField()
    language = CodeLabelField(labels=LANGUAGES)
    text = serializers.SerializerMethodField()
    proposal = serializers.IntegerField(source="proposal_id", read_only=True, allow_null=True)
    disposition = CodeLabelField()
    responder_side = CodeLabelField()
    linked_commitment = serializers.SerializerMethodField()
    linked_milestone = serializers.SerializerMethodField()
    merged_into = serializers.SerializerMethodField()

    class Meta:
        model = LedgerEntry
        fields = [
            "ref",
            "kind",
            "received_on",
            "language",
            "text",
            "proposal",
            "disposition",
            "reason",
            "responder_side",
            "responded_at",
            "linked_commitment",
            "linked_milestone",
            "merged_into",
        ]

    @extend_schema_field({"type": "string", "description": "the input as written"})
    def get_text(self, obj: LedgerEntry) -> str:
        if obj.proposal_id and obj.proposal:
            return f"{obj.proposal.title}\n\n{obj.proposal.problem}\n\n{obj.proposal.solution}"
        if obj.comment_id and obj.comment:
            return obj.comment.body
        if obj.offline_id and obj.offline:
            return obj.offline.summary
        return ""

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"key": {"type": "string"}, "title": {"type": "string"}},
        }
    )
    def get_linked_commitment(self, obj: LedgerEntry) -> dict[str, str] | None:
        linked = obj.linked_commitment
        return {"key": linked.key, "title": linked.title} if linked else None

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"key": {"type": "string"}, "title": {"type": "string"}},
        }
    )
    def get_linked_milestone(self, obj: LedgerEntry) -> dict[str, str] | None:
        linked = obj.linked_milestone
        return {"key": linked.key, "title": linked.title} if linked else None

    @extend_schema_field({"type": "string", "nullable": True})
    def get_merged_into(self, obj: LedgerEntry) -> str | None:
        return obj.merged_into.ref if obj.merged_into_id and obj.merged_into else None


class ProposalInput(serializers.Serializer):
    """A proposal to an open co-creation (validated again by the web form's own rules)."""

    title = serializers.CharField(max_length=200)
    problem = serializers.CharField()
    solution = serializers.CharField()
    values = serializers.ListField(
        child=serializers.ChoiceField(choices=OgpValue.choices), min_length=1, max_length=5
    )
    policy_area = serializers.ChoiceField(choices=FocusAreaCode.choices)
    language = serializers.ChoiceField(
        choices=settings.LANGUAGES,
        required=False,
        help_text="language the proposal is written in (default: the request's)",
    )
