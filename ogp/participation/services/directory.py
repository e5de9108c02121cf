"""Directory entries: a person's own entry with consent and per-field visibility; export; delete."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_create, audited_update
from ogp.core.errors import ServiceError

from ..models import ConsentRecord, Person

PERSON_FIELDS = [
    "full_name",
    "job_title",
    "organisation",
    "country",
    "email",
    "phone",
    "bio",
    "public_fields",
]


def directory_consent_text() -> str:
    return _(
        "I agree that the OGP platform lists me in the stakeholder directory. My name, "
        "organisation and country are public; the other fields are public only if I tick them. "
        "I can change this, download my data or delete my entry at any time."
    )


@transaction.atomic
def person_save(
    *,
    acting_user,  # type: ignore[no-untyped-def]
    person: Person | None = None,
    consent: bool,
    full_name: str,
    job_title: str = "",
    organisation=None,
    country=None,
    email: str = "",
    phone: str = "",
    bio: str = "",
    focus_areas=(),
    public_fields=(),
) -> Person:
    """Create or update the acting user's own directory entry (consent required)."""
    creating = person is None
    if person is not None and person.user_id != acting_user.pk:
        raise ServiceError(_("You can only change your own directory entry."))
    if creating and Person.objects.filter(user=acting_user).exists():
        raise ServiceError(_("You already have a directory entry."))
    if not consent:
        raise ServiceError(_("You need to agree to be listed in the directory."))
    if not full_name.strip():
        raise ServiceError(_("Give your name."))
    unknown = set(public_fields) - set(Person.OPTIONAL_PUBLIC_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown field: %(field)s") % {"field": ", ".join(sorted(unknown))})
    changes = {
        "full_name": full_name.strip(), "job_title": job_title.strip(),
        "organisation": organisation, "country": country,
        "email": email.strip(), "phone": phone.strip(), "bio": bio.strip(),
        "public_fields": [f for f in Person.OPTIONAL_PUBLIC_FIELDS if f in set(public_fields)],
    }  # fmt: skip
    if person is not None:
        person = audited_update(
            acting_user=acting_user, instance=person, action=AuditAction.PERSON_UPDATE,
            fields=PERSON_FIELDS, changes=changes,
        )  # fmt: skip
        person.focus_areas.set(focus_areas)
        return person
    person = Person(
        user=acting_user, consent_given_at=timezone.now(),
        consent_text=directory_consent_text(), **changes,
    )  # fmt: skip
    audited_create(
        acting_user=acting_user, instance=person, action=AuditAction.PERSON_CREATE,
        fields=PERSON_FIELDS,
    )  # fmt: skip
    person.focus_areas.set(focus_areas)
    ConsentRecord.objects.create(
        email=acting_user.email, user=acting_user, purpose="directory",
        action=ConsentRecord.Action.GIVEN, text=person.consent_text,
        language=getattr(acting_user, "preferred_language", ""),
    )  # fmt: skip
    return person


@transaction.atomic
def person_delete(*, acting_user, person: Person) -> None:  # type: ignore[no-untyped-def]
    """Delete a directory entry (its owner, or staff); consent is recorded as withdrawn."""
    from ogp.accounts.predicates import is_support_unit

    if person.user_id != acting_user.pk and not is_support_unit(acting_user):
        raise ServiceError(_("You can only delete your own directory entry."))
    ConsentRecord.objects.create(
        email=person.user.email if person.user else person.email, user=person.user,
        purpose="directory", action=ConsentRecord.Action.WITHDRAWN,
    )  # fmt: skip
    audit_record(
        actor=acting_user,
        action=AuditAction.PERSON_DELETE,
        target=person,
        note="entry deleted; its content is not kept in the audit trail",
    )
    person.delete()
