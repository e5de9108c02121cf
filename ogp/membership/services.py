"""Writes for the joining journey. Each is atomic, checks the domain rules and is audited."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import lazy
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ogp.accounts.models import Role, User
from ogp.audit.services import audit_record, snapshot
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.uploads import validate_pdf
from ogp.countries.models import Country, MembershipStatus, MembershipStatusChange
from ogp.countries.services import country_membership_status_set

from . import selectors
from .domain import inquiry as inquiry_rules
from .domain import letter as letter_rules
from .domain import status as status_rules
from .domain.letter import Element, LetterContent, LetterState, Problem
from .domain.onboarding import HISTORIC_RULE, ChecklistItem, FirstPlanRule, first_action_plan_due
from .domain.status import Actor, StatusFacts
from .models import (
    CoChairs,
    Inquiry,
    InquiryMessage,
    Invitation,
    LeadAgency,
    LetterEvent,
    LetterOfIntent,
    Onboarding,
    OnboardingStep,
)
from .refusals import ELEMENT_MESSAGES, PROBLEM_MESSAGES, STATUS_REASONS
from .selectors import country_eligibility, current_cochairs

# The first action plan rule in force (see domain/onboarding.py and docs/membership.md).
FIRST_PLAN_RULE: FirstPlanRule = HISTORIC_RULE
INVITATION_SALT = "ogp.membership.invitation"
INVITATION_MAX_AGE = 14 * 24 * 3600

LETTER_FIELDS = [
    "language",
    "eligibility_confirmed",
    "endorses_declaration",
    "past_reforms",
    "responsible_name",
    "responsible_title",
    "responsible_ministry",
    "responsible_email",
    "signatory_name",
    "signatory_title",
    "signatory_agency",
    "signatory_is_ministerial",
    "head_of_government_authorisation",
    "authorised_by",
]
# FieldFiles are recorded by name: ogp.audit.services.snapshot cannot serialise a private file.
LETTER_AUDIT_FIELDS = [
    "state",
    *LETTER_FIELDS,
    "addressees",
    "eligibility_basis",
    "signed_pdf_name",
]


def actor_kind(user: Any) -> Actor:
    if getattr(user, "is_authenticated", False) and user.role == Role.SUPPORT_UNIT:
        return Actor.SUPPORT_UNIT
    if getattr(user, "is_authenticated", False) and user.role == Role.GOVERNMENT:
        return Actor.GOVERNMENT
    return Actor.SYSTEM


def _is_government_of(user: Any, country: Country) -> bool:
    return bool(
        getattr(user, "is_authenticated", False)
        and user.is_active
        and user.role == Role.GOVERNMENT
        and user.country_id == country.pk
    )


def _require_support_unit(user: Any) -> None:
    if not (getattr(user, "is_authenticated", False) and user.is_active and user.is_support_unit):
        raise ServiceError(_("Only Support Unit staff can do this."))


def _require_government_of(user: Any, country: Country) -> None:
    if not _is_government_of(user, country):
        raise ServiceError(
            _("Only government users of %(country)s can do this.") % {"country": country.name}
        )


def _send_later(recipients: Iterable[User], template: str, context: dict[str, Any]) -> None:
    """E-mail each recipient in their own language once the transaction has committed."""
    people = [u for u in recipients if u is not None and u.email and u.is_active]
    seen: set[str] = set()
    for person in people:
        if person.email in seen:
            continue
        seen.add(person.email)

        def send(person: User = person) -> None:
            send_templated_mail(
                to=[person.email],
                template=template,
                context={**context, "recipient": person},
                language=person.preferred_language,
            )

        transaction.on_commit(send)


def _support_unit_recipients(country: Country) -> list[User]:
    onboarding = (
        Onboarding.objects.filter(country=country).select_related("support_unit_contact").first()
    )
    if onboarding and onboarding.support_unit_contact and onboarding.support_unit_contact.is_active:
        return [onboarding.support_unit_contact]
    return list(User.objects.filter(role=Role.SUPPORT_UNIT, is_active=True))


def _government_recipients(country: Country) -> list[User]:
    return list(User.objects.filter(role=Role.GOVERNMENT, country=country, is_active=True))


def _absolute_url(name: str, kwargs: dict[str, Any]) -> str:
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


def _url(name: str, **kwargs: Any) -> str:
    """An absolute URL reversed when the e-mail is rendered, so it carries the language prefix
    of the recipient's e-mail (send_templated_mail renders in their language)."""
    return lazy(_absolute_url, str)(name, kwargs)


