"""Letters of intent: draft, update, signed upload, submit, return and accept."""

from typing import Any, cast

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.concurrency import bump_version, check_version
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.core.uploads import validate_pdf
from ogp.countries.models import Country, MembershipStatus

from ..domain import letter as letter_rules
from ..domain.letter import Element, LetterContent, LetterState, Problem
from ..domain.onboarding import first_action_plan_due
from ..domain.status import Actor, StatusFacts
from ..models import (
    LetterEvent,
    LetterOfIntent,
    Onboarding,
)
from ..refusals import ELEMENT_MESSAGES, PROBLEM_MESSAGES
from ..selectors import country_eligibility, current_cochairs, letter_eligibility_sentence
from .common import (
    FIRST_PLAN_RULE,
    LETTER_AUDIT_FIELDS,
    LETTER_FIELDS,
    _government_recipients,
    _require_government_of,
    _require_support_unit,
    _send_later,
    _support_unit_recipients,
    _url,
)
from .status import (
    membership_status_change,
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
        letter.eligibility_basis = letter_eligibility_sentence(letter.country)[:255]


def _clean_letter_values(values: dict[str, Any]) -> dict[str, Any]:
    unknown = set(values) - set(LETTER_FIELDS)
    if unknown:
        raise ServiceError(_("Unknown letter fields: %(fields)s") % {"fields": ", ".join(unknown)})
    if values.get("language") not in dict(settings.LANGUAGES):
        raise ServiceError(ELEMENT_MESSAGES[Element.LANGUAGE])
    cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in values.items()}
    too_long = []
    for name, value in cleaned.items():
        field = cast(models.Field, LetterOfIntent._meta.get_field(name))
        limit = field.max_length
        if isinstance(value, str) and limit and len(value) > limit:
            label = str(field.verbose_name)
            too_long.append(
                _("%(field)s is %(length)s characters long; the limit is %(limit)s.")
                % {"field": label[:1].upper() + label[1:], "length": len(value), "limit": limit}
            )
    if too_long:
        raise ServiceError(too_long, code="too_long")
    return cleaned


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
        action=AuditAction.LETTER_CREATE,
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


# A signed copy that no longer matches the text: when, which file, why (cleared on upload).
SIGNED_COPY_REMOVED_FIELDS = [
    "signed_copy_removed_at", "signed_copy_removed_name", "signed_copy_removed_because",
]  # fmt: skip
# Why the platform changed an open letter's text itself (shown on the letter page).
REWORDED_COCHAIRS = "cochairs"
REWORDED_ELIGIBILITY = "eligibility"


def letters_refresh_generated(
    *, acting_user: User | None, because: str, country: Country | None = None
) -> list[LetterOfIntent]:
    """Re-address / re-word the open (editable) letters from the current co-chairs and
    eligibility; submitted letters keep the text they were signed with.

    A signed copy that no longer matches is removed, never silently: the letter page says what
    changed and what to do, and the government users of the country are told by e-mail.
    """
    letters = LetterOfIntent.objects.select_for_update().select_related("country")
    letters = letters.filter(state__in=list(letter_rules.EDITABLE_STATES))
    if country is not None:
        letters = letters.filter(country=country)
    changed = []
    for letter in letters:
        text_before = snapshot(letter, TEXT_FIELDS)
        _fill_generated_fields(letter)
        if snapshot(letter, TEXT_FIELDS) == text_before:
            continue
        removed_name = letter.signed_pdf_name if letter.signed_pdf else ""
        if removed_name:
            _discard_signed_copy(letter)
            letter.signed_copy_removed_at = timezone.now()
            letter.signed_copy_removed_name = removed_name
            letter.signed_copy_removed_because = because
        letter.save()
        audit_record(
            actor=acting_user,
            action=AuditAction.LETTER_REGENERATE,
            target=letter,
            before=text_before,
            after=snapshot(letter, TEXT_FIELDS),
            note=f"because: {because}; signed copy removed: {removed_name or '-'}",
        )
        if removed_name:
            _send_later(
                _government_recipients(letter.country),
                "membership/email/letter_reworded",
                {
                    "letter": letter,
                    "because": because,
                    "removed_name": removed_name,
                    "url": _url("membership:letter-detail", iso3=letter.country.iso3, pk=letter.pk),
                },
            )
        changed.append(letter)
    return changed


def _lock(letter: LetterOfIntent) -> LetterOfIntent:
    return LetterOfIntent.objects.select_for_update().select_related("country").get(pk=letter.pk)


