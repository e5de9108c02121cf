"""What the API shows of each public object. Code values come with translated labels; stored
content is given as written, with its original language where the platform knows it."""

from typing import Any

from django.conf import settings
from django.utils import translation
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from ogp.countries.models import Country, MembershipStatusChange
from ogp.eligibility import labels as eligibility_labels
from ogp.eligibility.models import CountryResult, Cycle, DatasetRelease, RuleSetVersion
from ogp.membership.models import LetterOfIntent
from ogp.organisations.models import Organisation
from ogp.participation.models import Event, Forum, ForumMembership, Meeting

from .fields import CodeLabelField, NamesField


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


class CountryRefSerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)

    class Meta:
        model = Country
        fields = ["iso3", "iso2", "name"]


class CountrySerializer(serializers.ModelSerializer):
    name = serializers.CharField(read_only=True)
    names = NamesField()
    region = CodeLabelField()
    membership_status = CodeLabelField()
    is_member = serializers.BooleanField(read_only=True)
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Country
        fields = [
            "iso3",
            "iso2",
            "numeric",
            "name",
            "names",
            "region",
            "un_member",
            "membership_status",
            "membership_status_since",
            "is_member",
            "web_url",
        ]

    def get_web_url(self, obj: Country) -> str:
        return absolute(obj.get_absolute_url())


class StatusChangeSerializer(serializers.ModelSerializer):
    country = serializers.CharField(source="country.iso3", read_only=True)
    from_status = CodeLabelField()
    to_status = CodeLabelField()

    class Meta:
        model = MembershipStatusChange
        fields = ["id", "country", "from_status", "to_status", "effective_date", "reason"]


class RuleSetSerializer(serializers.ModelSerializer):
    title = serializers.CharField(source="display_title", read_only=True)
    based_on = serializers.SerializerMethodField()

    class Meta:
        model = RuleSetVersion
        fields = [
            "id",
            "code",
            "version",
            "title",
            "valid_from",
            "valid_to",
            "shipped",
            "based_on",
            "definition",
            "created_at",
        ]

    def get_based_on(self, obj: RuleSetVersion) -> int | None:
        return obj.based_on_id


class ReleaseSerializer(serializers.ModelSerializer):
    kind = CodeLabelField()

    class Meta:
        model = DatasetRelease
        fields = [
            "id",
            "kind",
            "publisher",
            "edition",
            "published_on",
            "published_on_estimated",
            "source_url",
            "file_name",
            "checksum",
            "size",
            "rows",
            "year_min",
            "year_max",
            "columns",
            "imported_at",
        ]


class CycleSerializer(serializers.ModelSerializer):
    ruleset = serializers.SerializerMethodField()
    state = CodeLabelField()
    releases = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Cycle
        fields = [
            "year",
            "review_date",
            "state",
            "ruleset",
            "releases",
            "checksum",
            "computed_at",
            "published_at",
            "web_url",
        ]

    @extend_schema_field(
        {
            "type": "object",
            "properties": {"code": {"type": "string"}, "version": {"type": "integer"}},
        }
    )
    def get_ruleset(self, obj: Cycle) -> dict[str, Any]:
        return {"code": obj.ruleset.code, "version": obj.ruleset.version}

    def get_releases(self, obj: Cycle) -> list[int]:
        return [r.pk for r in obj.releases.all()]

    def get_web_url(self, obj: Cycle) -> str:
        return absolute(obj.get_absolute_url())


PROVENANCE_SCHEMA = {
    "type": "array",
    "items": {
        "type": "object",
        "properties": {
            "criterion": {"type": "object", "properties": {"code": {}, "label": {}}},
            "points": {"type": "integer", "nullable": True},
            "max_points": {"type": "integer"},
            "raw": {"type": "string"},
            "overridden": {"type": "boolean"},
            "override_reason": {"type": "string"},
            "source": {
                "type": "object",
                "nullable": True,
                "description": "where the value comes from: dataset, edition, year, release id, "
                "line (and sheet) in the publisher's file, address",
                "additionalProperties": True,
            },
        },
    },
}


class ResultSerializer(serializers.ModelSerializer):
    cycle = serializers.IntegerField(source="cycle.year", read_only=True)
    country = CountryRefSerializer(read_only=True)
    status = CodeLabelField(labels=eligibility_labels.STATUS_LABELS)
    criteria = serializers.SerializerMethodField()

    class Meta:
        model = CountryResult
        fields = [
            "id",
            "cycle",
            "country",
            "status",
            "total",
            "maximum",
            "is_member",
            "values_check",
            "eligibility_review",
            "at_risk",
            "criteria",
        ]

    @extend_schema_field(PROVENANCE_SCHEMA)
    def get_criteria(self, obj: CountryResult) -> list[dict[str, Any]]:
        return self._criteria(obj, self._labels())

    def _labels(self) -> dict[str, dict[str, str]]:
        """Labels in the current language, translated once per response, not once per row."""
        lang = translation.get_language() or "en"
        cache = self.root.__dict__.setdefault("_ogp_labels", {}) if self.root else {}
        if lang not in cache:
            cache[lang] = {
                "status": {k: str(v) for k, v in eligibility_labels.STATUS_LABELS.items()},
                "criterion": {k: str(v) for k, v in eligibility_labels.CRITERION_LABELS.items()},
            }
        labels: dict[str, dict[str, str]] = cache[lang]
        return labels

    @staticmethod
    def _criteria(obj: CountryResult, labels: dict[str, dict[str, str]]) -> list[dict[str, Any]]:
        out = []
        for crit in obj.data.get("criteria", []):
            code = crit.get("code", "")
            out.append(
                {
                    "criterion": {"code": code, "label": labels["criterion"].get(code, code)},
                    "points": crit.get("points"),
                    "max_points": crit.get("max_points"),
                    "raw": crit.get("raw", ""),
                    "overridden": bool(crit.get("overridden")),
                    "override_reason": crit.get("override_reason", ""),
                    "source": crit.get("source"),
                }
            )
        return out

    def to_representation(self, instance: CountryResult) -> dict[str, Any]:
        """The same fields as declared (the schema), built directly: list pages of results are
        the API's largest, and DRF's per-field machinery costs more than the data."""
        labels = self._labels()
        country = instance.country
        return {
            "id": instance.pk,
            "cycle": self.context.get("cycle_year") or instance.cycle.year,
            "country": {"iso3": country.iso3, "iso2": country.iso2, "name": country.name},
            "status": {
                "code": instance.status,
                "label": labels["status"].get(instance.status, instance.status),
            },
            "total": instance.total,
            "maximum": instance.maximum,
            "is_member": instance.is_member,
            "values_check": instance.values_check,
            "eligibility_review": instance.eligibility_review,
            "at_risk": instance.at_risk,
            "criteria": self._criteria(instance, labels),
        }


