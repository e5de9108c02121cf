"""API v1 reads of self-assessments: those open for public comment and those published, with
their sections, per-commitment entries and the comments with their answers."""

from typing import Any

import django_filters as filters

from ogp.monitoring import selectors
from ogp.monitoring.models import SelfAssessment, SelfAssessmentKind, SelfAssessmentState

from . import monitoring_serializers as out
from .base import PublicReadViewSet
from .filters import ApiFilterSet
from .plan_filters import COUNTRY


class SelfAssessmentFilter(ApiFilterSet):
    country = filters.CharFilter(field_name="plan__country__iso3", lookup_expr="iexact", **COUNTRY)
    plan = filters.CharFilter(field_name="plan__ogp_id", max_length=20)
    kind = filters.ChoiceFilter(choices=SelfAssessmentKind.choices)
    state = filters.ChoiceFilter(
        choices=[c for c in SelfAssessmentState.choices if c[0] != SelfAssessmentState.DRAFT]
    )

    class Meta:
        model = SelfAssessment
        fields = ["country", "plan", "kind", "state"]


class SelfAssessmentViewSet(PublicReadViewSet):
    """Governments' self-assessments (midterm, end of term) open for public comment or
    published; a draft not yet opened is not public. The detail gives the sections, one entry
    per commitment, and every comment with the government's disposition and reason."""

    filterset_class = SelfAssessmentFilter
    lookup_value_regex = "[0-9]{1,9}"
    ordering_fields = ["id", "published_at"]
    ordering = ["id"]

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return out.SelfAssessmentDetailSerializer
        return out.SelfAssessmentSerializer

    def get_queryset(self) -> Any:
        if self.action == "retrieve":
            return selectors.public_self_assessment_details()
        return selectors.public_self_assessments()
