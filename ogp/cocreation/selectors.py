"""Reads of the co-creation app, with constant query counts (asserted in tests/test_queries.py)."""

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, F, Min, Prefetch, Q, QuerySet
from django.http import Http404

from ogp.membership.models import Onboarding

from .domain import calendar as plan_calendar
from .domain.ledger import (
    NEEDS_LINK,
    Disposition,
    InputFact,
    LedgerCounts,
    LedgerSummary,
    ledger_summary,
)
from .domain.notice import NoticeResult, notice_check
from .domain.plan_state import PUBLIC
from .domain.standards import (
    OpportunityFact,
    RequirementResult,
    StandardsFacts,
    StandardStatus,
    evaluate_standards,
)
from .models import (
    CoCreationPlan,
    Comment,
    DraftCommitment,
    DraftMilestone,
    DraftVersion,
    LedgerEntry,
    Opportunity,
    Proposal,
    ShadowPlan,
    StepKind,
)

PUBLIC_STATES = [s.value for s in PUBLIC]


def plan_list(*, user: Any = None, country: Any = None) -> QuerySet[CoCreationPlan]:
    """Public plans, plus the unpublished ones the user may see (own country, or staff)."""
    visible = Q(state__in=PUBLIC_STATES)
    if getattr(user, "is_support_unit", False):
        visible = Q()
    elif (
        getattr(user, "is_authenticated", False)
        and user.country_id
        and user.has_perm("cocreation.add_plan", user.country)
    ):
        visible |= Q(country_id=user.country_id)
    plans = CoCreationPlan.objects.filter(visible).select_related("country", "rule_set")
    if country is not None:
        plans = plans.filter(country=country)
    return plans.order_by("-starts_on", "pk")


def plan_get(slug: str) -> CoCreationPlan:
    plan = (
        CoCreationPlan.objects.select_related("country", "rule_set", "forum")
        .filter(slug=slug)
        .first()
    )
    if plan is None:
        raise Http404
    return plan


def co_creation_starts_on(steps: list[Any]) -> datetime.date | None:
    """Co-creation starts with the first step after planning (or the first step at all)."""
    engaging = [s.starts_on for s in steps if s.kind != StepKind.PLANNING]
    dates = engaging or [s.starts_on for s in steps]
    return min(dates) if dates else None


@dataclass(frozen=True)
class TimelineItem:
    date: datetime.date
    end: datetime.date | None
    kind: str  # "step", "opportunity", "meeting", "version"
    obj: Any
    notice: NoticeResult | None = None


@dataclass(frozen=True)
class Timeline:
    items: tuple[TimelineItem, ...]
    steps: tuple[Any, ...]
    opportunities: tuple[Any, ...]
    starts_on: datetime.date | None
    timeline_notice: NoticeResult | None


def plan_timeline(plan: CoCreationPlan, *, today: datetime.date) -> Timeline:
    """Dated steps, opportunities (with their advance notice), forum meetings and published
    versions, in date order: four queries whatever the plan's size."""
    required = plan.rule_set.parsed().advance_notice_days
    steps = list(plan.steps.all())
    opportunities = list(plan.opportunities.select_related("step"))
    starts = co_creation_starts_on(steps)
    items: list[TimelineItem] = [TimelineItem(s.starts_on, s.ends_on, "step", s) for s in steps]
    for o in opportunities:
        notice = notice_check(
            published_on=o.published_on, opens_on=o.opens_on, required_days=required, today=today
        )
        items.append(TimelineItem(o.opens_on, o.closes_on, "opportunity", o, notice))
    if plan.forum is not None and steps:
        first = min(s.starts_on for s in steps)
        last = max(s.ends_on for s in steps)
        meetings = plan.forum.meetings.filter(
            is_cancelled=False, date__gte=first - datetime.timedelta(days=183), date__lte=last
        ).order_by("date")
        items.extend(TimelineItem(m.date, None, "meeting", m) for m in meetings)
    for v in plan.versions.filter(number__isnull=False).only("number", "published_at", "plan"):
        assert v.published_at is not None
        items.append(TimelineItem(v.published_at.date(), None, "version", v))
    order = {"step": 0, "meeting": 1, "opportunity": 2, "version": 3}
    items.sort(key=lambda i: (i.date, order[i.kind], i.obj.pk))
    timeline_notice = (
        notice_check(
            published_on=plan.timeline_published_on,
            opens_on=starts,
            required_days=required,
            today=today,
        )
        if starts
        else None
    )
    return Timeline(tuple(items), tuple(steps), tuple(opportunities), starts, timeline_notice)


