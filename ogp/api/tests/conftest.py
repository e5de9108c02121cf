import datetime
from pathlib import Path

import pytest

import ogp.eligibility
from ogp.eligibility import services as eligibility_services

FIX = Path(ogp.eligibility.__file__).resolve().parent / "tests" / "fixtures"
FILES = [
    "crosswalk_small.csv",
    "research_small.csv",
    "obs_small.csv",
    "eiu_small.csv",
    "vdem_small.csv",
]


@pytest.fixture
def namibia(db):
    from ogp.countries.tests.factories import CountryFactory

    return CountryFactory(
        iso2="NA",
        iso3="NAM",
        name_en="Namibia",
        name_fr="Namibie",
        name_es="Namibia",
        region="africa",
    )


@pytest.fixture
def imported(db, namibia, country):
    eligibility_services.ruleset_seed_shipped()
    releases = {}
    for name in FILES:
        release, _ = eligibility_services.release_import(
            acting_user=None,
            data=(FIX / name).read_bytes(),
            file_name=name,
            published_on=datetime.date(2023, 3, 1),
        )
        releases[release.kind] = release
    return releases


@pytest.fixture
def published_cycle(imported, staff_user):
    cycle = eligibility_services.cycle_open(acting_user=staff_user, year=2023)
    cycle = eligibility_services.cycle_compute(acting_user=staff_user, cycle=cycle)
    return eligibility_services.cycle_publish(acting_user=staff_user, cycle=cycle)


@pytest.fixture
def open_cycle(imported, staff_user):
    return eligibility_services.cycle_open(acting_user=staff_user, year=2024)


@pytest.fixture
def participation_data(country):
    from ogp.organisations.tests.factories import OrganisationFactory
    from ogp.participation.tests.factories import (
        EventFactory,
        ForumFactory,
        MeetingFactory,
        MembershipFactory,
    )

    org = OrganisationFactory(country=country, name="Transparence Zédie")
    OrganisationFactory(country=country, is_hidden=True, name="Hidden one")
    forum = ForumFactory(country=country)
    for _ in range(3):
        MembershipFactory(forum=forum, organisation=org)
    for day in range(3):
        MeetingFactory(forum=forum, date=datetime.date(2026, 1, 1 + day))
    for _ in range(3):
        EventFactory(country=country, organisation=org, forum=forum)
    return {"forum": forum, "organisation": org}


@pytest.fixture
def letters(country, other_country):
    from ogp.membership.tests.factories import LetterFactory

    accepted = [
        LetterFactory(country=c, state="accepted", language="fr", past_reforms="Réformes passées")
        for c in (country, other_country)
    ]
    draft = LetterFactory(country=country, state="draft")
    return {"accepted": accepted, "draft": draft}


@pytest.fixture
def api(client):
    """The Django test client speaking JSON to /api/v1/."""
    return client


def token_for(user, scopes):
    from ogp.api.services import api_token_create

    _token, secret = api_token_create(acting_user=user, name="test", scopes=scopes)
    return {"HTTP_AUTHORIZATION": f"Bearer {secret}"}


@pytest.fixture
def plans_data(country, other_country, staff_user, civil_society_user, government_user):
    """Two countries' plans: commitments with policy areas and IRM flags, milestones, a
    progress update with a link and a civil-society dispute, and a published IRM report."""
    from ogp.accounts.tests.factories import ResearcherUserFactory
    from ogp.plans import services as plan_services
    from ogp.plans.models import PolicyArea
    from ogp.plans.tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory

    civil_society_user.organisation.country = country
    civil_society_user.organisation.save()
    area = PolicyArea.objects.create(
        code="open-contracting", name_en="Open contracting", name_fr="Contrats ouverts",
        name_es="Contratación abierta",
    )  # fmt: skip
    plan = ActionPlanFactory(ogp_id="AP_ZZA01", country=country, submitted_year=2021)
    other_plan = ActionPlanFactory(ogp_id="AP_ZYB01", country=other_country, submitted_year=2023)
    starred = CommitmentFactory(
        plan=plan, identifier="ZZ0001", title="Publier les contrats", starred=True,
        value_access_to_information=True, irm_coding={},
    )  # fmt: skip
    starred.policy_areas.add(area)
    CommitmentFactory(
        plan=plan, identifier="ZZ0002", starred=True, high_completion=False, completion="limited"
    )
    other = CommitmentFactory(plan=other_plan, identifier="ZY0001")
    milestone = MilestoneFactory(commitment=starred, title="Portal online")
    other_milestone = MilestoneFactory(commitment=other, title="Ypsland portal")
    update = plan_services.progress_update_create(
        acting_user=government_user, milestone=milestone, status="complete",
        narrative="Le portail est en ligne.", links=["https://example.org/portal"],
    )  # fmt: skip
    plan_services.progress_review_create(
        acting_user=civil_society_user, update=update, verdict="dispute", status="limited",
        reasoning="Only half the contracts are online.",
    )  # fmt: skip
    researcher = ResearcherUserFactory()
    report = plan_services.irm_report_create(
        acting_user=staff_user, plan=plan, kind="results_report", researchers=[researcher]
    )
    plan_services.irm_coding_save(
        acting_user=researcher, report=report, commitment=starred,
        values={"end_of_term.completion": "complete"},
    )  # fmt: skip
    plan_services.irm_report_publish(acting_user=researcher, report=report)
    draft = plan_services.irm_report_create(
        acting_user=staff_user, plan=other_plan, kind="action_plan_review",
        researchers=[researcher],
    )  # fmt: skip
    return {
        "plan": plan, "other_plan": other_plan, "commitment": starred, "other": other,
        "milestone": milestone, "other_milestone": other_milestone, "update": update,
        "report": report, "draft_report": draft, "researcher": researcher, "area": area,
    }  # fmt: skip


@pytest.fixture
def cocreation_data(country, other_country, government_user):
    """An open co-creation with a published draft version, proposals and an answered input;
    a plan still being prepared (not public)."""
    from django.utils import timezone

    from ogp.cocreation.models import LedgerEntry
    from ogp.cocreation.tests import factories as cf

    plan = cf.PlanFactory(country=country, slug="zedland-2026", title="Zedland plan 2026")
    cf.StepFactory(plan=plan)
    version = cf.VersionFactory(plan=plan, number=1)
    commitment = cf.CommitmentFactory(version=version)
    cf.MilestoneFactory(commitment=commitment)
    answered = cf.ProposalFactory(plan=plan, title="Publier les marchés publics", language="fr")
    cf.ProposalFactory(plan=plan, title="Open budgets")
    hidden = cf.ProposalFactory(plan=plan, title="Hidden proposal", is_hidden=True)
    LedgerEntry.objects.filter(proposal=answered).update(
        disposition="adopted", reason="It became commitment 1.", responder_side="government",
        responded_at=timezone.now(), linked_commitment=commitment,
    )  # fmt: skip
    preparing = cf.PlanFactory(country=country, slug="zedland-next", state="preparing")
    other = cf.PlanFactory(country=other_country, slug="ypsland-2026")
    return {
        "plan": plan, "version": version, "answered": answered, "hidden": hidden,
        "preparing": preparing, "other": other,
    }  # fmt: skip
