"""The participation overview: where to start, and the staff tools."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from ogp.core.permissions import can
from ogp.engagement.models import ContentReport

from ..models import MembershipRequest


def overview(request: HttpRequest) -> HttpResponse:
    user = request.user
    context: dict[str, object] = {"is_staff": can(request, "engagement.moderate")}
    if context["is_staff"]:
        context["open_reports"] = ContentReport.objects.filter(state="open").count()
    if user.is_authenticated:
        context["coordinated"] = user.forum_memberships.filter(role="coordinator").select_related(
            "forum"
        )
        context["pending_requests"] = MembershipRequest.objects.filter(
            forum__memberships__user=user,
            forum__memberships__role="coordinator",
            state="pending",
        ).count()
    return render(request, "participation/overview.html", context)
