"""Follow and unfollow (POST only); the user's follows and digest frequency; the digest's stop
link."""

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from ogp.core.errors import ServiceError
from ogp.core.permissions import require

from ..follow_targets import targets
from ..forms import DigestPreferenceForm
from ..selectors import digest_frequency, follows_for_user
from ..services.follows import (
    digest_preference_set,
    digest_stop,
    follow_create,
    follow_delete,
    user_from_digest_token,
)


@require_POST
def toggle(request: HttpRequest, kind: str, key: str) -> HttpResponse:
    require(request, "engagement.follow")
    declared = targets().get(kind)
    if declared is None:
        return redirect("engagement:follow-list")
    target: Any = get_object_or_404(declared.model, **{declared.key: key})
    unfollow = request.POST.get("action") == "unfollow"
    if not unfollow and declared.followable and not declared.followable(request.user, target):
        raise Http404
    try:
        if unfollow:
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
    return redirect("engagement:follow-list")


@require_http_methods(["GET", "POST"])
def follow_list(request: HttpRequest) -> HttpResponse:
    require(request, "engagement.follow")
    # read only: the preference row is created by the services that need it (no write on GET)
    form = DigestPreferenceForm(
        request.POST or None, initial={"frequency": digest_frequency(request.user)}
    )
    if request.method == "POST" and form.is_valid():
        digest_preference_set(acting_user=request.user, frequency=form.cleaned_data["frequency"])
        messages.success(request, _("Your digest preference has been saved."))
        return redirect("engagement:follow-list")
    return render(
        request,
        "engagement/follow_list.html",
        {"form": form, "follows": follows_for_user(request.user)},
    )


@csrf_exempt  # one-click from the e-mail (RFC 8058); the token is signed
@require_http_methods(["GET", "POST"])
def stop(request: HttpRequest, token: str) -> HttpResponse:
    try:
        user = user_from_digest_token(token)
    except ServiceError as error:
        return render(
            request, "engagement/link_invalid.html", {"errors": error.messages}, status=400
        )
    if request.method == "POST":
        digest_stop(token=token)
        return render(request, "engagement/digest_stopped.html", {"email": user.email})
    return render(request, "engagement/digest_stop.html", {"token": token, "email": user.email})
