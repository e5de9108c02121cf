"""IRM reports: staff assign researchers; assigned researchers code commitments, assess the
minimum requirements, write the prose and publish; publishing numbers a version and makes the
coding public data on each commitment (derived flags recomputed under the plan's scale)."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ogp.audit.actions import AuditAction
from ogp.audit.services import audit_record, audited_update
from ogp.core import hooks
from ogp.core.errors import ServiceError
from ogp.core.summaries import IRMReportPublished
from ogp.plans.domain import scales as scale_rules
from ogp.plans.domain.scales import SCALES_FILE, CodedValue, CodeState, ScaleVersion

from ..models import (
    ActionPlan,
    CodingScaleVersion,
    Commitment,
    IAP2Level,
    IRMCommitmentCoding,
    IRMReport,
    IRMReportKind,
    IRMReportState,
    IRMReportVersion,
)
from ..selectors import data_version_bump
from .scales import scale_versions, scales_sync

MINIMUM_REQUIREMENTS_FILE = SCALES_FILE.parent / "minimum_requirements.json"
ASSESSMENTS = ("met", "not_met", "not_assessed")
# Which indicators each product codes, as "<phase>.<indicator>"
REPORT_INDICATORS: dict[str, list[str]] = {
    IRMReportKind.CO_CREATION_BRIEF: [],
    IRMReportKind.ACTION_PLAN_REVIEW: [
        "design.verifiable",
        "design.relevance",
        "design.potential_for_results",
    ],
    IRMReportKind.RESULTS_REPORT: [
        "end_of_term.completion",
        "end_of_term.early_results",
        "end_of_term.did_it_open_government",
    ],
}
NOT_REVIEWED = "nr"


def minimum_requirement_list() -> list[dict[str, Any]]:
    data = json.loads(MINIMUM_REQUIREMENTS_FILE.read_text(encoding="utf-8"))
    return list(data["requirements"])


def _require(user: Any, perm: str, obj: Any) -> None:
    if not user.has_perm(perm, obj):
        raise ServiceError(_("You are not allowed to do this."), code="forbidden")


def report_scale(plan: ActionPlan) -> ScaleVersion:
    versions = scale_versions()
    version = scale_rules.version_for_year(versions, plan.submitted_year)
    return version or versions[-1]


def indicator_for(plan: ActionPlan, key: str) -> Any:
    """The indicator of ``key`` in the plan's scale, else in the newest version that has it."""
    code = key.split(".", 1)[1]
    indicator = report_scale(plan).indicator(code)
    if indicator is None:
        for version in reversed(scale_versions()):
            if (indicator := version.indicator(code)) is not None:
                break
    return indicator


@transaction.atomic
def irm_report_create(
    *, acting_user: Any, plan: ActionPlan, kind: str, researchers: list[Any]
) -> IRMReport:
    _require(acting_user, "plans.add_irm_report", plan)
    if kind not in IRMReportKind.values:
        raise ServiceError(_("Choose a report."))
    if IRMReport.objects.filter(plan=plan, kind=kind).exists():
        raise ServiceError(_("This plan already has this report."))
    if not researchers or any(getattr(r, "role", "") != "researcher" for r in researchers):
        raise ServiceError(_("Assign at least one researcher (users with the researcher role)."))
    report = IRMReport.objects.create(plan=plan, kind=kind)
    report.researchers.set(researchers)
    audit_record(
        actor=acting_user, action=AuditAction.IRM_REPORT_CREATE, target=report,
        after={"kind": kind, "researchers": [r.pk for r in researchers]},
    )  # fmt: skip
    return report


@transaction.atomic
def irm_report_update(
    *,
    acting_user: Any,
    report: IRMReport,
    summary: str,
    analysis: str,
    minimum_requirements: dict[str, str],
    comment_opens: date | None = None,
    comment_closes: date | None = None,
    process_facts: dict[str, Any] | None = None,
) -> IRMReport:
    """``process_facts`` (IAP2 levels, repository), when given, replaces the recorded ones."""
    _require(acting_user, "plans.edit_irm_report", report)
    codes = {r["code"] for r in minimum_requirement_list()}
    for code, value in minimum_requirements.items():
        if code not in codes or value not in ASSESSMENTS:
            raise ServiceError(_("Unknown minimum requirement or assessment."))
    if comment_opens and comment_closes and comment_closes < comment_opens:
        raise ServiceError(_("The comment period ends before it opens."))
    fields = ["summary", "analysis", "minimum_requirements", "comment_opens", "comment_closes"]
    if process_facts is not None:
        fields += list(PROCESS_FACTS)

    def facts_set(row: IRMReport) -> None:
        if process_facts is not None:
            _process_facts_set(row, process_facts)

    # Only `fields` are saved: never the version or state of a stale instance.
    return audited_update(
        acting_user=acting_user, instance=report, action=AuditAction.IRM_REPORT_UPDATE,
        fields=fields, apply=facts_set,
        changes={"summary": summary, "analysis": analysis,
                 "minimum_requirements": minimum_requirements,
                 "comment_opens": comment_opens, "comment_closes": comment_closes},
    )  # fmt: skip


PROCESS_FACTS = ("iap2_development", "iap2_implementation", "has_repository")


