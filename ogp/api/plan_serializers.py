"""What the API shows of action plans, commitments, milestones, progress updates and IRM
reports. Codes come with labels in the request's language; text is given as stored."""

from typing import Any
from urllib.parse import quote

from django.urls import reverse
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ogp.plans import labels as plan_labels
from ogp.plans.models import (
    ActionPlan,
    Commitment,
    CommitmentInstitution,
    IRMReport,
    Milestone,
    MilestoneStatus,
    ProgressUpdate,
)

from .fields import CODE_LABEL_SCHEMA, CodeLabelField
from .serializers import CountryRefSerializer, absolute

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
            "full_text",
            "problem",
            "status_quo",
            "objective",
            "how_it_helps",
            "relevance_transparency",
            "relevance_participation",
            "relevance_accountability",
            "institutions",
            "milestones",
        ]


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