def latest_published_version(plan: CoCreationPlan) -> DraftVersion | None:
    return plan.versions.filter(number__isnull=False).order_by("-number").first()


def versions_of(owner: Any) -> list[DraftVersion]:
    return list(owner.versions.filter(number__isnull=False).order_by("number"))


def version_get(owner: Any, number: int) -> DraftVersion:
    version = (
        owner.versions.filter(number=number)
        .prefetch_related(
            Prefetch(
                "commitments",
                queryset=DraftCommitment.objects.prefetch_related("milestones"),
            )
        )
        .first()
    )
    if version is None:
        raise Http404
    return version


def working_copy_of(owner: Any) -> DraftVersion | None:
    return (
        owner.versions.filter(number__isnull=True)
        .prefetch_related(
            Prefetch("commitments", queryset=DraftCommitment.objects.prefetch_related("milestones"))
        )
        .first()
    )


def version_comments(version: DraftVersion, *, user: Any = None) -> dict[str, list[Comment]]:
    """Comments per anchor: this version's, then earlier versions' on the same anchor (they
    stay attached to the version they were made on and show in the next one's context). Hidden
    comments show only to their author and moderators. One query."""
    owner_filter = (
        Q(version__plan_id=version.plan_id)
        if version.plan_id
        else Q(version__shadow_plan_id=version.shadow_plan_id)
    )
    comments = (
        Comment.objects.filter(owner_filter, version__number__lte=version.number)
        .select_related("author", "version", "ledger_entry")
        .order_by("version__number", "created_at", "pk")
    )
    is_staff = getattr(user, "is_support_unit", False)
    by_anchor: dict[str, list[Comment]] = defaultdict(list)
    for comment in comments:
        if comment.is_hidden and not (is_staff or getattr(user, "pk", None) == comment.author_id):
            continue
        by_anchor[comment.anchor].append(comment)
    return dict(by_anchor)


PROPOSAL_SORTS = {
    "supports": ("-support_count", "-created_at", "-pk"),
    "recent": ("-created_at", "-pk"),
    "oldest": ("created_at", "pk"),
}


def proposal_list(
    plan: CoCreationPlan,
    *,
    policy_area: str = "",
    value: str = "",
    query: str = "",
    disposition: str = "",
    sort: str = "supports",
    user: Any = None,
) -> QuerySet[Proposal]:
    proposals = Proposal.objects.filter(plan=plan, is_confirmed=True).select_related(
        "author", "ledger_entry", "plan"
    )
    if not getattr(user, "is_support_unit", False):
        mine = Q(author_id=user.pk) if getattr(user, "is_authenticated", False) else Q(pk__in=[])
        proposals = proposals.filter(Q(is_hidden=False) | mine)
    if policy_area:
        proposals = proposals.filter(policy_area=policy_area)
    if value:
        # JSON "contains" is not on SQLite; values are few fixed words, so match the text.
        proposals = proposals.filter(values__icontains=f'"{value}"')
    if query:
        proposals = proposals.filter(
            Q(title__icontains=query) | Q(problem__icontains=query) | Q(solution__icontains=query)
        )
    if disposition == "unanswered":
        proposals = proposals.exclude(
            pk__in=LedgerEntry.objects.filter(_answered_q(), plan=plan).values("proposal_id")
        )
    elif disposition:
        proposals = proposals.filter(ledger_entry__disposition=disposition)
    return proposals.order_by(*PROPOSAL_SORTS.get(sort, PROPOSAL_SORTS["supports"]))


