"""Plans: create, update, open, submit, return, publish, withdraw (the timeline: timeline.py)."""

import datetime
from collections.abc import Callable
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core.errors import ServiceError
from ogp.countries.models import MEMBER_STATUSES, Country, MembershipStatus
from ogp.membership.domain.status import Actor, StatusFacts
from ogp.participation.models import Forum

from ..domain.ledger import submission_check
from ..domain.plan_state import CO_CREATION_STARTED, PlanFacts, PlanState, decide_plan
from ..models import CoCreationPlan, CoCreationRuleSet
from ..selectors import plan_delivery  # noqa: F401  (re-exported)
from .common import plan_actor, plan_touch, require_editable, require_perm
from .rulesets import rule_set_in_force
from .timeline import opportunity_save, step_delete, step_save  # noqa: F401  (re-exported)

PLAN_FIELDS = [
    "title",
    "summary",
    "period_years",
    "starts_on",
    "forum",
    "proposals_open",
    "anonymous_proposals",
    "cohort_year",
    "previous_plan_end",
]
STATE_FIELDS = [
    "state",
    "opened_on",
    "submitted_on",
    "published_on",
    "state_reason",
    "ledger_override_reason",
]

PLAN_REFUSALS = {
    "timeline_not_dated": gettext_noop(
        "Add the co-creation timeline first: at least one dated step."
    ),
    "country_not_joined": gettext_noop(
        "The country must have joined OGP (letter of intent accepted) to open co-creation."
    ),
    "no_final_draft": gettext_noop("Publish a draft version with at least one commitment first."),
    "inputs_unanswered": gettext_noop("Some inputs have no reasoned response yet."),
    "no_reason_given": gettext_noop("Give the reason."),
    "actor_not_permitted": gettext_noop("You cannot do this at this stage."),
    "no_such_action": gettext_noop("This is not possible in the plan's current state."),
}


# a state-machine transition's name -> the action it records
STATE_ACTIONS = {
    "open": AuditAction.COCREATION_PLAN_OPEN,
    "submit": AuditAction.COCREATION_PLAN_SUBMIT,
    "return": AuditAction.COCREATION_PLAN_RETURN,
    "withdraw": AuditAction.COCREATION_PLAN_WITHDRAW,
    "publish": AuditAction.COCREATION_PLAN_PUBLISH,
}


def _refuse(reason: str) -> ServiceError:
    return ServiceError(_(PLAN_REFUSALS.get(reason, "no_such_action")), code=reason)


def _unique_slug(base: str) -> str:
    slug = slugify(base)[:100] or "plan"
    candidate, n = slug, 2
    while CoCreationPlan.objects.filter(slug=candidate).exists():
        candidate, n = f"{slug}-{n}", n + 1
    return candidate


def _check_values(
    *, country: Country, rule_set: CoCreationRuleSet, period_years: int, forum: Forum | None
) -> None:
    if period_years not in rule_set.parsed().delivery.plan_lengths_years:
        raise ServiceError(
            _("A %(years)s-year plan is not allowed under the rules in force (%(rules)s).")
            % {"years": period_years, "rules": rule_set.display_title}
        )
    if forum is not None and forum.country_id != country.pk:
        raise ServiceError(_("The forum must be one of this country's forums."))


@transaction.atomic
def plan_create(
    *,
    acting_user: User,
    country: Country,
    title: str,
    starts_on: datetime.date,
    period_years: int = 2,
    rule_set: CoCreationRuleSet | None = None,
    forum: Forum | None = None,
    summary: str = "",
    cohort_year: int | None = None,
    previous_plan_end: datetime.date | None = None,
    proposals_open: bool = True,
    anonymous_proposals: bool = False,
    is_demo: bool = False,
) -> CoCreationPlan:
    require_perm(acting_user, "cocreation.add_plan", country)
    rule_set = rule_set or rule_set_in_force(starts_on)
    _check_values(country=country, rule_set=rule_set, period_years=period_years, forum=forum)
    if not title.strip():
        raise ServiceError(_("Give the plan a title."))
    plan = CoCreationPlan.objects.create(
        country=country,
        title=title.strip(),
        slug=_unique_slug(f"{country.iso3}-{title}"),
        summary=summary.strip(),
        period_years=period_years,
        starts_on=starts_on,
        rule_set=rule_set,
        forum=forum,
        cohort_year=cohort_year,
        previous_plan_end=previous_plan_end,
        proposals_open=proposals_open,
        anonymous_proposals=anonymous_proposals,
        created_by=acting_user,
        is_demo=is_demo,
    )
    audit_record(
        actor=acting_user,
        action=AuditAction.COCREATION_PLAN_CREATE,
        target=plan,
        after=snapshot(plan, PLAN_FIELDS),
    )
    return plan


