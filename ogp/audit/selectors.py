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