# --- Co-chairs ---------------------------------------------------------------------------


@transaction.atomic
def cochairs_set(
    *,
    acting_user: User,
    government_co_chair: str,
    civil_society_co_chair: str,
    effective_from: datetime.date,
) -> CoChairs:
    _require_support_unit(acting_user)
    if not government_co_chair.strip() or not civil_society_co_chair.strip():
        raise ServiceError(_("Give both co-chairs: one government, one civil society."))
    cochairs = CoChairs.objects.create(
        government_co_chair=government_co_chair.strip(),
        civil_society_co_chair=civil_society_co_chair.strip(),
        effective_from=effective_from,
        updated_by=acting_user,
    )
    audit_record(
        actor=acting_user,
        action="membership.cochairs_set",
        target=cochairs,
        after=snapshot(
            cochairs, ["government_co_chair", "civil_society_co_chair", "effective_from"]
        ),
    )
    # Open letters are re-addressed; submitted ones keep the addressees they were signed for.
    # A signed copy addressed to the former co-chairs must be signed again.
    for letter in LetterOfIntent.objects.select_for_update().filter(
        state__in=list(letter_rules.EDITABLE_STATES)
    ):
        if letter.addressees != cochairs.addressees:
            letter.addressees = cochairs.addressees
            _discard_signed_copy(letter)
            letter.save()
    return cochairs


# --- Membership status --------------------------------------------------------------------


def status_refusal_message(decision: status_rules.Decision) -> str:
    reasons: dict[str, Any] = {str(k): v for k, v in STATUS_REASONS.items()}
    message = str(reasons.get(decision.reason, _("This change of status is not allowed.")))
    if decision.reason == status_rules.Refusal.NO_SUCH_TRANSITION:
        labels = dict(MembershipStatus.choices)
        message = message % {
            "from": labels[decision.source.value],
            "to": labels[decision.target.value],
        }
    return message


@transaction.atomic
def membership_status_change(
    *,
    acting_user: User | None,
    country: Country,
    target: str,
    facts: StatusFacts,
    reason: str,
    effective_date: datetime.date | None = None,
    actor: Actor | None = None,
) -> MembershipStatusChange:
    """Move a country to ``target`` if OGP's process allows it (see domain/status.py)."""
    kind = actor or actor_kind(acting_user)
    country = Country.objects.select_for_update().get(pk=country.pk)
    decision = status_rules.decide(
        status_rules.Status(country.membership_status), status_rules.Status(target), kind, facts
    )
    if not decision.allowed:
        raise ServiceError(status_refusal_message(decision), code=decision.reason)
    return country_membership_status_set(
        acting_user=acting_user,
        country=country,
        status=target,
        reason=reason,
        effective_date=effective_date,
    )