@transaction.atomic
def plan_update(*, acting_user: User, plan: CoCreationPlan, **values: Any) -> CoCreationPlan:
    require_perm(acting_user, "cocreation.change_plan", plan)
    require_editable(plan)
    unknown = set(values) - set(PLAN_FIELDS)
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")

    def check(row: CoCreationPlan) -> None:
        _check_values(
            country=row.country,
            rule_set=row.rule_set,
            period_years=row.period_years,
            forum=row.forum,
        )

    plan = audited_update(
        acting_user=acting_user,
        instance=plan,
        action=AuditAction.COCREATION_PLAN_UPDATE,
        fields=PLAN_FIELDS,
        changes=values,
        apply=check,
    )
    plan_touch(plan.pk)
    return plan


def _lock(plan: CoCreationPlan) -> CoCreationPlan:
    return (
        CoCreationPlan.objects.select_for_update()
        .select_related("country", "rule_set")
        .get(pk=plan.pk)
    )


def plan_facts(plan: CoCreationPlan, *, reason: str = "", override_reason: str = "") -> PlanFacts:
    from ..selectors import latest_published_version, plan_ledger_summary

    latest = latest_published_version(plan)
    ledger = plan_ledger_summary(plan, today=timezone.localdate())
    return PlanFacts(
        timeline_dated=plan.steps.exists(),
        country_joined=plan.country.membership_status in MEMBER_STATUSES,
        has_final_draft=latest is not None and latest.commitments.exists(),
        ledger_ok=submission_check(ledger, override_reason=override_reason).allowed,
        reason=reason,
    )


def _transition(
    *,
    acting_user: User,
    plan: CoCreationPlan,
    action: str,
    facts: PlanFacts,
    apply: Callable[[CoCreationPlan], None] | None = None,
) -> CoCreationPlan:
    """Move the (locked) plan to the state the state machine decides, `apply` setting the
    columns that come with it; the whole row is saved (the transition derives several)."""
    decision = decide_plan(plan.state, action, plan_actor(acting_user), facts)
    if not decision.allowed:
        raise _refuse(decision.reason)
    assert decision.target is not None
    target = decision.target.value

    def move(row: CoCreationPlan) -> None:
        row.state = target
        if apply is not None:
            apply(row)

    plan = audited_update(
        acting_user=acting_user,
        instance=plan,
        action=STATE_ACTIONS[action],
        fields=STATE_FIELDS,
        apply=move,
        save_all=True,
    )
    plan_touch(plan.pk)
    return plan


@transaction.atomic
def plan_open(*, acting_user: User, plan: CoCreationPlan) -> CoCreationPlan:
    """Publish the timeline and open co-creation. A participating country becomes an active
    member through the membership state machine (co-creation started, derived from the plan)."""
    require_perm(acting_user, "cocreation.open_plan", plan)
    plan = _lock(plan)
    today = timezone.localdate()

    def opened(row: CoCreationPlan) -> None:
        row.opened_on = row.timeline_published_on = today

    plan = _transition(
        acting_user=acting_user, plan=plan, action="open", facts=plan_facts(plan), apply=opened
    )
    plan.opportunities.filter(published_on__isnull=True).update(published_on=today)
    membership_follow_plan(acting_user=acting_user, plan=plan, on=today)
    return plan


def membership_follow_plan(*, acting_user: User, plan: CoCreationPlan, on: datetime.date) -> None:
    """Move the country's status where the membership state machine says co-creation leads."""
    from ogp.membership.domain.onboarding import ChecklistItem
    from ogp.membership.models import Onboarding, OnboardingStep
    from ogp.membership.services import membership_status_change

    country = Country.objects.get(pk=plan.country_id)
    started = PlanState(plan.state) in CO_CREATION_STARTED
    if started and country.membership_status == MembershipStatus.PARTICIPATING:
        membership_status_change(
            acting_user=acting_user,
            country=country,
            target=MembershipStatus.ACTIVE,
            facts=StatusFacts(co_creation_started=True),
            reason=gettext_noop(
                "Co-creation of the first action plan with civil society has started."
            ),
            effective_date=on,
            actor=Actor.SYSTEM,
        )
    onboarding = Onboarding.objects.filter(country=country).first()
    if started and onboarding is not None and onboarding.letter_received_on is not None:
        OnboardingStep.objects.get_or_create(
            onboarding=onboarding,
            item=ChecklistItem.CO_CREATION_STARTED,
            defaults={
                "done_on": on,
                "done_by": acting_user,
                "note": f"Action plan co-creation opened: {plan.title}",
            },
        )


