"""Methodology pages of the rule sets, exports documentation and the map."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.translation import gettext as _

from ogp.core.shared_pages import shared_page
from ogp.countries.models import Region

from .. import charts, selectors
from ..labels import (
    CRITERION_LABELS,
    DATASET_LABELS,
    INDICATOR_LABELS,
    OBS_STATUS_LABELS,
    PROVISION_LABELS,
    SCALE_LABELS,
    STATUS_LABELS,
    alphabetical,
    ruleset_changes,
)
from ..models import RuleSetVersion
from .common import (
    _cached_body,
    _name,
    public_page_cache,
)


@shared_page()
@public_page_cache
def methodology_index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "eligibility/methodology_index.html", {"rulesets": selectors.ruleset_list()}
    )


@shared_page()
@public_page_cache
def methodology(request: HttpRequest, code: str, version: int) -> HttpResponse:
    obj = get_object_or_404(
        RuleSetVersion.objects.select_related("based_on"), code=code, version=version
    )
    rs = obj.rules
    crits = []
    for c in rs.criteria:
        item: dict[str, Any] = {
            "code": c.code,
            "label": CRITERION_LABELS[c.code],
            "max_points": c.max_points,
            "method": c.method,
        }
        if c.method == "obs_documents":
            item["documents"] = [str(exports_doc(d)) for d in c.documents]
            item["status_points"] = [(OBS_STATUS_LABELS[s], p) for s, p in c.status_points.items()]
        elif c.method == "research":
            item["provisions"] = [
                (PROVISION_LABELS[p], pts) for p, pts in c.provision_points.items()
            ]
            item["public_access_points"] = c.public_access_points
            if c.source is not None:
                item["source"] = {
                    "dataset": c.source.dataset,
                    "label": DATASET_LABELS.get(c.source.dataset, c.source.dataset),
                    "partial_publication": c.source.partial_publication,
                    "applies_from": c.source.applies_from,
                }
        else:
            item["indicator"] = INDICATOR_LABELS.get(c.indicator, c.indicator)
            item["bands"] = [(b.points, f"{b.above:g}") for b in c.bands]
            item["inclusive"] = c.inclusive
        crits.append(item)
    vc = None
    if rs.values_check:
        vc = {
            "indicators": [INDICATOR_LABELS.get(i, i) for i in rs.values_check.indicators],
            "thresholds": [
                (SCALE_LABELS[s], rs.values_check.thresholds.get(s))
                for s in ("ord", "osp", "model")
            ],
            "combine": rs.values_check.combine,
        }
    return render(
        request,
        "eligibility/methodology.html",
        {
            "obj": obj,
            "rs": rs,
            "criteria": crits,
            "vc": vc,
            "pass_percent": f"{float(rs.pass_share) * 100:g}",
            "changes": ruleset_changes(obj.based_on.definition, obj.definition)
            if obj.based_on
            else [],
            "assumption_keys": [a.key for a in rs.assumptions],
            "assumptions": rs.assumptions,
        },
    )


def exports_doc(code: str) -> str:
    from ..labels import OBS_DOCUMENT_LABELS

    return str(OBS_DOCUMENT_LABELS.get(code, code))


@shared_page()
@public_page_cache
def world_map(request: HttpRequest, year: int) -> HttpResponse:
    cycle = selectors.cycle_get(year)
    lang = translation.get_language() or "en"

    def build() -> dict[str, Any]:
        rows = [
            dict(r, name=_name(r), status_label=STATUS_LABELS.get(r["status"], r["status"]))
            for r in selectors.scoresheet_rows(cycle)
        ]
        rows.sort(key=lambda r: alphabetical(r["name"]))
        region_labels = dict(Region.choices)
        grid = charts.grid_map(rows)
        for block in grid["blocks"]:
            block["label"] = region_labels.get(block["region"], _("Other"))
        # The legend lists the statuses the map shows, with how many countries have each.
        counts: dict[str, int] = {}
        for r in rows:
            counts[r["status"]] = counts.get(r["status"], 0) + 1
        statuses = [
            (value, f"{label} ({counts[value]})")
            for value, label in STATUS_LABELS.items()
            if value in counts
        ]
        return {"cycle": cycle, "grid": grid, "rows": rows, "statuses": statuses}

    key = f"elig-map:{cycle.pk}:{cycle.checksum}:{lang}"
    body = _cached_body(key if cycle.is_published else None, "eligibility/_map_body.html", build)
    return render(request, "eligibility/map.html", {"cycle": cycle, "body": body})
