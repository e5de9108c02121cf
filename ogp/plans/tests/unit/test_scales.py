"""Derivations of IRM coding under each scale version: starred, high completion, strong early
results; ND (no data) and NR (not reviewed) stay distinct and give "unknown", not "no"."""

import pytest

from ogp.plans.domain.scales import (
    ND,
    NR,
    CodedValue,
    CodeState,
    completion,
    is_high_completion,
    is_starred,
    is_strong_early_results,
    load_versions,
    version_for_year,
)

VERSIONS = {v.code: v for v in load_versions()}
LEGACY_2012 = VERSIONS["irm-legacy-2012"]
LEGACY_2015 = VERSIONS["irm-legacy-2015"]
CURRENT = VERSIONS["irm-2020"]
V = CodedValue.of


def starred_coding(**overrides):
    coding = {
        "design.specificity": V("medium"),
        "design.relevance": V("yes"),
        "design.potential_impact": V("transformative"),
        "midterm.completion": V("substantial"),
    }
    coding.update(overrides)
    return coding


@pytest.mark.parametrize(
    ("year", "code"),
    [(2011, "irm-legacy-2012"), (2014, "irm-legacy-2012"), (2015, "irm-legacy-2015"),
     (2019, "irm-legacy-2015"), (2020, "irm-2020"), (2024, "irm-2020")],
)  # fmt: skip
def test_version_for_year_boundaries(year, code):
    assert version_for_year(load_versions(), year).code == code


def test_no_version_before_ogp():
    assert version_for_year(load_versions(), 2010) is None


def test_nd_and_nr_are_distinct_facts():
    assert ND != NR
    assert ND.state == CodeState.NO_DATA and NR.state == CodeState.NOT_REVIEWED


@pytest.mark.parametrize("version", [LEGACY_2012, LEGACY_2015])
def test_starred_all_criteria_met(version):
    assert is_starred(version, starred_coding()) is True


@pytest.mark.parametrize(
    ("key", "level"),
    [("design.specificity", "low"), ("design.specificity", "none"),
     ("design.relevance", "no"), ("design.potential_impact", "minor"),
     ("design.potential_impact", "none"), ("midterm.completion", "limited"),
     ("midterm.completion", "not_started"), ("midterm.completion", "withdrawn")],
)  # fmt: skip
@pytest.mark.parametrize("version", [LEGACY_2012, LEGACY_2015])
def test_one_failing_criterion_unstars(version, key, level):
    assert is_starred(version, starred_coding(**{key: V(level)})) is False


def test_moderate_impact_starred_only_before_2015():
    coding = starred_coding(**{"design.potential_impact": V("moderate")})
    assert is_starred(LEGACY_2012, coding) is True
    assert is_starred(LEGACY_2015, coding) is False


@pytest.mark.parametrize("specificity", ["medium", "high"])
def test_specificity_boundary(specificity):
    assert is_starred(LEGACY_2015, starred_coding(**{"design.specificity": V(specificity)}))


@pytest.mark.parametrize("missing", [ND, NR])
def test_unknown_criterion_gives_unknown(missing):
    assert is_starred(LEGACY_2015, starred_coding(**{"design.specificity": missing})) is None


def test_known_failure_wins_over_unknown():
    coding = starred_coding(**{"design.specificity": ND, "design.relevance": V("no")})
    assert is_starred(LEGACY_2015, coding) is False


def test_end_of_term_completion_takes_precedence():
    coding = starred_coding(**{"end_of_term.completion": V("limited")})
    assert completion(coding) == V("limited")
    assert is_starred(LEGACY_2015, coding) is False
    assert is_starred(LEGACY_2015, coding, phase="midterm") is True


def test_end_of_term_not_reviewed_falls_back_to_midterm():
    coding = starred_coding(**{"end_of_term.completion": NR})
    assert completion(coding) == V("substantial")


def test_no_completion_at_all():
    assert completion({}) is None
    assert completion({"end_of_term.completion": NR}) == NR


def test_current_version_has_no_stars():
    assert is_starred(CURRENT, starred_coding()) is False


@pytest.mark.parametrize("version", [LEGACY_2012, LEGACY_2015, CURRENT])
@pytest.mark.parametrize(
    ("level", "expected"),
    [("complete", True), ("substantial", True), ("limited", False), ("not_started", False),
     ("no_evidence", False), ("withdrawn", False)],
)  # fmt: skip
def test_high_completion(version, level, expected):
    assert is_high_completion(version, {"end_of_term.completion": V(level)}) is expected


@pytest.mark.parametrize("missing", [ND, NR, CodedValue(CodeState.NOT_APPLICABLE)])
def test_high_completion_unknown(missing):
    assert is_high_completion(CURRENT, {"end_of_term.completion": missing}) is None


@pytest.mark.parametrize("version", [LEGACY_2012, LEGACY_2015, CURRENT])
@pytest.mark.parametrize(
    ("level", "expected"),
    [("outstanding", True), ("major", True), ("marginal", False), ("did_not_change", False),
     ("worsened", False)],
)  # fmt: skip
def test_strong_early_results_diog(version, level, expected):
    coding = {"end_of_term.did_it_open_government": V(level), "end_of_term.early_results": ND}
    result = is_strong_early_results(version, coding)
    # the current version also looks at the refreshed indicator, unknown here
    assert result is (expected if expected or version is not CURRENT else None)


@pytest.mark.parametrize(
    ("level", "expected"),
    [("significant", True), ("moderate", False), ("no_notable_results", False)],
)
def test_refreshed_early_results_count_only_in_current_version(level, expected):
    coding = {
        "end_of_term.did_it_open_government": V("did_not_change"),
        "end_of_term.early_results": V(level),
    }
    assert is_strong_early_results(CURRENT, coding) is expected
    assert is_strong_early_results(LEGACY_2015, coding) is False


def test_sheet_labels_match_levels():
    indicator = LEGACY_2015.indicator("completion")
    assert indicator.match_sheet_label("Not Started").code == "not_started"
    assert indicator.match_sheet_label("Unclear").code == "no_evidence"
    assert indicator.match_sheet_label("complete").code == "complete"
    assert indicator.match_sheet_label("Halfway") is None


def test_every_level_has_three_languages():
    for version in load_versions():
        assert set(version.labels) == {"en", "fr", "es"}
        for indicator in version.indicators:
            assert set(indicator.labels) == {"en", "fr", "es"}
            for level in indicator.levels:
                assert set(level.labels) == {"en", "fr", "es"}, (indicator.code, level.code)
