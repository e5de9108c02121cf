"""Inquiry thread status: every allowed and every refused transition."""

import itertools

import pytest

from ogp.membership.domain.inquiry import (
    InquiryStatus,
    inquiry_transition_allowed,
    status_after_message,
)
from ogp.membership.domain.status import Actor

I = InquiryStatus  # noqa: E741
G, SU, SYS = Actor.GOVERNMENT, Actor.SUPPORT_UNIT, Actor.SYSTEM
ALLOWED = {
    (I.OPEN, I.ANSWERED, SU),
    (I.ANSWERED, I.OPEN, G),
    (I.OPEN, I.CLOSED, G),
    (I.OPEN, I.CLOSED, SU),
    (I.ANSWERED, I.CLOSED, G),
    (I.ANSWERED, I.CLOSED, SU),
    (I.CLOSED, I.OPEN, G),
    (I.CLOSED, I.OPEN, SU),
    (I.CLOSED, I.ANSWERED, SU),
}


@pytest.mark.parametrize(("source", "target", "actor"), list(itertools.product(I, I, Actor)))
def test_inquiry_grid(source, target, actor):
    assert inquiry_transition_allowed(source, target, actor) is ((source, target, actor) in ALLOWED)


@pytest.mark.parametrize(
    ("current", "author", "after"),
    [
        (I.OPEN, SU, I.ANSWERED),
        (I.ANSWERED, SU, I.ANSWERED),
        (I.CLOSED, SU, I.ANSWERED),
        (I.OPEN, G, I.OPEN),
        (I.ANSWERED, G, I.OPEN),
        (I.CLOSED, G, I.OPEN),
    ],
)
def test_status_after_message(current, author, after):
    result = status_after_message(current, author)
    assert result == after
    assert result == current or inquiry_transition_allowed(current, result, author)


def test_system_cannot_post():
    with pytest.raises(ValueError):
        status_after_message(I.OPEN, SYS)
