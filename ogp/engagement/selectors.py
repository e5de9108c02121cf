"""Reads for engagement: follows of any object, the moderation queue."""

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from .models import ContentReport, Follow


def is_following(user: Any, target: models.Model) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Follow.objects.filter(
        user=user, content_type=ContentType.objects.get_for_model(target), object_id=target.pk
    ).exists()


# --- moderation ---------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueItem:
    content_type: ContentType
    obj: object
    reports: tuple[ContentReport, ...]


def moderation_queue() -> list[QueueItem]:
    reports = list(
        ContentReport.objects.filter(state=ContentReport.State.OPEN).select_related(
            "content_type", "reporter"
        )
    )
    grouped: dict[tuple[int, int], list[ContentReport]] = {}
    for report in reports:
        grouped.setdefault((report.content_type_id, report.object_id), []).append(report)
    by_type: dict[int, set[int]] = {}
    for ct_id, obj_id in grouped:
        by_type.setdefault(ct_id, set()).add(obj_id)
    objects: dict[tuple[int, int], object] = {}
    types = {r.content_type_id: r.content_type for r in reports}
    for ct_id, ids in by_type.items():
        for obj in types[ct_id].get_all_objects_for_this_type(pk__in=ids):
            objects[(ct_id, obj.pk)] = obj
    return [
        QueueItem(content_type=types[key[0]], obj=objects[key], reports=tuple(items))
        for key, items in grouped.items()
        if key in objects
    ]
