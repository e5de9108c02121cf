"""Letter of intent workflow and submission checks."""

import dataclasses
import itertools

import pytest

from ogp.membership.domain.letter import (
    EDITABLE_STATES,
    Element,
    EligibilityFacts,
    LetterContent,
    LetterRefusal,
    LetterState,
    Problem,
    SubmissionProblem,
    check_submission,
    decide_letter,
    missing_elements,
)
from ogp.membership.domain.status import Actor

L = LetterState
COMPLETE = LetterContent(
    language="fr",
    eligibility_confirmed=True,
    endorses_declaration=True,
    past_reforms="Loi d'accès à l'information (fictional example).",
    responsible_name="Awa Diallo",
    responsible_title="Directrice de la réforme administrative",
    responsible_ministry="Ministère de la Fonction publique",
    responsible_email="awa.diallo@example.org",
    signatory_name="Jean Martin",
    signatory_title="Ministre de la Fonction publique",
    signatory_agency="Ministère de la Fonction publique",
    signatory_is_ministerial=True,
    head_of_government_authorisation=True,
    authorised_by="le Premier ministre",
    addressees="Co-chairs A and B",
    signed_pdf=True,
)
ELIGIBLE = EligibilityFacts(core_eligible=True, values_check_passed=True, un_member=True)

EXPECTED = {
    (L.DRAFT, L.SUBMITTED): Actor.GOVERNMENT,
    (L.SUBMITTED, L.RETURNED): Actor.SUPPORT_UNIT,
    (L.RETURNED, L.SUBMITTED): Actor.GOVERNMENT,
    (L.SUBMITTED, L.ACCEPTED): Actor.SUPPORT_UNIT,
}


@pytest.mark.parametrize(("source", "target", "actor"), list(itertools.product(L, L, Actor)))
def test_letter_grid(source, target, actor):
    decision = decide_letter(
        source, target, actor, content=COMPLETE, eligibility=ELIGIBLE, reason="Please sign."
    )
    if source == target:
        assert decision.reason == LetterRefusal.SAME_STATE
    elif (source, target) not in EXPECTED:
        assert decision.reason == LetterRefusal.NO_SUCH_TRANSITION
    elif EXPECTED[(source, target)] != actor:
        assert decision.reason == LetterRefusal.ACTOR_NOT_PERMITTED
    else:
        assert decision.allowed
        return
    assert not decision.allowed


def test_return_needs_a_reason():
    decision = decide_letter(L.SUBMITTED, L.RETURNED, Actor.SUPPORT_UNIT, reason="  ")
    assert decision.reason == LetterRefusal.NO_REASON_GIVEN


@pytest.mark.parametrize("source", [L.DRAFT, L.RETURNED])
def test_submission_refused_with_problems(source):
    decision = decide_letter(
        source, L.SUBMITTED, Actor.GOVERNMENT, content=LetterContent(), eligibility=ELIGIBLE
    )
    assert decision.reason == LetterRefusal.SUBMISSION_PROBLEMS
    assert {p.element for p in decision.problems} == set(Element)


def test_submission_without_facts_is_refused():
    decision = decide_letter(L.DRAFT, L.SUBMITTED, Actor.GOVERNMENT)
    assert not decision.allowed
    codes = {p.code for p in decision.problems}
    assert {
        Problem.NOT_UN_MEMBER,
        Problem.ELIGIBILITY_UNKNOWN,
        Problem.VALUES_CHECK_UNKNOWN,
    } <= codes


def test_complete_letter_of_eligible_country_passes():
    assert check_submission(COMPLETE, ELIGIBLE) == ()


@pytest.mark.parametrize(
    ("facts", "codes"),
    [
        (EligibilityFacts(False, True, True), [Problem.NOT_ELIGIBLE]),
        (EligibilityFacts(None, True, True), [Problem.ELIGIBILITY_UNKNOWN]),
        (EligibilityFacts(True, False, True), [Problem.VALUES_CHECK_FAILED]),
        (EligibilityFacts(True, None, True), [Problem.VALUES_CHECK_UNKNOWN]),
        (
            EligibilityFacts(None, None, True),
            [Problem.ELIGIBILITY_UNKNOWN, Problem.VALUES_CHECK_UNKNOWN],
        ),
        (EligibilityFacts(False, None, True), [Problem.NOT_ELIGIBLE]),
        (EligibilityFacts(True, True, False), [Problem.NOT_UN_MEMBER]),
        (
            EligibilityFacts(False, False, False),
            [Problem.NOT_UN_MEMBER, Problem.NOT_ELIGIBLE, Problem.VALUES_CHECK_FAILED],
        ),
    ],
)
def test_each_eligibility_problem_has_its_own_code(facts, codes):
    assert [p.code for p in check_submission(COMPLETE, facts)] == codes


@pytest.mark.parametrize("element", list(Element))
def test_each_missing_element_is_reported(element):
    value = getattr(COMPLETE, element.value)
    blank = False if isinstance(value, bool) else "  "
    content = dataclasses.replace(COMPLETE, **{element.value: blank})
    assert check_submission(content, ELIGIBLE) == (
        SubmissionProblem(Problem.MISSING_ELEMENT, element),
    )


def test_unknown_language_is_refused():
    content = dataclasses.replace(COMPLETE, language="de")
    assert check_submission(content, ELIGIBLE) == (
        SubmissionProblem(Problem.INVALID_LANGUAGE, Element.LANGUAGE),
    )


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_three_languages_accepted(language):
    assert check_submission(dataclasses.replace(COMPLETE, language=language), ELIGIBLE) == ()


def test_missing_elements_can_ignore_the_signed_pdf_for_drafts():
    content = dataclasses.replace(COMPLETE, signed_pdf=False)
    assert missing_elements(content, require_signed_pdf=False) == ()
    assert missing_elements(content, require_signed_pdf=True) == (Element.SIGNED_PDF,)


def test_editable_states():
    assert {L.DRAFT, L.RETURNED} == EDITABLE_STATES
