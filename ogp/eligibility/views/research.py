"""Research entries: record, correct and list."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ogp.core.pagination import paginate
from ogp.core.permissions import permission_required

from .. import selectors, services
from ..forms import (
    ResearchEntryForm,
)
from .common import (
    MANAGE,
)


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
    page = paginate(request, selectors.research_list())
    return render(request, "eligibility/research_list.html", {"entries": page, "page": page})
