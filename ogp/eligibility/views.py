from __future__ import annotations

import hashlib
from functools import wraps
from typing import Any
from urllib.parse import urlencode

from django.contrib import messages
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max
from django.http import Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from ogp.core.permissions import permission_required
from ogp.countries.models import Country, Region
from ogp.countries.selectors import country_get

from . import charts, exports, selectors, services
from .domain import model as m
from .domain.model import CRITERIA_ORDER
from .forms import (
    CycleConfigureForm,
    CycleOpenForm,
    EvidenceDecisionForm,
    EvidenceForm,
    ImportForm,
    ResearchEntryForm,
    RuleSetForm,
)
from .labels import (
    CRITERION_LABELS,
    DATASET_LABELS,
    INDICATOR_LABELS,
    OBS_DOCUMENT_LABELS,
    OBS_STATUS_LABELS,
    PROVISION_LABELS,
    SCALE_LABELS,
    STATUS_LABELS,
    alphabetical,
    pathway_sentences,
    raw_value_text,
    ruleset_changes,
    source_label,
    unmatched_units,
)
from .models import Cycle, CycleState, DatasetRelease, EvidenceSubmission, RuleSetVersion

MANAGE = "eligibility.manage_eligibility"


def _name(row: dict[str, Any]) -> str:
    lang = (translation.get_language() or "en")[:2]
    return row.get(f"name_{lang}") or row["name_en"]


# ---------------------------------------------------------------- public pages


def _publication_token() -> str:
    """Changes whenever a cycle is published (one query); part of every full-page cache key."""
    agg = Cycle.objects.filter(state=CycleState.PUBLISHED).aggregate(
        n=Count("id"), last=Max("published_at")
    )
    return f"{agg['n']}-{agg['last'].timestamp() if agg['last'] else 0}"


def public_page_cache(view: Any) -> Any:
    """Serve visitors without cookies (no session, no messages) a cached copy of a public page.

    Published cycles never change; the key holds the language, the full path and the
    publication token, so a new publication shows at once. Signed-in users always get a fresh
    page (their navigation and permissions differ).
    """

    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET" or request.COOKIES:
            return view(request, *args, **kwargs)
        raw = ":".join(
            [translation.get_language() or "en", request.get_full_path(), _publication_token()]
        )
        key = "elig-page:" + hashlib.sha256(raw.encode()).hexdigest()
        cached = cache.get(key)
        if cached is not None:
            content, content_type = cached
            return HttpResponse(content, content_type=content_type)
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200
            and not response.cookies
            and not getattr(response, "streaming", False)
        ):
            cache.set(key, (response.content, response["Content-Type"]), selectors.CACHE_SECONDS)
        return response

    return wrapped


def _cached_body(key: str | None, template: str, build: Any) -> str:
    """Render a page body once per key (published data never changes); no request needed."""
    if key:
        key = "elig-body:" + hashlib.sha256(key.encode()).hexdigest()
    html = cache.get(key) if key else None
    if html is None:
        html = render_to_string(template, build())
        if key:
            cache.set(key, html, selectors.CACHE_SECONDS)
    return mark_safe(html)  # noqa: S308 (rendered by our own template, escaped there)


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
            r["cells"] = [r["points"].get(c) for c in CRITERIA_ORDER]
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
        and request.user.has_perm("eligibility.submit_evidence", the_country)
    )
    return render(
        request,
        "eligibility/country.html",
        {"country": the_country, "body": body, "open_cycle": open_cycle, "can_submit": can_submit},
    )


@public_page_cache
def methodology_index(request: HttpRequest) -> HttpResponse:
    return render(
        request, "eligibility/methodology_index.html", {"rulesets": selectors.ruleset_list()}
    )


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
    from .labels import OBS_DOCUMENT_LABELS

    return str(OBS_DOCUMENT_LABELS.get(code, code))


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
        return {"cycle": cycle, "grid": grid, "rows": rows, "statuses": list(STATUS_LABELS.items())}

    key = f"elig-map:{cycle.pk}:{cycle.checksum}:{lang}"
    body = _cached_body(key if cycle.is_published else None, "eligibility/_map_body.html", build)
    return render(request, "eligibility/map.html", {"cycle": cycle, "body": body})


