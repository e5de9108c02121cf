"""Translated, user-facing explanations of the domain's reason codes."""

from django.utils.translation import gettext_lazy as _

from .domain.letter import Element, Problem
from .domain.status import Refusal, Requirement

STATUS_REASONS = {
    Refusal.SAME_STATUS: _("The country already has this status."),
    Refusal.NO_SUCH_TRANSITION: _("OGP's process does not allow a change from %(from)s to %(to)s."),
    Refusal.ACTOR_NOT_PERMITTED: _("You may not make this change of status."),
    Requirement.ELIGIBLE: _("The country does not meet the OGP eligibility criteria."),
    Requirement.VALUES_CHECK_PASSED: _("The country has not passed the OGP Values Check."),
    Requirement.UN_MEMBER: _("Only UN member states can join OGP."),
    Requirement.NOT_FULLY_ELIGIBLE: _(
        "The latest assessment does not find the country ineligible."
    ),
    Requirement.LETTER_SUBMITTED: _("No signed letter of intent has been submitted."),
    Requirement.LETTER_ACCEPTED: _("The letter of intent has not been accepted."),
    Requirement.REASON_GIVEN: _("Give the reason for the change of status."),
    Requirement.CO_CREATION_STARTED: _(
        "Co-creation of the first action plan has not started (onboarding checklist)."
    ),
    Requirement.TWO_CYCLES_BELOW_MINIMUM: _(
        "Eligibility Review needs two consecutive cycles below the minimum."
    ),
    Requirement.MEETS_MINIMUM: _("The country is still below the eligibility minimum."),
    Requirement.CONTRARY_FINDING: _(
        "Confirm the finding that the country acted contrary to process."
    ),
    Requirement.TWO_CONTRARY_CYCLES: _(
        "Procedural Review needs two consecutive cycles contrary to process."
    ),
    Requirement.CONTRARY_RESOLVED: _("Confirm that the country has corrected its process."),
    Requirement.DECISION_REFERENCE: _("Give the reference of the Steering Committee decision."),
    Requirement.WITHDRAWAL_NOTICE: _(
        "Confirm that the government's withdrawal letter was received."
    ),
}

PROBLEM_MESSAGES = {
    Problem.NOT_ELIGIBLE: _(
        "%(country)s does not meet the OGP eligibility criteria, so the letter cannot be "
        "submitted. Ask the Support Unit how to improve the scores."
    ),
    Problem.ELIGIBILITY_UNKNOWN: _(
        "There is no eligibility finding for %(country)s yet (not enough data, or not "
        "assessed), so the letter cannot be submitted. Ask to be assessed through the "
        "additional-information route from the joining workspace."
    ),
    Problem.VALUES_CHECK_FAILED: _(
        "%(country)s has not passed the OGP Values Check, so the letter cannot be submitted."
    ),
    Problem.VALUES_CHECK_UNKNOWN: _(
        "No OGP Values Check result is available for %(country)s, so the letter cannot be "
        "submitted. Ask to be assessed through the additional-information route from the "
        "joining workspace."
    ),
    Problem.NOT_UN_MEMBER: _(
        "%(country)s is not a UN member state; only UN member states can join OGP."
    ),
    Problem.INVALID_LANGUAGE: _("Choose English, French or Spanish for the letter."),
}

ELEMENT_MESSAGES = {
    Element.LANGUAGE: _("Choose the language of the letter."),
    Element.ELIGIBILITY_CONFIRMED: _("Confirm that the country is eligible to join OGP."),
    Element.ENDORSES_DECLARATION: _("Endorse the Open Government Declaration."),
    Element.PAST_REFORMS: _("Describe past open government reforms."),
    Element.RESPONSIBLE_NAME: _("Name the person who will be responsible for OGP."),
    Element.RESPONSIBLE_TITLE: _("Give the title of the person responsible for OGP."),
    Element.RESPONSIBLE_MINISTRY: _("Give the ministry of the person responsible for OGP."),
    Element.RESPONSIBLE_EMAIL: _("Give the e-mail address of the person responsible for OGP."),
    Element.SIGNATORY_NAME: _("Name the signatory."),
    Element.SIGNATORY_TITLE: _("Give the signatory's title."),
    Element.SIGNATORY_AGENCY: _("Give the signatory's ministry or agency."),
    Element.SIGNATORY_IS_MINISTERIAL: _(
        "Confirm that the signatory is a ministerial-level official."
    ),
    Element.HEAD_OF_GOVERNMENT_AUTHORISATION: _(
        "Confirm that the head of state or government has authorised the agency to join OGP."
    ),
    Element.AUTHORISED_BY: _("Say who gave the authorisation to join OGP."),
    Element.ADDRESSEES: _(
        "The letter has no addressees: the Support Unit has not recorded the current co-chairs "
        "yet. Ask the Support Unit."
    ),
    Element.SIGNED_PDF: _("Upload the signed letter as a PDF."),
}

# What each requirement asks for, shown to staff next to the changes they may make.
REQUIREMENT_LABELS = {
    Requirement.ELIGIBLE: _("Core Eligibility passed"),
    Requirement.VALUES_CHECK_PASSED: _("Values Check passed"),
    Requirement.UN_MEMBER: _("UN member state"),
    Requirement.NOT_FULLY_ELIGIBLE: _("an assessment finding the country ineligible"),
    Requirement.LETTER_SUBMITTED: _("a signed letter of intent submitted"),
    Requirement.LETTER_ACCEPTED: _("the letter of intent accepted"),
    Requirement.REASON_GIVEN: _("a reason"),
    Requirement.CO_CREATION_STARTED: _("co-creation of the first action plan started"),
    Requirement.TWO_CYCLES_BELOW_MINIMUM: _("two consecutive cycles below the minimum"),
    Requirement.MEETS_MINIMUM: _("meets the eligibility minimum again"),
    Requirement.CONTRARY_FINDING: _("a finding of acting contrary to process"),
    Requirement.TWO_CONTRARY_CYCLES: _("two consecutive cycles contrary to process"),
    Requirement.CONTRARY_RESOLVED: _("the process corrected"),
    Requirement.DECISION_REFERENCE: _("a Steering Committee decision reference"),
    Requirement.WITHDRAWAL_NOTICE: _("the withdrawal letter received"),
}
