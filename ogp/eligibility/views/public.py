"""Public eligibility database: index, score sheet and its downloads."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

from ogp.core.shared_pages import shared_page
from ogp.countries.models import Region

from .. import exports, selectors
from ..domain.model import CRITERIA_ORDER
from ..labels import (
    CRITERION_LABELS,
    STATUS_LABELS,
    alphabetical,
)
from ..models import Cycle
from .common import (
    _cached_body,
    _name,
    public_page_cache,
)


@shared_page()
@public_page_cache
def index(request: HttpRequest) -> HttpResponse:
    cycles = list(selectors.cycle_list())
    latest = cycles[0] if cycles else None
    counts: dict[str, int] = {}
    review: list[dict[str, Any]] = []
    at_risk: list[dict[str, Any]] = []
    if latest is not None:
        for row in selectors.scoresheet_rows(latest):
            counts[row["status"]] = counts.get(row["status"], 0) + 1
            if row["eligibility_review"]:
                review.append(dict(row, name=_name(row)))
            elif row["at_risk"]:
                at_risk.append(dict(row, name=_name(row)))
    return render(
        request,
        "eligibility/index.html",
        {
            "cycles": cycles,
            "latest": latest,
            "counts": [(STATUS_LABELS[s], counts.get(s, 0)) for s in STATUS_LABELS],
            "rulesets": selectors.ruleset_list(),
            "review": sorted(review, key=lambda r: alphabetical(r["name"])),
            "at_risk": sorted(at_risk, key=lambda r: alphabetical(r["name"])),
        },
    )


SORT_KEYS = {"country", "region", "total", "share", "status", *CRITERIA_ORDER}


def _filter_state(request: HttpRequest) -> dict[str, str]:
    region = request.GET.get("region", "")
    status = request.GET.get("status", "")
    membership = request.GET.get("membership", "")
    sort = request.GET.get("sort", "country")
    return {
        "region": region if region in Region.values else "",
        "status": status if status in STATUS_LABELS else "",
        "membership": membership if membership in ("member", "non_member") else "",
        "sort": sort if sort in SORT_KEYS else "country",
        "dir": "desc" if request.GET.get("dir") == "desc" else "asc",
    }


def _filtered_rows(state: dict[str, str], cycle: Cycle) -> list[dict[str, Any]]:
    rows = [dict(r, name=_name(r)) for r in selectors.scoresheet_rows(cycle)]
    region, status, membership = state["region"], state["status"], state["membership"]
    if region in Region.values:
        rows = [r for r in rows if r["region"] == region]
    if status in STATUS_LABELS:
        rows = [r for r in rows if r["status"] == status]
    if membership == "member":
        rows = [r for r in rows if r["is_member"]]
    elif membership == "non_member":
        rows = [r for r in rows if not r["is_member"]]
    sort = state["sort"]
    desc = state["dir"] == "desc"

    def key(r: dict[str, Any]) -> tuple:
        if sort == "country":
            return (alphabetical(r["name"]),)
        if sort in CRITERIA_ORDER:
            v = r["points"].get(sort)
            return (v is None, v if v is not None else 0, alphabetical(r["name"]))
        v = r.get(sort)
        return (v is None, v if v is not None else 0, alphabetical(r["name"]))

    rows.sort(key=key, reverse=desc)
    return rows


@shared_page()
@public_page_cache
def scoresheet(request: HttpRequest, year: int) -> HttpResponse:
    cycle = selectors.cycle_get(year)
    cycles = list(selectors.cycle_list().values_list("year", flat=True))
    lang = translation.get_language() or "en"
    state = _filter_state(request)
    key = ":".join(
        [
            "elig-sheet",
            str(cycle.pk),
            cycle.checksum,
            lang,
            "-".join(map(str, cycles)),
            *state.values(),
        ]
    )

    def build() -> dict[str, Any]:
        rows = _filtered_rows(state, cycle)
        region_labels = dict(Region.choices)
        for r in rows:
            r["status_label"] = STATUS_LABELS.get(r["status"], r["status"])
            r["region_label"] = region_labels.get(r["region"], "")
            r["cells"] = [
                {"points": r["points"].get(c), "stale": c in r.get("stale", ())}
                for c in CRITERIA_ORDER
            ]
        columns = (
            [("country", _("Country")), ("region", _("Region"))]
            + [(c, CRITERION_LABELS[c]) for c in CRITERIA_ORDER]
            + [("total", _("Points")), ("share", _("Share")), ("status", _("Status"))]
        )
        headers = []
        for col, label in columns:
            q = {k: v for k, v in state.items() if v}
            q["sort"] = col
            q["dir"] = "desc" if state["sort"] == col and state["dir"] == "asc" else "asc"
            headers.append(
                {
                    "key": col,
                    "label": label,
                    "url": "?" + urlencode(q),
                    "sorted": ("descending" if state["dir"] == "desc" else "ascending")
                    if state["sort"] == col
                    else "",
                }
            )
        return {
            "cycle": cycle,
            "rows": rows,
            "state": state,
            "headers": headers,
            "regions": Region.choices,
            "statuses": list(STATUS_LABELS.items()),
            "cycles": cycles,
            "query": urlencode({k: v for k, v in state.items() if v}),
            "stale_after": cycle.ruleset.rules.stale_after_years,
            "any_stale": any(r.get("stale") for r in rows),
        }

    body = _cached_body(
        key if cycle.is_published else None, "eligibility/_scoresheet_body.html", build
    )
    return render(request, "eligibility/scoresheet.html", {"cycle": cycle, "body": body})


EXPORTS = {
    "csv": ("text/csv; charset=utf-8", exports.to_csv),
    "json": ("application/json", exports.to_json),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", exports.to_xlsx),
}


def scoresheet_export(request: HttpRequest, year: int, fmt: str) -> HttpResponse:
    if fmt not in EXPORTS:
        raise Http404
    cycle = selectors.cycle_get(year)
    rows = _filtered_rows(_filter_state(request), cycle)
    content_type, fn = EXPORTS[fmt]
    response = HttpResponse(fn(cycle.year, rows), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="ogp-eligibility-{year}.{fmt}"'
    return response
