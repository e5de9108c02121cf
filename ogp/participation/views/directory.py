"""Stakeholder directory: search organisations and people; a person's own entry and data."""

import json
from collections.abc import Hashable
from typing import Any

from django.contrib import messages
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.cache_middleware import cached_fragment, generation_value, public_page
from ogp.core.errors import ServiceError
from ogp.core.pagination import paginate
from ogp.core.permissions import can, require
from ogp.core.shared_pages import reader_kind, shared_page

from ..forms import DirectoryFilterForm, PersonForm
from ..models import Person
from ..selectors import organisation_directory, people_list, person_get, personal_data_export
from ..services.directory import person_delete, person_save
from .common import add_service_error, current_user, rate_limited


def _has_own_entry(request: HttpRequest) -> bool:
    """Whether the signed-in reader has a directory entry, kept per reader until the next change
    of published rows (a Person is one): one cache round trip instead of a query per page."""
    known: bool | None = getattr(request, "_ogp_has_own_entry", None)
    if known is not None:
        return known
    user_id = int(request.user.pk or 0)
    known = bool(
        generation_value(
            f"participation:has-entry:{user_id}",
            lambda: Person.objects.filter(user_id=user_id).exists(),
        )
    )
    request._ogp_has_own_entry = known  # type: ignore[attr-defined]
    return known


def _directory_reader(request: HttpRequest) -> Hashable | None:
    kind = reader_kind(request)
    if kind == "visitor":
        return kind
    if request.GET.get("focus_area"):
        return None  # the list finds the reader's own entry by its hidden focus areas
    return (kind, _has_own_entry(request))


@shared_page(_directory_reader)
@public_page
def directory(request: HttpRequest) -> HttpResponse:
    def build() -> dict[str, Any]:
        form = DirectoryFilterForm(request.GET or None)
        filters = form.cleaned_data if form.is_valid() else {}
        query = filters.get("q", "")
        organisations = organisation_directory(
            query=query,
            kind=filters.get("kind", ""),
            country=filters.get("country"),
            focus_area=filters.get("focus_area"),
        )
        people = people_list(
            query=query,
            country=filters.get("country"),
            focus_area=filters.get("focus_area"),
            viewer=request.user,
        )
        if filters.get("kind"):
            people = people.filter(organisation__kind=filters["kind"])
        return {
            "form": form,
            "organisations": paginate(request, organisations, param="page"),
            "people": paginate(request, people, param="people_page"),
        }

    # A focus-area filter also finds the reader's own entry by its hidden focus areas, so that
    # list is the reader's own: it is cached per reader.
    personal = request.user.is_authenticated and request.GET.get("focus_area")
    name = f"directory:user-{request.user.pk}" if personal else "directory"
    body = cached_fragment(request, name, "participation/directory/_directory_body.html", build)
    return render(
        request,
        "participation/directory/directory.html",
        {
            "body": body,
            "own_entry": request.user.is_authenticated and _has_own_entry(request),
        },
    )


@public_page
def person_detail(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_get(pk)
    is_author = request.user.is_authenticated and person.user_id == request.user.pk
    is_moderator = can(request, "engagement.moderate")
    if person.is_hidden and not (is_author or is_moderator):
        raise Http404
    return render(
        request,
        "participation/directory/person_detail.html",
        {"person": person, "is_author": is_author, "is_moderator": is_moderator},
    )


@require_http_methods(["GET", "POST"])
def my_entry(request: HttpRequest) -> HttpResponse:
    require(request, "participation.add_person")
    user = current_user(request)
    person = Person.objects.filter(user=user).first()
    if person is not None:
        initial = {
            "full_name": person.full_name,
            "job_title": person.job_title,
            "organisation": person.organisation,
            "country": person.country,
            "email": person.email,
            "phone": person.phone,
            "bio": person.bio,
            "focus_areas": list(person.focus_areas.all()),
            "public_fields": person.public_fields,
            "consent": True,
        }
    else:
        initial = {
            "full_name": user.full_name,
            "job_title": user.job_title,
            "organisation": user.organisation,
            "country": user.country,
            "email": user.email,
        }
    form = PersonForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if limited := rate_limited(request, "directory"):
            return limited
        if form.is_valid():
            try:
                person = person_save(acting_user=request.user, person=person, **form.cleaned_data)
            except ServiceError as error:
                add_service_error(form, error)
            else:
                messages.success(request, _("Your directory entry has been saved."))
                return redirect(person)
    return render(
        request, "participation/directory/person_form.html", {"form": form, "person": person}
    )


def my_data(request: HttpRequest) -> HttpResponse:
    require(request, "participation.add_person")
    if request.GET.get("format") == "json":
        payload = json.dumps(
            personal_data_export(request.user), cls=DjangoJSONEncoder, indent=2, ensure_ascii=False
        )
        response = HttpResponse(payload, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="my-participation-data.json"'
        return response
    return render(
        request,
        "participation/directory/my_data.html",
        {"person": Person.objects.filter(user=current_user(request)).first()},
    )


@require_POST
def delete_entry(request: HttpRequest, pk: int) -> HttpResponse:
    person = person_get(pk)
    require(request, "participation.delete_person", person)
    try:
        person_delete(acting_user=request.user, person=person)
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(person)
    messages.success(request, _("The directory entry has been deleted."))
    return redirect("participation:directory")
