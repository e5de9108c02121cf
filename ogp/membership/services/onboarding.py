"""Lead agency and point of contact, colleague invitations, and the onboarding checklist."""

import datetime
from typing import Any

from django.conf import settings
from django.core import signing
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ogp.accounts.models import Role, User
from ogp.audit.actions import AuditAction
from ogp.audit.services import (
    audit_record,
    audited_create,
    audited_delete,
    audited_update,
    snapshot,
)
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.permissions import ensure
from ogp.countries.models import Country, MembershipStatus

from ..domain.onboarding import ChecklistItem
from ..domain.status import Actor, StatusFacts
from ..models import (
    Invitation,
    LeadAgency,
    Onboarding,
    OnboardingStep,
)
from .common import (
    INVITATION_MAX_AGE,
    INVITATION_SALT,
    _government_recipients,
    _is_government_of,
    _require_support_unit,
    _send_later,
    _url,
)
from .status import (
    membership_status_change,
)

# --- Lead agency and point of contact -------------------------------------------------------

LEAD_FIELDS = [
    "name",
    "website",
    "contact_name",
    "contact_title",
    "contact_email",
    "contact_phone",
    "show_contact_email",
    "point_of_contact",
]


@transaction.atomic
def lead_agency_set(*, acting_user: User, country: Country, **values: Any) -> LeadAgency:
    ensure(
        acting_user,
        "membership.change_leadagency",
        country,
        _("Only the country's government users or the Support Unit can do this."),
    )
    unknown = set(values) - set(LEAD_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown fields: %(fields)s") % {"fields": ", ".join(sorted(unknown))})
    poc = values.get("point_of_contact")
    if poc is not None and not _is_government_of(poc, country):
        raise ServiceError(
            _("The point of contact's account must be a government user of %(country)s.")
            % {"country": country.name}
        )

    def apply(row: LeadAgency) -> None:
        for key, value in values.items():
            setattr(row, key, value.strip() if isinstance(value, str) else value)
        row.updated_by = acting_user
        row.full_clean()

    lead = LeadAgency.objects.filter(country=country).first()
    if lead is None:
        lead = LeadAgency(country=country)
        apply(lead)
        return audited_create(
            acting_user=acting_user,
            instance=lead,
            action=AuditAction.LEAD_AGENCY_SET,
            fields=LEAD_FIELDS,
        )
    return audited_update(
        acting_user=acting_user,
        instance=lead,
        action=AuditAction.LEAD_AGENCY_SET,
        fields=LEAD_FIELDS,
        apply=apply,
        also_save=["updated_by"],
    )


def is_point_of_contact(user: Any, country: Country) -> bool:
    return (
        _is_government_of(user, country)
        and LeadAgency.objects.filter(country=country, point_of_contact=user).exists()
    )


# --- Invitations ---------------------------------------------------------------------------


def invitation_token(invitation: Invitation) -> str:
    return signing.dumps({"i": invitation.pk, "e": invitation.email}, salt=INVITATION_SALT)


@transaction.atomic
def invitation_create(*, acting_user: User, country: Country, email: str) -> Invitation:
    """The point of contact (or staff) invites a colleague of the same government."""
    ensure(
        acting_user,
        "membership.invite_colleague",
        country,
        _("Only the country's point of contact can invite colleagues."),
    )
    email = email.strip().lower()
    existing = User.objects.filter(email__iexact=email).first()
    if existing and existing.role == Role.SUPPORT_UNIT:
        raise ServiceError(_("This person is Support Unit staff and cannot join a government."))
    if existing and existing.role == Role.GOVERNMENT and existing.country_id == country.pk:
        raise ServiceError(_("This person already works for this government on the platform."))
    if Invitation.objects.filter(country=country, email=email, accepted_at__isnull=True).exists():
        raise ServiceError(_("An invitation to this address is already waiting."))
    invitation = Invitation.objects.create(country=country, email=email, invited_by=acting_user)
    audit_record(
        actor=acting_user,
        action=AuditAction.INVITATION_CREATE,
        target=invitation,
        after=snapshot(invitation, ["country", "email"]),
    )
    language = translation.get_language() or settings.LANGUAGE_CODE
    context = {
        "country_name": country.name_en,
        "country": country,
        "inviter": acting_user,
        "url": _url("membership:invitation-accept", token=invitation_token(invitation)),
        "days": INVITATION_MAX_AGE // 86400,
    }
    transaction.on_commit(
        lambda: send_templated_mail(
            to=[email],
            template="membership/email/invitation",
            context=context,
            language=language,
        )
    )
    return invitation


def invitation_from_token(token: str) -> Invitation:
    try:
        data = signing.loads(token, salt=INVITATION_SALT, max_age=INVITATION_MAX_AGE)
    except signing.SignatureExpired as error:
        raise ServiceError(_("This invitation has expired; ask for a new one.")) from error
    except signing.BadSignature as error:
        raise ServiceError(_("This invitation link is not valid.")) from error
    invitation = Invitation.objects.select_related("country").filter(pk=data.get("i")).first()
    if invitation is None or invitation.email != data.get("e"):
        raise ServiceError(_("This invitation link is not valid."))
    return invitation


@transaction.atomic
def invitation_accept(*, acting_user: User, token: str) -> Invitation:
    """The invited colleague, logged in with the invited address, joins the government."""
    invitation = invitation_from_token(token)
    invitation = (
        Invitation.objects.select_for_update().select_related("country").get(pk=invitation.pk)
    )
    if invitation.accepted_at is not None:
        raise ServiceError(_("This invitation has already been used."))
    if acting_user.email.lower() != invitation.email:
        raise ServiceError(
            _("This invitation was sent to %(email)s; log in with that address to accept it.")
            % {"email": invitation.email}
        )
    if acting_user.role == Role.SUPPORT_UNIT:
        raise ServiceError(_("This person is Support Unit staff and cannot join a government."))
    from ogp.accounts.services import user_role_set

    user_role_set(
        acting_user=acting_user,
        user=acting_user,
        role=Role.GOVERNMENT,
        country=invitation.country,
        reason=_("Accepted an invitation from %(inviter)s.")
        % {"inviter": invitation.invited_by or "?"},
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = acting_user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    audit_record(
        actor=acting_user,
        action=AuditAction.INVITATION_ACCEPT,
        target=invitation,
        after=snapshot(invitation, ["accepted_at", "accepted_by"]),
    )
    return invitation


# --- Onboarding ----------------------------------------------------------------------------


@transaction.atomic
def onboarding_contact_assign(*, acting_user: User, country: Country, contact: User) -> Onboarding:
    """Assign a Support Unit country contact and send the introduction e-mail."""
    _require_support_unit(acting_user)
    if not (contact.is_active and contact.role == Role.SUPPORT_UNIT):
        raise ServiceError(_("The country contact must be a member of the Support Unit."))
    onboarding, _created = Onboarding.objects.select_for_update().get_or_create(country=country)
    onboarding = audited_update(
        acting_user=acting_user,
        instance=onboarding,
        action=AuditAction.ONBOARDING_CONTACT_ASSIGN,
        fields=["support_unit_contact", "introduced_at"],
        changes={"support_unit_contact": contact, "introduced_at": timezone.now()},
    )
    context = {
        "country": country,
        "contact": contact,
        "url": _url("membership:workspace", iso3=country.iso3),
    }
    _send_later(
        [*_government_recipients(country), contact], "membership/email/introduction", context
    )
    return onboarding


@transaction.atomic
def onboarding_step_mark(
    *,
    acting_user: User,
    country: Country,
    item: str,
    done_on: datetime.date,
    note: str = "",
) -> OnboardingStep:
    """Tick a checklist item. Co-creation started makes a participating country active."""
    ensure(
        acting_user,
        "membership.change_onboarding",
        country,
        _("Only the country's government users or the Support Unit can do this."),
    )
    step_item = ChecklistItem(item)
    if done_on > timezone.localdate():
        raise ServiceError(_("The date cannot be in the future."))
    onboarding = Onboarding.objects.select_for_update().filter(country=country).first()
    if onboarding is None or onboarding.letter_received_on is None:
        raise ServiceError(_("Onboarding starts when the letter of intent is accepted."))
    if OnboardingStep.objects.filter(onboarding=onboarding, item=step_item).exists():
        raise ServiceError(_("This step is already marked as done."))
    step = OnboardingStep.objects.create(
        onboarding=onboarding,
        item=step_item,
        done_on=done_on,
        done_by=acting_user,
        note=note.strip(),
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.ONBOARDING_STEP_MARK,
        target=onboarding,
        after=snapshot(step, ["item", "done_on", "note"]),
    )
    country.refresh_from_db(fields=["membership_status"])
    if (
        step_item == ChecklistItem.CO_CREATION_STARTED
        and country.membership_status == MembershipStatus.PARTICIPATING
    ):
        membership_status_change(
            acting_user=acting_user,
            country=country,
            target=MembershipStatus.ACTIVE,
            facts=StatusFacts(co_creation_started=True),
            reason=gettext_noop(
                "Co-creation of the first action plan with civil society has started."
            ),
            effective_date=done_on,
            actor=Actor.SYSTEM,
        )
    return step


@transaction.atomic
def onboarding_step_unmark(*, acting_user: User, country: Country, item: str) -> None:
    _require_support_unit(acting_user)
    step = OnboardingStep.objects.filter(onboarding__country=country, item=item).first()
    if step is None:
        raise ServiceError(_("This step is not marked as done."))
    audited_delete(
        acting_user=acting_user,
        instance=step,
        action=AuditAction.ONBOARDING_STEP_UNMARK,
        fields=["item", "done_on", "note"],
        target=step.onboarding,
    )
