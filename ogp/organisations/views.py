"""Organisation pages: the organisation with its people, forums and events; add and edit."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from ogp.core import hooks
from ogp.core.errors import ServiceError
from ogp.core.permissions import can, require
from ogp.core.ratelimit import check_rate

from .forms import OrganisationForm
from .models import Organisation
from .services import FIELDS, organisation_create, organisation_update


def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = get_object_or_404(
        Organisation.objects.select_related("country").prefetch_related("focus_areas"), slug=slug
    )
    can_change = can(request, "organisations.change_organisation", organisation)
    is_moderator = can(request, "engagement.moderate")
    if organisation.is_hidden and not (can_change or is_moderator):
        raise Http404
    return render(
        request,
        "organisations/organisation_detail.html",
        {
            "organisation": organisation,
            "people": organisation.people.filter(is_hidden=False).select_related("country"),
            "sections": hooks.organisation_sections.sections(organisation),
            "can_change": can_change,
            "is_moderator": is_moderator,
        },
    )


@require_http_methods(["GET", "POST"])
def organisation_form(request: HttpRequest, slug: str | None = None) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=slug) if slug else None
    if organisation is None:
        require(request, "organisations.add_organisation")
    else:
        require(request, "organisations.change_organisation", organisation)
    form = OrganisationForm(request.POST or None, instance=organisation)
    if request.method == "POST" and not check_rate(request, "organisations:save", 20, 3600):
        response = render(request, "participation/rate_limited.html", {"minutes": 60}, status=429)
        response["Retry-After"] = "3600"
        return response
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in FIELDS}
        try:
            if organisation is None:
                organisation = organisation_create(
                    acting_user=request.user, focus_areas=form.cleaned_data["focus_areas"], **data
                )
            else:
                organisation = organisation_update(
                    acting_user=request.user,
                    organisation=organisation,
                    focus_areas=form.cleaned_data["focus_areas"],
                    **data,
                )
        except ServiceError as error:
            for message in error.messages:
                form.add_error(None, message)
        else:
            messages.success(request, _("The organisation has been saved."))
            return redirect(organisation)
    return render(
        request,
        "organisations/organisation_form.html",
        {"form": form, "organisation": organisation},
    )
