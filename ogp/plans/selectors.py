"""Reads with constant query counts (asserted in tests/test_queries.py)."""

from __future__ import annotations

import hashlib
import time
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db.models import Count, F, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import get_language

from ogp.core.cache_middleware import GENERATION_KEY, current_generation
from ogp.core.collation import collation_key
from ogp.countries.models import Country

from .models import (
    COMMITMENT_TEXT_FIELDS,
    ActionPlan,
    Commitment,
    CommitmentInstitution,
    Milestone,
    PolicyArea,
    ProgressEvidence,
    ProgressReview,
    ProgressUpdate,
)

VERSION_KEY = "plans:data-version"
VALUE_FILTERS = {
    "access_to_information": "value_access_to_information",
    "civic_participation": "value_civic_participation",
    "public_accountability": "value_public_accountability",
    "technology": "value_technology",
}
CODING_FILTERS = {
    "starred": "starred",
    "high_completion": "high_completion",
    "strong_early_results": "strong_early_results",
}
SORTS = {
    "identifier": ("identifier",),
    "-identifier": ("-identifier",),
    "country": ("plan__country__name_en", "identifier"),
    "year": ("plan__submitted_year", "identifier"),
    "-year": ("-plan__submitted_year", "identifier"),
    "title": ("title", "identifier"),
}


# With an area filter, the identifier its link keeps (the same value) is the order: see
# CommitmentPolicyArea. Cursors (the API's) order on it under this name.
AREA_IDENTIFIER = "area_identifier"
AREA_ORDER = {"identifier": AREA_IDENTIFIER, "-identifier": "-" + AREA_IDENTIFIER}


@dataclass(frozen=True)
class ExplorerFilters:
    country: str = ""
    plan: str = ""
    policy_area: str = ""
    value: str = ""
    coding: str = ""
    status: str = ""
    q: str = ""
    sort: str = "identifier"


# code -> id of every country and policy area, by model, with the published-data generation
# and the time (monotonic) it was read at
_KNOWN_IDS: dict[str, tuple[int, float, dict[str, int]]] = {}
KNOWN_IDS_SECONDS = 60.0  # a bound for what no generation follows (a code changed in bulk)


def _id_of(model: Any, field: str, code: str) -> int | None:
    """The id of the row with this code: from this process's table of them, read again when
    the published data's generation changes (a saved country or area bumps it; a request has
    already read it, so this costs no round trip) or after a minute; a code it lacks (a row
    added in bulk, or none) is looked up. A filter by id is built and compiled in a quarter of
    the time of a join or a subquery on the code."""
    generation = current_generation().get(GENERATION_KEY, 0)
    known = _KNOWN_IDS.get(model._meta.label)
    now = time.monotonic()
    if known is None or known[0] != generation or now - known[1] >= KNOWN_IDS_SECONDS:
        known = (generation, now, dict(model.objects.values_list(field, "id")))
        _KNOWN_IDS[model._meta.label] = known
    found = known[2].get(code)
    if found is None:
        found = model.objects.filter(**{field: code}).values_list("id", flat=True).first()
    return found  # type: ignore[no-any-return]


def forget_known_ids() -> None:
    """This process's tables of ids dropped (the tests, between databases)."""
    _KNOWN_IDS.clear()