def _process_facts_set(report: IRMReport, facts: dict[str, Any]) -> list[str]:
    if set(facts) - set(PROCESS_FACTS):
        raise ServiceError(_("Unknown process fact."))
    for name in ("iap2_development", "iap2_implementation"):
        level = facts.get(name, "") or ""
        if level and level not in IAP2Level.values:
            raise ServiceError(_("Unknown level of public influence."))
        setattr(report, name, level)
    repository = facts.get("has_repository")
    if repository not in (None, True, False):
        raise ServiceError(_("Unknown process fact."))
    report.has_repository = repository
    return list(PROCESS_FACTS)


@transaction.atomic
def irm_coding_save(
    *, acting_user: Any, report: IRMReport, commitment: Commitment, values: dict[str, str],
    notes: str = "",
) -> IRMCommitmentCoding:  # fmt: skip
    _require(acting_user, "plans.edit_irm_report", report)
    if commitment.plan_id != report.plan_id:
        raise ServiceError(_("This commitment is not in the report's plan."))
    allowed = REPORT_INDICATORS[report.kind]
    clean: dict[str, str] = {}
    for key, level in values.items():
        if key not in allowed:
            raise ServiceError(_("This report does not code %(indicator)s.") % {"indicator": key})
        if not level:
            continue
        indicator = indicator_for(report.plan, key)
        if level != NOT_REVIEWED and (indicator is None or indicator.level(level) is None):
            raise ServiceError(_("%(level)s is not a level of this indicator.") % {"level": level})
        clean[key] = level
    coding, _created = IRMCommitmentCoding.objects.get_or_create(
        report=report, commitment=commitment
    )
    return audited_update(
        acting_user=acting_user, instance=coding, action=AuditAction.IRM_CODING_SAVE,
        fields=["values", "notes"], changes={"values": clean, "notes": notes},
    )  # fmt: skip


def commitment_derive(commitment: Commitment, version: ScaleVersion) -> None:
    """Recompute the derived IRM flags of ``commitment`` from its stored coding."""
    coding = {
        key: CodedValue(CodeState(v["state"]), v.get("level"))
        for key, v in commitment.irm_coding.items()
    }
    completion = scale_rules.completion(coding)
    commitment.completion = completion.level or "" if completion else ""
    commitment.starred = scale_rules.is_starred(version, coding)
    commitment.high_completion = scale_rules.is_high_completion(version, coding)
    commitment.strong_early_results = scale_rules.is_strong_early_results(version, coding)
    for field, key in (
        ("value_access_to_information", "design.value_access_to_information"),
        ("value_civic_participation", "design.value_civic_participation"),
        ("value_public_accountability", "design.value_public_accountability"),
        ("value_technology", "design.value_technology"),
    ):
        value = coding.get(key)
        if value is not None:
            setattr(commitment, field, value.level == "yes" if value.level else None)


@transaction.atomic
def irm_report_publish(*, acting_user: Any, report: IRMReport) -> IRMReportVersion:
    _require(acting_user, "plans.edit_irm_report", report)
    refusals = [m for check in hooks.irm_report_publish_refusals.implementations()
                for m in check(report)]  # fmt: skip
    if refusals:
        raise ServiceError(refusals)
    scales_sync(acting_user=None)
    report = IRMReport.objects.select_for_update().get(pk=report.pk)
    version = report_scale(report.plan)
    scale_id = CodingScaleVersion.objects.filter(code=version.code).values_list("id", flat=True)
    codings = list(report.codings.select_related("commitment"))
    report.version += 1
    report.state = IRMReportState.PUBLISHED
    report.published_at = timezone.now()
    report.save()
    source = f"irm-report:{report.pk}:v{report.version}"
    derived = ["completion", "starred", "high_completion", "strong_early_results"]
    for coding in codings:

        def publish_coding(commitment: Commitment, values: dict[str, str] = coding.values) -> None:
            stored = dict(commitment.irm_coding)
            for key, level in values.items():
                indicator = indicator_for(report.plan, key)
                label = (
                    indicator.level(level).labels.get("en", level) if level != NOT_REVIEWED else ""
                )
                stored[key] = {
                    "state": CodeState.NOT_REVIEWED.value if level == NOT_REVIEWED else "value",
                    "level": None if level == NOT_REVIEWED else level,
                    "text": label, "code": "", "source": source,
                }  # fmt: skip
            commitment.irm_coding = stored
            commitment.coding_scale_id = scale_id.first() or commitment.coding_scale_id
            commitment_derive(commitment, version)

        # commitment_derive also sets the value_* flags: the whole row is saved.
        coding.commitment = audited_update(
            acting_user=acting_user, instance=coding.commitment,
            action=AuditAction.COMMITMENT_IRM_CODING_PUBLISH, fields=["irm_coding", *derived],
            apply=publish_coding, save_all=True, note=source,
        )  # fmt: skip
    content = {
        "kind": report.kind, "summary": report.summary, "analysis": report.analysis,
        "minimum_requirements": report.minimum_requirements, "scale": version.code,
        "process_facts": {name: getattr(report, name) for name in PROCESS_FACTS},
        "coding": {c.commitment.identifier: c.values for c in codings},
    }  # fmt: skip
    published = IRMReportVersion.objects.create(
        report=report, number=report.version, published_by=acting_user, content=content
    )
    audit_record(
        actor=acting_user, action=AuditAction.IRM_REPORT_PUBLISH, target=report,
        after={"version": report.version},
    )  # fmt: skip
    data_version_bump()
    hooks.irm_report_published.send(
        acting_user=acting_user,
        event=IRMReportPublished(
            report_id=report.pk, plan_ogp_id=report.plan.ogp_id, kind=report.kind,
            version=report.version,
        ),
    )  # fmt: skip
    return published