@transaction.atomic
def plan_submit(
    *, acting_user: User, plan: CoCreationPlan, override_reason: str = "", language: str = "en"
) -> CoCreationPlan:
    """Submit the final plan. Refused while inputs are unanswered (listing them) unless the
    government states why, which is shown publicly on the ledger page."""
    from ..selectors import plan_ledger_summary

    require_perm(acting_user, "cocreation.submit_plan", plan)
    plan = _lock(plan)
    facts = plan_facts(plan, override_reason=override_reason)
    ledger = plan_ledger_summary(plan, today=timezone.localdate())
    if not facts.ledger_ok and facts.has_final_draft:
        refs = ", ".join(f"#{u.key}" for u in ledger.unanswered[:50])
        more = len(ledger.unanswered) - 50
        message = _(
            "%(count)s inputs have no reasoned response yet: %(refs)s. Answer them, or say "
            "publicly why the plan is submitted without answering them."
        ) % {"count": len(ledger.unanswered), "refs": refs + (f" (+{more})" if more > 0 else "")}
        raise ServiceError(message, code="inputs_unanswered")

    def submitted(row: CoCreationPlan) -> None:
        row.submitted_on = timezone.localdate()
        row.ledger_override_reason = "" if ledger.complete else override_reason.strip()
        row.submission_language = language

    return _transition(
        acting_user=acting_user, plan=plan, action="submit", facts=facts, apply=submitted
    )


@transaction.atomic
def plan_return(*, acting_user: User, plan: CoCreationPlan, reason: str) -> CoCreationPlan:
    require_perm(acting_user, "cocreation.review_plan", plan)
    plan = _lock(plan)
    return _transition(
        acting_user=acting_user,
        plan=plan,
        action="return",
        facts=PlanFacts(reason=reason),
        apply=lambda row: setattr(row, "state_reason", reason.strip()),
    )


@transaction.atomic
def plan_withdraw(*, acting_user: User, plan: CoCreationPlan, reason: str) -> CoCreationPlan:
    require_perm(acting_user, "cocreation.change_plan", plan)
    plan = _lock(plan)
    return _transition(
        acting_user=acting_user,
        plan=plan,
        action="withdraw",
        facts=PlanFacts(reason=reason),
        apply=lambda row: setattr(row, "state_reason", reason.strip()),
    )


@transaction.atomic
def plan_publish(*, acting_user: User, plan: CoCreationPlan) -> CoCreationPlan:
    """Publish the submitted plan; its lateness under the rules in force is recorded."""
    require_perm(acting_user, "cocreation.review_plan", plan)
    plan = _lock(plan)

    def published(row: CoCreationPlan) -> None:
        row.published_on = timezone.localdate()
        result = plan_delivery(row, today=row.published_on)
        if result is not None:
            row.due_on, row.delivery_status, row.days_late = (
                result.due,
                result.status.value,
                result.days_late,
            )

    plan = _transition(
        acting_user=acting_user,
        plan=plan,
        action="publish",
        facts=plan_facts(plan),
        apply=published,
    )
    from .publication import published_plan_create

    published_plan_create(acting_user=acting_user, plan=plan)
    return plan


@transaction.atomic
def forum_link(*, acting_user: User, plan: CoCreationPlan, forum: Forum | None) -> CoCreationPlan:
    return plan_update(acting_user=acting_user, plan=plan, forum=forum)


@transaction.atomic
def document_add(*, acting_user: User, plan: CoCreationPlan, title: str, file: Any) -> Any:
    """Add a PDF to the plan's public document repository (Standard 2.2)."""
    from django.core.exceptions import ValidationError

    from ogp.core.uploads import validate_pdf

    from ..models import PlanDocument

    require_perm(acting_user, "cocreation.change_plan", plan)
    try:
        validate_pdf(file)
    except ValidationError as error:
        raise ServiceError(error.messages) from error
    if not title.strip():
        raise ServiceError(_("Give the document a title."))
    document = PlanDocument.objects.create(
        plan=plan, title=title.strip(), file=file, published_on=timezone.localdate(),
        uploaded_by=acting_user,
    )  # fmt: skip
    plan_touch(plan.pk)
    audit_record(
        actor=acting_user, action=AuditAction.DOCUMENT_ADD, target=plan,
        after={"title": document.title, "file": document.file.name},
    )  # fmt: skip
    return document