def commitment_search(filters: ExplorerFilters) -> QuerySet[Commitment]:
    qs = Commitment.objects.all()
    if filters.country:
        # the plan's country, kept on the commitment, by its id: PostgreSQL then reads the
        # country's commitments in identifier order from one index (0.2 ms against 6 ms
        # joining the plans and sorting them, at 100x the sheet)
        country_id = _id_of(Country, "iso3", filters.country)
        if country_id is None:  # no such country: the join on the code finds nothing
            qs = qs.filter(country__iso3=filters.country)
        else:
            qs = qs.filter(country_id=country_id)
    if filters.plan:
        qs = qs.filter(plan__ogp_id=filters.plan)
    order = SORTS.get(filters.sort, SORTS["identifier"])
    if filters.policy_area:
        # by the area's id, in the order of the identifier its links keep: the area's
        # commitments are then read from the (area, identifier) index (0.2 ms against 2.5 ms
        # probing every commitment's links in identifier order, at 100x the sheet)
        area_id = _id_of(PolicyArea, "code", filters.policy_area)
        if area_id is None:  # no such area: the join on the code finds nothing
            qs = qs.filter(policy_areas__code=filters.policy_area)
        else:
            qs = qs.filter(policy_area_links__policyarea_id=area_id).annotate(
                **{AREA_IDENTIFIER: F("policy_area_links__identifier")}
            )
            order = tuple(AREA_ORDER.get(field, field) for field in order)
    if filters.value in VALUE_FILTERS:
        qs = qs.filter(**{VALUE_FILTERS[filters.value]: True})
    if filters.coding in CODING_FILTERS:
        qs = qs.filter(**{CODING_FILTERS[filters.coding]: True})
    if filters.status:
        qs = qs.filter(completion=filters.status)
    if filters.q:
        qs = qs.filter(
            Q(title__icontains=filters.q)
            | Q(short_title__icontains=filters.q)
            | Q(identifier__iexact=filters.q)
        )
    # joined last: every clone above copies the joins asked for (a deep copy each)
    return qs.select_related("plan__country", "plan__locality").order_by(*order)


# Long texts and JSON a list of commitments does not show: the sheet's whole row, IRM facts,
# OGP flags... Decoding them was most of a list page's time (six JSON columns a row). Shared by
# the explorer and the API's list (ogp/api/plan_selectors.py).
LIST_DEFERRED = (
    *COMMITMENT_TEXT_FIELDS,
    "tags_unknown",
    "irm_facts",
    "ogp_flags",
    "source_row",
    "source_hash",
)
# What the explorer's table does not show on top of that (the API's list shows the coding).
EXPLORER_DEFERRED = (*LIST_DEFERRED, "irm_coding")
# On a commitment page: the columns it does not show (the sheet's row is most of a row's bytes).
DETAIL_DEFERRED = ("irm_facts", "ogp_flags", "source_row", "source_hash")


def commitment_list(filters: ExplorerFilters) -> QuerySet[Commitment]:
    """The explorer's filters and sort, without the long columns a list does not show."""
    return commitment_search(filters).defer(*LIST_DEFERRED)


def explorer_page_list(filters: ExplorerFilters) -> QuerySet[Commitment]:
    """The rows of the explorer's table: only what its columns show is decoded."""
    return commitment_search(filters).defer(*EXPLORER_DEFERRED)


def explorer_facets() -> dict[str, list[tuple[str, str]]]:
    """Choices for the filter form: (ISO3, name) of the countries with commitments and (code,
    name) of the policy areas, in alphabetical order in the reader's language. Cached per
    language and data version (an import bumps it), for an hour at most."""
    key = f"plans:facets:{data_version()}:{get_language() or ''}"
    facets = cache.get(key)
    if facets is None:
        countries = sorted(
            Country.objects.filter(action_plans__isnull=False).distinct(),
            key=lambda c: collation_key(c.name),
        )
        areas = sorted(PolicyArea.objects.all(), key=lambda a: collation_key(a.name))
        facets = {
            "countries": [(c.iso3, str(c.name)) for c in countries],
            "policy_areas": [(a.code, str(a.name)) for a in areas],
        }
        cache.set(key, facets, 3600)
    return facets


def data_version() -> int:
    """Bumped by every write that changes what the explorer counts (imports)."""
    return int(cache.get_or_set(VERSION_KEY, 1, None) or 1)


def data_version_bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


