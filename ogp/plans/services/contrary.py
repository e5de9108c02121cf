"""Contrary to process: the rules propose findings from recorded facts; Support Unit staff
confirm one (a notification letter in three languages is generated and published, and the
country's status moves through the membership state machine) or dismiss it with a reason."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update, snapshot
from ogp.core import hooks
from ogp.core.errors import ServiceError
from ogp.membership.domain.status import StatusFacts
from ogp.membership.services import membership_status_change
from ogp.plans.domain.contrary import PlanFacts, Trigger, consecutive_contrary, evaluate, load_rules

from ..models import ActionPlan, ContraryFinding, FindingState, IRMReport

TRIGGER_LABELS = {
    Trigger.LATE_PLAN: gettext_lazy("the action plan was delivered more than four months late"),
    Trigger.PARTICIPATION_BELOW_MINIMUM: gettext_lazy(
        "participation stayed below the minimum (IAP2 “involve” during development, “inform” "
        "during implementation)"
    ),
    Trigger.NO_REPOSITORY: gettext_lazy("there was no document repository"),
    Trigger.NO_PROGRESS: gettext_lazy("the IRM found no progress on any commitment"),
    Trigger.NO_PLAN_WITHIN_MONTHS: gettext_lazy(
        "no action plan was published within 12 months after the end of the previous one"
    ),
    Trigger.MINIMUM_REQUIREMENTS_NOT_MET: gettext_lazy(
        "the IRM found the minimum requirements of the Participation & Co-Creation Standards unmet"
    ),
}
CONTRARY, PROCEDURAL = "contrary_to_process", "procedural_review"
PROCESS_FACT_NAMES = ("iap2_development", "iap2_implementation", "has_repository")


def _same_member(plan: ActionPlan) -> dict[str, Any]:
    """Plans of the same OGP member: the country's national plans, or the same locality's."""
    if plan.locality_id is None:
        return {"country_id": plan.country_id, "locality__isnull": True}
    return {"locality_id": plan.locality_id}


def plan_facts(plan: ActionPlan) -> PlanFacts:
    """What the platform records about a plan, as facts for the rules (unknown stays None)."""
    previous = (
        ActionPlan.objects.filter(
            **_same_member(plan), submitted_year__lt=plan.submitted_year,
        )
        .order_by("-submitted_year")
        .first()
    )  # fmt: skip
    previous_end = None
    if previous is not None:
        ends = [d for d in previous.commitments.values_list("end_date", flat=True) if d]
        previous_end = max(ends) if ends else None
    assessed: dict[str, str] = {}
    process: dict[str, Any] = {}
    for report in IRMReport.objects.filter(plan=plan, version__gt=0).order_by("published_at"):
        assessed.update(report.minimum_requirements)
        # The newest published assessment of each process fact wins; blank is "not assessed".
        for name in ("iap2_development", "iap2_implementation"):
            if getattr(report, name):
                process[name] = getattr(report, name)
        if report.has_repository is not None:
            process["has_repository"] = report.has_repository
    # Facts other apps record (the co-creation's document repository) fill what the IRM left
    # unassessed; the IRM's assessment wins.
    for provider in hooks.plan_process_facts.implementations():
        for name, value in provider(plan).items():
            if name in PROCESS_FACT_NAMES and value is not None:
                process.setdefault(name, value)
    values = [v for v in assessed.values() if v != "not_assessed"]
    minimum_met = None
    if "not_met" in values:
        minimum_met = False
    elif values:
        minimum_met = True
    levels: list[str | None] = []
    for coding in plan.commitments.values_list("irm_coding", flat=True):
        value = (coding or {}).get("end_of_term.completion") or {}
        levels.append(value.get("level") if value.get("state") == "value" else None)
    return PlanFacts(
        label=plan.ogp_id,
        due=plan.due_date,
        published_on=plan.published_on,
        previous_plan_end=previous_end,
        minimum_requirements_met=minimum_met,
        iap2_development=process.get("iap2_development"),
        iap2_implementation=process.get("iap2_implementation"),
        has_repository=process.get("has_repository"),
        irm_completion=tuple(levels) if any(level is not None for level in levels) else None,
    )


@transaction.atomic
def contrary_findings_evaluate(
    *, acting_user: Any, plan: ActionPlan, today: date | None = None
) -> list[ContraryFinding]:
    """Propose a finding for every trigger the plan meets (once per plan and trigger)."""
    if acting_user is not None and not acting_user.has_perm("plans.decide_contrary_finding"):
        raise ServiceError(_("You are not allowed to do this."), code="forbidden")
    today = today or timezone.localdate()
    created = []
    for found in evaluate(load_rules(), plan_facts(plan), today):
        finding, new = ContraryFinding.objects.get_or_create(
            plan=plan, trigger=str(found.trigger),
            defaults={"rule_version": found.rule_version, "found_on": found.on,
                      "evidence": found.evidence},
        )  # fmt: skip
        if new:
            audit_record(
                actor=acting_user, action=AuditAction.CONTRARY_FINDING_PROPOSE, target=finding,
                after=snapshot(finding, ["trigger", "rule_version", "found_on", "evidence"]),
                note="" if acting_user else "rules evaluation",
            )  # fmt: skip
            created.append(finding)
    return created


def consecutive_cycles(plan: ActionPlan) -> int:
    """Cycles contrary to process in a row, up to and including ``plan`` (confirmed findings)."""
    plans = list(
        ActionPlan.objects.filter(
            **_same_member(plan), submitted_year__lte=plan.submitted_year,
        ).order_by("submitted_year", "id")
    )  # fmt: skip
    confirmed = set(
        ContraryFinding.objects.filter(plan__in=plans, state=FindingState.CONFIRMED).values_list(
            "plan_id", flat=True
        )
    )
    return consecutive_contrary([p.pk in confirmed for p in plans])


def _letter(finding: ContraryFinding, count: int, procedural: bool) -> dict[str, str]:
    letters = {}
    plan = finding.plan
    for language in ("en", "fr", "es"):
        with translation.override(language):
            paragraphs = [
                _("Notification: acting contrary to OGP's process"),
                _(
                    "The OGP Support Unit informs the government of %(country)s that, for the "
                    "action plan %(plan)s, it acted contrary to process under the %(version)s "
                    "rules: %(trigger)s."
                )
                % {
                    "country": plan.country.name,
                    "plan": plan.ogp_id,
                    "version": finding.rule_version,
                    "trigger": TRIGGER_LABELS[Trigger(finding.trigger)],
                },  # fmt: skip
                _("Date of the finding: %(date)s. Evidence recorded: %(evidence)s.")
                % {"date": finding.found_on.isoformat(), "evidence": finding.evidence},
                _("Consecutive cycles contrary to process: %(count)s.") % {"count": count},
            ]
            if procedural:
                paragraphs.append(
                    _(
                        "Two consecutive cycles contrary to process place the country under "
                        "Procedural Review."
                    )
                )
            letters[language] = "\n\n".join(str(p) for p in paragraphs)
    return letters


@transaction.atomic
def contrary_finding_confirm(
    *, acting_user: Any, finding: ContraryFinding, reason: str
) -> ContraryFinding:
    if not acting_user.has_perm("plans.decide_contrary_finding", finding):
        raise ServiceError(_("You are not allowed to do this."), code="forbidden")
    finding = (
        ContraryFinding.objects.select_for_update()
        .select_related("plan__country")
        .get(pk=finding.pk)
    )
    if finding.state != FindingState.PROPOSED:
        raise ServiceError(_("This finding has already been decided."))
    if not reason.strip():
        raise ServiceError(_("Give the reason for the decision."))
    rules = load_rules()
    decided: dict[str, Any] = {}

    def confirm(row: ContraryFinding) -> None:
        row.state = FindingState.CONFIRMED
        row.decided_by, row.decided_at = acting_user, timezone.now()
        row.decision_reason = reason.strip()
        # The count of consecutive cycles reads the confirmed findings, this one included.
        row.save(update_fields=["state", "decided_by", "decided_at", "decision_reason"])
        count = consecutive_cycles(row.plan)
        row.consecutive_cycles = count
        row.letter = _letter(row, count, count >= rules.procedural_review_after)
        decided.update(count=count, procedural=count >= rules.procedural_review_after)

    finding = audited_update(
        acting_user=acting_user, instance=finding, action=AuditAction.CONTRARY_FINDING_CONFIRM,
        fields=["state", "consecutive_cycles"], apply=confirm,
        also_save=["decided_by", "decided_at", "decision_reason", "letter"], note=reason,
    )  # fmt: skip
    count, procedural = decided["count"], decided["procedural"]
    country = finding.plan.country
    facts = StatusFacts(
        contrary_to_process_finding=True, consecutive_contrary_cycles=count, reason=reason
    )
    if country.membership_status != CONTRARY and country.membership_status != PROCEDURAL:
        membership_status_change(
            acting_user=acting_user, country=country, target=CONTRARY, facts=facts,
            reason=str(finding.letter["en"]).split("\n\n")[1],
        )  # fmt: skip
        country.refresh_from_db()
    if procedural and country.membership_status == CONTRARY:
        membership_status_change(
            acting_user=acting_user, country=country, target=PROCEDURAL, facts=facts,
            reason=_("Two consecutive cycles contrary to process (findings %(ids)s).")
            % {"ids": finding.pk},
        )  # fmt: skip
    return finding


@transaction.atomic
def contrary_finding_dismiss(
    *, acting_user: Any, finding: ContraryFinding, reason: str
) -> ContraryFinding:
    if not acting_user.has_perm("plans.decide_contrary_finding", finding):
        raise ServiceError(_("You are not allowed to do this."), code="forbidden")
    if finding.state != FindingState.PROPOSED:
        raise ServiceError(_("This finding has already been decided."))
    if not reason.strip():
        raise ServiceError(_("Give the reason for the decision."))
    return audited_update(
        acting_user=acting_user, instance=finding, action=AuditAction.CONTRARY_FINDING_DISMISS,
        fields=["state"],
        changes={"state": FindingState.DISMISSED, "decided_by": acting_user,
                 "decided_at": timezone.now(), "decision_reason": reason.strip()},
        also_save=["decided_by", "decided_at", "decision_reason"], note=reason,
    )  # fmt: skip
