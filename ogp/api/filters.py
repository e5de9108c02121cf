"""django-filter filter sets for the list endpoints (codes, not labels, in every filter)."""

import copy
from collections import OrderedDict
from typing import Any

import django_filters as filters
from django.http import QueryDict
from django.utils import translation

from ogp.countries.models import Country, MembershipStatus, MembershipStatusChange, Region
from ogp.eligibility.models import CountryResult, Cycle, CycleState, DatasetKind, DatasetRelease
from ogp.membership.models import LetterOfIntent
from ogp.organisations.models import FocusAreaCode, Organisation, OrganisationKind
from ogp.participation.models import Event, Forum, Meeting
from ogp.participation.models.events import EventKind

_FORM_CLASSES: dict[tuple[type, str], Any] = {}


class ApiFilterSet(filters.FilterSet):
    """django-filter's filter set, copying its declared filters cheaply at every request.

    django-filter deep-copies the class's filters at every request (each filter's form field,
    widget, choices and lazy labels: a quarter of an uncached list page's CPU time) so that
    the copies can point to their filter set (``parent``) and model. A shallow copy of each
    filter is enough: nothing else is set per request, a filter's form field is built on the
    copy (``_field``), and a ``method`` filter gets its own ``FilterMethod`` bound to the
    copy, as with the deep copy."""

    def __init__(
        self,
        data: Any = None,
        queryset: Any = None,
        *,
        request: Any = None,
        prefix: str | None = None,
    ) -> None:
        if queryset is None:
            queryset = self._meta.model._default_manager.all()
        model = queryset.model
        self.is_bound = data is not None
        self.data = data or QueryDict()
        self.queryset = queryset
        self.request = request
        self.form_prefix = prefix
        copies = OrderedDict()
        for name, declared in self.base_filters.items():
            filter_ = copy.copy(declared)
            if declared.method is not None:  # a FilterMethod of its own, not the declared one's
                filter_.method = declared.method
            filter_.model = model
            filter_.parent = self
            copies[name] = filter_
        self.filters = copies


class _SharedFields(dict[str, Any]):
    """A form's ``base_fields`` that its instances share instead of deep-copying them."""

    def __deepcopy__(self, memo: dict[int, Any]) -> dict[str, Any]:
        return dict(self)


class StaticFormMixin:
    """The filter form's class built once per filter set and language instead of at every
    request (django-filter builds every filter's form field again for each request: a fifth
    of a list page's CPU time). Only for filter sets whose fields do not depend on the
    request (no query set of choices read per request).

    The form's instances share its fields too (Django deep-copies them for each form: another
    tenth): the form only validates the query string, it is never rendered, and validating
    (``Field.clean``, ``Widget.value_from_datadict``) changes nothing on a field or its widget
    (errors and cleaned values are kept on the form)."""

    def get_form_class(self) -> Any:
        key = (type(self), translation.get_language() or "")
        form = _FORM_CLASSES.get(key)
        if form is None:
            form = super().get_form_class()  # type: ignore[misc]
            form.base_fields = _SharedFields(form.base_fields)
            _FORM_CLASSES[key] = form
        return form


class CountryFilter(ApiFilterSet):
    region = filters.ChoiceFilter(choices=Region.choices)
    membership_status = filters.ChoiceFilter(choices=MembershipStatus.choices)
    un_member = filters.BooleanFilter()

    class Meta:
        model = Country
        fields = ["region", "membership_status", "un_member"]


class StatusChangeFilter(ApiFilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    to_status = filters.ChoiceFilter(choices=MembershipStatus.choices)
    effective_after = filters.DateFilter(field_name="effective_date", lookup_expr="gte")
    effective_before = filters.DateFilter(field_name="effective_date", lookup_expr="lte")

    class Meta:
        model = MembershipStatusChange
        fields = ["country", "to_status"]


class ReleaseFilter(ApiFilterSet):
    kind = filters.ChoiceFilter(choices=DatasetKind.choices)

    class Meta:
        model = DatasetRelease
        fields = ["kind"]


class CycleFilter(ApiFilterSet):
    state = filters.ChoiceFilter(choices=CycleState.choices)

    class Meta:
        model = Cycle
        fields = ["state"]


class ResultFilter(StaticFormMixin, ApiFilterSet):
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


class LetterFilter(ApiFilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    language = filters.CharFilter(max_length=5)

    class Meta:
        model = LetterOfIntent
        fields = ["country", "language"]


class ForumFilter(ApiFilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)

    class Meta:
        model = Forum
        fields = ["country"]


class MeetingFilter(ApiFilterSet):
    forum = filters.CharFilter(field_name="forum__slug", max_length=120)
    country = filters.CharFilter(
        field_name="forum__country__iso3", lookup_expr="iexact", max_length=3
    )
    date_after = filters.DateFilter(field_name="date", lookup_expr="gte")
    date_before = filters.DateFilter(field_name="date", lookup_expr="lte")

    class Meta:
        model = Meeting
        fields = ["forum", "country", "is_cancelled"]


class EventFilter(ApiFilterSet):
    kind = filters.ChoiceFilter(choices=EventKind.choices)
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    starts_after = filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="gte")
    starts_before = filters.IsoDateTimeFilter(field_name="starts_at", lookup_expr="lte")

    class Meta:
        model = Event
        fields = ["kind", "country"]


class OrganisationFilter(ApiFilterSet):
    kind = filters.ChoiceFilter(choices=OrganisationKind.choices)
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", max_length=3)
    focus_area = filters.ChoiceFilter(
        field_name="focus_areas__code", choices=FocusAreaCode.choices, distinct=True
    )

    class Meta:
        model = Organisation
        fields = ["kind", "country"]
