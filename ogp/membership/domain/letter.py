"""Letter of intent: its workflow and the checks made before submission.

The founding text (step 2 of "Comment adhérer") says a letter of intent must:
confirm that the government is eligible, endorse the Open Government Declaration,
describe past open government reforms, name the person responsible for OGP within
government, be signed by a ministerial-level official of an agency that the head
of state or government has authorised to join, and be addressed to the OGP
co-chairs. All letters are published.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .status import Actor


class LetterState(enum.StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    RETURNED = "returned"
    ACCEPTED = "accepted"


EDITABLE_STATES: frozenset[LetterState] = frozenset({LetterState.DRAFT, LetterState.RETURNED})
OPEN_STATES: frozenset[LetterState] = frozenset(
    {LetterState.DRAFT, LetterState.SUBMITTED, LetterState.RETURNED}
)

LANGUAGES: tuple[str, ...] = ("en", "fr", "es")


class LetterRefusal(enum.StrEnum):
    SAME_STATE = "same_state"
    NO_SUCH_TRANSITION = "no_such_transition"
    ACTOR_NOT_PERMITTED = "actor_not_permitted"
    NO_REASON_GIVEN = "no_reason_given"
    SUBMISSION_PROBLEMS = "submission_problems"


@dataclass(frozen=True)
class LetterTransition:
    source: LetterState
    target: LetterState
    actor: Actor


LETTER_TRANSITIONS: tuple[LetterTransition, ...] = (
    LetterTransition(LetterState.DRAFT, LetterState.SUBMITTED, Actor.GOVERNMENT),
    LetterTransition(LetterState.SUBMITTED, LetterState.RETURNED, Actor.SUPPORT_UNIT),
    LetterTransition(LetterState.RETURNED, LetterState.SUBMITTED, Actor.GOVERNMENT),
    LetterTransition(LetterState.SUBMITTED, LetterState.ACCEPTED, Actor.SUPPORT_UNIT),
)
_LETTER_EDGES = {(t.source, t.target): t for t in LETTER_TRANSITIONS}


class Problem(enum.StrEnum):
    """Distinct reasons a submission is refused."""

    NOT_ELIGIBLE = "not_eligible"
    ELIGIBILITY_UNKNOWN = "eligibility_unknown"
    VALUES_CHECK_FAILED = "values_check_failed"
    VALUES_CHECK_UNKNOWN = "values_check_unknown"
    NOT_UN_MEMBER = "not_un_member"
    MISSING_ELEMENT = "missing_element"
    INVALID_LANGUAGE = "invalid_language"


class Element(enum.StrEnum):
    """Every element the founding text requires, as form field names."""

    LANGUAGE = "language"
    ELIGIBILITY_CONFIRMED = "eligibility_confirmed"
    ENDORSES_DECLARATION = "endorses_declaration"
    PAST_REFORMS = "past_reforms"
    RESPONSIBLE_NAME = "responsible_name"
    RESPONSIBLE_TITLE = "responsible_title"
    RESPONSIBLE_MINISTRY = "responsible_ministry"
    RESPONSIBLE_EMAIL = "responsible_email"
    SIGNATORY_NAME = "signatory_name"
    SIGNATORY_TITLE = "signatory_title"
    SIGNATORY_AGENCY = "signatory_agency"
    SIGNATORY_IS_MINISTERIAL = "signatory_is_ministerial"
    HEAD_OF_GOVERNMENT_AUTHORISATION = "head_of_government_authorisation"
    AUTHORISED_BY = "authorised_by"
    ADDRESSEES = "addressees"
    SIGNED_PDF = "signed_pdf"


@dataclass(frozen=True)
class LetterContent:
    """What the government has filled in (text fields stripped by the caller)."""

    language: str = ""
    eligibility_confirmed: bool = False
    endorses_declaration: bool = False
    past_reforms: str = ""
    responsible_name: str = ""
    responsible_title: str = ""
    responsible_ministry: str = ""
    responsible_email: str = ""
    signatory_name: str = ""
    signatory_title: str = ""
    signatory_agency: str = ""
    signatory_is_ministerial: bool = False
    head_of_government_authorisation: bool = False
    authorised_by: str = ""  # e.g. "the President of the Republic"
    addressees: str = ""  # the current co-chairs, from the staff setting
    signed_pdf: bool = False


@dataclass(frozen=True)
class EligibilityFacts:
    """``None`` means unknown (no published cycle, not enough data)."""

    core_eligible: bool | None
    values_check_passed: bool | None
    un_member: bool


@dataclass(frozen=True)
class SubmissionProblem:
    code: Problem
    element: Element | None = None


def missing_elements(content: LetterContent, *, require_signed_pdf: bool) -> tuple[Element, ...]:
    """Elements still missing, in form order."""
    missing: list[Element] = []
    for element in Element:
        if element is Element.SIGNED_PDF and not require_signed_pdf:
            continue
        value = getattr(content, element.value)
        if isinstance(value, bool):
            if not value:
                missing.append(element)
        elif not str(value).strip():
            missing.append(element)
    return tuple(missing)


def check_submission(
    content: LetterContent, eligibility: EligibilityFacts
) -> tuple[SubmissionProblem, ...]:
    """Every reason the letter cannot be submitted now; empty when it can.

    Eligibility problems come first (they cannot be fixed by editing the letter),
    then each missing element.
    """
    problems: list[SubmissionProblem] = []
    if not eligibility.un_member:
        problems.append(SubmissionProblem(Problem.NOT_UN_MEMBER))
    if eligibility.core_eligible is False:
        problems.append(SubmissionProblem(Problem.NOT_ELIGIBLE))
    elif eligibility.core_eligible is None:
        problems.append(SubmissionProblem(Problem.ELIGIBILITY_UNKNOWN))
    if eligibility.values_check_passed is False:
        problems.append(SubmissionProblem(Problem.VALUES_CHECK_FAILED))
    elif eligibility.values_check_passed is None and eligibility.core_eligible is not False:
        # An unknown Values Check only matters for a country that may otherwise join.
        problems.append(SubmissionProblem(Problem.VALUES_CHECK_UNKNOWN))
    if content.language.strip() and content.language not in LANGUAGES:
        problems.append(SubmissionProblem(Problem.INVALID_LANGUAGE, Element.LANGUAGE))
    for element in missing_elements(content, require_signed_pdf=True):
        problems.append(SubmissionProblem(Problem.MISSING_ELEMENT, element))
    return tuple(problems)


@dataclass(frozen=True)
class LetterDecision:
    allowed: bool
    source: LetterState
    target: LetterState
    reason: str
    problems: tuple[SubmissionProblem, ...] = ()


def decide_letter(
    source: LetterState | str,
    target: LetterState | str,
    actor: Actor | str,
    *,
    content: LetterContent | None = None,
    eligibility: EligibilityFacts | None = None,
    reason: str = "",
) -> LetterDecision:
    """May ``actor`` move a letter from ``source`` to ``target``?

    Submitting (from draft or returned) runs :func:`check_submission`; returning
    needs a reason.
    """
    source, target, actor = LetterState(source), LetterState(target), Actor(actor)  # type: ignore[assignment]
    if source == target:
        return LetterDecision(False, source, target, LetterRefusal.SAME_STATE)
    transition = _LETTER_EDGES.get((source, target))
    if transition is None:
        return LetterDecision(False, source, target, LetterRefusal.NO_SUCH_TRANSITION)
    if transition.actor != actor:
        return LetterDecision(False, source, target, LetterRefusal.ACTOR_NOT_PERMITTED)
    if target is LetterState.SUBMITTED:
        problems = check_submission(
            content or LetterContent(),
            eligibility or EligibilityFacts(None, None, un_member=False),
        )
        if problems:
            return LetterDecision(
                False, source, target, LetterRefusal.SUBMISSION_PROBLEMS, problems
            )
    if target is LetterState.RETURNED and not reason.strip():
        return LetterDecision(False, source, target, LetterRefusal.NO_REASON_GIVEN)
    return LetterDecision(True, source, target, "ok")
