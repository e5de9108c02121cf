"""The Open Budget Survey Explorer workbook parser (pure: sheets given as plain rows)."""

from pathlib import Path

import pytest

from ogp.eligibility.domain.parsers import ImportFileError, parse_crosswalk
from ogp.eligibility.domain.parsers.crosswalk import build_matcher
from ogp.eligibility.domain.parsers.obs_workbook import (
    column_letter,
    document_for_header,
    normalise,
    parse_obs_workbook,
)

FIX = Path(__file__).resolve().parent.parent / "fixtures"
REGISTRY = {
    "NAM": ("NA", ("Namibia", "Namibie")),
    "ZZA": ("ZZ", ("Zedland", "Zédie")),
    "TZA": ("TZ", ("Tanzania",)),
}
HEADER = (
    "Country",
    "Pre-Budget Statement",
    "Executive's Budget Proposal",
    "Enacted Budget",
    "Citizens Budget",
    "In-Year Reports",
    "Mid-Year Review",
    "Year-End Report",
    "Audit Report",
)


@pytest.fixture
def matcher():
    cw = parse_crosswalk((FIX / "crosswalk_small.csv").read_bytes(), "cw.csv")
    return build_matcher(REGISTRY, cw)


def book():
    return [
        (
            "2019",
            [
                ("Open Budget Survey 2019: public availability of budget documents",),
                (),
                HEADER,
                ("Namibia", "PW", "PW", "PW", "NP", "PW", "IU", "PW", "PW"),
                ("Zedland", "NP", "IU", "pw ", None, "HC", "SC", "PL", "IU"),
                ("Zanzibar", "PW", "PW", "PW", "PW", "PW", "PW", "PW", "PW"),
                (None, None, None),
                ("PW: publicly available; IU: internal use", None, None),
            ],
        ),
        (
            "2017",
            [
                ("country", "PBS", "EBP", "EB", "CB", "IYR", "MYR", "YER", "AR"),
                ("Namibia", "PW", "PW", "PW", "PW", "PW", "NP", "PW", "IU"),
            ],
        ),
        ("Legend", [("Code", "Meaning"), ("PW", "Publicly available")]),
    ]


def test_reads_every_round_with_rows_and_sheets(matcher):
    result = parse_obs_workbook(book(), "Public Availability 2019.xlsx", matcher)
    assert result.years == (2017, 2019)
    assert result.sheets == ((2017, "2017"), (2019, "2019"))
    assert result.columns == ("pbs", "ebp", "cb", "eb", "iyr", "myr", "yer", "ar")
    assert result.rows == 4  # Namibia 2019, Zedland 2019, Zanzibar 2019, Namibia 2017
    by_key = {(o.iso3, o.year, o.indicator): o for o in result.observations}
    assert by_key[("NAM", 2019, "obs.ebp")].text == "PW"
    assert by_key[("NAM", 2019, "obs.ebp")].line == 4  # the sheet's row number
    assert by_key[("ZZA", 2019, "obs.eb")].text == "PW"  # case and spaces ignored
    assert ("ZZA", 2019, "obs.cb") not in by_key  # an empty cell is a missing value
    assert by_key[("NAM", 2017, "obs.ar")].text == "IU"
    [miss] = result.unmatched
    assert (miss.sheet, miss.line, miss.name) == ("2019", 6, "Zanzibar")


@pytest.mark.parametrize(
    ("header", "doc"),
    [
        ("Executive's Budget Proposal", "ebp"),
        ("EXECUTIVE’S BUDGET PROPOSAL", "ebp"),
        ("Executive Budget Proposal (EBP)", "ebp"),
        ("  ebp ", "ebp"),
        ("EBP - Executive's Budget Proposal", "ebp"),
        ("Pre-Budget Statement", "pbs"),
        ("pre_budget statement", "pbs"),
        ("Citizens' Budget", "cb"),
        ("In-Year Reports", "iyr"),
        ("Mid-Year Review", "myr"),
        ("Year-End Report", "yer"),
        ("Audit Report", "ar"),
        ("Enacted Budget", "eb"),
        ("Budget", None),
        ("Country", None),
        (None, None),
    ],
)
def test_header_matching_is_tolerant(header, doc):
    assert document_for_header(header) == doc


