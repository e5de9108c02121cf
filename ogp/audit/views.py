"""Staff pages to browse the audit trail, across the platform and per object.

Audit rows never change once written, so each row is rendered (as a sentence with its changes,
:func:`ogp.audit.presentation.describe`) once per language and stored; a page then queries only
its ids (newest first, from an index) and takes the rows from the cache, and a new event is on
the first page at once. The log's whole body is stored too, until the next event.
"""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from ogp.core.cache_middleware import cached_fragment, cached_rows
from ogp.core.pagination import Page, paginate
from ogp.core.permissions import permission_required
from ogp.core.shared_pages import shared_page

from .actions import AuditAction
from .models import AuditEvent
from .presentation import describe
from .selectors import audit_event_ids, audit_events_by_id


def _render_rows(ids: list[int]) -> dict[int, str]:
    return {
        view.event.pk: render_to_string("audit/_event_row.html", {"view": view})
        for view in describe(audit_events_by_id(ids))
    }


def _rows(page: Page) -> list[SafeString]:
    return cached_rows("audit-event", page.object_list, _render_rows)


@permission_required("audit.view_auditevent")
@shared_page(scopes=("audit",))
def event_list(request: HttpRequest) -> HttpResponse:
    action = request.GET.get("action", "").strip()

    def build() -> dict[str, Any]:
        page = paginate(request, audit_event_ids(action=action))
        caption = _("Every recorded change, newest first")
        return {"page": page, "rows": _rows(page), "caption": caption}

    # the same for every staff reader (checked above): stored until the next audit event (or
    # change of published rows, whose names the sentences show); rebuilt from stored rows
    body = cached_fragment(request, "audit-events", "audit/_events.html", build, scopes=("audit",))
    return render(
        request,
        "audit/event_list.html",
        {"body": body, "action": action, "actions": AuditAction.choices},
    )


@permission_required("audit.view_auditevent")
def object_history(request: HttpRequest, content_type_id: int, object_id: str) -> HttpResponse:
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    page = paginate(request, audit_event_ids(content_type=content_type, object_id=object_id))
    label = object_id
    if page.object_list:
        newest = AuditEvent.objects.filter(pk=page.object_list[0])
        label = newest.values_list("object_label", flat=True).first() or object_id
    return render(
        request,
        "audit/object_history.html",
        {
            "page": page,
            "rows": _rows(page),
            "content_type": content_type,
            "object_label": label,
        },
    )
