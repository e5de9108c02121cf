"""The audit trail as sentences in the reader's language: "Marie Dupont approved the role Civil
society member of Transparencia Uruguay", with field names and values shown by their labels
(choices by their display label, related rows by their name) rather than codes and ids.

`describe(events)` reads the related rows of a whole page at once: one query per related model.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from .actions import AuditAction
from .models import AuditEvent

SYSTEM_LABEL = "system"


@dataclass(frozen=True)
class Change:
    field: str  # the field's verbose name, in the reader's language
    before: str
    after: str


@dataclass(frozen=True)
class EventView:
    event: AuditEvent
    sentence: str
    changes: tuple[Change, ...]


def _model_field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def _related_ids(events: Iterable[AuditEvent]) -> dict[type[models.Model], set[Any]]:
    wanted: dict[type[models.Model], set[Any]] = {}
    for event in events:
        model = event.content_type.model_class()
        for values in (event.before or {}, event.after or {}):
            for name, value in values.items():
                field = _model_field(model, name)
                if field is not None and field.is_relation and field.related_model and value:
                    related = field.related_model
                    if isinstance(related, type):
                        ids = value if isinstance(value, list) else [value]
                        wanted.setdefault(related, set()).update(
                            i for i in ids if _is_key(related, i)
                        )
    return wanted


def _is_key(model: type[models.Model], value: Any) -> bool:
    """Whether a stored value can be the related row's key. Older snapshots (and bulk-made
    rows) hold a name such as "ogp-2014 v1" there: shown as written, never looked up."""
    try:
        model._meta.pk.to_python(value)  # type: ignore[union-attr]
    except (ValidationError, TypeError, ValueError):
        return False
    return not isinstance(value, (dict, list, bool))


def _value_label(field: models.Field | None, value: Any, names: dict[tuple[type, Any], str]) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if field is None:
        return str(value)
    if field.is_relation and isinstance(field.related_model, type):
        ids = value if isinstance(value, list) else [value]
        return ", ".join(names.get((field.related_model, v), str(v)) for v in ids)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    return str(value)


def describe(events: Iterable[AuditEvent]) -> list[EventView]:
    events = list(events)
    names: dict[tuple[type, Any], str] = {}
    for model, ids in _related_ids(events).items():
        for obj in model._default_manager.filter(pk__in=ids):
            names[(model, obj.pk)] = str(obj)
    return [_view(event, names) for event in events]


def _view(event: AuditEvent, names: dict[tuple[type, Any], str]) -> EventView:
    model = event.content_type.model_class()
    before, after = event.before or {}, event.after or {}
    changes = []
    for name, old, new in event.changes():
        field = _model_field(model, name)
        label = str(field.verbose_name) if field is not None else name.replace("_", " ")
        changes.append(
            Change(label, _value_label(field, old, names), _value_label(field, new, names))
        )
    return EventView(event, sentence(event, after or before, names), tuple(changes))


def sentence(
    event: AuditEvent,
    values: dict[str, Any] | None = None,
    names: dict[tuple[type, Any], str] | None = None,
) -> str:
    actor = event.actor_label if event.actor_label != SYSTEM_LABEL else _("The platform")
    try:
        template = str(AuditAction(event.action).label)
    except ValueError:  # a name from before the enumeration that no migration mapped
        return f"{actor}: {event.action} — {event.object_label}"
    text = template % {"actor": actor, "object": event.object_label}
    role_sentence = _role_sentence(event, actor, values or {}, names or {})
    return role_sentence or text


def _role_sentence(
    event: AuditEvent, actor: str, values: dict[str, Any], names: dict[tuple[type, Any], str]
) -> str:
    """Role decisions name the role and whom it is for (organisation or country)."""
    if event.action not in (AuditAction.ROLE_REQUEST_APPROVE, AuditAction.USER_ROLE_SET):
        return ""
    model = event.content_type.model_class()
    role = values.get("role")
    if not role:
        return ""
    role_label = _value_label(_model_field(model, "role"), role, names)
    scope = ""
    for name in ("organisation", "country"):
        if values.get(name):
            scope = _value_label(_model_field(model, name), values[name], names)
            break
    if event.action == AuditAction.ROLE_REQUEST_APPROVE:
        if scope:
            return _("%(actor)s approved the role %(role)s of %(scope)s") % {
                "actor": actor,
                "role": role_label,
                "scope": scope,
            }
        return _("%(actor)s approved the role %(role)s") % {"actor": actor, "role": role_label}
    if scope:
        return _("%(actor)s gave %(object)s the role %(role)s of %(scope)s") % {
            "actor": actor,
            "object": event.object_label,
            "role": role_label,
            "scope": scope,
        }
    return _("%(actor)s gave %(object)s the role %(role)s") % {
        "actor": actor,
        "object": event.object_label,
        "role": role_label,
    }
