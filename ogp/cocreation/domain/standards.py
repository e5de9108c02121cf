"""Participation & Co-Creation Standards: each minimum requirement evaluated from facts.

The requirements and their evaluators come from the rule set (rulesets.py). Each result is
``met``, ``at_risk`` (not met yet, but there is still time, or a deadline is close),
``not_met`` or ``not_assessed`` (items only staff or the IRM can assess, not recorded yet), with
a reason code and the evidence it rests on (keys the page turns into links).
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from ogp.participation.domain.cadence import CadenceStatus, forum_cadence

from .ledger import LedgerSummary
from .notice import NoticeStatus, notice_check
from .rulesets import Evaluator, RequirementRule, RuleSet


class StandardStatus(enum.StrEnum):
    MET = "met"
    AT_RISK = "at_risk"
    NOT_MET = "not_met"
    NOT_ASSESSED = "not_assessed"


@dataclass(frozen=True)
class OpportunityFact:
    key: str
    opens_on: date
    published_on: date | None
    open_to_anyone: bool


@dataclass(frozen=True)
class StandardsFacts:
    today: date
    forum_established_on: date | None = None  # None: no forum linked
    forum_meeting_dates: tuple[date, ...] = ()  # meetings not cancelled (held or scheduled)
    forum_rules_public: bool = False
    plan_public: bool = False
    public_document_dates: tuple[date, ...] = ()  # documents and published draft versions
    timeline_published_on: date | None = None
    co_creation_starts_on: date | None = None
    opportunities: tuple[OpportunityFact, ...] = ()
    ledger: LedgerSummary | None = None
    plan_submitted: bool = False
    # Staff or IRM assessments: requirement code -> status (met / not_met / at_risk).
    assessments: Mapping[str, StandardStatus] = field(default_factory=dict)


@dataclass(frozen=True)
class RequirementResult:
    code: str
    standard: int
    evaluator: Evaluator
    status: StandardStatus
    reason: str
    evidence: tuple[str, ...] = ()
    verified: bool = True
    counts_for_contrary: bool = False


def _before_start(facts: StandardsFacts) -> bool:
    """Co-creation has not started yet, so a missing item can still be put right."""
    return facts.co_creation_starts_on is None or facts.today < facts.co_creation_starts_on


def _missing(facts: StandardsFacts, reason: str) -> tuple[StandardStatus, str]:
    return (StandardStatus.AT_RISK if _before_start(facts) else StandardStatus.NOT_MET), reason


def _evaluate(
    rule: RequirementRule, facts: StandardsFacts, at_risk_days: int
) -> tuple[StandardStatus, str, tuple[str, ...]]:
    match rule.evaluator:
        case Evaluator.FORUM_CADENCE:
            if facts.forum_established_on is None:
                return StandardStatus.NOT_MET, "no_forum", ()
            cadence = forum_cadence(
                established_on=facts.forum_established_on,
                meeting_dates=facts.forum_meeting_dates,
                today=facts.today,
                due_soon_days=at_risk_days,
            )
            evidence = (
                (f"meeting:{cadence.last_meeting.isoformat()}",) if cadence.last_meeting else ()
            )
            status = {
                CadenceStatus.MET: StandardStatus.MET,
                CadenceStatus.DUE_SOON: StandardStatus.AT_RISK,
                CadenceStatus.AWAITING_FIRST: StandardStatus.AT_RISK,
                CadenceStatus.MISSED: StandardStatus.NOT_MET,
            }[cadence.status]
            return status, f"forum_{cadence.status.value}", evidence
        case Evaluator.FORUM_RULES_PUBLIC:
            if facts.forum_established_on is None:
                return StandardStatus.NOT_MET, "no_forum", ()
            if facts.forum_rules_public:
                return StandardStatus.MET, "forum_rules_published", ("forum",)
            return StandardStatus.NOT_MET, "forum_rules_missing", ("forum",)
        case Evaluator.PUBLIC_WEBSITE:
            if facts.plan_public:
                return StandardStatus.MET, "plan_pages_public", ("plan",)
            status, reason = _missing(facts, "plan_not_public")
            return status, reason, ()
        case Evaluator.DOCUMENT_REPOSITORY:
            if facts.plan_public and facts.public_document_dates:
                return StandardStatus.MET, "documents_published", ("documents",)
            status, reason = _missing(facts, "no_public_documents")
            return status, reason, ()
        case Evaluator.REPOSITORY_UPDATES:
            per_year = rule.param("per_year", 2)
            since = facts.today - timedelta(days=365)
            recent = [d for d in facts.public_document_dates if since < d <= facts.today]
            if len(recent) >= per_year:
                return StandardStatus.MET, "updated_often_enough", ("documents",)
            if recent:
                return StandardStatus.AT_RISK, "updated_too_rarely", ("documents",)
            status, reason = _missing(facts, "not_updated_this_year")
            return status, reason, ()
        case Evaluator.ADVANCE_NOTICE:
            days = rule.param("days", 14)
            if facts.co_creation_starts_on is None:
                return StandardStatus.AT_RISK, "no_timeline", ()
            checks = [
                (
                    "timeline",
                    notice_check(
                        published_on=facts.timeline_published_on,
                        opens_on=facts.co_creation_starts_on,
                        required_days=days,
                        today=facts.today,
                    ),
                ),
                *(
                    (
                        o.key,
                        notice_check(
                            published_on=o.published_on,
                            opens_on=o.opens_on,
                            required_days=days,
                            today=facts.today,
                        ),
                    )
                    for o in facts.opportunities
                ),
            ]
            failed = tuple(
                k for k, c in checks if c.status in {NoticeStatus.SHORT, NoticeStatus.MISSED}
            )
            if failed:
                return StandardStatus.NOT_MET, "notice_too_short", failed
            waiting = tuple(k for k, c in checks if c.status is NoticeStatus.STILL_TIME)
            if waiting:
                return StandardStatus.AT_RISK, "not_published_yet", waiting
            return StandardStatus.MET, "notice_given", tuple(k for k, _ in checks)
        case Evaluator.OPEN_INPUT:
            open_ones = tuple(o.key for o in facts.opportunities if o.open_to_anyone)
            if open_ones and facts.plan_public:
                return StandardStatus.MET, "open_channel", open_ones
            status, reason = _missing(facts, "no_open_channel")
            return status, reason, ()
        case Evaluator.REASONED_RESPONSE:
            ledger = facts.ledger
            if ledger is None or ledger.total == 0:
                # Nothing to answer yet is a risk, not a failure, until the plan is submitted.
                status = StandardStatus.NOT_MET if facts.plan_submitted else StandardStatus.AT_RISK
                return status, "no_inputs_yet", ()
            percent = rule.param("percent", 100)
            coverage = ledger.coverage_percent or 0
            if coverage >= percent:
                return StandardStatus.MET, "every_input_answered", ("ledger",)
            if facts.plan_submitted:
                return StandardStatus.NOT_MET, "inputs_unanswered", ("ledger",)
            return StandardStatus.AT_RISK, "inputs_unanswered", ("ledger",)
        case Evaluator.ASSESSED:
            assessed = facts.assessments.get(rule.code)
            if assessed is None:
                return StandardStatus.NOT_ASSESSED, "awaiting_assessment", ()
            return StandardStatus(assessed), "assessed", ("assessment",)
    raise ValueError(rule.evaluator)  # pragma: no cover - exhaustive match


def evaluate_standards(rule_set: RuleSet, facts: StandardsFacts) -> tuple[RequirementResult, ...]:
    """Every minimum requirement of ``rule_set``, in its order. An assessment recorded by staff
    or the IRM for an evidenced requirement overrides what the platform computed."""
    results = []
    for rule in rule_set.requirements:
        status, reason, evidence = _evaluate(rule, facts, rule_set.at_risk_days)
        if rule.evaluator is not Evaluator.ASSESSED and rule.code in facts.assessments:
            status, reason = StandardStatus(facts.assessments[rule.code]), "assessed"
            evidence = (*evidence, "assessment")
        results.append(
            RequirementResult(
                code=rule.code,
                standard=rule.standard,
                evaluator=rule.evaluator,
                status=status,
                reason=reason,
                evidence=evidence,
                verified=rule.verified,
                counts_for_contrary=rule.counts_for_contrary,
            )
        )
    return tuple(results)


def contrary_risks(results: tuple[RequirementResult, ...]) -> tuple[str, ...]:
    """Codes of unmet requirements that count for "acting contrary to process"."""
    return tuple(
        r.code for r in results if r.counts_for_contrary and r.status is StandardStatus.NOT_MET
    )