def _country_for_evidence(request: HttpRequest, iso3: str) -> Country:
    return country_get(iso3)


@permission_required("eligibility.submit_evidence", _country_for_evidence)
def evidence_submit(request: HttpRequest, iso3: str) -> HttpResponse:
    the_country = country_get(iso3)
    if not the_country.un_member:
        raise Http404  # only UN member states are scored: nothing to send evidence for
    cycle = (
        Cycle.objects.exclude(state=CycleState.PUBLISHED)
        .select_related("ruleset")
        .order_by("-year")
        .first()
    )
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and cycle is not None and form.is_valid():
        try:
            services.evidence_submit(
                acting_user=request.user,
                cycle=cycle,
                country=the_country,
                criterion=form.cleaned_data["criterion"],
                summary=form.cleaned_data["summary"],
                source_url=form.cleaned_data["source_url"],
                document=form.cleaned_data.get("document"),
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            messages.success(
                request,
                _(
                    "Thank you. The Support Unit will review your evidence "
                    "and record its decision with a reason."
                ),
            )
            return redirect("eligibility:my-evidence")
    return render(
        request,
        "eligibility/evidence_form.html",
        {"form": form, "country": the_country, "cycle": cycle},
    )


def my_evidence(request: HttpRequest) -> HttpResponse:
    if not request.user.is_authenticated:
        from django.contrib.auth.views import redirect_to_login

        return redirect_to_login(request.get_full_path())
    return render(
        request,
        "eligibility/my_evidence.html",
        {"submissions": selectors.evidence_for_user(request.user)},
    )


def evidence_document(request: HttpRequest, pk: int) -> HttpResponseBase:
    from ogp.core.uploads import serve_private_file

    sub = get_object_or_404(EvidenceSubmission, pk=pk)
    if not request.user.has_perm("eligibility.view_evidence", sub):
        if not request.user.is_authenticated:
            from django.contrib.auth.views import redirect_to_login

            return redirect_to_login(request.get_full_path())
        raise PermissionDenied
    if not sub.document:
        raise Http404
    return serve_private_file(request, sub.document, f"evidence-{sub.pk}.pdf")


# ---------------------------------------------------------------- staff pages


@permission_required(MANAGE)
def staff_home(request: HttpRequest) -> HttpResponse:
    return _staff_home(request)


def _staff_home(request: HttpRequest, open_form: CycleOpenForm | None = None) -> HttpResponse:
    return render(
        request,
        "eligibility/staff_home.html",
        {
            "cycles": selectors.cycle_list(published_only=False),
            "releases": selectors.release_list(),
            "rulesets": selectors.ruleset_list(),
            "pending": selectors.evidence_pending(),
            "open_form": open_form or CycleOpenForm(),
        },
    )


@permission_required(MANAGE)
def release_import(request: HttpRequest) -> HttpResponse:
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            release, created = services.release_import(
                acting_user=request.user,
                data=upload.read(),
                file_name=upload.name,
                kind=form.cleaned_data["kind"] or None,
                edition=form.cleaned_data["edition"],
                publisher=form.cleaned_data["publisher"],
                published_on=form.cleaned_data["published_on"],
                source_url=form.cleaned_data["source_url"],
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            if created:
                messages.success(request, _("Imported %(release)s.") % {"release": release})
            else:
                messages.info(
                    request,
                    _("This file was already imported as %(release)s; nothing changed.")
                    % {"release": release},
                )
            return redirect(release)
    return render(request, "eligibility/release_import.html", {"form": form})


@permission_required(MANAGE)
def release_detail(request: HttpRequest, pk: int) -> HttpResponse:
    release = get_object_or_404(DatasetRelease.objects.select_related("imported_by"), pk=pk)
    return render(
        request,
        "eligibility/release_detail.html",
        {
            "release": release,
            "dataset_label": DATASET_LABELS.get(release.kind, release.kind),
            "unmatched_units": unmatched_units(release.unmatched),
            "columns": [
                f"{OBS_DOCUMENT_LABELS[c]} ({c})" if c in OBS_DOCUMENT_LABELS else c
                for c in release.columns
            ],
        },
    )


@permission_required(MANAGE)
def cycle_open(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":  # e.g. the language switcher on a page shown after an error
        return redirect("eligibility:staff")
    form = CycleOpenForm(request.POST)
    if form.is_valid():
        try:
            cycle = services.cycle_open(
                acting_user=request.user,
                year=form.cleaned_data["year"],
                review_date=form.cleaned_data["review_date"],
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            messages.success(request, _("Cycle %(year)s opened.") % {"year": cycle.year})
            return redirect("eligibility:cycle-manage", year=cycle.year)
    # the form comes back with its errors and what was typed
    return _staff_home(request, open_form=form)


def _points_text(n: int | None) -> str:
    if n is None:
        return _("not assessed")
    return ngettext("%(n)s point", "%(n)s points", n) % {"n": n}


def _value_text(code: str, raw: str, source: Any) -> str:
    if not raw:
        return _("no source value")
    return _("%(value)s (%(source)s)") % {
        "value": raw_value_text(code, raw),
        "source": source_label(source),
    }


def _criterion_change_text(c: Any) -> str:
    """One criterion's change in plain words: points before and after, and why."""
    return _("%(criterion)s: %(old)s → %(new)s. Before: %(old_value)s. Now: %(new_value)s.") % {
        "criterion": CRITERION_LABELS.get(c.code, c.code),
        "old": _points_text(c.old_points),
        "new": _points_text(c.new_points),
        "old_value": _value_text(c.code, c.old_raw, c.old_source),
        "new_value": _value_text(c.code, c.new_raw, c.new_source),
    }


@permission_required(MANAGE)
def cycle_manage(request: HttpRequest, year: int) -> HttpResponse:
    return _cycle_manage(request, year)


def _cycle_manage(
    request: HttpRequest, year: int, decided: dict[str, Any] | None = None
) -> HttpResponse:
    cycle = get_object_or_404(Cycle.objects.select_related("ruleset"), year=year)
    form = CycleConfigureForm(
        request.POST if request.POST.get("action") == "configure" else None,
        cycle=cycle,
        initial={"ruleset": cycle.ruleset, "releases": list(cycle.releases.all())},
    )
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "configure":
                if form.is_valid():
                    services.cycle_configure(
                        acting_user=request.user,
                        cycle=cycle,
                        ruleset=form.cleaned_data["ruleset"],
                        releases=list(form.cleaned_data["releases"]),
                    )
                    messages.success(
                        request, _("Rule set and releases saved. Compute the cycle again.")
                    )
                    return redirect("eligibility:cycle-manage", year=year)
            elif action == "compute":
                services.cycle_compute(acting_user=request.user, cycle=cycle)
                messages.success(request, _("Every country has been scored."))
                return redirect("eligibility:cycle-manage", year=year)
            elif action == "publish":
                services.cycle_publish(acting_user=request.user, cycle=cycle)
                messages.success(request, _("Cycle %(year)s published.") % {"year": year})
                return redirect("eligibility:cycle-manage", year=year)
        except ValidationError as err:
            messages.error(request, " ".join(err.messages))
            return redirect("eligibility:cycle-manage", year=year)
    prev, changes = selectors.cycle_changes(cycle)
    names = dict(Country.objects.values_list("iso3", "name_en"))
    lang = (translation.get_language() or "en")[:2]
    if lang != "en":
        names.update({k: v for k, v in Country.objects.values_list("iso3", f"name_{lang}") if v})
    change_rows = []
    for ch in changes:
        change_rows.append(
            {
                "iso3": ch.iso3,
                "name": names.get(ch.iso3, ch.iso3),
                "crossing": ch.crossing,
                "old_status": STATUS_LABELS.get(ch.old_status or "", "—"),
                "new_status": STATUS_LABELS.get(ch.new_status or "", "—"),
                "old_total": ch.old_total,
                "new_total": ch.new_total,
                "values_check_changed": ch.values_check_changed,
                "criteria": [_criterion_change_text(c) for c in ch.criteria],
            }
        )
    crossed = [c for c in change_rows if c["crossing"] in ("became_eligible", "lost_eligibility")]
    evidence = cycle.evidence.select_related("country", "submitted_by", "decided_by")
    reproducible = None
    if cycle.state != CycleState.DRAFT and request.GET.get("verify"):
        reproducible = services.cycle_recompute_checksum(cycle) == cycle.checksum
    counts: dict[str, int] = {}
    for status in cycle.results.values_list("status", flat=True):
        counts[status] = counts.get(status, 0) + 1
    return render(
        request,
        "eligibility/cycle_manage.html",
        {
            "cycle": cycle,
            "form": form,
            "previous": prev,
            "changes": change_rows,
            "crossed": crossed,
            "evidence": evidence,
            "decision_form": EvidenceDecisionForm(),
            "reproducible": reproducible,
            "counts": [(STATUS_LABELS[s], counts.get(s, 0)) for s in STATUS_LABELS],
            "releases": cycle.releases.all(),
            "decided": decided,
        },
    )


@permission_required(MANAGE)
def evidence_decide(request: HttpRequest, pk: int) -> HttpResponse:
    sub = get_object_or_404(EvidenceSubmission.objects.select_related("cycle"), pk=pk)
    if request.method != "POST":  # e.g. the language switcher on a page shown after an error
        return redirect(reverse("eligibility:cycle-manage", args=[sub.cycle.year]) + "#evidence")
    form = EvidenceDecisionForm(request.POST)
    if form.is_valid():
        try:
            if form.cleaned_data["decision"] == "accept":
                services.evidence_accept(
                    acting_user=request.user,
                    submission=sub,
                    points=form.cleaned_data["points"],
                    reason=form.cleaned_data["reason"],
                )
                messages.success(
                    request, _("Evidence accepted; the criterion is overridden in this cycle.")
                )
            else:
                services.evidence_reject(
                    acting_user=request.user, submission=sub, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("Evidence rejected."))
        except ValidationError as err:
            errors = list(err.messages)
        else:
            return redirect(
                reverse("eligibility:cycle-manage", args=[sub.cycle.year]) + "#evidence"
            )
    else:
        errors = [str(e) for errs in form.errors.values() for e in errs]
    # the cycle page again, this submission's form keeping what was typed, its error beside it
    decided = {"pk": sub.pk, "data": request.POST, "error": " ".join(errors)}
    return _cycle_manage(request, sub.cycle.year, decided=decided)


@permission_required(MANAGE)
def ruleset_create(request: HttpRequest, pk: int) -> HttpResponse:
    base = get_object_or_404(RuleSetVersion, pk=pk)
    form = RuleSetForm(request.POST or None, initial=RuleSetForm.initial_from(base.definition))
    if request.method == "POST" and form.is_valid():
        try:
            obj = services.ruleset_create(
                acting_user=request.user, based_on=base, definition=form.definition(base.definition)
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            messages.success(request, _("Rule set %(rs)s created.") % {"rs": obj})
            return redirect(obj)
    return render(request, "eligibility/ruleset_form.html", {"form": form, "base": base})


@permission_required(MANAGE)
def research_create(request: HttpRequest) -> HttpResponse:
    corrects = None
    initial: dict[str, Any] = {}
    if request.GET.get("corrects"):
        if not request.GET["corrects"].isdigit():
            raise Http404
        corrects = get_object_or_404(selectors.research_list(), pk=int(request.GET["corrects"]))
        initial = {
            "country": corrects.country.iso3,
            "criterion": corrects.criterion,
            "year": corrects.year,
            "provision": corrects.provision,
            "public_access": corrects.public_access,
            "name": corrects.name,
            "adopted_on": corrects.adopted_on,
            "source_url": corrects.source_url,
        }
    form = ResearchEntryForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            services.research_entry_record(
                acting_user=request.user,
                country=d["country"],
                criterion=d["criterion"],
                year=d["year"],
                provision=d["provision"],
                public_access=d["public_access"],
                name=d["name"],
                adopted_on=d["adopted_on"],
                source_url=d["source_url"],
                note=d["note"],
                corrects=corrects,
            )
        except ValidationError as err:
            form.add_error(None, err)
        else:
            messages.success(
                request,
                _("Research entry recorded. It is used from the next computation of a cycle."),
            )
            return redirect("eligibility:research-list")
    return render(request, "eligibility/research_form.html", {"form": form, "corrects": corrects})


@permission_required(MANAGE)
def research_list(request: HttpRequest) -> HttpResponse:
    return render(
        request, "eligibility/research_list.html", {"entries": selectors.research_list()[:500]}
    )
