"""Publications rebuild their data package (after the publishing transaction commits): cycles,
letters and self-assessments by their saved state, plans and IRM reports through the hooks
their apps send."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from ogp.core.summaries import IRMReportPublished, PlanPublished
from ogp.eligibility.models import Cycle, CycleState
from ogp.membership.models import LetterOfIntent
from ogp.monitoring.models import SelfAssessment, SelfAssessmentState


class _Enqueue:
    """The commit callback that queues one package rebuild (recognisable, so that one
    transaction queues each package once however many publications it saves)."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self) -> None:
        from .services import build_package

        build_package.enqueue(self.name)


def _rebuild(name: str) -> None:
    connection = transaction.get_connection()
    # the same atomic block (same savepoints) queued it already: once is enough
    if connection.in_atomic_block and any(
        isinstance(item[1], _Enqueue)
        and item[1].name == name
        and list(item[0]) == list(connection.savepoint_ids)
        for item in connection.run_on_commit
    ):
        return
    transaction.on_commit(_Enqueue(name), robust=True)


def _cycle_saved(sender: Any, instance: Cycle, raw: bool = False, **kwargs: Any) -> None:
    if not raw and instance.state == CycleState.PUBLISHED:
        _rebuild("eligibility")
        _rebuild("countries")  # publication moves countries' statuses


def _letter_saved(sender: Any, instance: LetterOfIntent, raw: bool = False, **kw: Any) -> None:
    if not raw and instance.state == LetterOfIntent.State.ACCEPTED:
        _rebuild("members")


def _self_assessment_saved(
    sender: Any, instance: SelfAssessment, raw: bool = False, **kw: Any
) -> None:
    if not raw and instance.state == SelfAssessmentState.PUBLISHED:
        _rebuild("plans")  # a published self-assessment, its comments and answers are final


post_save.connect(_cycle_saved, sender=Cycle, dispatch_uid="opendata-cycle")
post_save.connect(_letter_saved, sender=LetterOfIntent, dispatch_uid="opendata-letter")
post_save.connect(
    _self_assessment_saved, sender=SelfAssessment, dispatch_uid="opendata-self-assessment"
)


def plan_published(*, acting_user: Any, event: PlanPublished) -> None:
    """The `plan_published` hook: the plans package gains the plan and its commitments."""
    _rebuild("plans")


def irm_report_published(*, acting_user: Any, event: IRMReportPublished) -> None:
    """The `irm_report_published` hook: the report and its coding (and the commitments' derived
    flags) are public data now."""
    _rebuild("plans")