def proposal_get(plan: CoCreationPlan, pk: int) -> Proposal:
    proposal = (
        Proposal.objects.filter(plan=plan, pk=pk, is_confirmed=True)
        .select_related("author", "ledger_entry__linked_commitment", "ledger_entry__merged_into")
        .first()
    )
    if proposal is None:
        raise Http404
    return proposal


def similar_candidates(plan: CoCreationPlan, limit: int = 2000) -> list[tuple[int, str]]:
    rows = (
        Proposal.objects.filter(plan=plan, is_hidden=False, is_confirmed=True)
        .order_by("-support_count", "-pk")
        .values_list("pk", "title", "problem")[:limit]
    )
    return [(pk, f"{title} {problem}") for pk, title, problem in rows]


def ledger_entries(
    plan: CoCreationPlan,
    *,
    kind: str = "",
    disposition: str = "",
    language: str = "",
    include_hidden: bool = False,
) -> QuerySet[LedgerEntry]:
    entries = LedgerEntry.objects.filter(plan=plan).select_related(
        "proposal__plan",
        "comment__version__plan",
        "comment__author",
        "offline",
        "linked_commitment__version",
        "linked_milestone",
        "merged_into",
    )
    if not include_hidden:
        entries = entries.exclude(proposal__is_hidden=True).exclude(comment__is_hidden=True)
    if kind:
        entries = entries.filter(kind=kind)
    if disposition == "unanswered":
        entries = entries.exclude(_answered_q())
    elif disposition:
        entries = entries.filter(disposition=disposition)
    if language:
        entries = entries.filter(language=language)
    return entries.order_by("received_on", "pk")


def plan_ledger_summary(plan: CoCreationPlan, *, today: datetime.date) -> LedgerSummary:
    """The ledger's completeness, from one query of plain values."""
    rows = LedgerEntry.objects.filter(plan=plan).values_list(
        "pk",
        "received_on",
        "disposition",
        "reason",
        "linked_commitment_id",
        "merged_into_id",
        "proposal__is_hidden",
        "comment__is_hidden",
    )
    facts = [
        InputFact(
            key=str(pk),
            received_on=received,
            disposition=disposition or None,
            reason=reason,
            linked_to=str(linked) if linked else None,
            merged_into=str(merged) if merged else None,
            hidden=bool(p_hidden or c_hidden),
        )
        for pk, received, disposition, reason, linked, merged, p_hidden, c_hidden in rows
    ]
    return ledger_summary(facts, today=today)


def _answered_q() -> Q:
    """The database form of ``domain.ledger.response_problems`` being empty (services strip
    reasons, so an empty reason is the only blank one); tested against the domain rule."""
    linked = ~Q(disposition__in=list(NEEDS_LINK)) | Q(linked_commitment__isnull=False)
    merged = ~Q(disposition=Disposition.MERGED) | (
        Q(merged_into__isnull=False) & ~Q(merged_into=F("pk"))
    )
    return ~Q(disposition="") & ~Q(reason="") & linked & merged


def plan_ledger_counts(plan: CoCreationPlan, *, today: datetime.date) -> LedgerCounts:
    """Ledger figures for pages, in two aggregate queries whatever the ledger's size."""
    hidden = Q(proposal__is_hidden=True) | Q(comment__is_hidden=True)
    entries = LedgerEntry.objects.filter(plan=plan)
    answered = _answered_q()
    totals = entries.aggregate(
        total=Count("pk", filter=~hidden),
        hidden=Count("pk", filter=hidden),
        answered=Count("pk", filter=~hidden & answered),
        oldest=Min("received_on", filter=~hidden & ~answered),
    )
    by_disposition = dict(
        entries.filter(~hidden & answered).values_list("disposition").annotate(n=Count("pk"))
    )
    oldest = totals["oldest"]
    return LedgerCounts(
        total=totals["total"],
        answered=totals["answered"],
        hidden=totals["hidden"],
        unanswered_count=totals["total"] - totals["answered"],
        by_disposition=tuple(
            (d, by_disposition[d.value]) for d in Disposition if by_disposition.get(d.value)
        ),
        oldest_unanswered_days=max(0, (today - oldest).days) if oldest else None,
    )


