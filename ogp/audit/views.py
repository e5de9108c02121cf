"""Staff pages to browse the audit trail, across the platform and per object."""

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from ogp.core.pagination import paginate
from ogp.core.permissions import permission_required

from .actions import AuditAction
from .presentation import describe
from .selectors import audit_event_list


@permission_required("audit.view_auditevent")
def event_list(request: HttpRequest) -> HttpResponse:
    action = request.GET.get("action", "").strip()
    events = audit_event_list(action=action)
    page = paginate(request, events)
    return render(
        request,
        "audit/event_list.html",
        {
            "page": page,
            "events": describe(page.object_list),
            "action": action,
            "actions": AuditAction.choices,
        },
    )


@permission_required("audit.view_auditevent")
def object_history(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    events = audit_event_list(content_type=content_type, object_id=object_id)
    page = paginate(request, events)
    label = page.object_list[0].object_label if page.object_list else object_id
    return render(
        request,
        "audit/object_history.html",
        {
            "page": page,
            "events": describe(page.object_list),
            "content_type": content_type,
            "object_label": label,
        },
    )
