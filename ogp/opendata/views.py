"""The open data page, the package files at stable addresses, and the Atom feeds."""

import datetime
from typing import Any

from django.contrib.syndication.views import Feed
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ogp.cocreation.models import CoCreationPlan, PlanStateChoices
from ogp.eligibility.models import Cycle, CycleState
from ogp.membership.models import LetterOfIntent
from ogp.plans.models import IRMReport, IRMReportState

from .packages import PACKAGES, PACKAGES_BY_NAME
from .services import descriptor, root


def index(request: HttpRequest) -> HttpResponse:
    packages = []
    for package in PACKAGES:
        meta = descriptor(package.name)
        packages.append(
            {
                "package": package,
                "meta": meta,
                "created": datetime.datetime.fromisoformat(meta["created"]) if meta else None,
                "files": [r for r in meta["resources"]] if meta else [],
            }
        )
    return render(request, "opendata/index.html", {"packages": packages})


def package_file(request: HttpRequest, name: str, filename: str) -> FileResponse:
    """Only the files a package's datapackage.json lists (or the descriptor itself)."""
    meta = descriptor(name)
    if meta is None:
        raise Http404
    allowed = {"datapackage.json"} | {r["path"] for r in meta["resources"]}
    if filename not in allowed:
        raise Http404
    path = root() / name / filename
    content_type = "application/json" if filename.endswith(".json") else "text/csv"
    response = FileResponse(path.open("rb"), content_type=f"{content_type}; charset=utf-8")
    response["Access-Control-Allow-Origin"] = "*"
    response["Cache-Control"] = "public, max-age=3600"
    response["Last-Modified"] = http_date(path.stat().st_mtime)
    if filename.endswith(".csv"):
        response["Content-Disposition"] = f'inline; filename="ogp-{name}-{filename}"'
    return response


def package_index(request: HttpRequest, name: str) -> FileResponse:
    if name not in PACKAGES_BY_NAME:
        raise Http404
    return package_file(request, name, "datapackage.json")


class PublicationsFeed(Feed):
    """Published eligibility cycles, letters of intent, action plans and IRM reports, newest
    first."""

    feed_type = Atom1Feed
    title = gettext_lazy("OGP platform: publications")
    subtitle = gettext_lazy(
        "Published eligibility cycles, letters of intent, action plans and IRM reports"
    )

    def link(self) -> str:
        return reverse("opendata:index")

    def items(self) -> list[Any]:
        cycles = list(
            Cycle.objects.filter(state=CycleState.PUBLISHED).order_by("-published_at")[:30]
        )
        letters = list(
            LetterOfIntent.objects.filter(state=LetterOfIntent.State.ACCEPTED)
            .select_related("country")
            .order_by("-decided_at", "-id")[:30]
        )
        plans = list(
            CoCreationPlan.objects.filter(state=PlanStateChoices.PUBLISHED)
            .exclude(action_plan=None)
            .select_related("country", "action_plan")
            .order_by("-published_on", "-id")[:30]
        )
        reports = list(
            IRMReport.objects.filter(state=IRMReportState.PUBLISHED, version__gt=0)
            .select_related("plan__country", "plan__locality")
            .order_by("-published_at", "-id")[:30]
        )
        items = cycles + letters + plans + reports
        items.sort(key=self.item_updateddate, reverse=True)
        return items[:50]

    def item_title(self, item: Any) -> str:
        if isinstance(item, Cycle):
            return _("Eligibility cycle %(year)s published") % {"year": item.year}
        if isinstance(item, CoCreationPlan):
            return _("Action plan of %(country)s published: %(title)s") % {
                "country": item.country.name,
                "title": item.title,
            }
        if isinstance(item, IRMReport):
            return _("IRM %(kind)s published: %(plan)s (version %(version)s)") % {
                "kind": item.get_kind_display(),
                "plan": str(item.plan),
                "version": item.version,
            }
        return _("Letter of intent of %(country)s published") % {"country": item.country.name}

    def item_description(self, item: Any) -> str:
        if isinstance(item, Cycle):
            return _("Results checksum %(checksum)s") % {"checksum": item.checksum}
        if isinstance(item, CoCreationPlan):
            return item.summary[:500]
        if isinstance(item, IRMReport):
            return item.summary[:500]
        return item.past_reforms[:500]

    def item_link(self, item: Any) -> str:
        if isinstance(item, Cycle | IRMReport):
            return item.get_absolute_url()
        if isinstance(item, CoCreationPlan):
            published = item.action_plan
            return published.get_absolute_url() if published else item.get_absolute_url()
        return reverse("membership:country", args=[item.country.iso3])

    def item_guid(self, item: Any) -> str:
        if isinstance(item, IRMReport):
            return f"urn:ogp-platform:irm-report:{item.pk}:v{item.version}"
        kind = {Cycle: "cycle", CoCreationPlan: "plan"}.get(type(item), "letter")
        return f"urn:ogp-platform:{kind}:{item.pk}"

    item_guid_is_permalink = False

    def item_updateddate(self, item: Any) -> datetime.datetime:
        if isinstance(item, Cycle | IRMReport):
            moment = item.published_at
        elif isinstance(item, CoCreationPlan):
            day = item.published_on
            moment = (
                timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
                if day
                else None
            )
        else:
            moment = item.decided_at or item.updated_at
        return moment or timezone.now()

    item_pubdate = item_updateddate
