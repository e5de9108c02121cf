"""Reads for the joining journey; each page runs a constant number of queries."""

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from ogp.core import hooks
from ogp.core.summaries import ContraryToProcessRecord, EligibilitySummary
from ogp.countries.models import (
    MEMBER_STATUSES,
    Country,
    MembershipStatus,
    MembershipStatusChange,
)
from ogp.eligibility.selectors import country_eligibility_summary
from ogp.organisations.fields import name_sort_key

from .domain.letter import EligibilityFacts, LetterState
from .models import (
    AssessmentRequest,
    CoChairs,
    Inquiry,
    InquiryMessage,
    Invitation,
    LeadAgency,
    LetterOfIntent,
    Onboarding,
)

# Recorded statuses that mean "eligible to join" when no published cycle covers the country.
_RECORDED_ELIGIBLE = {
    MembershipStatus.ELIGIBLE,
    MembershipStatus.LETTER_SUBMITTED,
    MembershipStatus.LETTER_RETURNED,
}


@dataclass(frozen=True)
class CountryEligibility:
    facts: EligibilityFacts
    basis: str  # plain-language source of the facts, in the current language
    cycle_year: int | None
    eligibility_review: bool


def contrary_record(country: Country) -> ContraryToProcessRecord:
    """The confirmed contrary-to-process findings (from the plans app, through a hook): the
    status changes read them instead of counters typed in by staff."""
    for provider in hooks.contrary_to_process_record.implementations():
        return provider(country)
    return ContraryToProcessRecord()


def eligibility_summary(country: Country) -> EligibilitySummary | None:
    """The country's summary in the latest published eligibility cycle, or None."""
    return country_eligibility_summary(country)


def country_eligibility(country: Country) -> CountryEligibility:
    """Is the country eligible to join? From the latest published cycle, else its status."""
    return eligibility_from_summary(country, eligibility_summary(country))


def eligibility_from_summary(
    country: Country, summary: EligibilitySummary | None
) -> CountryEligibility:
    """What `summary` (the latest published cycle's, or None) and the recorded status say."""
    recorded_eligible = country.membership_status in _RECORDED_ELIGIBLE
    if summary is not None:
        core = {"eligible": True, "not_eligible": False}.get(summary.status)
        values = summary.values_check
        # A country reaches "eligible" only through a checked status change (Core Eligibility
        # and Values Check passed, e.g. assessed through the additional information route), so
        # its recorded status answers what the cycle leaves unknown. A finding is never replaced.
        from_status = recorded_eligible and (core is None or values is None)
        if from_status:
            core = True if core is None else core
            values = True if values is None else values
        facts = EligibilityFacts(
            core_eligible=core,
            values_check_passed=values,
            un_member=country.un_member,
        )
        # The basis reports what the cycle found, whatever the recorded status adds.
        if summary.status == "eligible":
            basis = _("Eligibility cycle %(year)s: eligible, %(total)s of %(maximum)s points.")
        elif summary.status == "not_eligible":
            basis = _("Eligibility cycle %(year)s: not eligible, %(total)s of %(maximum)s points.")
        else:
            basis = _("Eligibility cycle %(year)s: not enough data.")
        text = basis % {
            "year": summary.cycle_year,
            "total": summary.total,
            "maximum": summary.maximum,
        }
        if summary.values_check is True:
            text += " " + _("Values Check passed.")
        elif summary.values_check is False:
            text += " " + _("Values Check not passed.")
        if from_status:
            assessed = (
                AssessmentRequest.objects.filter(
                    country=country, state=AssessmentRequest.State.ELIGIBLE
                )
                .order_by("-decided_on", "-id")
                .first()
            )
            if assessed is not None and assessed.decided_on is not None:
                from django.utils.formats import date_format

                text += " " + _(
                    "Assessed eligible through the additional-information route on %(date)s."
                ) % {"date": date_format(assessed.decided_on, "DATE_FORMAT")}
            else:
                text += " " + _(
                    "Eligible to join according to the status recorded by the Support Unit."
                )
        return CountryEligibility(
            facts, text, summary.cycle_year, bool(getattr(summary, "eligibility_review", False))
        )
    status = country.membership_status
    if recorded_eligible:
        facts = EligibilityFacts(True, True, country.un_member)
    elif status == MembershipStatus.NOT_ELIGIBLE:
        facts = EligibilityFacts(False, None, country.un_member)
    else:
        facts = EligibilityFacts(None, None, country.un_member)
    basis = _("Recorded OGP status: %(status)s.") % {
        "status": country.get_membership_status_display()
    }
    return CountryEligibility(facts, basis, None, status == MembershipStatus.ELIGIBILITY_REVIEW)


