"""Searchable plans, commitments, co-creation plans, proposals, IRM reports and
self-assessments: public parts only (a proposal once confirmed and not hidden, a co-creation from
its opening on, an IRM report once published, a self-assessment once opened for comment), text
as written, indexed under each language's stemming."""

from typing import Any

from django.db.models import Prefetch
from django.db.models.signals import post_save

from .registry import (
    REGISTRY,
    Doc,
    Registration,
    _country_fields,
    _in_languages,
    register,
    reindex_object,
)


def _plan_docs(plan: Any) -> list[Doc]:
    def build(language: str) -> Doc:
        fields = _country_fields(plan, language)
        return Doc(
            language=language,
            title=f"{plan.place_name} {plan.period}",
            body=" ".join([plan.ogp_id, plan.country.name_en, plan.country.name_fr,
                           plan.country.name_es]),
            url=plan.get_absolute_url(),
            year=plan.submitted_year,
            **fields,
        )  # fmt: skip

    return _in_languages(build)


def _commitment_docs(commitment: Any) -> list[Doc]:
    plan = commitment.plan
    areas = tuple(sorted(a.code for a in commitment.policy_areas.all()))
    text = "\n".join(
        t
        for t in (
            commitment.identifier, commitment.title, commitment.theme, commitment.full_text,
            commitment.problem, commitment.objective,
        )
        if t
    )  # fmt: skip

    def build(language: str) -> Doc:
        return Doc(
            language=language,
            title=f"{commitment.identifier} {commitment.display_title}"[:300],
            body=text,
            url=commitment.get_absolute_url(),
            policy_areas=areas,
            year=plan.submitted_year,
            **_country_fields(plan, language),
        )

    return _in_languages(build)


def _cocreation_docs(plan: Any) -> list[Doc]:
    if not plan.is_public:
        return []

    def build(language: str) -> Doc:
        return Doc(
            language=language,
            title=plan.title,
            body=plan.summary,
            url=plan.get_absolute_url(),
            year=plan.starts_on.year,
            **_country_fields(plan, language),
        )

    return _in_languages(build)


def _proposal_docs(proposal: Any) -> list[Doc]:
    plan = proposal.plan
    if proposal.is_hidden or not proposal.is_confirmed or not plan.is_public:
        return []

    def build(language: str) -> Doc:
        return Doc(
            language=language,
            title=proposal.title,
            body="\n".join([proposal.problem, proposal.solution]),
            url=proposal.get_absolute_url(),
            policy_areas=(proposal.policy_area,) if proposal.policy_area else (),
            year=proposal.created_at.year,
            **_country_fields(plan, language),
        )

    return _in_languages(build)


def _irm_report_docs(report: Any) -> list[Doc]:
    versions = list(report.versions.all())
    if report.state != "published" or not versions:
        return []
    content = max(versions, key=lambda v: v.number).content  # what was published

    def build(language: str) -> Doc:
        return Doc(
            language=language,
            title=f"{report.get_kind_display()} — {report.plan}",
            body="\n".join([str(content.get("summary", "")), str(content.get("analysis", ""))]),
            url=report.get_absolute_url(),
            year=report.published_at.year if report.published_at else None,
            **_country_fields(report.plan, language),
        )

    return _in_languages(build)


def _self_assessment_docs(report: Any) -> list[Doc]:
    """A self-assessment once public, with the text it made public: the draft opened for
    comment, then the final version."""
    versions = list(report.versions.all())
    if report.state == "draft" or not versions:
        return []
    content = max(versions, key=lambda v: v.number).content
    text = "\n".join(
        [*(s.get("body", "") for s in content.get("sections", [])),
         *(f"{e.get('identifier', '')} {e.get('title', '')}\n{e.get('narrative', '')}"
           for e in content.get("commitments", []))]
    )  # fmt: skip

    def build(language: str) -> Doc:
        return Doc(
            language=language,
            title=f"{report.get_kind_display()} — {report.plan}"[:300],
            body=text,
            url=report.get_absolute_url(),
            year=(report.published_at or report.created_at).year,
            **_country_fields(report.plan, language),
        )

    return _in_languages(build)


def _version_saved(sender: Any, instance: Any, raw: bool = False, **kwargs: Any) -> None:
    """A report's text is its published version's: the version is saved after the report."""
    if not raw:
        reindex_object(REGISTRY["irm_report"], instance.report_id)


def _self_assessment_version_saved(
    sender: Any, instance: Any, raw: bool = False, **kwargs: Any
) -> None:
    if not raw:
        reindex_object(REGISTRY["self_assessment"], instance.report_id)


def register_plan_types() -> None:
    from ogp.cocreation.models import CoCreationPlan, Proposal
    from ogp.monitoring.models import SelfAssessment, SelfAssessmentVersion
    from ogp.plans.models import ActionPlan, Commitment, IRMReport, IRMReportVersion

    register(
        Registration(
            ActionPlan,
            "plan",
            _plan_docs,
            lambda: ActionPlan.objects.select_related("country", "locality"),
        )
    )
    register(
        Registration(
            Commitment,
            "commitment",
            _commitment_docs,
            lambda: Commitment.objects.select_related(
                "plan__country", "plan__locality"
            ).prefetch_related("policy_areas"),
            related=(Commitment.policy_areas.through,),
        )
    )
    register(
        Registration(
            CoCreationPlan,
            "cocreation",
            _cocreation_docs,
            lambda: CoCreationPlan.objects.select_related("country"),
        )
    )
    register(
        Registration(
            Proposal,
            "proposal",
            _proposal_docs,
            lambda: Proposal.objects.select_related("plan__country"),
        )
    )
    post_save.connect(
        _version_saved, sender=IRMReportVersion, dispatch_uid="search-irm-version", weak=False
    )
    register(
        Registration(
            IRMReport,
            "irm_report",
            _irm_report_docs,
            lambda: IRMReport.objects.select_related(
                "plan__country", "plan__locality"
            ).prefetch_related(Prefetch("versions", queryset=IRMReportVersion.objects.all())),
        )
    )
    post_save.connect(
        _self_assessment_version_saved,
        sender=SelfAssessmentVersion,
        dispatch_uid="search-self-assessment-version",
        weak=False,
    )
    register(
        Registration(
            SelfAssessment,
            "self_assessment",
            _self_assessment_docs,
            lambda: SelfAssessment.objects.select_related(
                "plan__country", "plan__locality"
            ).prefetch_related("versions"),
        )
    )