def test_normalise_and_column_letters():
    assert normalise("  Mid–Year_Review ") == "mid–year review"
    assert normalise("Year-End  Report") == "year end report"
    assert [column_letter(i) for i in (0, 7, 25, 26, 27, 701, 702)] == [
        "A",
        "H",
        "Z",
        "AA",
        "AB",
        "ZZ",
        "AAA",
    ]


def test_a_year_column_replaces_the_sheet_name(matcher):
    sheets = [
        (
            "All rounds",
            [
                ("ISO3", "Survey year", "EBP", "AR"),
                ("NAM", 2015, "PW", "PW"),
                ("NAM", 2017.0, "PW", "IU"),
                ("ZZ", "2017", "NP", "NP"),  # a code column holding ISO2
            ],
        )
    ]
    result = parse_obs_workbook(sheets, "obs.xlsx", matcher)
    assert result.years == (2015, 2017)
    assert {(o.iso3, o.year) for o in result.observations} == {
        ("NAM", 2015),
        ("NAM", 2017),
        ("ZZA", 2017),
    }
    assert result.sheets == ((2015, "All rounds"), (2017, "All rounds"))


def error(sheets, matcher):
    with pytest.raises(ImportFileError) as info:
        parse_obs_workbook(sheets, "obs.xlsx", matcher)
    return info.value


def test_unknown_status_code_names_sheet_row_and_column(matcher):
    sheets = book()
    rows = list(sheets[0][1])
    rows[4] = ("Zedland", "NP", "IU", "XX", None, "HC", "SC", "PL", "IU")
    err = error([("2019", rows)], matcher)
    assert (err.sheet, err.line, err.column, err.reason) == (
        "2019",
        5,
        "D (Enacted Budget)",
        "unknown_code",
    )
    assert err.params["value"] == "XX"


def test_required_documents_missing(matcher):
    err = error(
        [("2019", [("Country", "EBP", "Enacted Budget"), ("Namibia", "PW", "PW")])], matcher
    )
    assert (err.sheet, err.line, err.column, err.reason) == ("2019", 1, "AR", "missing_columns")


def test_year_sheet_without_a_country_column(matcher):
    err = error([("2019", [("Nation", "EBP", "AR"), ("Namibia", "PW", "PW")])], matcher)
    assert (err.sheet, err.reason) == ("2019", "missing_columns")


def test_no_round_sheet_at_all(matcher):
    err = error([("Legend", [("Code", "Meaning")]), ("Notes", [])], matcher)
    assert err.reason == "no_rounds" and err.sheet is None


def test_round_sheet_without_rows(matcher):
    err = error([("2019", [HEADER, (None,), ("Source: IBP",)])], matcher)
    assert err.reason == "no_rows"


def test_same_round_twice(matcher):
    err = error([("2019", [HEADER]), ("OBS 2019", [HEADER])], matcher)
    assert (err.sheet, err.reason, err.params["first_sheet"]) == (
        "OBS 2019",
        "duplicate_round",
        "2019",
    )


def test_same_country_twice_in_a_round(matcher):
    rows = [HEADER, ("Namibia", "PW", "PW"), ("NAM", "PW"), ("Namibie",) + ("PW",) * 8]
    err = error([("2019", rows)], matcher)
    assert (err.sheet, err.line, err.reason) == ("2019", 4, "duplicate_in_sheet")
    assert err.params["first_line"] == 2


def test_unknown_country_code_is_reported_and_skipped(matcher):
    """One rule for unknown units in every importer: report the row and skip it."""
    rows = [("ISO3", "EBP", "AR"), ("QQQ", "PW", "PW"), ("NAM", "PW", "PW")]
    result = parse_obs_workbook([("2019", rows)], "obs.xlsx", matcher)
    assert [(u.sheet, u.line, u.code, u.why) for u in result.unmatched] == [
        ("2019", 2, "QQQ", "unknown_code")
    ]
    assert {o.iso3 for o in result.observations} == {"NAM"}


def test_bad_year_in_a_year_column(matcher):
    rows = [("Country", "Year", "EBP", "AR"), ("Namibia", "last year", "PW", "PW")]
    err = error([("Data", rows)], matcher)
    assert (err.sheet, err.line, err.column, err.reason) == ("Data", 2, "B (Year)", "bad_year")