def eligibility_is_unknown(eligibility: CountryEligibility) -> bool:
    """No finding yet: "not enough data" in the latest cycle, or "not assessed"."""
    facts = eligibility.facts
    return facts.un_member and (facts.core_eligible is None or facts.values_check_passed is None)


def assessment_open_request(country: Country) -> AssessmentRequest | None:
    return (
        AssessmentRequest.objects.filter(country=country, state=AssessmentRequest.State.SUBMITTED)
        .order_by("-requested_at")
        .first()
    )


def assessment_latest(country: Country) -> AssessmentRequest | None:
    return (
        AssessmentRequest.objects.filter(country=country)
        .select_related("decided_by")
        .order_by("-requested_at", "-id")
        .first()
    )


def assessment_can_be_requested(country: Country) -> bool:
    """A non-member without an eligibility finding and without a request waiting."""
    if country.is_member or not country.un_member:
        return False
    if not eligibility_is_unknown(country_eligibility(country)):
        return False
    return assessment_open_request(country) is None


def assessment_get(country: Country, pk: int) -> AssessmentRequest:
    return get_object_or_404(
        AssessmentRequest.objects.select_related("country", "requested_by", "decided_by"),
        country=country,
        pk=pk,
    )


def assessment_waiting() -> QuerySet[AssessmentRequest]:
    return (
        AssessmentRequest.objects.filter(state=AssessmentRequest.State.SUBMITTED)
        .select_related("country", "requested_by")
        .order_by("requested_at", "id")
    )


def letter_eligibility_sentence(country: Country) -> str:
    """The letter's statement of eligibility, with its real basis, in the current language.

    Never "meets the criteria" when the cycle found not enough data: then the basis is the
    assessment through the additional-information route (or the status the Support Unit
    recorded), with its date.
    """
    summary = eligibility_summary(country)
    values = {"country": country.name, "year": getattr(summary, "cycle_year", "")}
    if summary is not None and summary.status == "eligible" and summary.values_check is True:
        return (
            _(
                "The Government of %(country)s is eligible to join the Open Government "
                "Partnership: it met the eligibility criteria and passed the Values Check in "
                "OGP's %(year)s eligibility cycle."
            )
            % values
        )
    assessed = (
        AssessmentRequest.objects.filter(country=country, state=AssessmentRequest.State.ELIGIBLE)
        .order_by("-decided_on", "-id")
        .first()
    )
    if assessed is not None and assessed.decided_on is not None:
        from django.utils.formats import date_format

        return _(
            "The Government of %(country)s was assessed eligible to join the Open "
            "Government Partnership through the additional-information route on %(date)s."
        ) % {**values, "date": date_format(assessed.decided_on, "DATE_FORMAT")}
    if summary is not None and summary.status == "eligible":
        return (
            _(
                "The Government of %(country)s met the eligibility criteria in OGP's %(year)s "
                "eligibility cycle."
            )
            % values
        )
    return (
        _(
            "The Government of %(country)s is recorded as eligible to join the Open Government "
            "Partnership by the OGP Support Unit."
        )
        % values
    )


def current_cochairs() -> CoChairs | None:
    return CoChairs.objects.order_by("-effective_from", "-id").first()


def letter_get(country: Country, pk: int) -> LetterOfIntent:
    return get_object_or_404(
        LetterOfIntent.objects.select_related("country", "created_by", "submitted_by"),
        country=country,
        pk=pk,
    )


def letter_open_for_country(country: Country) -> LetterOfIntent | None:
    return (
        LetterOfIntent.objects.filter(
            country=country,
            state__in=[LetterState.DRAFT, LetterState.SUBMITTED, LetterState.RETURNED],
        )
        .order_by("-created_at")
        .first()
    )


def letter_review_queue() -> QuerySet[LetterOfIntent]:
    return (
        LetterOfIntent.objects.filter(state=LetterState.SUBMITTED)
        .select_related("country", "submitted_by")
        .order_by("submitted_at", "id")
    )


