"""Publication creates the public plan and its commitments in ``ogp.plans``: the records
implementation tracking follows. Identifiers follow OGP's: ``AP_<ISO3><nn>`` for the plan and
``<ISO2><nnnn>`` for commitments (e.g. ``AL0002``), continuing the country's highest number."""

import re
from datetime import timedelta

from django.db import transaction

from ogp.accounts.models import User
from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record
from ogp.core import hooks
from ogp.core.summaries import PlanPublished
from ogp.plans.models import (
    ActionPlan,
    Commitment,
    CommitmentInstitution,
    InstitutionRole,
    Milestone,
    PlanSource,
    PolicyArea,
)

from ..domain.calendar import add_months
from ..models import CoCreationPlan

_SPLIT = re.compile(r"[\n;]+")


def _next_plan_id(iso3: str) -> tuple[str, int]:
    numbers = [
        int(m.group(1))
        for ogp_id in ActionPlan.objects.filter(ogp_id__startswith=f"AP_{iso3}").values_list(
            "ogp_id", flat=True
        )
        if (m := re.fullmatch(rf"AP_{iso3}(\d+)", ogp_id))
    ]
    number = max(numbers, default=0) + 1
    return f"AP_{iso3}{number:02d}", number


def _commitment_numbers(iso2: str) -> int:
    numbers = [
        int(m.group(1))
        for identifier in Commitment.objects.filter(identifier__startswith=iso2).values_list(
            "identifier", flat=True
        )
        if (m := re.fullmatch(rf"{iso2}(\d{{4}})", identifier))
    ]
    return max(numbers, default=0)


@transaction.atomic
def published_plan_create(*, acting_user: User, plan: CoCreationPlan) -> ActionPlan:
    """Create the public ActionPlan, its Commitments, institutions and Milestones from the
    latest published version (once; a second call returns the same plan)."""
    from ..selectors import latest_published_version, version_get

    if plan.action_plan_id:
        return plan.action_plan  # type: ignore[return-value]
    latest = latest_published_version(plan)
    assert latest is not None and latest.number is not None
    version = version_get(plan, latest.number)
    country = plan.country
    ogp_id, number = _next_plan_id(country.iso3)
    end = add_months(plan.starts_on, 12 * plan.period_years) - timedelta(days=1)
    action_plan = ActionPlan.objects.create(
        ogp_id=ogp_id,
        country=country,
        number=number,
        submitted_year=(plan.submitted_on or plan.published_on).year,  # type: ignore[union-attr]
        end_year=end.year,
        duration_years=plan.period_years,
        due_date=plan.due_on,
        published_on=plan.published_on,
        source=PlanSource.PLATFORM,
        is_demo=plan.is_demo,
    )
    areas = {a.code.replace("-", "_"): a for a in PolicyArea.objects.all()}
    last = _commitment_numbers(country.iso2)
    for index, draft in enumerate(version.commitments.all(), start=1):
        commitment = Commitment.objects.create(
            identifier=f"{country.iso2}{last + index:04d}",
            plan=action_plan,
            number=str(index),
            title=draft.title,
            problem=draft.problem,
            status_quo=draft.status_quo,
            objective=draft.objective,
            how_it_helps=draft.how_it_helps,
            relevance_transparency=draft.relevance_transparency,
            relevance_participation=draft.relevance_participation,
            relevance_accountability=draft.relevance_accountability,
            start_date=draft.starts_on or plan.starts_on,
            end_date=draft.ends_on or end,
            start_precision="day",
            end_precision="day",
            is_active=True,
            source=PlanSource.PLATFORM,
            is_demo=plan.is_demo,
        )
        if draft.policy_area in areas:
            commitment.policy_areas.add(areas[draft.policy_area])
        institutions = [(InstitutionRole.LEAD, draft.lead_institution, False)]
        institutions += [
            (InstitutionRole.SUPPORTING, name.strip(), False)
            for name in _SPLIT.split(draft.supporting_institutions)
            if name.strip()
        ]
        institutions += [
            (InstitutionRole.SUPPORTING, name.strip(), True)
            for name in _SPLIT.split(draft.supporting_civil_society)
            if name.strip()
        ]
        CommitmentInstitution.objects.bulk_create(
            CommitmentInstitution(
                commitment=commitment,
                role=role,
                name=name[:500],
                is_civil_society=civil,
                position=position,
            )
            for position, (role, name, civil) in enumerate(institutions)
        )
        Milestone.objects.bulk_create(
            Milestone(
                commitment=commitment,
                position=position,
                title=m.title,
                expected_output=m.expected_output,
                due_date=m.due_on,
                is_demo=plan.is_demo,
            )
            for position, m in enumerate(draft.milestones.all())
        )
        type(draft).objects.filter(version__plan=plan, key=draft.key).update(
            published_as=commitment
        )
    plan.action_plan = action_plan
    plan.save(update_fields=["action_plan"])
    audit_record(
        actor=acting_user,
        action=AuditAction.PUBLISHED_PLAN_CREATE,
        target=plan,
        after={"action_plan": ogp_id, "commitments": version.commitments.count()},
    )
    hooks.plan_published.send(
        acting_user=acting_user,
        event=PlanPublished(ogp_id=action_plan.ogp_id, country_iso3=plan.country.iso3),
    )
    return action_plan
