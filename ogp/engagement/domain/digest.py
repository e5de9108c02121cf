"""Digest e-mails: one message per follower and window instead of one per change.

- A follower chooses ``daily`` or ``weekly``. The digest job for a frequency runs at ``until``;
  each follower's window starts where their previous digest of that frequency ended
  (``last_sent``), or one period before ``until`` for a first digest. A job that did not run for
  a while therefore loses nothing, and running it twice sends nothing new.
- A change is included when it touches something the user follows, happened inside the window
  (``start < occurred_at <= until``), happened after the user started following that target,
  and was not made by the user themself.
- A change that touches several followed targets (a forum and its country) appears once, under
  the first of those targets the user follows (targets in the order the change lists them).
- Sections are ordered by their most recent change, newest first; changes inside a section are
  newest first too.
"""

from __future__ import annotations

import enum
from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta


class Frequency(enum.StrEnum):
    DAILY = "daily"
    WEEKLY = "weekly"

    @property
    def period(self) -> timedelta:
        return timedelta(days=1) if self is Frequency.DAILY else timedelta(days=7)


@dataclass(frozen=True)
class Target:
    kind: str  # what is followed, as "app_label.model" (e.g. "participation.forum")
    key: Hashable


@dataclass(frozen=True)
class Change:
    key: Hashable
    targets: tuple[Target, ...]
    occurred_at: datetime
    actor: Hashable | None = None


@dataclass(frozen=True)
class Follow:
    user: Hashable
    target: Target
    since: datetime


@dataclass(frozen=True)
class DigestSection:
    target: Target
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class Digest:
    user: Hashable
    start: datetime
    until: datetime
    sections: tuple[DigestSection, ...]

    @property
    def change_count(self) -> int:
        return sum(len(section.changes) for section in self.sections)


def window_start(*, frequency: Frequency, until: datetime, last_sent: datetime | None) -> datetime:
    if last_sent is not None and last_sent < until:
        return last_sent
    if last_sent is not None:
        return until
    return until - frequency.period


def build_digests(
    *,
    frequency: Frequency,
    until: datetime,
    follows: Iterable[Follow],
    changes: Iterable[Change],
    last_sent: dict[Hashable, datetime] | None = None,
) -> tuple[Digest, ...]:
    """Digests for every follower (of this frequency) with at least one change, by user key."""
    last_sent = last_sent or {}
    by_user: dict[Hashable, dict[Target, datetime]] = {}
    for follow in follows:
        targets = by_user.setdefault(follow.user, {})
        previous = targets.get(follow.target)
        targets[follow.target] = follow.since if previous is None else min(previous, follow.since)
    changes = tuple(changes)
    digests: list[Digest] = []
    for user in sorted(by_user, key=str):
        followed = by_user[user]
        start = window_start(frequency=frequency, until=until, last_sent=last_sent.get(user))
        grouped: dict[Target, list[Change]] = {}
        for change in changes:
            if not (start < change.occurred_at <= until):
                continue
            if change.actor is not None and change.actor == user:
                continue
            for target in change.targets:
                since = followed.get(target)
                if since is not None and change.occurred_at >= since:
                    grouped.setdefault(target, []).append(change)
                    break
        if not grouped:
            continue
        sections = [
            DigestSection(
                target=target,
                changes=tuple(
                    sorted(items, key=lambda c: (c.occurred_at, str(c.key)), reverse=True)
                ),
            )
            for target, items in grouped.items()
        ]
        sections.sort(
            key=lambda s: (s.changes[0].occurred_at, s.target.kind, str(s.target.key)),
            reverse=True,
        )
        digests.append(Digest(user=user, start=start, until=until, sections=tuple(sections)))
    return tuple(digests)
