"""API v1 read endpoints. Thin: a selector gives the query set, a serializer the shape."""

import hashlib
from datetime import datetime
from typing import Any

from django.core.cache import cache
from django.db.models import Max, QuerySet
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from ogp.core.cache_middleware import GENERATION_KEY, current_generation, lean_seconds
from ogp.countries import selectors as country_selectors
from ogp.eligibility import selectors as eligibility_selectors
from ogp.eligibility.models import CountryResult
from ogp.participation import selectors as participation_selectors

from . import filters, selectors, serializers
from .base import PublicReadViewSet
from .rows import CachedRowsMixin


def is_staff(request: Request) -> bool:
    return bool(request.user.has_perm("eligibility.manage_eligibility"))


class CountryViewSet(CachedRowsMixin, PublicReadViewSet):
    """Countries and territories (ISO 3166) with their current OGP status."""

    row_kind = "country"  # a saved country bumps the published data's generation
    serializer_class = serializers.CountrySerializer
    filterset_class = filters.CountryFilter
    lookup_field = "iso3"
    lookup_value_regex = "[A-Za-z]{3}"
    ordering_fields = ["iso3", "name_en", "membership_status_since"]
    ordering = ["iso3"]

    def get_queryset(self) -> QuerySet[Any]:
        return country_selectors.country_list()

    def get_object(self) -> Any:
        return country_selectors.country_get(self.kwargs["iso3"])

    @extend_schema(responses=serializers.StatusChangeSerializer(many=True))
    @action(detail=True, url_path="status-history", pagination_class=None, filterset_class=None)
    def status_history(self, request: Request, iso3: str) -> Response:
        """The dated history of the country's OGP status, newest first."""
        country = self.get_object()
        changes = country_selectors.country_status_history(country).select_related("country")
        return Response(serializers.StatusChangeSerializer(changes, many=True).data)


