"""A country's eligibility page: result, criteria with provenance, history and pathway."""

from __future__ import annotations

import re
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ogp.core.cache_middleware import cached_fragment
from ogp.core.permissions import can
from ogp.core.shared_pages import shared_page
from ogp.countries.selectors import country_get

from .. import charts, selectors
from ..domain import model as m
from ..domain.scoring import stale_criteria
from ..labels import (
    CRITERION_LABELS,
    DATASET_LABELS,
    INDICATOR_LABELS,
    MISSING_LABELS,
    SCALE_LABELS,
    STATUS_LABELS,
    pathway_sentences,
    raw_value_text,
    source_label,
)
from ..models import Cycle, CycleState
from .common import public_page_cache


def _criteria_view(
    result: m.CountryResult, stale: tuple[str, ...], releases: dict[int, Any]
) -> list[dict[str, Any]]:
    out = []
    for c in result.criteria:
        release = releases.get(c.source.release_id) if c.source and c.source.release_id else None
        out.append(
            {
                "code": c.code,
                "label": CRITERION_LABELS.get(c.code, c.code),
                "points": c.points,
                "max_points": c.max_points,
                "raw": raw_value_text(c.code, c.raw),
                "source": source_label(c.source),
                "source_ref": c.source,
                "overridden": c.overridden,
                "override_reason": c.override_reason,
                "missing": MISSING_LABELS.get(c.missing, "") if c.points is None else "",
                "replaces": DATASET_LABELS.get(c.replaces, c.replaces) if c.replaces else "",
                "stale": c.code in stale,
                "release": release,
            }
        )
    return out


@shared_page()
@public_page_cache
def country(request: HttpRequest, iso3: str) -> HttpResponse:
    the_country = country_get(iso3)

    def build() -> dict[str, Any]:
        # runs only when the body is not stored for this address, language and generation
        history = selectors.country_results(the_country)
        # any published cycle (?cycle=2016, linked from each score sheet); the newest by default
        by_year = {r.cycle.year: r for r in history}
        wanted = request.GET.get("cycle", "")
        # ASCII digits only: "²०१६".isdigit() is true but int() refuses it
        chosen = by_year.get(int(wanted)) if re.fullmatch(r"[0-9]{4}", wanted) else None
        shown = chosen or (history[-1] if history else None)
        latest = selectors.country_result_full(shown.pk) if shown else None
        context: dict[str, Any] = {
            "country": the_country,
            "history": history,
            "latest": latest,
            "years": sorted(by_year, reverse=True),
            "newest": history[-1].cycle.year if history else None,
        }
        if latest is None:
            return context
        res = m.CountryResult.from_dict(latest.data)
        rules = latest.cycle.ruleset.rules
        stale = stale_criteria(res, latest.cycle.year, rules)
        releases = selectors.releases_by_id(
            {c.source.release_id for c in res.criteria if c.source and c.source.release_id}
        )
        vc = res.values_check
        enough = res.status != m.Status.NOT_ENOUGH_DATA
        context.update(
            {
                "result": res,
                "criteria": _criteria_view(res, stale, releases),
                "missing_criteria": [
                    (CRITERION_LABELS.get(c.code, c.code), MISSING_LABELS.get(c.missing, ""))
                    for c in res.criteria
                    if c.points is None
                ],
                "stale_after": rules.stale_after_years,
                "any_stale": bool(stale),
                "data_year": latest.cycle.year - rules.data_lag_years,
                "status_label": STATUS_LABELS.get(res.status, res.status),
                # no percentage without a result
                "share": round(100 * res.share) if res.maximum and enough else None,
                "needed": latest.cycle.ruleset.rules.points_needed(res.maximum),
                "min_criteria": latest.cycle.ruleset.rules.min_criteria,
                "statuses": list(STATUS_LABELS.items()),
                "pathway": pathway_sentences(selectors.result_pathway(latest)),
                "chart": charts.history_points(history),
                "vc": vc,
                "vc_scale": SCALE_LABELS.get(vc.scale, "") if vc else "",
                "vc_values": [(INDICATOR_LABELS.get(k, k), v) for k, v in vc.values] if vc else [],
                "history_rows": [
                    {
                        "year": r.cycle.year,
                        "total": r.total,
                        "maximum": r.maximum,
                        "share": round(100 * r.total / r.maximum)
                        if r.maximum and r.status != m.Status.NOT_ENOUGH_DATA
                        else None,
                        "status": STATUS_LABELS.get(r.status, r.status),
                        "review": r.eligibility_review,
                        "at_risk": r.at_risk,
                    }
                    for r in history
                ],
            }
        )
        return context

    # the same for every reader of this address: rendered once per change of published data
    body = cached_fragment(request, "elig-country", "eligibility/_country_body.html", build)
    open_cycle = (
        Cycle.objects.exclude(state=CycleState.PUBLISHED)
        .select_related("ruleset")
        .order_by("-year")
        .first()
    )
    can_submit = (
        open_cycle is not None
        and open_cycle.ruleset.rules.additional_information
        and can(request, "eligibility.submit_evidence", the_country)
    )
    return render(
        request,
        "eligibility/country.html",
        {"country": the_country, "body": body, "open_cycle": open_cycle, "can_submit": can_submit},
    )