@transaction.atomic
def letter_update(
    *,
    acting_user: User,
    letter: LetterOfIntent,
    expected_version: int | None = None,
    **values: Any,
) -> LetterOfIntent:
    """Save the draft. `expected_version` is the version the form was opened at: when a
    colleague saved in between, the save is refused (StaleEditError) rather than lost."""
    letter = _lock(letter)
    _require_government_of(acting_user, letter.country)
    if not letter.is_editable:
        raise ServiceError(_("This letter has been submitted and can no longer be changed."))
    check_version(letter, expected_version, LETTER_FIELDS)
    cleaned = _clean_letter_values(values)

    def apply(stored: LetterOfIntent) -> None:
        text_before = snapshot(stored, TEXT_FIELDS)
        for key, value in cleaned.items():
            setattr(stored, key, value)
        _fill_generated_fields(stored)
        if snapshot(stored, TEXT_FIELDS) != text_before:
            _discard_signed_copy(stored)
        bump_version(stored)

    audited_update(
        acting_user=acting_user,
        instance=letter,
        action=AuditAction.LETTER_UPDATE,
        fields=[*LETTER_AUDIT_FIELDS, "version"],
        apply=apply,
        save_all=True,  # the generated text and the signed copy follow the values
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
    old_file = str(letter.signed_pdf.name) if letter.signed_pdf else None
    original = (getattr(upload, "name", "") or "letter.pdf").rsplit("/", 1)[-1][:200]
    letter.signed_pdf.save(original, upload, save=False)
    storage, new_file = letter.signed_pdf.storage, str(letter.signed_pdf.name)
    try:
        audited_update(
            acting_user=acting_user, instance=letter, action=AuditAction.LETTER_UPLOAD_SIGNED,
            fields=["signed_pdf_name", "signed_pdf_uploaded_at"],
            changes={
                "signed_pdf": new_file, "signed_pdf_name": original,
                "signed_pdf_uploaded_at": timezone.now(), "signed_copy_removed_at": None,
                "signed_copy_removed_name": "", "signed_copy_removed_because": "",
            },
            also_save=["signed_pdf", *SIGNED_COPY_REMOVED_FIELDS],
        )  # fmt: skip
    except Exception:
        storage.delete(new_file)  # nothing is kept when the database write fails
        raise
    if old_file:
        transaction.on_commit(lambda: storage.delete(old_file))
    return letter


def _store_published_pdf(letter: LetterOfIntent) -> None:
    """Render the published letter once and keep it: public downloads never render."""
    from ..letter_text import letter_pdf

    letter.published_pdf.save("letter.pdf", ContentFile(letter_pdf(letter)), save=False)
    storage, name = letter.published_pdf.storage, str(letter.published_pdf.name)
    try:
        letter.save(update_fields=["published_pdf"])
    except Exception:
        storage.delete(name)
        raise


@transaction.atomic
def letter_published_pdf(*, letter: LetterOfIntent) -> LetterOfIntent:
    """The stored PDF of a published letter, rendered now for letters accepted before PDFs
    were stored (once: the row is locked while it renders)."""
    letter = _lock(letter)
    if letter.is_published and not letter.published_pdf:
        _store_published_pdf(letter)
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
    audited_update(
        acting_user=acting_user,
        instance=letter,
        action=AuditAction.LETTER_SUBMIT,
        fields=["state", "submitted_at"],
        changes={
            "state": LetterState.SUBMITTED,
            "submitted_at": timezone.now(),
            "submitted_by": acting_user,
            "received_on": letter.received_on or timezone.localdate(),
        },
        also_save=["submitted_by", "received_on"],
    )
    LetterEvent.objects.create(
        letter=letter, action=LetterEvent.Action.SUBMITTED, actor=acting_user
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
    membership_status_change(
        acting_user=acting_user,
        country=letter.country,
        target=MembershipStatus.LETTER_RETURNED,
        facts=StatusFacts(reason=reason),
        reason=gettext_noop("Letter of intent returned for changes."),
        notify=False,  # letter_returned says why
    )
    audited_update(
        acting_user=acting_user,
        instance=letter,
        action=AuditAction.LETTER_RETURN,
        fields=["state", "return_reason"],
        changes={
            "state": LetterState.RETURNED,
            "return_reason": reason.strip(),
            "decided_at": timezone.now(),
            "decided_by": acting_user,
        },
        also_save=["decided_at", "decided_by"],
        note=reason.strip(),
    )
    LetterEvent.objects.create(
        letter=letter, action=LetterEvent.Action.RETURNED, actor=acting_user, note=reason.strip()
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
    today = timezone.localdate()
    membership_status_change(
        acting_user=acting_user,
        country=letter.country,
        target=MembershipStatus.PARTICIPATING,
        facts=StatusFacts(letter_accepted=True),
        reason=gettext_noop("Letter of intent accepted and published; onboarding starts."),
        notify=False,  # letter_accepted says what comes next
        effective_date=today,
    )
    audited_update(
        acting_user=acting_user,
        instance=letter,
        action=AuditAction.LETTER_ACCEPT,
        fields=["state", "accepted_on"],
        changes={
            "state": LetterState.ACCEPTED,
            "accepted_on": today,
            "decided_at": timezone.now(),
            "decided_by": acting_user,
            "return_reason": "",
        },
        also_save=["decided_at", "decided_by", "return_reason"],
    )
    _store_published_pdf(letter)
    LetterEvent.objects.create(letter=letter, action=LetterEvent.Action.ACCEPTED, actor=acting_user)
    onboarding, _created = Onboarding.objects.get_or_create(country=letter.country)
    if onboarding.letter_received_on is not None:
        # A country rejoining after withdrawal starts a new checklist.
        done = list(onboarding.steps.values_list("item", flat=True))
        onboarding.steps.all().delete()
        audit_record(
            actor=acting_user,
            action=AuditAction.ONBOARDING_RESTART,
            target=onboarding,
            before={"letter_received_on": onboarding.letter_received_on, "steps": done},
            note="new letter of intent accepted",
        )
    onboarding.letter_received_on = letter.received_on or today
    onboarding.first_plan_due = first_action_plan_due(
        onboarding.letter_received_on, FIRST_PLAN_RULE
    )
    onboarding.save(update_fields=["letter_received_on", "first_plan_due"])
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