class StatusChangeViewSet(PublicReadViewSet):
    """Every recorded change of a country's OGP status."""

    serializer_class = serializers.StatusChangeSerializer
    filterset_class = filters.StatusChangeFilter
    ordering_fields = ["effective_date", "id"]
    ordering = ["-effective_date", "-id"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.status_changes()


class RuleSetViewSet(PublicReadViewSet):
    """Versions of the eligibility rules (criteria, thresholds, points) as data."""

    serializer_class = serializers.RuleSetSerializer
    ordering_fields = ["valid_from", "id"]
    ordering = ["id"]
    filterset_fields = ["code", "shipped"]

    def get_queryset(self) -> QuerySet[Any]:
        return eligibility_selectors.ruleset_list()


class ReleaseViewSet(PublicReadViewSet):
    """Imported publisher files (dataset releases) with their SHA-256 checksums."""

    serializer_class = serializers.ReleaseSerializer
    filterset_class = filters.ReleaseFilter
    ordering_fields = ["published_on", "id"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.public_releases(staff=is_staff(self.request))


class CycleViewSet(PublicReadViewSet):
    """Annual eligibility cycles (published ones for the public; every state for staff)."""

    serializer_class = serializers.CycleSerializer
    filterset_class = filters.CycleFilter
    lookup_field = "year"
    lookup_value_regex = "[0-9]{4}"
    ordering_fields = ["year"]
    ordering = ["-year"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.cycles(staff=is_staff(self.request))

    def retrieve(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        cycle = self.get_object()
        self.immutable = cycle.is_published
        self._modified = cycle.published_at or cycle.computed_at
        return Response(self.get_serializer(cycle).data)

    def last_modified(self) -> datetime | None:
        return getattr(self, "_modified", None)


@extend_schema_view(
    list=extend_schema(summary="Per-country results of a cycle, with per-criterion provenance"),
    retrieve=extend_schema(summary="One country's result in a cycle"),
)
class CycleResultViewSet(CachedRowsMixin, PublicReadViewSet):
    """The result of every scored country in one cycle: status, points and, for each
    criterion, the raw value and where it comes from (dataset, edition, year, file line)."""

    serializer_class = serializers.ResultSerializer
    filterset_class = filters.ResultFilter
    lookup_field = "country__iso3"
    lookup_url_kwarg = "iso3"
    lookup_value_regex = "[A-Za-z]{3}"
    ordering_fields = ["total", "id"]
    ordering = ["id"]
    row_kind = "result"

    def rows_cacheable(self) -> bool:
        """A published cycle's results can no longer change (the services refuse)."""
        return bool(self.cycle().is_published)

    def cycle(self) -> Any:
        if not hasattr(self, "_cycle"):
            stored = self._stored_cycle()
            self._cycle = stored or get_object_or_404(
                selectors.cycle_header(staff=is_staff(self.request)), year=self.kwargs["year"]
            )
            self.immutable = self._cycle.is_published
            if stored is None and self.immutable and lean_seconds():
                generation = self._found.get(GENERATION_KEY, 0)  # read before the query
                cache.set(self._cycle_key(), (generation, self._cycle), lean_seconds())
        return self._cycle

    def _cycle_key(self) -> str:
        return f"api:v1:cycle-header:{self.kwargs['year']}"

    def _stored_cycle(self) -> Any:
        """A published cycle's header as stored with the published data's generation read
        before it (a saved eligibility row makes it stale, as stored rows and pages), in the
        round trip that looks for the stored page; None when the lean path is off (tests)."""
        if not lean_seconds():
            return None
        if not hasattr(self, "_found"):
            self._found = current_generation(self._cycle_key())
        stored = self._found.get(self._cycle_key())
        if stored is None or stored[0] != self._found.get(GENERATION_KEY, 0):
            return None
        return stored[1]

    def get_queryset(self) -> QuerySet[Any]:
        if getattr(self, "swagger_fake_view", False):  # schema generation: no cycle
            return CountryResult.objects.none()
        return self.listed(selectors.cycle_results(self.cycle()))

    def load_rows(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return selectors.result_rows(queryset)

    def get_object(self) -> Any:
        return get_object_or_404(self.get_queryset(), country__iso3=self.kwargs["iso3"].upper())

    def last_modified(self) -> datetime | None:
        cycle = self.cycle()
        return cycle.published_at or cycle.computed_at

    def shared_cache_key(self) -> str | None:
        """Keyed by year: only a published cycle's pages are stored, and a published cycle can
        no longer change (the services refuse), so a stored page is answered without a query."""
        if hasattr(self, "_cycle") and not self._cycle.is_published:
            return None
        lang = translation.get_language() or "en"
        address = self.request.build_absolute_uri()  # scheme and host: the links are absolute
        accept = self.request.META.get("HTTP_ACCEPT", "")  # an indented page is another page
        digest = hashlib.sha256(f"{accept}\n{address}".encode()).hexdigest()
        return f"api:v1:results:{self.kwargs.get('year')}:{lang}:{digest}"

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        if not getattr(self, "swagger_fake_view", False) and "year" in self.kwargs:
            context["cycle_year"] = self.cycle().year
        return context

    def cached_response(self) -> HttpResponse | None:
        """The stored page, and in the same round trip the cycle's stored header."""
        key = self.shared_cache_key()
        if not key or not lean_seconds():
            return super().cached_response()
        self._found = current_generation(key, self._cycle_key())
        return self.stored_response(self._found.get(key))

    def list(self, request: Request, *args: Any, **kwargs: Any) -> Any:
        return self.cached_response() or super().list(request, *args, **kwargs)


class MemberViewSet(PublicReadViewSet):
    """OGP members (countries whose status is a member status) with their lead agency."""

    serializer_class = serializers.MemberSerializer
    filterset_class = filters.CountryFilter
    lookup_field = "iso3"
    lookup_value_regex = "[A-Za-z]{3}"
    ordering_fields = ["iso3", "name_en"]
    ordering = ["iso3"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.members()

    def get_object(self) -> Any:
        obj = get_object_or_404(self.get_queryset(), iso3=self.kwargs["iso3"].upper())
        return obj


class LetterViewSet(PublicReadViewSet):
    """Accepted (published) letters of intent, in the language they were written in."""

    serializer_class = serializers.LetterSerializer
    filterset_class = filters.LetterFilter
    ordering_fields = ["accepted_on", "id"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.published_letters()


class ForumViewSet(PublicReadViewSet):
    """National multi-stakeholder forums: the public parts (rules, members, meeting dates)."""

    filterset_class = filters.ForumFilter
    lookup_field = "slug"
    ordering_fields = ["name", "established_on", "id"]
    ordering = ["id"]

    def get_serializer_class(self) -> Any:
        if self.action == "retrieve":
            return serializers.ForumDetailSerializer
        return serializers.ForumSerializer

    def get_queryset(self) -> QuerySet[Any]:
        forums = participation_selectors.forum_list()
        if self.action == "retrieve":
            forums = forums.prefetch_related(selectors.forum_members())
        return forums


class MeetingViewSet(PublicReadViewSet):
    """Forum meetings with agenda and minutes."""

    serializer_class = serializers.MeetingSerializer
    filterset_class = filters.MeetingFilter
    ordering_fields = ["date", "id"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.meetings()


class EventViewSet(PublicReadViewSet):
    """Summits, regional meetings and national events."""

    serializer_class = serializers.EventSerializer
    filterset_class = filters.EventFilter
    lookup_field = "slug"
    ordering_fields = ["starts_at", "id"]
    ordering = ["-id"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.events()

    def last_modified(self) -> datetime | None:
        if getattr(self, "action", "") == "retrieve":
            return (
                self.get_queryset()
                .filter(slug=self.kwargs.get("slug"))
                .aggregate(m=Max("updated_at"))["m"]
            )
        return None


class OrganisationViewSet(PublicReadViewSet):
    """Organisations of the stakeholder directory (hidden ones left out)."""

    serializer_class = serializers.OrganisationSerializer
    filterset_class = filters.OrganisationFilter
    lookup_field = "slug"
    ordering_fields = ["name", "id"]
    ordering = ["id"]

    def get_queryset(self) -> QuerySet[Any]:
        return selectors.organisations()
