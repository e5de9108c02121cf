"""Filters of the plans and co-creation endpoints (codes, not labels). The commitment filters
are the web explorer's: the filter set only validates them, `plans.selectors` applies them."""

from typing import Any

import django_filters as filters
from django.db.models import QuerySet
from rest_framework.filters import OrderingFilter

from ogp.cocreation.models import (
    CoCreationPlan,
    DispositionChoices,
    InputKind,
    LedgerEntry,
    OgpValue,
    Proposal,
)
from ogp.organisations.models import FocusAreaCode
from ogp.plans import labels as plan_labels
from ogp.plans.models import (
    ActionPlan,
    Commitment,
    IRMReport,
    IRMReportKind,
    Milestone,
    MilestoneStatus,
    ProgressUpdate,
)
from ogp.plans.selectors import (
    AREA_IDENTIFIER,
    AREA_ORDER,
    CODING_FILTERS,
    VALUE_FILTERS,
    ExplorerFilters,
)

from . import plan_selectors
from .filters import ApiFilterSet, StaticFormMixin

COUNTRY = {"max_length": 3, "help_text": "ISO 3166 alpha-3 code"}


def _view_plan(request: Any) -> CoCreationPlan:
    """The co-creation plan of the nested route being filtered (the view found it)."""
    return request.parser_context["view"].cocreation_plan()  # type: ignore[no-any-return]


class ActionPlanFilter(ApiFilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", **COUNTRY)
    locality = filters.CharFilter(field_name="locality__code", lookup_expr="iexact", max_length=8)
    submitted_year = filters.NumberFilter(min_value=1900, max_value=2999)

    class Meta:
        model = ActionPlan
        fields = ["country", "locality", "submitted_year"]


class CommitmentFilter(StaticFormMixin, ApiFilterSet):
    country = filters.CharFilter(**COUNTRY)
    plan = filters.CharFilter(max_length=20, help_text="OGP plan identifier")
    policy_area = filters.CharFilter(max_length=80, help_text="policy area code")
    value = filters.ChoiceFilter(
        choices=[(k, k) for k in VALUE_FILTERS], help_text="OGP value (IRM relevance coding)"
    )
    coding = filters.ChoiceFilter(
        choices=[(k, k) for k in CODING_FILTERS], help_text="IRM coding: starred, high completion…"
    )
    status = filters.ChoiceFilter(
        choices=[(k, k) for k in plan_labels.COMPLETION_ORDER], help_text="IRM completion"
    )
    year = filters.NumberFilter(min_value=1900, max_value=2999, help_text="plan submitted in")
    q = filters.CharFilter(max_length=100, help_text="words of the title, or an identifier")

    class Meta:
        model = Commitment
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        data = self.form.cleaned_data
        found = plan_selectors.commitments(
            ExplorerFilters(
                country=(data.get("country") or "").upper(),
                plan=data.get("plan") or "",
                policy_area=data.get("policy_area") or "",
                value=data.get("value") or "",
                coding=data.get("coding") or "",
                status=data.get("status") or "",
                q=(data.get("q") or "").strip(),
            )
        )
        if data.get("year") is not None:
            found = found.filter(plan__submitted_year=int(data["year"]))
        return found


class CommitmentOrdering(OrderingFilter):
    """``?ordering=``, where a policy-area filter orders by the identifier the area's links
    keep (the same value, read from their index: see ``plans.selectors``); the cursor then
    reads and filters its position on it too."""

    def get_ordering(self, request: Any, queryset: QuerySet[Any], view: Any) -> Any:
        ordering = super().get_ordering(request, queryset, view)
        if ordering and AREA_IDENTIFIER in queryset.query.annotations:
            return tuple(AREA_ORDER.get(field, field) for field in ordering)
        return ordering


class MilestoneFilter(ApiFilterSet):
    commitment = filters.CharFilter(field_name="commitment__identifier", max_length=20)
    country = filters.CharFilter(
        field_name="commitment__plan__country__iso3", lookup_expr="iexact", **COUNTRY
    )
    status = filters.ChoiceFilter(choices=MilestoneStatus.choices)
    civil_society_status = filters.ChoiceFilter(choices=MilestoneStatus.choices)

    class Meta:
        model = Milestone
        fields = ["commitment", "country", "status"]


class ProgressUpdateFilter(ApiFilterSet):
    milestone = filters.NumberFilter(min_value=1, max_value=2**31 - 1)
    commitment = filters.CharFilter(field_name="milestone__commitment__identifier", max_length=20)
    country = filters.CharFilter(
        field_name="milestone__commitment__plan__country__iso3", lookup_expr="iexact", **COUNTRY
    )
    status = filters.ChoiceFilter(choices=MilestoneStatus.choices)

    class Meta:
        model = ProgressUpdate
        fields = ["milestone", "commitment", "country", "status"]


class IRMReportFilter(ApiFilterSet):
    country = filters.CharFilter(field_name="plan__country__iso3", lookup_expr="iexact", **COUNTRY)
    plan = filters.CharFilter(field_name="plan__ogp_id", max_length=20)
    kind = filters.ChoiceFilter(choices=IRMReportKind.choices)

    class Meta:
        model = IRMReport
        fields = ["country", "plan", "kind"]


class CoCreationPlanFilter(ApiFilterSet):
    country = filters.CharFilter(field_name="country__iso3", lookup_expr="iexact", **COUNTRY)
    proposals_open = filters.BooleanFilter()

    class Meta:
        model = CoCreationPlan
        fields = ["country", "state", "proposals_open"]


class ProposalFilter(ApiFilterSet):
    """Applied by the co-creation app's own proposal reader."""

    policy_area = filters.ChoiceFilter(choices=FocusAreaCode.choices)
    value = filters.ChoiceFilter(choices=OgpValue.choices)
    disposition = filters.ChoiceFilter(
        choices=[("unanswered", "unanswered"), *DispositionChoices.choices]
    )
    q = filters.CharFilter(max_length=100)

    class Meta:
        model = Proposal
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        data = self.form.cleaned_data
        plan = _view_plan(self.request)
        return plan_selectors.proposals(
            plan,
            policy_area=data.get("policy_area") or "",
            value=data.get("value") or "",
            disposition=data.get("disposition") or "",
            query=(data.get("q") or "").strip(),
        )


class InputFilter(ApiFilterSet):
    kind = filters.ChoiceFilter(choices=InputKind.choices)
    disposition = filters.ChoiceFilter(
        choices=[("unanswered", "unanswered"), *DispositionChoices.choices]
    )
    language = filters.CharFilter(max_length=8)

    class Meta:
        model = LedgerEntry
        fields: list[str] = []

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        data = self.form.cleaned_data
        plan = _view_plan(self.request)
        return plan_selectors.inputs(
            plan,
            kind=data.get("kind") or "",
            disposition=data.get("disposition") or "",
            language=data.get("language") or "",
        )
