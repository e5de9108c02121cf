"""Reads the API needs that the domain apps' selectors do not already offer as query sets.
Every one is a constant number of queries whatever the page size (asserted in the tests)."""

from django.db.models import Count, Prefetch, Q, QuerySet

from ogp.countries.models import Country, MembershipStatusChange
from ogp.eligibility.models import CountryResult, Cycle, CycleState, DatasetRelease
from ogp.membership.models import LetterOfIntent
from ogp.organisations.models import Organisation
from ogp.participation.models import Event, ForumMembership, Meeting


def status_changes() -> QuerySet[MembershipStatusChange]:
    return MembershipStatusChange.objects.select_related("country")


def public_releases(*, staff: bool) -> QuerySet[DatasetRelease]:
    """Staff see every release; everyone else the releases a published cycle used."""
    releases = DatasetRelease.objects.defer("unmatched", "extra")
    if staff:
        return releases
    return releases.filter(cycles__state=CycleState.PUBLISHED).distinct()


def cycles(*, staff: bool) -> QuerySet[Cycle]:
    qs = Cycle.objects.select_related("ruleset").prefetch_related(
        Prefetch("releases", queryset=DatasetRelease.objects.only("id"))
    )
    return qs if staff else qs.filter(state=CycleState.PUBLISHED)


def cycle_header(*, staff: bool) -> QuerySet[Cycle]:
    """Cycles without their releases: enough to answer a cached results page in one query."""
    qs = Cycle.objects.only("id", "year", "state", "checksum", "published_at", "computed_at")
    return qs if staff else qs.filter(state=CycleState.PUBLISHED)


def cycle_results(cycle: Cycle) -> QuerySet[CountryResult]:
    """A cycle's results; what a listed row also needs is :func:`result_rows`."""
    return CountryResult.objects.filter(cycle=cycle)


def result_rows(found: QuerySet[CountryResult]) -> QuerySet[CountryResult]:
    """The results with their country and what their rows show (the cycle is known: not
    joined again for every row)."""
    return found.select_related("country").only(
        "id",
        "cycle_id",
        "status",
        "total",
        "maximum",
        "is_member",
        "values_check",
        "eligibility_review",
        "at_risk",
        "data",
        "country__iso3",
        "country__iso2",
        "country__name_en",
        "country__name_fr",
        "country__name_es",
        "country__region",
    )


def members() -> QuerySet[Country]:
    return Country.objects.members().select_related("lead_agency")


def published_letters() -> QuerySet[LetterOfIntent]:
    return LetterOfIntent.objects.filter(state=LetterOfIntent.State.ACCEPTED).select_related(
        "country"
    )


def forum_members() -> Prefetch:
    return Prefetch("memberships", queryset=ForumMembership.objects.select_related("organisation"))


def meetings() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("forum", "forum__country").annotate(
        attendance_count=Count("attendees", distinct=True)
    )


def events() -> QuerySet[Event]:
    return Event.objects.select_related("country", "forum", "organisation")


def organisations() -> QuerySet[Organisation]:
    return (
        Organisation.objects.filter(is_hidden=False)
        .select_related("country")
        .prefetch_related("focus_areas")
    )


def evidence_countries() -> QuerySet[Country]:
    return Country.objects.filter(Q(un_member=True))