def linkable_commitments(plan: CoCreationPlan) -> list[DraftCommitment]:
    """Commitments of the working copy and the latest published version (targets of
    'adopted')."""
    return list(
        DraftCommitment.objects.filter(version__plan=plan)
        .select_related("version")
        .order_by("-version__number", "position")
    )


def linkable_milestones(plan: CoCreationPlan) -> list[DraftMilestone]:
    return list(
        DraftMilestone.objects.filter(commitment__version__plan=plan).select_related(
            "commitment__version"
        )
    )


def standards_facts(plan: CoCreationPlan, *, today: datetime.date) -> StandardsFacts:
    steps = list(plan.steps.all())
    forum = plan.forum
    meeting_dates: tuple[datetime.date, ...] = ()
    if forum is not None:
        meeting_dates = tuple(
            forum.meetings.filter(is_cancelled=False).values_list("date", flat=True)
        )
    documents = list(plan.documents.values_list("published_on", flat=True))
    versions = [
        v.date()  # type: ignore[union-attr]  # published_at__isnull=False
        for v in plan.versions.filter(published_at__isnull=False).values_list(
            "published_at", flat=True
        )
    ]
    opportunities = tuple(
        OpportunityFact(f"opportunity:{o.pk}", o.opens_on, o.published_on, o.open_to_anyone)
        for o in plan.opportunities.all()
    )
    return StandardsFacts(
        today=today,
        forum_established_on=forum.established_on if forum else None,
        forum_meeting_dates=meeting_dates,
        forum_rules_public=bool(forum and forum.rules_of_participation.strip()),
        plan_public=plan.is_public,
        public_document_dates=tuple(documents + versions) if plan.is_public else (),
        timeline_published_on=plan.timeline_published_on,
        co_creation_starts_on=co_creation_starts_on(steps),
        opportunities=opportunities,
        ledger=plan_ledger_summary(plan, today=today),
        plan_submitted=plan.submitted_on is not None,
        assessments={a.code: StandardStatus(a.status) for a in plan.assessments.all()},
    )


def plan_standards(plan: CoCreationPlan, *, today: datetime.date) -> tuple[RequirementResult, ...]:
    return evaluate_standards(plan.rule_set.parsed(), standards_facts(plan, today=today))


def submission_queue() -> QuerySet[CoCreationPlan]:
    return (
        CoCreationPlan.objects.filter(state="submitted")
        .select_related("country")
        .order_by("submitted_on", "pk")
    )


def shadow_list(*, country: Any = None) -> QuerySet[ShadowPlan]:
    shadows = ShadowPlan.objects.filter(published_at__isnull=False).select_related("country")
    if country is not None:
        shadows = shadows.filter(country=country)
    return shadows.prefetch_related("organisations")


def shadow_get(slug: str) -> ShadowPlan:
    shadow = ShadowPlan.objects.select_related("country").filter(slug=slug).first()
    if shadow is None:
        raise Http404
    return shadow


def opportunity_list(plan: CoCreationPlan) -> list[Opportunity]:
    return list(plan.opportunities.all())


def plan_delivery(plan: CoCreationPlan, *, today: datetime.date) -> plan_calendar.Delivery | None:
    """Due date and lateness of the plan under its rule set (None when facts are missing)."""
    rule = plan.rule_set.parsed().delivery
    letter = (
        Onboarding.objects.filter(country_id=plan.country_id)
        .values_list("letter_received_on", flat=True)
        .first()
    )
    try:
        dues = plan_calendar.plan_due_dates(
            rule,
            cohort_year=plan.cohort_year or plan.starts_on.year,
            previous_plan_end=plan.previous_plan_end,
            letter_received=letter if plan.previous_plan_end is None else None,
        )
    except plan_calendar.DueDatesError:
        return None
    try:
        end = plan_calendar.plan_end_date(plan.starts_on, plan.period_years, rule)
    except plan_calendar.DueDatesError:
        end = None
    return plan_calendar.delivery(
        rule,
        dues,
        published_on=plan.published_on,
        plan_end=end,
        today=today,
        due_soon_days=plan.rule_set.parsed().at_risk_days,
    )