@transaction.atomic
def membership_status_sync_eligibility(
    *, acting_user: User | None, country: Country
) -> MembershipStatusChange | None:
    """Apply what the latest published eligibility cycle implies for the country's status.

    Returns the change, or None when the cycle implies none (or no cycle covers the country).
    The eligibility app can call it for every country after publishing a cycle.
    """
    country = Country.objects.select_for_update().get(pk=country.pk)
    summary = selectors.eligibility_summary(country)
    if summary is None:
        return None
    eligibility = country_eligibility(country)
    target = status_rules.status_after_cycle(
        status_rules.Status(country.membership_status),
        core_eligible=eligibility.facts.core_eligible,
        values_check_passed=eligibility.facts.values_check_passed,
        un_member=country.un_member,
        eligibility_review=eligibility.eligibility_review,
    )
    if target is None:
        return None
    with translation.override(settings.LANGUAGE_CODE):
        reason = _("Eligibility cycle %(year)s published.") % {"year": summary.cycle_year}
    facts = StatusFacts(
        core_eligible=eligibility.facts.core_eligible,
        values_check_passed=eligibility.facts.values_check_passed,
        un_member=country.un_member,
        consecutive_cycles_below_minimum=2 if eligibility.eligibility_review else 0,
        reason=reason,
    )
    return membership_status_change(
        acting_user=acting_user,
        country=country,
        target=target.value,
        facts=facts,
        reason=reason,
        actor=Actor.SYSTEM,
    )


# --- Letters of intent --------------------------------------------------------------------


def _content(letter: LetterOfIntent) -> LetterContent:
    return LetterContent(
        language=letter.language,
        eligibility_confirmed=letter.eligibility_confirmed,
        endorses_declaration=letter.endorses_declaration,
        past_reforms=letter.past_reforms.strip(),
        responsible_name=letter.responsible_name.strip(),
        responsible_title=letter.responsible_title.strip(),
        responsible_ministry=letter.responsible_ministry.strip(),
        responsible_email=letter.responsible_email.strip(),
        signatory_name=letter.signatory_name.strip(),
        signatory_title=letter.signatory_title.strip(),
        signatory_agency=letter.signatory_agency.strip(),
        signatory_is_ministerial=letter.signatory_is_ministerial,
        head_of_government_authorisation=letter.head_of_government_authorisation,
        authorised_by=letter.authorised_by.strip(),
        addressees=letter.addressees.strip(),
        signed_pdf=bool(letter.signed_pdf),
    )


def submission_problems(letter: LetterOfIntent) -> list[tuple[str, str]]:
    """(field or "", translated message) for every reason the letter cannot be submitted."""
    eligibility = country_eligibility(letter.country)
    problems = letter_rules.check_submission(_content(letter), eligibility.facts)
    messages = []
    for problem in problems:
        if problem.code == Problem.MISSING_ELEMENT and problem.element is not None:
            messages.append((problem.element.value, str(ELEMENT_MESSAGES[problem.element])))
        else:
            field = problem.element.value if problem.element else ""
            text = str(PROBLEM_MESSAGES[problem.code]) % {"country": letter.country.name}
            messages.append((field, text))
    return messages


def _fill_generated_fields(letter: LetterOfIntent) -> None:
    """Addressees from the co-chairs setting; eligibility basis from the latest cycle."""
    cochairs = current_cochairs()
    letter.addressees = cochairs.addressees if cochairs else ""
    with translation.override(letter.language or "en"):
        letter.eligibility_basis = country_eligibility(letter.country).basis[:255]


