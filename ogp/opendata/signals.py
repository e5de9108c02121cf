"""Publications rebuild their data package (after the publishing transaction commits)."""

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save

from ogp.eligibility.models import Cycle, CycleState
from ogp.membership.models import LetterOfIntent


def _rebuild(name: str) -> None:
    from .services import build_package

    transaction.on_commit(lambda: build_package.enqueue(name), robust=True)


def _cycle_saved(sender: Any, instance: Cycle, raw: bool = False, **kwargs: Any) -> None:
    if not raw and instance.state == CycleState.PUBLISHED:
        _rebuild("eligibility")
        _rebuild("countries")  # publication moves countries' statuses


def _letter_saved(sender: Any, instance: LetterOfIntent, raw: bool = False, **kw: Any) -> None:
    if not raw and instance.state == LetterOfIntent.State.ACCEPTED:
        _rebuild("members")


post_save.connect(_cycle_saved, sender=Cycle, dispatch_uid="opendata-cycle")
post_save.connect(_letter_saved, sender=LetterOfIntent, dispatch_uid="opendata-letter")