class MemberSerializer(CountrySerializer):
    lead_agency = serializers.SerializerMethodField()

    class Meta(CountrySerializer.Meta):
        fields = [*CountrySerializer.Meta.fields, "lead_agency"]

    @extend_schema_field(
        {
            "type": "object",
            "nullable": True,
            "properties": {"name": {"type": "string"}, "website": {"type": "string"}},
        }
    )
    def get_lead_agency(self, obj: Country) -> dict[str, str] | None:
        agency = getattr(obj, "lead_agency", None)  # missing: RelatedObjectDoesNotExist
        if agency is None:
            return None
        return {"name": agency.name, "website": agency.website}


class LetterSerializer(serializers.ModelSerializer):
    reference = serializers.CharField(read_only=True)
    country = CountryRefSerializer(read_only=True)
    language = CodeLabelField(labels=dict(settings.LANGUAGES))

    class Meta:
        model = LetterOfIntent
        fields = [
            "id",
            "reference",
            "country",
            "language",
            "received_on",
            "accepted_on",
            "endorses_declaration",
            "past_reforms",
            "responsible_ministry",
            "signatory_name",
            "signatory_title",
            "signatory_agency",
        ]


class OrganisationRefSerializer(serializers.ModelSerializer):
    class Meta:
        model = Organisation
        fields = ["slug", "name"]


class ForumMemberSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="display_name", read_only=True)
    organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    side = CodeLabelField()
    role = CodeLabelField()

    class Meta:
        model = ForumMembership
        fields = ["name", "organisation", "side", "role", "joined_on"]


class ForumSerializer(serializers.ModelSerializer):
    country = CountryRefSerializer(read_only=True)
    government_members = serializers.IntegerField(source="government_count", read_only=True)
    non_government_members = serializers.IntegerField(source="non_government_count", read_only=True)
    last_meeting = serializers.DateField(source="last_held", read_only=True, allow_null=True)
    next_meeting = serializers.DateField(source="next_scheduled", read_only=True, allow_null=True)
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Forum
        fields = [
            "slug",
            "name",
            "country",
            "description",
            "rules_of_participation",
            "established_on",
            "website",
            "government_members",
            "non_government_members",
            "last_meeting",
            "next_meeting",
            "is_demo",
            "web_url",
        ]

    def get_web_url(self, obj: Forum) -> str:
        return absolute(obj.get_absolute_url())


class ForumDetailSerializer(ForumSerializer):
    members = ForumMemberSerializer(source="memberships", many=True, read_only=True)

    class Meta(ForumSerializer.Meta):
        fields = [*ForumSerializer.Meta.fields, "members"]


class MeetingSerializer(serializers.ModelSerializer):
    forum = serializers.CharField(source="forum.slug", read_only=True)
    country = serializers.CharField(source="forum.country.iso3", read_only=True)
    attendance = serializers.IntegerField(source="attendance_count", read_only=True)

    class Meta:
        model = Meeting
        fields = [
            "id",
            "forum",
            "country",
            "title",
            "date",
            "location",
            "agenda",
            "minutes",
            "is_cancelled",
            "attendance",
            "is_demo",
        ]


class EventSerializer(serializers.ModelSerializer):
    kind = CodeLabelField()
    country = CountryRefSerializer(read_only=True, allow_null=True)
    forum = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    organisation = OrganisationRefSerializer(read_only=True, allow_null=True)
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Event
        fields = [
            "slug",
            "kind",
            "title",
            "description",
            "starts_at",
            "ends_at",
            "location",
            "online_url",
            "country",
            "forum",
            "organisation",
            "capacity",
            "registration_open",
            "is_demo",
            "updated_at",
            "web_url",
        ]

    def get_web_url(self, obj: Event) -> str:
        return absolute(obj.get_absolute_url())


class OrganisationSerializer(serializers.ModelSerializer):
    kind = CodeLabelField()
    country = CountryRefSerializer(read_only=True, allow_null=True)
    focus_areas = serializers.SerializerMethodField()
    web_url = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = [
            "slug",
            "name",
            "kind",
            "country",
            "website",
            "description",
            "focus_areas",
            "is_demo",
            "web_url",
        ]

    @extend_schema_field(
        {
            "type": "array",
            "items": {
                "type": "object",
                "properties": {"code": {"type": "string"}, "label": {"type": "string"}},
            },
        }
    )
    def get_focus_areas(self, obj: Organisation) -> list[dict[str, str]]:
        return [{"code": f.code, "label": str(f.label)} for f in obj.focus_areas.all()]

    def get_web_url(self, obj: Organisation) -> str:
        return absolute(obj.get_absolute_url())