def _clean_letter_values(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(LETTER_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown letter fields: %(fields)s") % {"fields": ", ".join(unknown)})
    if values.get("language") not in dict(settings.LANGUAGES):
        raise ServiceError(ELEMENT_MESSAGES[Element.LANGUAGE])
    return {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}


@transaction.atomic
def letter_create(*, acting_user: User, country: Country, **values: Any) -> LetterOfIntent:
    """A government user starts a letter of intent for their country."""
    _require_government_of(acting_user, country)
    country = Country.objects.select_for_update().get(pk=country.pk)
    if country.is_member:
        raise ServiceError(
            _("%(country)s already participates in OGP; no letter of intent is needed.")
            % {"country": country.name}
        )
    if LetterOfIntent.objects.filter(
        country=country, state__in=list(letter_rules.OPEN_STATES)
    ).exists():
        raise ServiceError(
            _("%(country)s already has a letter of intent in progress; continue that one.")
            % {"country": country.name}
        )
    letter = LetterOfIntent(country=country, created_by=acting_user, **_clean_letter_values(values))
    _fill_generated_fields(letter)
    letter.save()
    audit_record(
        actor=acting_user,
        action="letter.create",
        target=letter,
        after=snapshot(letter, LETTER_AUDIT_FIELDS),
    )
    return letter


# Everything printed on the letter: when one changes, the signed copy no longer matches.
TEXT_FIELDS = [*LETTER_FIELDS, "addressees", "eligibility_basis"]


def _discard_signed_copy(letter: LetterOfIntent) -> None:
    """Forget the signed PDF (deleted once the transaction commits); the caller saves."""
    if not letter.signed_pdf:
        return
    storage, name = letter.signed_pdf.storage, str(letter.signed_pdf.name)
    letter.signed_pdf = ""
    letter.signed_pdf_name = ""
    letter.signed_pdf_uploaded_at = None
    transaction.on_commit(lambda: storage.delete(name))


def _lock(letter: LetterOfIntent) -> LetterOfIntent:
    return LetterOfIntent.objects.select_for_update().select_related("country").get(pk=letter.pk)


@transaction.atomic
def letter_update(*, acting_user: User, letter: LetterOfIntent, **values: Any) -> LetterOfIntent:
    letter = _lock(letter)
    _require_government_of(acting_user, letter.country)
    if not letter.is_editable:
        raise ServiceError(_("This letter has been submitted and can no longer be changed."))
    before = snapshot(letter, LETTER_AUDIT_FIELDS)
    text_before = snapshot(letter, TEXT_FIELDS)
    for key, value in _clean_letter_values(values).items():
        setattr(letter, key, value)
    _fill_generated_fields(letter)
    if snapshot(letter, TEXT_FIELDS) != text_before:
        _discard_signed_copy(letter)
    letter.save()
    audit_record(
        actor=acting_user,
        action="letter.update",
        target=letter,
        before=before,
        after=snapshot(letter, LETTER_AUDIT_FIELDS),
    )
    return letter


@transaction.atomic
def letter_upload_signed(
    *, acting_user: User, letter: LetterOfIntent, upload: Any
) -> LetterOfIntent:
    """Store the signed PDF (checked by content and size) in private storage."""
    letter = _lock(letter)
    _require_government_of(acting_user, letter.country)
    if not letter.is_editable:
        raise ServiceError(_("This letter has been submitted and can no longer be changed."))
    try:
        validate_pdf(upload)
    except ValidationError as error:
        raise ServiceError(error.messages, code=getattr(error, "code", None)) from error
    before = snapshot(letter, ["signed_pdf_name", "signed_pdf_uploaded_at"])
    old_file = str(letter.signed_pdf.name) if letter.signed_pdf else None
    original = (getattr(upload, "name", "") or "letter.pdf").rsplit("/", 1)[-1][:200]
    letter.signed_pdf.save(original, upload, save=False)
    storage, new_file = letter.signed_pdf.storage, str(letter.signed_pdf.name)
    try:
        letter.signed_pdf_name = original
        letter.signed_pdf_uploaded_at = timezone.now()
        letter.save()
        audit_record(
            actor=acting_user,
            action="letter.upload_signed",
            target=letter,
            before=before,
            after=snapshot(letter, ["signed_pdf_name", "signed_pdf_uploaded_at"]),
        )
    except Exception:
        storage.delete(new_file)  # nothing is kept when the database write fails
        raise
    if old_file:
        transaction.on_commit(lambda: storage.delete(old_file))
    return letter


def _status_facts_for_letter(letter: LetterOfIntent, **extra: Any) -> StatusFacts:
    eligibility = country_eligibility(letter.country).facts
    return StatusFacts(
        core_eligible=eligibility.core_eligible,
        values_check_passed=eligibility.values_check_passed,
        un_member=eligibility.un_member,
        **extra,
    )


@transaction.atomic
def letter_submit(*, acting_user: User, letter: LetterOfIntent) -> LetterOfIntent:
    letter = _lock(letter)
    _require_government_of(acting_user, letter.country)
    problems = submission_problems(letter)
    if problems:
        raise ServiceError([message for _field, message in problems], code="submission_problems")
    decision = letter_rules.decide_letter(
        letter.state,
        LetterState.SUBMITTED,
        Actor.GOVERNMENT,
        content=_content(letter),
        eligibility=country_eligibility(letter.country).facts,
    )
    if not decision.allowed:
        raise ServiceError(_("This letter cannot be submitted in its current state."))
    before = snapshot(letter, ["state", "submitted_at"])
    resubmission = letter.state == LetterState.RETURNED
    membership_status_change(
        acting_user=acting_user,
        country=letter.country,
        target=MembershipStatus.LETTER_SUBMITTED,
        facts=_status_facts_for_letter(letter, letter_submitted=True),
        reason=gettext_noop("Corrected letter of intent submitted.")
        if resubmission
        else gettext_noop("Letter of intent submitted."),
        actor=Actor.GOVERNMENT,
    )
    now = timezone.now()
    letter.state = LetterState.SUBMITTED
    letter.submitted_at = now
    letter.submitted_by = acting_user
    letter.received_on = letter.received_on or timezone.localdate()
    letter.save()
    LetterEvent.objects.create(
        letter=letter, action=LetterEvent.Action.SUBMITTED, actor=acting_user
    )
    audit_record(
        actor=acting_user,
        action="letter.submit",
        target=letter,
        before=before,
        after=snapshot(letter, ["state", "submitted_at"]),
    )
    _send_later(
        _support_unit_recipients(letter.country),
        "membership/email/letter_submitted",
        {
            "letter": letter,
            "country_name": letter.country.name_en,
            "url": _url("membership:letter-detail", iso3=letter.country.iso3, pk=letter.pk),
            "resubmission": resubmission,
        },
    )
    return letter


def _submitters(letter: LetterOfIntent) -> list[User]:
    people = [letter.submitted_by, letter.created_by]
    return [p for p in people if p is not None]


@transaction.atomic
def letter_return(*, acting_user: User, letter: LetterOfIntent, reason: str) -> LetterOfIntent:
    letter = _lock(letter)
    _require_support_unit(acting_user)
    decision = letter_rules.decide_letter(
        letter.state, LetterState.RETURNED, Actor.SUPPORT_UNIT, reason=reason
    )
    if not decision.allowed:
        if decision.reason == letter_rules.LetterRefusal.NO_REASON_GIVEN:
            raise ServiceError(_("Explain what the government must change."))
        raise ServiceError(_("Only a submitted letter can be returned."))
    before = snapshot(letter, ["state", "return_reason"])
    membership_status_change(
        acting_user=acting_user,
        country=letter.country,
        target=MembershipStatus.LETTER_RETURNED,
        facts=StatusFacts(reason=reason),
        reason=gettext_noop("Letter of intent returned for changes."),
    )
    letter.state = LetterState.RETURNED
    letter.return_reason = reason.strip()
    letter.decided_at = timezone.now()
    letter.decided_by = acting_user
    letter.save()
    LetterEvent.objects.create(
        letter=letter, action=LetterEvent.Action.RETURNED, actor=acting_user, note=reason.strip()
    )
    audit_record(
        actor=acting_user,
        action="letter.return",
        target=letter,
        before=before,
        after=snapshot(letter, ["state", "return_reason"]),
        note=reason.strip(),
    )
    _send_later(
        _submitters(letter),
        "membership/email/letter_returned",
        {
            "letter": letter,
            "reason": reason.strip(),
            "url": _url("membership:letter-detail", iso3=letter.country.iso3, pk=letter.pk),
        },
    )
    return letter


@transaction.atomic
def letter_accept(*, acting_user: User, letter: LetterOfIntent) -> LetterOfIntent:
    """Accept and publish the letter; the country starts participating (onboarding)."""
    letter = _lock(letter)
    _require_support_unit(acting_user)
    decision = letter_rules.decide_letter(letter.state, LetterState.ACCEPTED, Actor.SUPPORT_UNIT)
    if not decision.allowed:
        raise ServiceError(_("Only a submitted letter can be accepted."))
    if not letter.signed_pdf:
        raise ServiceError(_("The letter has no signed PDF."))
    before = snapshot(letter, ["state", "accepted_on"])
    today = timezone.localdate()
    membership_status_change(
        acting_user=acting_user,
        country=letter.country,
        target=MembershipStatus.PARTICIPATING,
        facts=StatusFacts(letter_accepted=True),
        reason=gettext_noop("Letter of intent accepted and published; onboarding starts."),
        effective_date=today,
    )
    letter.state = LetterState.ACCEPTED
    letter.accepted_on = today
    letter.decided_at = timezone.now()
    letter.decided_by = acting_user
    letter.return_reason = ""
    letter.save()
    LetterEvent.objects.create(letter=letter, action=LetterEvent.Action.ACCEPTED, actor=acting_user)
    onboarding, _created = Onboarding.objects.get_or_create(country=letter.country)
    if onboarding.letter_received_on is not None:
        # A country rejoining after withdrawal starts a new checklist.
        done = list(onboarding.steps.values_list("item", flat=True))
        onboarding.steps.all().delete()
        audit_record(
            actor=acting_user,
            action="membership.onboarding_restart",
            target=onboarding,
            before={"letter_received_on": onboarding.letter_received_on, "steps": done},
            note="new letter of intent accepted",
        )
    onboarding.letter_received_on = letter.received_on or today
    onboarding.first_plan_due = first_action_plan_due(
        onboarding.letter_received_on, FIRST_PLAN_RULE
    )
    onboarding.save(update_fields=["letter_received_on", "first_plan_due"])
    audit_record(
        actor=acting_user,
        action="letter.accept",
        target=letter,
        before=before,
        after=snapshot(letter, ["state", "accepted_on"]),
    )
    _send_later(
        _submitters(letter),
        "membership/email/letter_accepted",
        {
            "letter": letter,
            "first_plan_due": onboarding.first_plan_due,
            "url": _url("membership:country", iso3=letter.country.iso3),
        },
    )
    return letter


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
    if not (_is_government_of(acting_user, country) or acting_user.is_support_unit):
        raise ServiceError(
            _("Only the country's government users or the Support Unit can do this.")
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
    lead = LeadAgency.objects.select_for_update().filter(country=country).first()
    before = snapshot(lead, LEAD_FIELDS) if lead else None
    lead = lead or LeadAgency(country=country)
    for key, value in values.items():
        setattr(lead, key, value.strip() if isinstance(value, str) else value)
    lead.updated_by = acting_user
    lead.full_clean()
    lead.save()
    audit_record(
        actor=acting_user,
        action="membership.lead_agency_set",
        target=lead,
        before=before,
        after=snapshot(lead, LEAD_FIELDS),
    )
    return lead


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
    if not (acting_user.is_support_unit or is_point_of_contact(acting_user, country)):
        raise ServiceError(_("Only the country's point of contact can invite colleagues."))
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
        action="membership.invitation_create",
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
        action="membership.invitation_accept",
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
    before = snapshot(onboarding, ["support_unit_contact", "introduced_at"])
    onboarding.support_unit_contact = contact
    onboarding.introduced_at = timezone.now()
    onboarding.save(update_fields=["support_unit_contact", "introduced_at"])
    audit_record(
        actor=acting_user,
        action="membership.contact_assign",
        target=onboarding,
        before=before,
        after=snapshot(onboarding, ["support_unit_contact", "introduced_at"]),
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
    if not (_is_government_of(acting_user, country) or acting_user.is_support_unit):
        raise ServiceError(
            _("Only the country's government users or the Support Unit can do this.")
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
        action="membership.onboarding_step",
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
    before = snapshot(step, ["item", "done_on", "note"])
    onboarding = step.onboarding
    step.delete()
    audit_record(
        actor=acting_user,
        action="membership.onboarding_step_unmark",
        target=onboarding,
        before=before,
    )


# --- Questions to the Support Unit ---------------------------------------------------------


def _can_use_inquiries(user: Any, country: Country) -> bool:
    return _is_government_of(user, country) or bool(getattr(user, "is_support_unit", False))


def _notify_inquiry(inquiry: Inquiry, message: InquiryMessage) -> None:
    context = {
        "inquiry": inquiry,
        "message": message,
        "url": _url("membership:inquiry-detail", iso3=inquiry.country.iso3, pk=inquiry.pk),
    }
    if message.from_support_unit:
        recipients = _government_recipients(inquiry.country)
    else:
        recipients = _support_unit_recipients(inquiry.country)
    _send_later(
        [r for r in recipients if r.pk != getattr(message.author, "pk", None)],
        "membership/email/inquiry_message",
        context,
    )


@transaction.atomic
def inquiry_create(*, acting_user: User, country: Country, subject: str, body: str) -> Inquiry:
    if not _can_use_inquiries(acting_user, country):
        raise ServiceError(
            _("Only the country's government users or the Support Unit can do this.")
        )
    if not subject.strip() or not body.strip():
        raise ServiceError(_("Give a subject and a message."))
    from_su = actor_kind(acting_user) == Actor.SUPPORT_UNIT
    inquiry = Inquiry.objects.create(
        country=country,
        subject=subject.strip(),
        created_by=acting_user,
        status=Inquiry.Status.ANSWERED if from_su else Inquiry.Status.OPEN,
    )
    message = InquiryMessage.objects.create(
        inquiry=inquiry, author=acting_user, from_support_unit=from_su, body=body.strip()
    )
    audit_record(
        actor=acting_user,
        action="membership.inquiry_create",
        target=inquiry,
        after=snapshot(inquiry, ["subject", "status"]),
    )
    _notify_inquiry(inquiry, message)
    return inquiry


def _inquiry_locked_for(acting_user: User, inquiry: Inquiry) -> Inquiry:
    """The inquiry, locked for this transaction, if `acting_user` may act on it."""
    inquiry = Inquiry.objects.select_for_update().select_related("country").get(pk=inquiry.pk)
    if not _can_use_inquiries(acting_user, inquiry.country):
        raise ServiceError(
            _("Only the country's government users or the Support Unit can do this.")
        )
    return inquiry


@transaction.atomic
def inquiry_reply(*, acting_user: User, inquiry: Inquiry, body: str) -> InquiryMessage:
    inquiry = _inquiry_locked_for(acting_user, inquiry)
    if not body.strip():
        raise ServiceError(_("Write a message."))
    kind = actor_kind(acting_user)
    before = snapshot(inquiry, ["status"])
    message = InquiryMessage.objects.create(
        inquiry=inquiry,
        author=acting_user,
        from_support_unit=kind == Actor.SUPPORT_UNIT,
        body=body.strip(),
    )
    inquiry.status = inquiry_rules.status_after_message(inquiry.status, kind)
    inquiry.last_activity_at = timezone.now()
    inquiry.save(update_fields=["status", "last_activity_at"])
    audit_record(
        actor=acting_user,
        action="membership.inquiry_reply",
        target=inquiry,
        before=before,
        after=snapshot(inquiry, ["status"]),
    )
    _notify_inquiry(inquiry, message)
    return message


@transaction.atomic
def inquiry_status_set(*, acting_user: User, inquiry: Inquiry, status: str) -> Inquiry:
    inquiry = _inquiry_locked_for(acting_user, inquiry)
    if not inquiry_rules.inquiry_transition_allowed(
        inquiry.status, status, actor_kind(acting_user)
    ):
        raise ServiceError(_("This change of status is not allowed for the question."))
    before = snapshot(inquiry, ["status"])
    inquiry.status = status
    inquiry.last_activity_at = timezone.now()
    inquiry.save(update_fields=["status", "last_activity_at"])
    audit_record(
        actor=acting_user,
        action="membership.inquiry_status",
        target=inquiry,
        before=before,
        after=snapshot(inquiry, ["status"]),
    )
    return inquiry
