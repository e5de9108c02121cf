"""API v1 reads of action plans and their implementation: plans, commitments, milestones,
progress updates (official and civil-society status) and published IRM reports with coding."""

from datetime import datetime
from typing import Any

from django.db.models import CharField
from django.db.models.functions import Cast
from django.http import Http404
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from ogp.plans.models import Commitment

from . import plan_filters, plan_selectors
from . import plan_serializers as out
from .base import PublicReadViewSet
from .rows import CachedRowsMixin

IDENTIFIER = "[A-Za-z0-9_.-]{1,20}"


class ActionPlanViewSet(PublicReadViewSet):
    """Action plans of national and local members, with their number of commitments."""

    serializer_class = out.ActionPlanSerializer
    filterset_class = plan_filters.ActionPlanFilter
    lookup_field = "ogp_id"
    lookup_value_regex = IDENTIFIER
    ordering_fields = ["submitted_year", "ogp_id", "id"]
    ordering = ["id"]

    def get_queryset(self) -> Any:
        return plan_selectors.action_plans()


class CommitmentViewSet(CachedRowsMixin, PublicReadViewSet):
    """Commitments by OGP identifier (e.g. AL0002), with the explorer's filters: country,
    plan, policy area, OGP value, IRM coding (starred, high completion…), IRM completion."""

    row_kind = "commitment"
    # the time it was saved, as the database writes it: a version without decoding 50 times
    row_key_expressions = {"version": Cast("updated_at", CharField())}
    filter_backends = [DjangoFilterBackend, plan_filters.CommitmentOrdering]

    filterset_class = plan_filters.CommitmentFilter
    lookup_field = "identifier"
    lookup_value_regex = IDENTIFIER
    ordering_fields = ["identifier", "title", "updated_at", "id"]
    ordering = ["identifier"]

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return out.CommitmentDetailSerializer
        return out.CommitmentSerializer

    def get_queryset(self) -> Any:
        if self.action == "retrieve":
            return plan_selectors.commitment_detail()
        return Commitment.objects.none()  # the filter set reads through plans.selectors

    def filter_queryset(self, queryset: Any) -> Any:
        if self.action == "retrieve":
            return queryset
        return self.listed(super().filter_queryset(queryset))

    def load_rows(self, queryset: Any) -> Any:
        return plan_selectors.commitment_rows(queryset)

    def row_key(self, row: Any, language: str) -> str:
        """A commitment's row changes with it (its plan, country and policy areas through the
        published data's generation)."""
        version = row["version"].replace(" ", "T")  # keys without spaces (memcached's rule)
        return f"api:row:commitment:{language}:{row['id']}:{version}"

    def last_modified(self) -> datetime | None:
        if getattr(self, "action", "") == "retrieve":
            found = (
                Commitment.objects.filter(identifier=self.kwargs.get("identifier"))
                .values_list("updated_at", flat=True)
                .first()
            )
            return found
        return None


class MilestoneViewSet(PublicReadViewSet):
    """Milestones with the official status and, when it disputes it, civil society's."""

    serializer_class = out.MilestoneSerializer
    lookup_value_regex = "[0-9]{1,9}"
    filterset_class = plan_filters.MilestoneFilter
    ordering_fields = ["id", "due_date", "status_updated_at"]
    ordering = ["id"]

    def get_queryset(self) -> Any:
        return plan_selectors.milestones()


class ProgressUpdateViewSet(PublicReadViewSet):
    """Progress updates posted by governments, their evidence, and civil society's reviews
    (confirm or dispute, with the status civil society sees)."""

    serializer_class = out.ProgressUpdateSerializer
    lookup_value_regex = "[0-9]{1,9}"
    filterset_class = plan_filters.ProgressUpdateFilter
    ordering_fields = ["id", "created_at"]
    ordering = ["-id"]

    def get_queryset(self) -> Any:
        return plan_selectors.progress_updates()


class IRMReportViewSet(PublicReadViewSet):
    """Published IRM reports (co-creation briefs, action plan reviews, results reports); the
    detail gives the latest published version with its per-commitment coding."""

    filterset_class = plan_filters.IRMReportFilter
    lookup_value_regex = "[0-9]{1,9}"
    ordering_fields = ["id", "published_at"]
    ordering = ["id"]

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return out.IRMReportDetailSerializer
        return out.IRMReportSerializer

    def get_queryset(self) -> Any:
        return plan_selectors.published_irm_reports()

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        report = self.get_object()
        self._modified = report.published_at
        return Response(self.get_serializer(report).data)

    def last_modified(self) -> datetime | None:
        return getattr(self, "_modified", None)

    @extend_schema(
        responses=out.IRMReportVersionSerializer,
        summary="One published version of a report, as published (never changes)",
    )
    @action(
        detail=True,
        url_path=r"versions/(?P<number>[0-9]{1,6})",
        pagination_class=None,
        filterset_class=None,
    )
    def version(self, request: Request, pk: str, number: str) -> Response:
        report = self.get_object()
        version = plan_selectors.irm_report_version(report, int(number))
        if version is None:
            raise Http404
        self.immutable = True
        self._modified = version.published_at
        return Response(out.IRMReportVersionSerializer(version).data)
