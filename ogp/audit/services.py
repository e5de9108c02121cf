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


def _auto_now_fields(model: type[models.Model]) -> list[str]:
    """Timestamps a full save() would refresh; a save with update_fields only does so if named."""
    return [f.name for f in model._meta.concrete_fields if getattr(f, "auto_now", False)]


def audited_update(
    *,
    acting_user: Any,
    instance: M,
    action: AuditAction,
    fields: Sequence[str],
    changes: Mapping[str, Any] | None = None,
    apply: Callable[[M], None] | None = None,
    also_save: Sequence[str] = (),
    save_all: bool = False,
    state: Callable[[M], dict[str, Any]] | None = None,
    note: str = "",
) -> M:
    """The one write path for changing a stored row: re-read it (locked) from the database,
    take the "before" snapshot of `fields` from what is stored (never from an instance a form
    has already changed), set `changes` and/or run `apply(row)` (which may refuse by raising),
    save `fields` and `also_save` (saved, not audited: who decided, when, tokens) or, with
    `save_all`, the whole row (when `apply` derives more columns than can be listed), record the
    audit event. `state(row)` replaces the snapshot of `fields` when what is audited is not a
    column (related rows, labels). Returns the row as stored now (and sets the same values on
    `instance`). Call it inside the service's transaction."""
    model = instance._meta.model  # (request.user is a lazy proxy: type() would not do)
    stored = cast(M, model._default_manager.select_for_update().get(pk=instance.pk))
    audited = state or (lambda row: snapshot(row, fields))
    before = audited(stored)
    for name, value in (changes or {}).items():
        setattr(stored, name, value)
    if apply is not None:
        apply(stored)
    if save_all:
        stored.save()
        saved = [f.attname for f in model._meta.concrete_fields]
    else:
        saved = list(dict.fromkeys([*fields, *also_save, *_auto_now_fields(model)]))
        stored.save(update_fields=saved)
    if instance is not stored:  # the caller's instance shows the stored values too
        for name in saved:
            setattr(instance, name, getattr(stored, name))
    audit_record(
        actor=acting_user,
        action=action,
        target=stored,
        before=before,
        after=audited(stored),
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


def audited_delete(
    *,
    acting_user: Any,
    instance: models.Model,
    action: AuditAction,
    fields: Sequence[str],
    target: models.Model | None = None,
    note: str = "",
) -> None:
    """Delete a stored row and record what it held: re-read it (locked), snapshot `fields` as
    "before", record the event on `target` (the row's parent, which outlives it) or on the row
    itself, then delete it. Call it inside the service's transaction."""
    model = instance._meta.model
    stored = model._default_manager.select_for_update().get(pk=instance.pk)
    audit_record(
        actor=acting_user,
        action=action,
        target=target if target is not None else stored,
        before=snapshot(stored, fields),
        note=note,
    )
    stored.delete()
