"""Recording audit events. Every service function that changes state calls `audit_record`."""

import datetime
import decimal
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, TypeVar, cast

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models.fields.files import FieldFile

from .actions import AuditAction
from .models import AuditEvent

M = TypeVar("M", bound=models.Model)


def _jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, FieldFile):
        return value.name or None
    return value


def snapshot(obj: models.Model, fields: Iterable[str]) -> dict[str, Any]:
    """The current values of `fields` on `obj`, in a form that can be stored as JSON."""
    return {name: _jsonable(getattr(obj, name)) for name in fields}


def audit_record(
    *,
    actor: Any,
    action: AuditAction,
    target: models.Model,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    note: str = "",
) -> AuditEvent:
    """Write one audit event. Call it inside the service's transaction."""
    action = AuditAction(action)  # a name outside the enumeration fails here, not in the trail
    user = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        actor=user,
        actor_label=(str(user) if user else "system")[:255],
        action=action,
        content_type=ContentType.objects.get_for_model(target, for_concrete_model=False),
        object_id=str(target.pk),
        object_label=str(target)[:255],
        before=_jsonable(before) if before is not None else None,
        after=_jsonable(after) if after is not None else None,
        note=note,
    )


def audited_update(
    *,
    acting_user: Any,
    instance: M,
    action: AuditAction,
    fields: Sequence[str],
    changes: Mapping[str, Any] | None = None,
    apply: Callable[[M], None] | None = None,
    note: str = "",
) -> M:
    """The one write path for changing a stored row: re-read it (locked) from the database,
    take the "before" snapshot of `fields` from what is stored (never from an instance a form
    has already changed), set `changes` and/or run `apply(row)`, save `fields`, record the audit
    event. Returns the row as stored now (and sets the same values on `instance`). Call it inside
    the service's transaction."""
    model = instance._meta.model  # (request.user is a lazy proxy: type() would not do)
    stored = cast(M, model._default_manager.select_for_update().get(pk=instance.pk))
    before = snapshot(stored, fields)
    for name, value in (changes or {}).items():
        setattr(stored, name, value)
    if apply is not None:
        apply(stored)
    stored.save(update_fields=list(fields))
    if instance is not stored:  # the caller's instance shows the stored values too
        for name in fields:
            setattr(instance, name, getattr(stored, name))
    audit_record(
        actor=acting_user,
        action=action,
        target=stored,
        before=before,
        after=snapshot(stored, fields),
        note=note,
    )
    return stored


def audited_create(
    *, acting_user: Any, instance: M, action: AuditAction, fields: Sequence[str], note: str = ""
) -> M:
    """Save a new row and record its audit event with the stored values of `fields`."""
    instance.save()
    audit_record(
        actor=acting_user,
        action=action,
        target=instance,
        after=snapshot(instance, fields),
        note=note,
    )
    return instance
