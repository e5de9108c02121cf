"""Reads of action plans, implementation and co-creation for the API. Built on the apps'
selectors where they give a query set; each is a constant number of queries per page."""

from typing import Any

from django.db.models import Count, Prefetch, QuerySet

from ogp.cocreation import selectors as cocreation_selectors
from ogp.cocreation.models import (
    CoCreationPlan,
    DraftCommitment,
    DraftMilestone,
    DraftVersion,
    LedgerEntry,
    Opportunity,
    Proposal,
    TimelineStep,
)
from ogp.plans import selectors as plan_selectors
from ogp.plans.models import (
    ActionPlan,
    Commitment,
    CommitmentInstitution,
    IRMReport,
    IRMReportState,
    IRMReportVersion,
    Milestone,
    ProgressEvidence,
    ProgressReview,
    ProgressUpdate,
)


def action_plans() -> QuerySet[ActionPlan]:
    return ActionPlan.objects.select_related("country", "locality").annotate(
        commitment_count=Count("commitments", distinct=True)
    )


def commitments(filters: plan_selectors.ExplorerFilters) -> QuerySet[Commitment]:
    """The commitment explorer's filters and order (the same rules as the web page); what a
    listed row also needs is :func:`commitment_rows`."""
    return plan_selectors.commitment_search(filters)


def commitment_rows(found: QuerySet[Commitment]) -> QuerySet[Commitment]:
    """The listed commitments with what their rows show, without the long columns."""
    return (
        found.defer(*plan_selectors.LIST_DEFERRED)
        .select_related("coding_scale")
        .prefetch_related("policy_areas")
        .defer("coding_scale__definition")  # the whole scale, on every row: only its code is shown
    )


def commitment_detail() -> QuerySet[Commitment]:
    return Commitment.objects.select_related(
        "plan__country", "plan__locality", "coding_scale"
    ).prefetch_related(
        "policy_areas",
        Prefetch(
            "institutions",
            queryset=CommitmentInstitution.objects.select_related("organisation").order_by(
                "role", "position"
            ),
        ),
        Prefetch("milestones", queryset=Milestone.objects.order_by("position", "id")),
    )


def milestones() -> QuerySet[Milestone]:
    return Milestone.objects.select_related("commitment__plan__country")


def milestone_for_write(milestone_id: int) -> Milestone:
    return plan_selectors.milestone_get(milestone_id)


def progress_updates() -> QuerySet[ProgressUpdate]:
    return ProgressUpdate.objects.select_related(
        "milestone__commitment__plan__country"
    ).prefetch_related(
        Prefetch("evidence", queryset=ProgressEvidence.objects.order_by("id")),
        Prefetch("reviews", queryset=ProgressReview.objects.order_by("created_at", "id")),
    )


def published_irm_reports() -> QuerySet[IRMReport]:
    """Published reports only (a draft is read by its researchers and government on the web)."""
    return (
        IRMReport.objects.filter(state=IRMReportState.PUBLISHED, version__gt=0)
        .select_related("plan__country", "plan__locality")
        .prefetch_related(
            Prefetch(
                "versions",
                queryset=IRMReportVersion.objects.order_by("-number"),
                to_attr="published_versions",
            )
        )
    )


def irm_report_for_write(report_id: int) -> IRMReport | None:
    return (
        IRMReport.objects.select_related("plan__country", "plan__locality")
        .filter(pk=report_id)
        .first()
    )


def irm_report_version(report: IRMReport, number: int) -> IRMReportVersion | None:
    return report.versions.filter(number=number).first()


def cocreation_plans() -> QuerySet[CoCreationPlan]:
    """The public plans (what an anonymous visitor sees), whoever asks: the API shows public
    parts only."""
    return cocreation_selectors.plan_list(user=None).select_related("action_plan")


def cocreation_plan_detail() -> QuerySet[CoCreationPlan]:
    return cocreation_plans().prefetch_related(
        Prefetch("steps", queryset=TimelineStep.objects.order_by("starts_on", "pk")),
        Prefetch(
            "opportunities",
            queryset=Opportunity.objects.filter(published_on__isnull=False).order_by(
                "opens_on", "pk"
            ),
        ),
    )


def cocreation_plan_public(slug: str) -> CoCreationPlan | None:
    return cocreation_plans().filter(slug=slug).first()


def published_versions(plan: CoCreationPlan) -> QuerySet[DraftVersion]:
    return plan.versions.filter(number__isnull=False, published_at__isnull=False).annotate(
        commitment_count=Count("commitments")
    )


def published_version(plan: CoCreationPlan, number: int) -> DraftVersion | None:
    return (
        plan.versions.filter(number=number, published_at__isnull=False)
        .prefetch_related(
            Prefetch(
                "commitments",
                queryset=DraftCommitment.objects.order_by("position", "pk").prefetch_related(
                    Prefetch("milestones", queryset=DraftMilestone.objects.order_by("position"))
                ),
            )
        )
        .first()
    )


def proposals(plan: CoCreationPlan, **filters: Any) -> QuerySet[Proposal]:
    """Confirmed, visible proposals with their ledger entry (the co-creation app's reader)."""
    return cocreation_selectors.proposal_list(plan, user=None, **filters)


def inputs(plan: CoCreationPlan, **filters: Any) -> QuerySet[LedgerEntry]:
    """Every input with its disposition and reason (hidden ones left out)."""
    return cocreation_selectors.ledger_entries(plan, **filters).exclude(
        proposal__is_confirmed=False
    )
