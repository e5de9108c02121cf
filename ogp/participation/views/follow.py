"""Follow and unfollow; the user's follows and digest frequency; the digest's stop link."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.errors import ServiceError
from ogp.core.permissions import require
from ogp.countries.models import Country

from .. import selectors
from ..forms import DigestPreferenceForm
from ..models import Event, Forum
from ..services.follow import (
    digest_preference_set,
    digest_stop,
    follow_create,
    follow_delete,
    user_from_digest_token,
)
from .common import current_user

TARGETS = {
    "country": (Country, "iso3"),
    "forum": (Forum, "slug"),
    "event": (Event, "slug"),
}


@require_POST
def toggle(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    require(request, "participation.follow")
    if kind not in TARGETS:
        return redirect("participation:follow-list")
    model, field = TARGETS[kind]
    target = get_object_or_404(model, **{field: key})
    try:
        if request.POST.get("action") == "unfollow":
            follow_delete(acting_user=request.user, target=target)
            messages.success(request, _("You no longer follow this."))
        else:
            follow_create(acting_user=request.user, target=target)
            messages.success(request, _("You follow this now; changes will come in your digest."))
    except ServiceError as error:
        messages.error(request, " ".join(error.messages))
    next_url = request.POST.get("next", "")
    if next_url and url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        return redirect(next_url)
    return redirect("participation:follow-list")


@require_http_methods(["GET", "POST"])
def follow_list(request: HttpRequest) -> HttpResponse:
    require(request, "participation.follow")
    user = current_user(request)
    # read only: the preference row is created by the services that need it (no write on GET)
    form = DigestPreferenceForm(
        request.POST or None, initial={"frequency": selectors.digest_frequency(user)}
    )
    if request.method == "POST" and form.is_valid():
        digest_preference_set(acting_user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Your digest preference has been saved."))
        return redirect("participation:follow-list")
    return render(
        request,
        "participation/follow/follow_list.html",
        {
            "form": form,
            "follows": selectors.follows_for_user(user),
        },
    )


@csrf_exempt  # one-click from the e-mail (RFC 8058); the token is signed
@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = user_from_digest_token(token)
    except ServiceError as error:
        return render(
            request, "participation/lists/link_invalid.html", {"errors": error.messages},
            status=400,
        )  # fmt: skip
    if request.method == "POST":
        digest_stop(token=token)
        return render(request, "participation/follow/stopped.html", {"email": user.email})
    return render(request, "participation/follow/stop.html", {"token": token, "email": user.email})
