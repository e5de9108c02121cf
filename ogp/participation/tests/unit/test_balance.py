import pytest

from ogp.participation.domain.balance import (
    BalanceVerdict,
    Side,
    default_side,
    forum_balance,
)

G, N = Side.GOVERNMENT, Side.NON_GOVERNMENT


@pytest.mark.parametrize(
    ("kind", "side"),
    [
        ("ministry", G),
        ("parliament", G),
        ("information_commissioner", G),
        ("ombudsman", G),
        ("archives", G),
        ("civil_society", N),
        ("academia", N),
        ("media", N),
        ("private_sector", N),
        ("international_partner", N),
        (None, N),
        ("", N),
    ],
)
def test_default_side(kind, side):
    assert default_side(kind) is side


@pytest.mark.parametrize(
    ("sides", "verdict", "gov_pct"),
    [
        ([], BalanceVerdict.EMPTY, 0),
        ([G], BalanceVerdict.GOVERNMENT_ONLY, 100),
        ([N], BalanceVerdict.NON_GOVERNMENT_ONLY, 0),
        ([G, G, N], BalanceVerdict.GOVERNMENT_MAJORITY, 67),
        ([G, N], BalanceVerdict.PARITY, 50),
        ([G, N, N], BalanceVerdict.NON_GOVERNMENT_MAJORITY, 33),
        ([G, G, N, N, N, N, N, N], BalanceVerdict.NON_GOVERNMENT_MAJORITY, 25),
        ([G, N, N, N, N, N, N, N], BalanceVerdict.NON_GOVERNMENT_MAJORITY, 13),  # 12.5 rounds up
    ],
)
def test_balance(sides, verdict, gov_pct):
    balance = forum_balance(sides)
    assert balance.verdict is verdict
    assert balance.total == len(sides)
    assert balance.government_percent == gov_pct
    assert balance.non_government_percent == (100 - gov_pct if sides else 0)
    assert balance.has_both_sides is (G in sides and N in sides)
