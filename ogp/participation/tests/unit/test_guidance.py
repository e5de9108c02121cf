import pytest

from ogp.participation.domain.guidance import (
    KNOWN_STATUSES,
    CriterionInput,
    EligibilityInput,
    Phase,
    country_guidance,
    points_needed_to_pass,
    shortfalls,
)

B, D, C, IMPL, M = (
    Phase.BECOMING_ELIGIBLE,
    Phase.DECIDING_TO_JOIN,
    Phase.CO_CREATION,
    Phase.IMPLEMENTATION,
    Phase.INDEPENDENT_MONITORING,
)


def summary(status="not_eligible", points=(2, 4, 2, 1), maximum=None):
    criteria = tuple(
        CriterionInput(code=code, label=code, points=p, max_points=4, source=f"src-{code}")
        for code, p in zip(("ft", "ati", "ad", "ce"), points, strict=True)
    )
    available = [p for p in points if p is not None]
    return EligibilityInput(
        cycle_year=2025,
        status=status,
        total=sum(available),
        maximum=maximum if maximum is not None else 4 * len(available),
        criteria=criteria,
    )


@pytest.mark.parametrize(
    ("status", "phases"),
    [
        ("not_assessed", (B,)),
        ("not_eligible", (B,)),
        ("eligible", (D,)),
        ("letter_returned", (D,)),
        ("letter_submitted", (D, C)),
        ("participating", (C,)),
        ("active", (C, IMPL, M)),
        ("eligibility_review", (B, IMPL, M)),
        ("contrary_to_process", (C, IMPL, M)),
        ("procedural_review", (C, IMPL, M)),
        ("inactive", (D, M)),
        ("suspended", (M,)),
        ("withdrawn", (D,)),
    ],
)
def test_phases_by_status_without_summary(status, phases):
    guidance = country_guidance(status=status, eligibility=None)
    assert guidance.phases == phases
    assert guidance.shortfalls == ()
    assert guidance.points_short is None
    assert guidance.can_join


def test_every_status_is_mapped():
    expected = {
        "not_assessed", "not_eligible", "eligible", "letter_submitted", "letter_returned",
        "participating", "active", "eligibility_review", "contrary_to_process",
        "procedural_review", "inactive", "suspended", "withdrawn",
    }  # fmt: skip
    assert expected == KNOWN_STATUSES


def test_unknown_status_refused():
    with pytest.raises(ValueError):
        country_guidance(status="martian", eligibility=None)


def test_not_eligible_lists_shortfalls_with_their_source():
    guidance = country_guidance(status="not_eligible", eligibility=summary())
    assert [s.code for s in guidance.shortfalls] == ["ft", "ad", "ce"]
    assert guidance.shortfalls[0].source == "src-ft"
    assert guidance.shortfalls[2].missing_points == 3
    assert guidance.points_short == 12 - 9


def test_criterion_without_data_is_a_shortfall():
    guidance = country_guidance(status="not_assessed", eligibility=summary(points=(None, 4, 4, 1)))
    first = guidance.shortfalls[0]
    assert first.no_data and first.missing_points == 4
    assert guidance.points_short == 0  # 9 of 12 already


def test_not_enough_data_has_no_points_short():
    guidance = country_guidance(
        status="not_assessed",
        eligibility=summary(status="not_enough_data", points=(None, None, 4, 1)),
    )
    assert guidance.points_short is None
    assert len(guidance.shortfalls) == 3


def test_stale_status_but_eligible_summary_adds_deciding_to_join():
    guidance = country_guidance(
        status="not_eligible", eligibility=summary(status="eligible", points=(4, 4, 4, 1))
    )
    assert guidance.phases == (B, D)
    assert guidance.points_short == 0


def test_members_do_not_see_shortfalls_unless_in_review():
    active = country_guidance(status="active", eligibility=summary())
    assert active.shortfalls == () and active.points_short is None
    review = country_guidance(status="eligibility_review", eligibility=summary())
    assert review.shortfalls and review.points_short == 3


@pytest.mark.parametrize(
    ("summary_status", "phases"), [("eligible", (D,)), ("not_eligible", (B, D))]
)
def test_withdrawn_with_summary(summary_status, phases):
    guidance = country_guidance(status="withdrawn", eligibility=summary(status=summary_status))
    assert guidance.phases == phases


def test_non_un_states_cannot_join():
    guidance = country_guidance(status="not_assessed", eligibility=None, un_member=False)
    assert guidance.phases == () and not guidance.can_join


@pytest.mark.parametrize(
    ("maximum", "needed"), [(16, 12), (12, 9), (8, 6), (4, 3), (15, 12), (0, 0)]
)
def test_points_needed(maximum, needed):
    assert points_needed_to_pass(maximum) == needed


@pytest.mark.parametrize(("total", "short"), [(11, 1), (12, 0), (13, 0)])
def test_points_short_boundaries(total, short):
    points = {11: (4, 4, 2, 1), 12: (4, 4, 2, 2), 13: (4, 4, 2, 3)}[total]
    guidance = country_guidance(status="not_eligible", eligibility=summary(points=points))
    assert guidance.points_short == short


def test_full_marks_have_no_shortfall():
    assert shortfalls(summary(points=(4, 4, 4, 4)).criteria) == ()
