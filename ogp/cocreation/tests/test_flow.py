"""Services end to end: open (membership follows), proposals, comments, ledger, submission,
publication into ogp.plans, shadow plans."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from ogp.accounts.tests.factories import CivilSocietyUserFactory, UserFactory
from ogp.audit.actions import AuditAction
from ogp.audit.models import AuditEvent
from ogp.cocreation.models import LedgerEntry, Proposal
from ogp.cocreation.services import drafts, inputs, plans, shadow
from ogp.core.errors import ServiceError
from ogp.countries.models import MembershipStatus
from ogp.participation.tests.factories import ForumFactory, MeetingFactory
from ogp.plans.models import ActionPlan, Commitment

from .factories import CommitmentFactory, ProposalFactory, VersionFactory

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate()


@pytest.fixture
def plan(country, government_user):
    country.membership_status = MembershipStatus.PARTICIPATING
    country.save()
    forum = ForumFactory(country=country)
    return plans.plan_create(
        acting_user=government_user,
        country=country,
        title="Demo plan 2027-2029",
        starts_on=TODAY + timedelta(days=200),
        forum=forum,
    )


def _open(plan, user):
    plans.step_save(
        acting_user=user,
        plan=plan,
        kind="engagement",
        title="Workshops",
        starts_on=TODAY + timedelta(days=15),
        ends_on=TODAY + timedelta(days=60),
    )
    return plans.plan_open(acting_user=user, plan=plan)


def test_create_uses_rules_in_force_and_checks_forum(plan, government_user, other_country):
    assert plan.rule_set.code == "ogp-2022"
    assert plan.state == "preparing"
    with pytest.raises(ServiceError, match="forum"):
        plans.plan_update(
            acting_user=government_user, plan=plan, forum=ForumFactory(country=other_country)
        )
    with pytest.raises(PermissionDenied):
        plans.plan_create(
            acting_user=government_user, country=other_country, title="x", starts_on=TODAY
        )


def test_open_needs_timeline_and_moves_membership(plan, government_user):
    with pytest.raises(ServiceError, match="timeline"):
        plans.plan_open(acting_user=government_user, plan=plan)
    plans.opportunity_save(
        acting_user=government_user,
        plan=plan,
        kind="meeting",
        title="W1",
        opens_on=TODAY + timedelta(days=20),
        closes_on=TODAY + timedelta(days=20),
    )
    plan = _open(plan, government_user)
    assert (plan.state, plan.opened_on, plan.timeline_published_on) == ("co_creation", TODAY, TODAY)
    assert plan.opportunities.get().published_on == TODAY
    plan.country.refresh_from_db()
    assert plan.country.membership_status == MembershipStatus.ACTIVE
    assert AuditEvent.objects.filter(action=AuditAction.COCREATION_PLAN_OPEN).exists()


def test_open_refused_for_country_that_has_not_joined(plan, government_user):
    plan.country.membership_status = MembershipStatus.ELIGIBLE
    plan.country.save()
    with pytest.raises(ServiceError, match="joined"):
        _open(plan, government_user)


def test_proposals_support_once_and_require_core_value(plan, government_user, user):
    plan = _open(plan, government_user)
    with pytest.raises(ServiceError, match="transparency"):
        inputs.proposal_create(
            acting_user=user,
            plan=plan,
            title="T",
            problem="P",
            solution="S",
            values=["technology"],
            policy_area="justice",
        )
    proposal = inputs.proposal_create(
        acting_user=user,
        plan=plan,
        title="Open courts",
        problem="Rulings are secret",
        solution="Publish rulings",
        values=["transparency", "technology"],
        policy_area="justice",
    )
    assert proposal.ledger_entry.kind == "proposal"
    supporter = UserFactory()
    inputs.proposal_support(acting_user=supporter, proposal=proposal)
    with pytest.raises(ServiceError, match="already"):
        inputs.proposal_support(acting_user=supporter, proposal=proposal)
    with pytest.raises(PermissionDenied):
        inputs.proposal_support(acting_user=user, proposal=proposal)  # the author
    proposal.refresh_from_db()
    assert proposal.support_count == 1
    inputs.proposal_unsupport(acting_user=supporter, proposal=proposal)
    proposal.refresh_from_db()
    assert proposal.support_count == 0


def test_comments_attach_to_existing_anchor_within_period(plan, government_user, user):
    plan = _open(plan, government_user)
    version = VersionFactory(plan=plan, number=1, comments_close_on=TODAY)
    commitment = CommitmentFactory(version=version)
    comment = inputs.comment_create(
        acting_user=user,
        version=version,
        anchor=f"c-{commitment.key}-problem",
        body="Add a baseline",
    )
    assert comment.ledger_entry.plan_id == plan.pk
    with pytest.raises(ServiceError, match="does not exist"):
        inputs.comment_create(acting_user=user, version=version, anchor="intro-9", body="x")
    version.comments_close_on = TODAY - timedelta(days=1)
    version.save()
    with pytest.raises(ServiceError, match="closed"):
        inputs.comment_create(acting_user=user, version=version, anchor="intro-1", body="x")


def test_ledger_respond_rules(plan, government_user, user):
    plan = _open(plan, government_user)
    p1, p2 = ProposalFactory(plan=plan), ProposalFactory(plan=plan)
    e1, e2 = p1.ledger_entry, p2.ledger_entry
    with pytest.raises(ServiceError, match="reason"):
        inputs.ledger_respond(
            acting_user=government_user, entry=e1, disposition="not_adopted", reason=" "
        )
    with pytest.raises(ServiceError, match="commitment or milestone"):
        inputs.ledger_respond(
            acting_user=government_user, entry=e1, disposition="adopted", reason="Yes"
        )
    with pytest.raises(ServiceError, match="itself"):
        inputs.ledger_respond(
            acting_user=government_user,
            entry=e1,
            disposition="merged",
            reason="Same",
            merged_into=e1,
        )
    inputs.ledger_respond(
        acting_user=government_user, entry=e1, disposition="merged", reason="Same", merged_into=e2
    )
    e1.refresh_from_db()
    assert (e1.disposition, e1.merged_into_id, e1.responder_side) == ("merged", e2.pk, "government")
    with pytest.raises(PermissionDenied):
        inputs.ledger_respond(acting_user=user, entry=e2, disposition="out_of_scope", reason="No")


def test_submission_refused_while_unanswered_then_published_into_plans(
    plan, government_user, staff_user
):
    plans.plan_update(
        acting_user=government_user, plan=plan, previous_plan_end=TODAY - timedelta(days=400)
    )
    plan = _open(plan, government_user)
    working = drafts.working_copy_get(acting_user=government_user, owner=plan)
    drafts.draft_update(
        acting_user=government_user, version=working, introduction="Intro.\n\nMore."
    )
    c = drafts.commitment_save(
        acting_user=government_user,
        version=working,
        title="Open budgets",
        problem="Late data",
        objective="Monthly open data",
        lead_institution="Ministry of Finance",
        supporting_civil_society="Budget Watch; Open Data Club",
    )
    drafts.milestone_save(
        acting_user=government_user,
        commitment=c,
        title="Portal",
        due_on=TODAY + timedelta(days=400),
    )
    v1 = drafts.draft_publish(acting_user=government_user, version=working)
    assert v1.number == 1
    with pytest.raises(ServiceError, match="published version"):
        drafts.draft_update(acting_user=government_user, version=v1, introduction="changed")
    proposal = ProposalFactory(plan=plan)
    with pytest.raises(ServiceError) as refusal:
        plans.plan_submit(acting_user=government_user, plan=plan)
    assert f"#{proposal.ledger_entry.pk}" in str(refusal.value)
    plans.plan_submit(
        acting_user=government_user, plan=plan, override_reason="Arrived on the last day"
    )
    plan.refresh_from_db()
    assert (plan.state, plan.ledger_override_reason) == ("submitted", "Arrived on the last day")
    with pytest.raises(PermissionDenied):
        plans.plan_publish(acting_user=government_user, plan=plan)
    plans.plan_publish(acting_user=staff_user, plan=plan)
    plan.refresh_from_db()
    assert plan.state == "published"
    # Recorded under the rules in force: more than 12 months after the previous plan ended.
    assert (plan.delivery_status, plan.days_late > 0) == ("contrary", True)
    action_plan = ActionPlan.objects.get(pk=plan.action_plan_id)
    assert action_plan.ogp_id == f"AP_{plan.country.iso3}01"
    commitment = Commitment.objects.get(plan=action_plan)
    assert commitment.identifier == f"{plan.country.iso2}0001"
    assert commitment.milestones.count() == 1
    assert commitment.institutions.filter(is_civil_society=True).count() == 2
    assert set(plan.versions.values_list("commitments__published_as", flat=True)) == {commitment.pk}


def test_return_and_withdraw_need_reasons(plan, government_user, staff_user):
    with pytest.raises(ServiceError, match="reason"):
        plans.plan_withdraw(acting_user=government_user, plan=plan, reason="")
    plans.plan_withdraw(acting_user=government_user, plan=plan, reason="Elections")
    plan.refresh_from_db()
    assert plan.state == "withdrawn"


def test_offline_input_enters_ledger(plan, government_user):
    plan = _open(plan, government_user)
    meeting = MeetingFactory(forum=plan.forum, date=TODAY)
    item = inputs.offline_input_create(
        acting_user=government_user,
        plan=plan,
        source="meeting",
        received_on=TODAY,
        received_from="Forum members",
        summary="Include local governments",
        language="fr",
        meeting=meeting,
    )
    assert LedgerEntry.objects.get(offline=item).language == "fr"
    with pytest.raises(ServiceError, match="future"):
        inputs.offline_input_create(
            acting_user=government_user,
            plan=plan,
            source="email",
            received_on=TODAY + timedelta(days=1),
            received_from="x",
            summary="y",
            language="en",
        )


def test_shadow_plan_versions_and_proposals(plan, government_user, country):
    author, partner = CivilSocietyUserFactory(), CivilSocietyUserFactory()
    sp = shadow.shadow_create(acting_user=author, country=country, title="Our shadow plan")
    shadow.shadow_editor_add(acting_user=author, shadow=sp, editor=partner)
    assert sp.organisations.count() == 2
    working = drafts.working_copy_get(acting_user=partner, owner=sp)
    drafts.commitment_save(
        acting_user=partner,
        version=working,
        title="Lobbying register",
        problem="Lobbying is invisible",
        objective="A public register",
        lead_institution="Parliament",
        relevance_accountability="Yes",
        policy_area="anti_corruption",
    )
    shadow.shadow_publish(acting_user=author, shadow=sp, version=working)
    sp.refresh_from_db()
    assert sp.is_published
    v2 = drafts.working_copy_get(acting_user=author, owner=sp)
    shadow.shadow_publish(acting_user=author, shadow=sp, version=v2)
    assert list(sp.versions.values_list("number", flat=True)) == [1, 2]
    plan = _open(plan, government_user)
    created = shadow.shadow_commitments_propose(acting_user=author, shadow=sp, plan=plan)
    assert [p.values for p in created] == [["accountability"]]
    assert shadow.shadow_commitments_propose(acting_user=author, shadow=sp, plan=plan) == []
    assert Proposal.objects.filter(plan=plan).count() == 1


def test_standards_from_plan_facts(plan, government_user):
    from ogp.cocreation.selectors import plan_standards

    MeetingFactory(forum=plan.forum, date=TODAY - timedelta(days=10))
    plan = _open(plan, government_user)
    results = {r.code: r.status.value for r in plan_standards(plan, today=TODAY)}
    assert results["1.1"] == "met"
    assert results["2.1"] == "met"
    assert results["3.1"] == "met"  # opened today, engagement starts in 15 days (14 needed)
    assert results["4.1"] == "at_risk"  # no input yet
    assert results["5.1"] == "not_assessed"


def test_document_repository(plan, government_user, client, other_government_user):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from ogp.membership.tests.factories import pdf_bytes

    plan = _open(plan, government_user)
    with pytest.raises(ServiceError):
        plans.document_add(acting_user=government_user, plan=plan, title="Bad",
                           file=SimpleUploadedFile("x.pdf", b"not a pdf"))  # fmt: skip
    with pytest.raises(PermissionDenied):
        plans.document_add(acting_user=other_government_user, plan=plan, title="x",
                           file=SimpleUploadedFile("m.pdf", pdf_bytes()))  # fmt: skip
    document = plans.document_add(acting_user=government_user, plan=plan, title="Minutes",
                                  file=SimpleUploadedFile("m.pdf", pdf_bytes()))  # fmt: skip
    response = client.get(f"{plan.get_absolute_url()}documents/{document.pk}/")
    assert response.status_code == 200
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"Minutes" in client.get(plan.get_absolute_url()).content


def test_plan_create_by_form_and_anonymous_proposal_confirmed_by_email(
    client_for, country, government_user
):
    import re

    from django.core import mail
    from django.urls import reverse

    country.membership_status = "active"
    country.save()
    client = client_for(government_user)
    response = client.post(
        reverse("cocreation:plan-create", args=[country.iso3]),
        {"title": "Plan 2030", "period_years": "4", "starts_on": "2030-01-01",
         "proposals_open": "on", "anonymous_proposals": "on"},
    )  # fmt: skip
    assert response.status_code == 302, response.content[:400]
    plan = country.cocreation_plans.get(title="Plan 2030")
    assert (plan.period_years, plan.anonymous_proposals) == (4, True)
    _open(plan, government_user)
    visitor = client_for(None)
    url = reverse("cocreation:proposal-create", args=[plan.slug])
    data = {"title": "Open archives", "problem": "Archives closed", "solution": "Open them",
            "values": ["transparency"], "policy_area": "access_to_information",
            "email": "visitor@example.org", "confirm": "1"}  # fmt: skip
    assert visitor.post(url, data).status_code == 200
    proposal = Proposal.objects.get(title="Open archives")
    assert not proposal.is_confirmed and proposal.author is None
    assert (
        not hasattr(proposal, "ledger_entry")
        or not LedgerEntry.objects.filter(proposal=proposal).exists()
    )
    assert (
        visitor.get(
            reverse("cocreation:proposal-detail", args=[plan.slug, proposal.pk])
        ).status_code
        == 404
    )
    link = re.search(r"https?://\S+", mail.outbox[-1].body).group(0)
    assert visitor.get(link).status_code == 302
    proposal.refresh_from_db()
    assert proposal.is_confirmed
    assert LedgerEntry.objects.filter(proposal=proposal).exists()
    assert visitor.get(link.replace("/confirm/", "/confirm/x")).status_code == 400
    # Honeypot filled: refused, nothing written.
    assert visitor.post(url, {**data, "title": "Bot", "website_url": "spam"}).status_code == 200
    assert not Proposal.objects.filter(title="Bot").exists()
