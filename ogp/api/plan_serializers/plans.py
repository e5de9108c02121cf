"""Action plans, commitments and milestones as the API shows them."""

from typing import Any
from urllib.parse import quote

from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ogp.plans import labels as plan_labels
from ogp.plans.models import (
    COMMITMENT_TEXT_FIELDS,
    ActionPlan,
    Commitment,
    CommitmentInstitution,
    Milestone,
    MilestoneStatus,
)

from ..fields import CODE_LABEL_SCHEMA, CodeLabelField
from ..serializers import CountryRefSerializer, absolute

CODE_LABEL_LIST = {"type": "array", "items": CODE_LABEL_SCHEMA}
NULLABLE_CODE_LABEL = {**CODE_LABEL_SCHEMA, "nullable": True}
LOCALITY_SCHEMA = {
    "type": "object",
    "nullable": True,
    "properties": {"code": {"type": "string"}, "name": {"type": "string"}},
}
VALUES_SCHEMA = {
    "type": "object",
    "description": "OGP values from the IRM's relevance coding; null: no data or not reviewed",
    "properties": {
        name: {"type": "boolean", "nullable": True} for name in plan_labels.VALUE_LABELS
    },
}
IRM_SCHEMA = {
    "type": "object",
    "properties": {
        "completion": NULLABLE_CODE_LABEL,
        "starred": {"type": "boolean", "nullable": True},
        "high_completion": {"type": "boolean", "nullable": True},
        "strong_early_results": {"type": "boolean", "nullable": True},
        "scale": {"type": "string", "nullable": True},
        "coding": {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "key": {"type": "string", "description": "<phase>.<indicator>"},
                    "indicator": {"type": "string"},
                    "state": {"type": "string"},
                    "value": {"type": "string"},
                    "as_written": {"type": "string"},
                },
            },
        },
    },
}


def _locality(plan: ActionPlan) -> dict[str, str] | None:
    if not plan.locality_id or plan.locality is None:
        return None
    return {"code": plan.locality.code, "name": plan.locality.name}


class PlanRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = ActionPlan
        fields = ["ogp_id", "submitted_year", "end_year"]


class ActionPlanSerializer(serializers.ModelSerializer):
    country = CountryRefSerializer(read_only=True)
    locality = serializers.SerializerMethodField()
    source = CodeLabelField()
    commitments = serializers.IntegerField(source="commitment_count", read_only=True)
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = ActionPlan
        fields = [
            "ogp_id",
            "country",
            "locality",
            "number",
            "submitted_year",
            "end_year",
            "duration_years",
            "due_date",
            "published_on",
            "source",
            "commitments",
            "is_demo",
            "web_url",
        ]

    @extend_schema_field(LOCALITY_SCHEMA)
    def get_locality(self, obj: ActionPlan) -> dict[str, str] | None:
        return _locality(obj)

    def get_web_url(self, obj: ActionPlan) -> str:
        return absolute(obj.get_absolute_url())


