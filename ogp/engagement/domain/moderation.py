"""Moderation of any content: hiding needs a reason (shown to the author), restoring needs
hidden content; content enters the staff queue with its first open report."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class TransitionError(Exception):
    def __init__(self, code: str, message: str = "") -> None:
        super().__init__(message or code)
        self.code = code


class ModerationState(enum.StrEnum):
    VISIBLE = "visible"
    HIDDEN = "hidden"


class ReportState(enum.StrEnum):
    OPEN = "open"
    DISMISSED = "dismissed"
    ACTIONED = "actioned"


class ModerationAction(enum.StrEnum):
    HIDE = "hide"
    RESTORE = "restore"


def moderation_transition(
    state: ModerationState, action: ModerationAction, *, reason: str = ""
) -> ModerationState:
    """Hiding needs a reason (shown to the author); restoring needs hidden content."""
    if action is ModerationAction.HIDE:
        if state is ModerationState.HIDDEN:
            raise TransitionError("already_hidden")
        if not reason.strip():
            raise TransitionError("reason_required")
        return ModerationState.HIDDEN
    if state is ModerationState.VISIBLE:
        raise TransitionError("not_hidden")
    return ModerationState.VISIBLE


@dataclass(frozen=True)
class ReportSummary:
    open_reports: int
    reporters: int


def should_queue(summary: ReportSummary) -> bool:
    """Content enters the staff queue as soon as it has one open report."""
    return summary.open_reports > 0
