from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from .models import AuditEvent


def audit_event_list(
    *, content_type: ContentType | None = None, object_id: str | None = None, action: str = ""
) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor", "content_type")
    if content_type is not None:
        events = events.filter(content_type=content_type)
    if object_id is not None:
        events = events.filter(object_id=str(object_id))
    if action:
        events = events.filter(action__startswith=action)
    return events


def audit_event_ids(
    *, content_type: ContentType | None = None, object_id: str | None = None, action: str = ""
) -> QuerySet[AuditEvent, int]:
    """The ids of :func:`audit_event_list`'s events in its order (newest first): what a list
    page queries when the rendered rows are stored (read from the ``audit_at_id`` index)."""
    events = audit_event_list(content_type=content_type, object_id=object_id, action=action)
    return events.select_related(None).values_list("id", flat=True)


def audit_events_by_id(ids: list[int]) -> list[AuditEvent]:
    return list(AuditEvent.objects.select_related("actor", "content_type").filter(pk__in=ids))
