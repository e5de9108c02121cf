"""A country's eligibility page: result, criteria with provenance, history and pathway."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation

from ogp.core.permissions import can
from ogp.countries.selectors import country_get

from .. import charts, selectors
from ..domain import model as m
from ..labels import (
    CRITERION_LABELS,
    INDICATOR_LABELS,
    SCALE_LABELS,
    STATUS_LABELS,
    pathway_sentences,
    raw_value_text,
    source_label,
)
from ..models import Cycle, CycleState
from .common import (
    _cached_body,
    public_page_cache,
)


def _criteria_view(result: m.CountryResult) -> list[dict[str, Any]]:
    out = []
    for c in result.criteria:
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
            }
        )
    return out


@public_page_cache
def country(request: HttpRequest, iso3: str) -> HttpResponse:
    the_country = country_get(iso3)
    history = selectors.country_results(the_country)
    lang = translation.get_language() or "en"
    key = ":".join(
        [
            "elig-country",
            str(the_country.pk),
            lang,
            *[f"{r.pk}-{r.cycle.checksum}" for r in history],
        ]
    )

    def build() -> dict[str, Any]:
        latest = selectors.country_result_full(history[-1].pk) if history else None
        context: dict[str, Any] = {"country": the_country, "history": history, "latest": latest}
        if latest is None:
            return context
        res = m.CountryResult.from_dict(latest.data)
        vc = res.values_check
        context.update(
            {
                "result": res,
                "criteria": _criteria_view(res),
                "status_label": STATUS_LABELS.get(res.status, res.status),
                "share": round(100 * res.share) if res.maximum else None,
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
                        "share": round(100 * r.total / r.maximum) if r.maximum else None,
                        "status": STATUS_LABELS.get(r.status, r.status),
                        "review": r.eligibility_review,
                        "at_risk": r.at_risk,
                    }
                    for r in history
                ],
            }
        )
        return context

    body = _cached_body(key, "eligibility/_country_body.html", build)
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
