"""Writes to organisations (directory entries for organisations), each audited."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError

from .models import Organisation, OrganisationKind

FIELDS = ["name", "kind", "country", "website", "description", "contact_email", "contact_phone"]


def _unique_slug(name: str) -> str:
    root = slugify(name)[:180] or "organisation"
    slug, n = root, 2
    while Organisation.objects.filter(slug=slug).exists():
        slug, n = f"{root}-{n}", n + 1
    return slug


def _check(fields: dict) -> None:  # type: ignore[type-arg]
    if not (fields.get("name") or "").strip():
        raise ServiceError(_("Give the organisation's name."))
    if fields.get("kind") not in OrganisationKind.values:
        raise ServiceError(_("Choose the type of organisation."))


@transaction.atomic
def organisation_create(
    *, acting_user, focus_areas=(), is_demo: bool = False, **fields
) -> Organisation:  # type: ignore[no-untyped-def]
    _check(fields)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(unknown)
    name = fields["name"].strip()
    if Organisation.objects.filter(name__iexact=name, country=fields.get("country")).exists():
        raise ServiceError(
            _("%(name)s is already in the directory for this country.") % {"name": name}
        )
    organisation = Organisation(
        slug=_unique_slug(name),
        is_demo=is_demo,
        created_by=acting_user if getattr(acting_user, "is_authenticated", False) else None,
        **{k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()},
    )
    organisation.save()
    organisation.focus_areas.set(focus_areas)
    audit_record(
        actor=acting_user,
        action=AuditAction.ORGANISATION_CREATE,
        target=organisation,
        after=snapshot(organisation, FIELDS),
    )
    return organisation


@transaction.atomic
def organisation_update(
    *, acting_user, organisation: Organisation, focus_areas=(), **fields
) -> Organisation:  # type: ignore[no-untyped-def]
    _check(fields)
    unknown = set(fields) - set(FIELDS)
    if unknown:
        raise ValueError(unknown)
    organisation = audited_update(
        acting_user=acting_user,
        instance=organisation,
        action=AuditAction.ORGANISATION_UPDATE,
        fields=FIELDS,
        changes={k: (v.strip() if isinstance(v, str) else v) for k, v in fields.items()},
    )
    organisation.focus_areas.set(focus_areas)
    return organisation