def explorer_charts_cached(filters: ExplorerFilters, qs: QuerySet[Commitment]) -> dict[str, Any]:
    """The counts change only when an import changes the data: cached per filter and version."""
    key_filters = {k: v for k, v in sorted(filters.__dict__.items()) if k != "sort"}
    digest = hashlib.sha256(repr(key_filters).encode()).hexdigest()[:32]
    key = f"plans:charts:{data_version()}:{digest}"
    counts = cache.get(key)
    if counts is None:
        counts = explorer_charts(qs)
        cache.set(key, counts, 3600)
    return counts


def explorer_charts(qs: QuerySet[Commitment]) -> dict[str, Any]:
    """Counts for the charts (and the tables beside them) over the filtered commitments."""
    by_completion = dict(
        qs.order_by()
        .values_list("completion")
        .annotate(n=Count("id"))
        .values_list("completion", "n")
    )
    flags = qs.order_by().aggregate(
        total=Count("id"),
        starred=Count("id", filter=Q(starred=True)),
        high_completion=Count("id", filter=Q(high_completion=True)),
        strong_early_results=Count("id", filter=Q(strong_early_results=True)),
    )
    by_year = list(
        qs.order_by()
        .values_list("plan__submitted_year")
        .annotate(n=Count("id"))
        .order_by("plan__submitted_year")
    )
    return {"by_completion": by_completion, "flags": flags, "by_year": by_year}


def commitments_for_export(qs: QuerySet[Commitment]) -> QuerySet[Commitment]:
    return qs.prefetch_related(
        "policy_areas",
        Prefetch(
            "institutions", queryset=CommitmentInstitution.objects.order_by("role", "position")
        ),
    )


def commitment_get(identifier: str) -> Commitment:
    # the page shows no update's author (the permission rules read author_id): not joined
    updates = ProgressUpdate.objects.prefetch_related(
        Prefetch("evidence", queryset=ProgressEvidence.objects.order_by("id")),
        Prefetch("reviews", queryset=ProgressReview.objects.select_related("author")),
    )
    commitment = (
        Commitment.objects.select_related("plan__country", "plan__locality", "coding_scale")
        .defer(*DETAIL_DEFERRED, "coding_scale__definition")
        .prefetch_related(
            "policy_areas",
            Prefetch(
                "institutions",
                queryset=CommitmentInstitution.objects.select_related("organisation").order_by(
                    "role", "position"
                ),
            ),
            Prefetch(
                "milestones",
                queryset=Milestone.objects.order_by("position", "id").prefetch_related(
                    Prefetch("updates", queryset=updates)
                ),
            ),
        )
        .filter(identifier=identifier)
        .first()
    )
    if commitment is None:
        raise Http404
    return commitment


def plan_get(ogp_id: str) -> ActionPlan:
    plan = ActionPlan.objects.select_related("country", "locality").filter(ogp_id=ogp_id).first()
    if plan is None:
        raise Http404
    return plan


def plan_commitments(plan: ActionPlan) -> list[Commitment]:
    return list(plan.commitments.order_by("identifier"))


def country_plans(country: Country) -> list[ActionPlan]:
    return list(
        ActionPlan.objects.filter(country=country)
        .select_related("locality", "country")
        .annotate(
            n_commitments=Count("commitments"),
            n_starred=Count("commitments", filter=Q(commitments__starred=True)),
            n_high_completion=Count("commitments", filter=Q(commitments__high_completion=True)),
        )
        .order_by("-submitted_year", "locality__name")
    )


def milestone_get(milestone_id: int) -> Milestone:
    milestone = (
        Milestone.objects.select_related("commitment__plan__country")
        .filter(pk=milestone_id)
        .first()
    )
    if milestone is None:
        raise Http404
    return milestone


def update_get(update_id: int) -> ProgressUpdate:
    update = (
        ProgressUpdate.objects.select_related("milestone__commitment__plan__country", "author")
        .filter(pk=update_id)
        .first()
    )
    if update is None:
        raise Http404
    return update