def letter_recent_decisions(limit: int = 20) -> QuerySet[LetterOfIntent]:
    return (
        LetterOfIntent.objects.filter(state__in=[LetterState.RETURNED, LetterState.ACCEPTED])
        .select_related("country", "decided_by")
        .order_by("-decided_at", "-id")[:limit]
    )


def published_letters(country: Country) -> QuerySet[LetterOfIntent]:
    return LetterOfIntent.objects.filter(country=country, state=LetterState.ACCEPTED).order_by(
        "-accepted_on", "-id"
    )


def country_workspace(country: Country) -> dict[str, Any]:
    """Everything the government's joining page shows, in a fixed number of queries."""
    letters = list(
        LetterOfIntent.objects.filter(country=country)
        .select_related("country")
        .order_by("-created_at", "-id")
    )
    lead = LeadAgency.objects.filter(country=country).select_related("point_of_contact").first()
    onboarding = (
        Onboarding.objects.filter(country=country)
        .select_related("support_unit_contact")
        .prefetch_related("steps")
        .first()
    )
    inquiries = list(
        Inquiry.objects.filter(country=country).order_by("-last_activity_at", "-id")[:50]
    )
    invitations = list(
        Invitation.objects.filter(country=country).select_related("invited_by", "accepted_by")[:50]
    )
    return {
        "letters": letters,
        "open_letter": next((x for x in letters if x.state != LetterState.ACCEPTED), None),
        "lead_agency": lead,
        "onboarding": onboarding,
        "inquiries": inquiries,
        "invitations": invitations,
    }


def inquiry_find(iso3: str, pk: int) -> Inquiry | None:
    """The question `pk` of the country `iso3`, or None (an unknown country included)."""
    return (
        Inquiry.objects.select_related("country", "created_by")
        .prefetch_related(
            Prefetch("messages", queryset=InquiryMessage.objects.select_related("author"))
        )
        .filter(country__iso3=iso3.upper(), pk=pk)
        .first()
    )


def inquiry_staff_list(status: str = "") -> QuerySet[Inquiry]:
    inquiries = Inquiry.objects.select_related("country").order_by("-last_activity_at", "-id")
    if status:
        inquiries = inquiries.filter(status=status)
    return inquiries


MEMBER_LIST_STATUSES = [*MEMBER_STATUSES, *_RECORDED_ELIGIBLE]


def member_list(*, region: str = "") -> dict[str, list[Country]]:
    """Members and eligible non-members (one query), sorted by name in the current language."""
    countries = Country.objects.filter(membership_status__in=MEMBER_LIST_STATUSES).select_related(
        "lead_agency"
    )
    if region:
        countries = countries.filter(region=region)
    members: list[Country] = []
    eligible: list[Country] = []
    for country in sorted(countries, key=lambda c: name_sort_key(c.name)):
        try:
            country.public_lead_agency = country.lead_agency  # type: ignore[attr-defined]
        except LeadAgency.DoesNotExist:
            country.public_lead_agency = None  # type: ignore[attr-defined]
        (members if country.membership_status in MEMBER_STATUSES else eligible).append(country)
    return {"members": members, "eligible": eligible}


def member_page(country: Country) -> dict[str, Any]:
    """The public member page of a country (public fields only)."""
    return {
        "history": list(
            MembershipStatusChange.objects.filter(country=country).order_by(
                "-effective_date", "-changed_at", "-id"
            )
        ),
        "letters": list(published_letters(country)),
        "lead_agency": LeadAgency.objects.filter(country=country).first(),
        "onboarding": Onboarding.objects.filter(country=country)
        .select_related("support_unit_contact")
        .first(),
    }


def onboarding_overview() -> list[Onboarding]:
    """Countries in onboarding (letter accepted), first action plan due soonest first."""
    return list(
        Onboarding.objects.filter(letter_received_on__isnull=False)
        .select_related("country", "support_unit_contact")
        .prefetch_related("steps")
        .order_by("first_plan_due", "country__name_en")
    )


def status_history_all() -> QuerySet[MembershipStatusChange]:
    return MembershipStatusChange.objects.select_related("country").order_by(
        "country__iso3", "effective_date", "changed_at", "id"
    )
