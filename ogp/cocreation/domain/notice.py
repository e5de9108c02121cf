"""Advance notice: was a timeline or an opportunity published early enough before it opened?

Standard 3.1 (2022, wording unverified): the timeline and the opportunities to take part are
published at least ``required_days`` (two weeks) before co-creation starts. Publishing exactly
``required_days`` days before still meets the rule.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date, timedelta


class NoticeStatus(enum.StrEnum):
    MET = "met"
    SHORT = "short"  # published, but with less notice than required
    STILL_TIME = "still_time"  # not published yet; publishing today would still meet it
    MISSED = "missed"  # not published and too late to give the required notice
    NO_RULE = "no_rule"  # the rule version sets no notice period


@dataclass(frozen=True)
class NoticeResult:
    status: NoticeStatus
    required_days: int | None
    days_given: int | None  # None while unpublished
    publish_by: date | None  # last day to publish with enough notice

    @property
    def ok(self) -> bool:
        return self.status in {NoticeStatus.MET, NoticeStatus.NO_RULE}


def notice_check(
    *, published_on: date | None, opens_on: date, required_days: int | None, today: date
) -> NoticeResult:
    if required_days is None:
        days = (opens_on - published_on).days if published_on else None
        return NoticeResult(NoticeStatus.NO_RULE, None, days, None)
    if required_days < 0:
        raise ValueError("required_days must not be negative")
    publish_by = opens_on - timedelta(days=required_days)
    if published_on is None:
        status = NoticeStatus.STILL_TIME if today <= publish_by else NoticeStatus.MISSED
        return NoticeResult(status, required_days, None, publish_by)
    days_given = (opens_on - published_on).days
    status = NoticeStatus.MET if days_given >= required_days else NoticeStatus.SHORT
    return NoticeResult(status, required_days, days_given, publish_by)