class CommitmentSerializer(serializers.ModelSerializer):
    plan = serializers.CharField(source="plan.ogp_id", read_only=True)
    country = CountryRefSerializer(source="plan.country", read_only=True)
    locality = serializers.SerializerMethodField()
    policy_areas = serializers.SerializerMethodField()
    values = serializers.SerializerMethodField()
    irm = serializers.SerializerMethodField()
    progress_level = CodeLabelField(labels=dict(MilestoneStatus.choices))
    source = CodeLabelField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Commitment
        fields = [
            "identifier",
            "plan",
            "country",
            "locality",
            "number",
            "title",
            "short_title",
            "theme",
            "start_date",
            "end_date",
            "policy_areas",
            "values",
            "irm",
            "is_active",
            "progress",
            "progress_level",
            "source",
            "source_url",
            "is_demo",
            "updated_at",
            "web_url",
        ]

    @extend_schema_field(LOCALITY_SCHEMA)
    def get_locality(self, obj: Commitment) -> dict[str, str] | None:
        return _locality(obj.plan)

    @extend_schema_field(CODE_LABEL_LIST)
    def get_policy_areas(self, obj: Commitment) -> list[dict[str, str]]:
        return [{"code": area.code, "label": area.name} for area in obj.policy_areas.all()]

    @extend_schema_field(VALUES_SCHEMA)
    def get_values(self, obj: Commitment) -> dict[str, bool | None]:
        return {name: getattr(obj, f"value_{name}") for name in plan_labels.VALUE_LABELS}

    @extend_schema_field(IRM_SCHEMA)
    def get_irm(self, obj: Commitment) -> dict[str, Any]:
        return {
            "completion": {
                "code": obj.completion,
                "label": plan_labels.completion_label(obj.completion),
            }
            if obj.completion
            else None,
            "starred": obj.starred,
            "high_completion": obj.high_completion,
            "strong_early_results": obj.strong_early_results,
            "scale": obj.coding_scale.code if obj.coding_scale_id and obj.coding_scale else None,
            "coding": self._coding(obj.irm_coding),
        }

    def _coding(self, coding: dict[str, Any]) -> list[dict[str, Any]]:
        """Rows of plan_labels.coding_rows, their labels translated once per response (a list
        page repeats the same indicators and levels on every commitment)."""
        root = self.root if self.root is not None else self
        memo = root.__dict__.setdefault("_ogp_coding_labels", {})
        language = translation.get_language() or "en"
        out = []
        for key, value in coding.items():
            found = (language, key, value.get("state"), value.get("level") or "")
            row = memo.get(found)
            if row is None:
                row = memo[found] = plan_labels.coding_rows({key: value})[0]
            out.append(
                {
                    "key": key,
                    "indicator": row["indicator"],
                    "state": row["state"] or "",
                    "value": row["value"],
                    "as_written": value.get("text") or value.get("code") or "",
                }
            )
        return out

    def get_web_url(self, obj: Commitment) -> str:
        return absolute(obj.get_absolute_url())

    def _list_labels(self) -> dict[str, Any]:
        """Per response and language: code labels, and the commitment page's address with a
        place-holder (one ``reverse`` per page, not per row)."""
        root = self.root if self.root is not None else self
        memo = root.__dict__.setdefault("_ogp_commitment_labels", {})
        language = translation.get_language() or "en"
        if language not in memo:
            source = Commitment._meta.get_field("source")
            memo[language] = {
                "progress_level": {k: str(v) for k, v in MilestoneStatus.choices},
                "source": {k: str(v) for k, v in dict(source.flatchoices).items()},  # type: ignore[union-attr]
                "url": absolute(reverse("plans:commitment-detail", args=[_PLACEHOLDER])),
            }
        return memo[language]  # type: ignore[no-any-return]

    def to_representation(self, instance: Commitment) -> dict[str, Any]:
        """The declared fields (the schema), built directly: DRF's per-field machinery cost
        more than the data on a list page (a test compares it with DRF's own rendering).
        Subclasses (the detail) declare more fields: DRF renders them."""
        if type(self) is not CommitmentSerializer:
            return super().to_representation(instance)  # type: ignore[no-any-return]
        labels = self._list_labels()
        fields = self.fields
        plan = instance.plan
        country = plan.country

        def plain(name: str) -> Any:
            value = getattr(instance, name)
            return None if value is None else fields[name].to_representation(value)

        def code(name: str) -> dict[str, str] | None:
            value = getattr(instance, name)
            if value in (None, ""):
                return None
            return {"code": str(value), "label": labels[name].get(value, value)}

        return {
            "identifier": instance.identifier,
            "plan": plan.ogp_id,
            "country": {"iso3": country.iso3, "iso2": country.iso2, "name": country.name},
            "locality": _locality(plan),
            "number": instance.number,
            "title": instance.title,
            "short_title": instance.short_title,
            "theme": instance.theme,
            "start_date": plain("start_date"),
            "end_date": plain("end_date"),
            "policy_areas": self.get_policy_areas(instance),
            "values": self.get_values(instance),
            "irm": self.get_irm(instance),
            "is_active": instance.is_active,
            "progress": plain("progress"),
            "progress_level": code("progress_level"),
            "source": code("source"),
            "source_url": instance.source_url,
            "is_demo": instance.is_demo,
            "updated_at": plain("updated_at"),
            "web_url": labels["url"].replace(_PLACEHOLDER, quote(instance.identifier, _SAFE)),
        }


_PLACEHOLDER = "IDENTIFIER0"  # matches the address pattern; no commitment has it
_SAFE = "!$&'()*+,;=/~:@"  # what reverse() leaves unquoted in an argument


class InstitutionSerializer(serializers.ModelSerializer):
    role = CodeLabelField()
    organisation = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)

    class Meta:
        model = CommitmentInstitution
        fields = ["role", "name", "organisation", "is_civil_society"]


class MilestoneSerializer(serializers.ModelSerializer):
    commitment = serializers.CharField(source="commitment.identifier", read_only=True)
    status = CodeLabelField()
    civil_society_status = CodeLabelField(
        help_text="civil society's view when it disputes the latest official update"
    )

    class Meta:
        model = Milestone
        fields = [
            "id",
            "commitment",
            "position",
            "title",
            "expected_output",
            "responsible",
            "start_date",
            "due_date",
            "weight",
            "status",
            "civil_society_status",
            "status_updated_at",
            "is_demo",
        ]


class MilestoneInCommitmentSerializer(MilestoneSerializer):
    class Meta(MilestoneSerializer.Meta):
        fields = [f for f in MilestoneSerializer.Meta.fields if f != "commitment"]


class CommitmentDetailSerializer(CommitmentSerializer):
    institutions = InstitutionSerializer(many=True, read_only=True)
    milestones = MilestoneInCommitmentSerializer(many=True, read_only=True)

    class Meta(CommitmentSerializer.Meta):
        fields = [
            *CommitmentSerializer.Meta.fields,
            *COMMITMENT_TEXT_FIELDS,
            "institutions",
            "milestones",
        ]
