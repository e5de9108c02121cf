"""A readable, word-level diff between two versions of a draft, per commitment.

Commitments are matched across versions by their stable key (not their title or position), so
a renamed or moved commitment shows as changed, not as removed and added.
"""

from __future__ import annotations

import difflib
import enum
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass


class Op(enum.StrEnum):
    EQUAL = "equal"
    INSERT = "insert"
    DELETE = "delete"


@dataclass(frozen=True)
class Segment:
    op: Op
    text: str


@dataclass(frozen=True)
class FieldDiff:
    name: str
    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return any(s.op is not Op.EQUAL for s in self.segments)


class Change(enum.StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


@dataclass(frozen=True)
class CommitmentDiff:
    key: str
    title: str
    change: Change
    fields: tuple[FieldDiff, ...]  # only fields that changed


_TOKEN = re.compile(r"\s+|[^\s]+")


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Segments that turn ``old`` into ``new``, word by word (whitespace kept)."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    segments: list[Segment] = []

    def push(op: Op, tokens: Sequence[str]) -> None:
        text = "".join(tokens)
        if not text:
            return
        if segments and segments[-1].op is op:
            segments[-1] = Segment(op, segments[-1].text + text)
        else:
            segments.append(Segment(op, text))

    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            push(Op.EQUAL, a[i1:i2])
        else:
            push(Op.DELETE, a[i1:i2])
            push(Op.INSERT, b[j1:j2])
    return tuple(segments)


def commitment_diffs(
    old: Sequence[tuple[str, Mapping[str, str]]],
    new: Sequence[tuple[str, Mapping[str, str]]],
    *,
    field_order: Sequence[str],
    title_field: str = "title",
) -> tuple[CommitmentDiff, ...]:
    """Compare two versions given as ``(key, {field: text})`` in document order.

    The result follows the new version's order, then commitments that were removed.
    """
    old_by_key = dict(old)
    new_keys = {key for key, _ in new}
    result: list[CommitmentDiff] = []
    for key, fields in new:
        before = old_by_key.get(key)
        if before is None:
            diffs = tuple(
                FieldDiff(n, word_diff("", fields.get(n, ""))) for n in field_order if fields.get(n)
            )
            result.append(CommitmentDiff(key, fields.get(title_field, ""), Change.ADDED, diffs))
            continue
        diffs = tuple(
            d
            for d in (
                FieldDiff(n, word_diff(before.get(n, ""), fields.get(n, ""))) for n in field_order
            )
            if d.changed
        )
        change = Change.CHANGED if diffs else Change.UNCHANGED
        result.append(CommitmentDiff(key, fields.get(title_field, ""), change, diffs))
    for key, fields in old:
        if key not in new_keys:
            diffs = tuple(
                FieldDiff(n, word_diff(fields.get(n, ""), "")) for n in field_order if fields.get(n)
            )
            result.append(CommitmentDiff(key, fields.get(title_field, ""), Change.REMOVED, diffs))
    return tuple(result)
