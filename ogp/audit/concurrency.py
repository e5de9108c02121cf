"""Optimistic locking: an edit form carries the version it was opened at, and a save made from
a stale form is refused instead of silently overwriting someone else's changes.

The services that use it lock the row (`select_for_update`), call `check_version`, then
`bump_version`, and store the version in their audit snapshot, which is how the refusal can say
what the other person changed and who they were.
"""

from dataclasses import dataclass
from typing import Any, cast

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.http import QueryDict
from django.utils.translation import gettext as _

from ogp.core.errors import ServiceError


@dataclass(frozen=True)
class Change:
    field: str
    label: str
    value: Any
    by: str


class StaleEditError(ServiceError):
    """The object changed since the form was opened; `changes` says what and by whom."""

    def __init__(self, messages: list[str], changes: list[Change], current_version: int) -> None:
        super().__init__(messages)
        self.changes = changes
        self.current_version = current_version


def changes_since(instance: models.Model, version: int, fields: list[str]) -> list[Change]:
    """Fields among `fields` changed by the audited saves after `version`, newest value each."""
    from ogp.audit.models import AuditEvent

    events = AuditEvent.objects.filter(
        content_type=ContentType.objects.get_for_model(instance, for_concrete_model=False),
        object_id=str(instance.pk),
    ).order_by("at", "pk")
    changed: dict[str, Change] = {}
    for event in events:
        after, before = event.after or {}, event.before or {}
        if not isinstance(after, dict) or int(after.get("version") or 0) <= version:
            continue
        for name in fields:
            if name in after and after.get(name) != before.get(name):
                field = instance._meta.get_field(name)
                changed[name] = Change(
                    field=name,
                    label=str(getattr(field, "verbose_name", name)),
                    value=getattr(instance, name),
                    by=event.actor_label,
                )
    return list(changed.values())


def check_version(instance: Any, expected: int | None, fields: list[str]) -> None:
    """Refuse when the stored version is newer than the one the form was opened at."""
    if expected is None or instance.version == expected:
        return
    changes = changes_since(instance, expected, fields)
    messages = [
        _(
            "This was changed by someone else since you opened it. Your changes have not been "
            "saved yet: check what changed, then save again to keep your version."
        )
    ]
    for change in changes:
        messages.append(
            _("%(field)s, changed by %(person)s, is now: %(value)s")
            % {
                "field": change.label[:1].upper() + change.label[1:],
                "person": change.by or _("another user"),
                "value": _shown(change.value),
            }
        )
    raise StaleEditError(messages, changes, instance.version)


def _shown(value: Any) -> str:
    if value in (None, ""):
        return _("(empty)")
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    text = str(value)
    return text if len(text) <= 300 else text[:300] + "…"


def offer_current_version(form: Any, error: StaleEditError) -> None:
    """Show the refused form again with the current version: saving it once more is then a
    deliberate choice to keep one's own values."""
    data = cast(QueryDict, form.data).copy()
    data["version"] = str(error.current_version)
    form.data = data


def bump_version(instance: Any) -> None:
    instance.version = (instance.version or 0) + 1
