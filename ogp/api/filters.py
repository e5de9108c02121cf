"""django-filter filter sets for the list endpoints (codes, not labels, in every filter)."""

from typing import Any

import django_filters as filters
from django.utils import translation

from ogp.countries.models import Country, MembershipStatus, MembershipStatusChange, Region
from ogp.eligibility.models import CountryResult, Cycle, CycleState, DatasetKind, DatasetRelease
from ogp.membership.models import LetterOfIntent
from ogp.organisations.models import FocusAreaCode, Organisation, OrganisationKind
from ogp.participation.models import Event, Forum, Meeting
from ogp.participation.models.events import EventKind

_FORM_CLASSES: dict[tuple[type, str], Any] = {}


class StaticFormMixin:
    """The filter form's class built once per filter set and language instead of at every
    request (django-filter builds every filter's form field again for each request: a fifth
    of a list page's CPU time). Only for filter sets whose fields do not depend on the
    request (no query set of choices read per request)."""

    def get_form_class(self) -> Any:
        key = (type(self), translation.get_language() or "")
        form = _FORM_CLASSES.get(key)
        if form is None:
            form = _FORM_CLASSES[key] = super().get_form_class()  # type: ignore[misc]
        return form


class CountryFilter(filters.FilterSet):
    region = filters.ChoiceFilter(choices=Region.choices)
    membership_status = filters.ChoiceFilter(choices=MembershipStatus.choices)
    un_member = filters.BooleanFilter()

    class Meta:
        model = Country
        fields = ["region", "membership_status", "un_member"]


class StatusChangeFilter(filters.FilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    to_status = filters.ChoiceFilter(choices=MembershipStatus.choices)
    effective_after = filters.DateFilter(field_name="effective_date", lookup_expr="gte")
    effective_before = filters.DateFilter(field_name="effective_date", lookup_expr="lte")

    class Meta:
        model = MembershipStatusChange
        fields = ["country", "to_status"]


class ReleaseFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=DatasetKind.choices)

    class Meta:
        model = DatasetRelease
        fields = ["kind"]


class CycleFilter(filters.FilterSet):
    state = filters.ChoiceFilter(choices=CycleState.choices)

    class Meta:
        model = Cycle
        fields = ["state"]


class ResultFilter(StaticFormMixin, filters.FilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    region = filters.ChoiceFilter(field_name="country__region", choices=Region.choices)
    status = filters.ChoiceFilter(
        choices=[
            ("eligible", "eligible"),
            ("not_eligible", "not_eligible"),
            ("not_enough_data", "not_enough_data"),
        ]
    )
    is_member = filters.BooleanFilter()
    eligibility_review = filters.BooleanFilter()
    at_risk = filters.BooleanFilter()

    class Meta:
        model = CountryResult
        fields = ["country", "status", "is_member"]


class LetterFilter(filters.FilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    language = filters.CharFilter(max_length=5)

    class Meta:
        model = LetterOfIntent
        fields = ["country", "language"]


class ForumFilter(filters.FilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)

    class Meta:
        model = Forum
        fields = ["country"]


class MeetingFilter(filters.FilterSet):
    forum = filters.CharFilter(field_name="forum__slug", max_length=120)
    country = filters.CharFilter(
        field_name="forum__country__iso3", lookup_expr="iexact", max_length=3
    )
    date_after = filters.DateFilter(field_name="date", lookup_expr="gte")
    date_before = filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Meeting
        fields = ["forum", "country", "is_cancelled"]


class EventFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=EventKind.choices)
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    starts_after = filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    starts_before = filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="lte")

    class Meta:
        model = Event
        fields = ["kind", "country"]


class OrganisationFilter(filters.FilterSet):
    kind = filters.ChoiceFilter(choices=OrganisationKind.choices)
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    focus_area = filters.ChoiceFilter(
        field_name="focus_areas__code", choices=FocusAreaCode.choices, distinct=True
    )

    class Meta:
        model = Organisation
        fields = ["kind", "country"]
