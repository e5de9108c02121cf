"""Government / non-government balance of a multi-stakeholder forum.

Standard 1.1 asks for a space with members from government *and* from civil society. Each
forum member sits on one side; by default the side follows the kind of organisation the member
represents (public institutions are on the government side), and coordinators may override it
per membership.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Side(enum.StrEnum):
    GOVERNMENT = "government"
    NON_GOVERNMENT = "non_government"


#: Organisation kinds that sit on the government side by default.
GOVERNMENT_KINDS = frozenset(
    {
        "ministry",
        "parliament",
        "information_commissioner",
        "ombudsman",
        "archives",
    }
)


def default_side(kind: str | None) -> Side:
    """Side for an organisation kind (people without an organisation are non-government)."""
    return Side.GOVERNMENT if kind in GOVERNMENT_KINDS else Side.NON_GOVERNMENT


class BalanceVerdict(enum.StrEnum):
    EMPTY = "empty"
    GOVERNMENT_ONLY = "government_only"
    NON_GOVERNMENT_ONLY = "non_government_only"
    GOVERNMENT_MAJORITY = "government_majority"
    PARITY = "parity"
    NON_GOVERNMENT_MAJORITY = "non_government_majority"


@dataclass(frozen=True)
class Balance:
    government: int
    non_government: int
    verdict: BalanceVerdict

    @property
    def total(self) -> int:
        return self.government + self.non_government

    @property
    def has_both_sides(self) -> bool:
        return self.government > 0 and self.non_government > 0

    @property
    def government_percent(self) -> int:
        """Share of government members, rounded half up to a whole percent (0 when empty)."""
        if not self.total:
            return 0
        return (200 * self.government + self.total) // (2 * self.total)

    @property
    def non_government_percent(self) -> int:
        return 100 - self.government_percent if self.total else 0


def forum_balance(sides: Iterable[Side]) -> Balance:
    government = non_government = 0
    for side in sides:
        if side is Side.GOVERNMENT:
            government += 1
        else:
            non_government += 1
    if government == 0 and non_government == 0:
        verdict = BalanceVerdict.EMPTY
    elif non_government == 0:
        verdict = BalanceVerdict.GOVERNMENT_ONLY
    elif government == 0:
        verdict = BalanceVerdict.NON_GOVERNMENT_ONLY
    elif government > non_government:
        verdict = BalanceVerdict.GOVERNMENT_MAJORITY
    elif government == non_government:
        verdict = BalanceVerdict.PARITY
    else:
        verdict = BalanceVerdict.NON_GOVERNMENT_MAJORITY
    return Balance(government=government, non_government=non_government, verdict=verdict)
