"""Reads for engagement: follows of any object, the moderation queue."""

from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import models

from .follow_targets import target_kind, target_url
from .models import ContentReport, DigestPreference, Follow, Moderated


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


def moderated_models() -> dict[str, type[models.Model]]:
    """Every concrete model with the moderation fields, by ``app_label.model``: what can be
    reported and hidden."""
    return {
        model._meta.label_lower: model
        for model in apps.get_models()
        if issubclass(model, Moderated) and not model._meta.abstract
    }


def hidden_content(per_kind: int = 100) -> list[tuple[str, object]]:
    """Everything currently hidden (the newest first, up to `per_kind` of each kind), with its
    ``app_label.model`` kind (for restoring): one query per moderated model."""
    found: list[tuple[str, object]] = []
    for kind, model in moderated_models().items():
        hidden = model._default_manager.filter(is_hidden=True).order_by("-hidden_at")
        found.extend((kind, obj) for obj in hidden[:per_kind])
    return found


# --- follows and digests ------------------------------------------------------------------


def digest_frequency(user: Any) -> str:
    """The user's digest frequency, or the default when they have never chosen one."""
    preference = DigestPreference.objects.filter(user=user).only("frequency").first()
    if preference is not None:
        return preference.frequency
    return str(DigestPreference._meta.get_field("frequency").default)


@dataclass(frozen=True)
class FollowRow:
    """One follow of the user: the followed object, its kind (as declared by its app), the key
    naming it in addresses, and the page the follow list links to."""

    target: object
    kind: str
    label: object
    key: object
    url: str


def follows_for_user(user: Any) -> list[FollowRow]:
    """The user's follows, newest first: one query for the follows, one per kind followed."""
    rows = []
    follows = Follow.objects.filter(user=user).select_related("content_type")
    for follow in follows.prefetch_related("target"):
        target = follow.target
        kind = target_kind(target) if target is not None else None
        if kind is None:  # the followed object was deleted (or can no longer be followed)
            continue
        rows.append(
            FollowRow(
                target=target,
                kind=kind.kind,
                label=kind.label,
                key=getattr(target, kind.key),
                url=target_url(target),
            )
        )
    return rows
