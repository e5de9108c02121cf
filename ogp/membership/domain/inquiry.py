"""Questions to the Support Unit: the status of a per-country inquiry thread."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from .status import Actor


class InquiryStatus(enum.StrEnum):
    OPEN = "open"
    ANSWERED = "answered"
    CLOSED = "closed"


@dataclass(frozen=True)
class InquiryTransition:
    source: InquiryStatus
    target: InquiryStatus
    actors: frozenset[Actor]


_BOTH = frozenset({Actor.GOVERNMENT, Actor.SUPPORT_UNIT})

INQUIRY_TRANSITIONS: tuple[InquiryTransition, ...] = (
    # The Support Unit answers.
    InquiryTransition(InquiryStatus.OPEN, InquiryStatus.ANSWERED, frozenset({Actor.SUPPORT_UNIT})),
    # The government follows up on an answer.
    InquiryTransition(InquiryStatus.ANSWERED, InquiryStatus.OPEN, frozenset({Actor.GOVERNMENT})),
    # Either side closes the thread, and either side reopens it.
    InquiryTransition(InquiryStatus.OPEN, InquiryStatus.CLOSED, _BOTH),
    InquiryTransition(InquiryStatus.ANSWERED, InquiryStatus.CLOSED, _BOTH),
    InquiryTransition(InquiryStatus.CLOSED, InquiryStatus.OPEN, _BOTH),
    # A Support Unit message on a closed thread reopens it as answered.
    InquiryTransition(
        InquiryStatus.CLOSED, InquiryStatus.ANSWERED, frozenset({Actor.SUPPORT_UNIT})
    ),
)
_EDGES = {(t.source, t.target): t for t in INQUIRY_TRANSITIONS}


def inquiry_transition_allowed(
    source: InquiryStatus | str, target: InquiryStatus | str, actor: Actor | str
) -> bool:
    transition = _EDGES.get((InquiryStatus(source), InquiryStatus(target)))
    return transition is not None and Actor(actor) in transition.actors


def status_after_message(current: InquiryStatus | str, author: Actor | str) -> InquiryStatus:
    """Status of the thread after ``author`` posts a message.

    A Support Unit message answers the thread (a closed one too); a government
    message (re)opens it. The result is always an allowed transition or no change.
    """
    InquiryStatus(current)  # validates the current status
    who = Actor(author)
    if who is Actor.SUPPORT_UNIT:
        return InquiryStatus.ANSWERED
    if who is Actor.GOVERNMENT:
        return InquiryStatus.OPEN
    raise ValueError(f"{who} cannot post to an inquiry")
