from pathlib import Path

import pytest

from ogp.eligibility.domain.parsers import (
    ImportFileError,
    parse_crosswalk,
    parse_eiu,
    parse_obs,
    parse_research,
    parse_vdem,
)
from ogp.eligibility.domain.parsers.crosswalk import build_matcher

FIX = Path(__file__).resolve().parent.parent / "fixtures"
REGISTRY = {
    "NAM": ("NA", ("Namibia", "Namibie")),
    "ZZA": ("ZZ", ("Zedland", "Zédie")),
    "TZA": ("TZ", ("Tanzania",)),
}


def read(name):
    return (FIX / name).read_bytes()


@pytest.fixture
def matcher():
    return build_matcher(REGISTRY, parse_crosswalk(read("crosswalk_small.csv"), "cw.csv"))


def test_crosswalk_rows_skip_units_without_iso(matcher):
    rows = parse_crosswalk(read("crosswalk_small.csv"), "cw.csv")
    assert [r.iso3 for r in rows] == ["NAM", "ZZA", "TZA"]
    assert rows[0].iso2 == "NA"  # Namibia, never "missing"
    assert matcher.vdem_ids["127"] == "NAM"
    assert matcher.by_iso2("NA") == "NAM"
    assert matcher.by_name("Republic of Zed Land") == "ZZA"
    assert matcher.by_name("Namibie") == "NAM"


def test_vdem(matcher):
    res = parse_vdem(read("vdem_small.csv"), "vdem.csv", matcher)
    assert res.rows == 4 and res.years == (2021, 2022)
    assert res.columns == ("v2cseeorgs", "v2csreprss", "v2x_civlib", "v2xcs_ccsi")
    assert [(u.line, u.name) for u in res.unmatched] == [(5, "Zanzibar")]
    obs = {(o.iso3, o.year, o.indicator): o for o in res.observations}
    o = obs[("NAM", 2022, "vdem.v2csreprss")]
    assert (o.value, o.line) == (2.5, 3)
    assert len(res.observations) == 3 * 4


def test_vdem_ordinal_and_original_scale_columns(matcher):
    res = parse_vdem(read("vdem_ord.csv"), "vdem.csv", matcher)
    assert "v2cseeorgs_ord" in res.columns and "v2csreprss_osp" in res.columns
    obs = {(o.iso3, o.indicator): o.value for o in res.observations}
    assert obs[("NAM", "vdem.v2csreprss_ord")] == 4
    assert obs[("ZZA", "vdem.v2cseeorgs_osp")] == 1.2


def test_obs_keeps_namibia_and_status_codes(matcher):
    res = parse_obs(read("obs_small.csv"), "obs.csv", matcher)
    assert res.years == (2017, 2019) and res.unmatched == ()
    obs = {(o.iso3, o.year, o.indicator): o for o in res.observations}
    assert obs[("NAM", 2017, "obs.ar")].text == "IU"
    assert obs[("NAM", 2017, "obs.ar")].line == 2
    assert obs[("ZZA", 2019, "obs.ebp")].text == "PL"
    assert len(res.observations) == 3 * 8


def test_obs_matches_by_iso2_or_name_when_iso3_absent(matcher):
    data = b"country,iso2,survey_year,ebp,ar\nNamibia,NA,2019,PW,IU\nZed Land,,2019,PW,PW\n"
    res = parse_obs(data, "obs.csv", matcher)
    assert {o.iso3 for o in res.observations} == {"NAM", "ZZA"}


def test_eiu(matcher):
    res = parse_eiu(read("eiu_small.csv"), "eiu.csv", matcher)
    obs = {(o.iso3, o.year, o.indicator): o.value for o in res.observations}
    assert obs[("NAM", 2022, "eiu.civlib_eiu")] == 7.5
    assert obs[("ZZA", 2022, "eiu.democracy_eiu")] == 2.1


def test_research(matcher):
    res = parse_research(read("research_small.csv"), "research.csv", matcher)
    assert [(r.iso3, r.criterion, r.provision, r.public_access) for r in res.research] == [
        ("NAM", "access_to_information", "law", False),
        ("NAM", "asset_disclosure", "law", True),
        ("ZZA", "access_to_information", "draft", False),
    ]
    assert res.research[0].source_url == "https://example.org/nam-ati"


def test_unknown_country_code_in_registry_gap_is_unmatched_not_error(matcher):
    data = b"country,iso2,iso3,survey_year,ebp,ar\nKosovo,XK,XKX,2019,PW,PW\n"
    res = parse_obs(data, "obs.csv", matcher)
    assert res.observations == () and res.unmatched[0].code == "XKX"


def test_bom_is_accepted(matcher):
    res = parse_eiu(b"\xef\xbb\xbf" + read("eiu_small.csv"), "eiu.csv", matcher)
    assert len(res.observations) == 6


def test_crlf_line_endings(matcher):
    res = parse_eiu(read("eiu_small.csv").replace(b"\n", b"\r\n"), "eiu.csv", matcher)
    assert len(res.observations) == 6


PARSERS = {
    "vdem": (parse_vdem, "vdem_small.csv"),
    "obs": (parse_obs, "obs_small.csv"),
    "eiu": (parse_eiu, "eiu_small.csv"),
    "research": (parse_research, "research_small.csv"),
}


def bad(kind, transform, matcher):
    parse, name = PARSERS[kind]
    with pytest.raises(ImportFileError) as exc:
        parse(transform(read(name)), name, matcher)
    return exc.value


def _replace(old, new):
    return lambda d: d.replace(old, new, 1)


@pytest.mark.parametrize(
    ("kind", "transform", "line", "column", "reason"),
    [
        # missing columns
        ("vdem", _replace(b",year,", b",yr,"), 1, "year", "missing_columns"),
        ("obs", _replace(b",ar\n", b",audit\n"), 1, "ar", "missing_columns"),
        ("eiu", _replace(b"civlib_eiu", b"civil"), 1, "civlib_eiu", "missing_columns"),
        ("research", _replace(b",source_url", b",url"), 1, "source_url", "missing_columns"),
        # wrong encoding (Latin-1 bytes)
        ("obs", _replace(b"Zedland", b"Z\xe9dland"), 4, "country", "encoding"),
        ("research", _replace(b"Draft ATI Bill", b"Projet de loi \xe9"), 4, "name", "encoding"),
        # unknown status codes
        ("obs", _replace(b"PL,NP,SC", b"XX,NP,SC"), 4, "ebp", "unknown_code"),
        ("research", _replace(b",draft,", b",decree,"), 4, "provision", "unknown_code"),
        ("research", _replace(b",law,yes,", b",law,maybe,"), 3, "public_access", "unknown_code"),
        ("research", _replace(b",ati,", b",budget,"), 4, "criterion", "unknown_code"),
        # out of range / not a number
        ("eiu", _replace(b",7.94\n", b",10.5\n"), 2, "civlib_eiu", "out_of_range"),
        ("eiu", _replace(b",7.94\n", b",-0.1\n"), 2, "civlib_eiu", "out_of_range"),
        ("eiu", _replace(b",7.94\n", b",n/a\n"), 2, "civlib_eiu", "not_a_number"),
        ("eiu", _replace(b",7.94\n", b",nan\n"), 2, "civlib_eiu", "not_a_number"),
        ("vdem", _replace(b",0.85,", b",1.85,"), 2, "v2x_civlib", "out_of_range"),
        ("vdem", _replace(b",2.1,2.4,", b",9.1,2.4,"), 2, "v2cseeorgs", "out_of_range"),
        ("vdem", _replace(b",2022,", b",20x2,"), 3, "year", "bad_year"),
        ("obs", _replace(b",2019,IU", b",1850,IU"), 4, "survey_year", "bad_year"),
        (
            "research",
            _replace(b"https://example.org/zza", b"ftp://x"),
            4,
            "source_url",
            "bad_value",
        ),
        ("research", _replace(b",2010,", b",last year,"), 3, "adopted_on", "bad_date"),
        # duplicates
        ("obs", _replace(b"NAM,2019", b"NAM,2017"), 3, "survey_year", "duplicate"),
        ("eiu", _replace(b"NAM,2022", b"NAM,2021"), 3, "year", "duplicate"),
        ("vdem", _replace(b"NAM,2022", b"NAM,2021"), 3, "year", "duplicate"),
        ("research", lambda d: d + d.splitlines(keepends=True)[-1], 5, "year", "duplicate"),
        # truncated file
        ("obs", lambda d: d[:-12], 4, "iyr", "truncated"),
        ("eiu", lambda d: d[: d.rindex(b",")], 4, "dem_culture_eiu", "truncated"),
        ("vdem", lambda d: d + b'"Unfinished,XXX', 6, None, "truncated"),
        # wrong number of fields inside the file
        ("obs", _replace(b"PW,IU\n", b"PW,IU,EXTRA\n"), 2, None, "field_count"),
        ("eiu", _replace(b"Namibia,NAM,2021,2,", b"Namibia,NAM,2021,"), 2, None, "field_count"),
    ],
)
def test_bad_files_name_file_line_column_and_reason(kind, transform, line, column, reason, matcher):
    err = bad(kind, transform, matcher)
    assert (err.file, err.line, err.column, err.reason) == (PARSERS[kind][1], line, column, reason)
    assert PARSERS[kind][1] in str(err)


@pytest.mark.parametrize("data", [b"", b"   \n", b"country,iso3,survey_year,ebp,ar\n"])
def test_empty_files(data, matcher):
    with pytest.raises(ImportFileError) as exc:
        parse_obs(data, "obs.csv", matcher)
    assert exc.value.reason in {"empty", "no_rows"}


def test_duplicate_names_first_line(matcher):
    err = bad("obs", _replace(b"NAM,2019", b"NAM,2017"), matcher)
    assert err.params == {"country": "NAM", "year": 2017, "first_line": 2}


def test_ordinal_values_must_be_whole_numbers(matcher):
    data = read("vdem_ord.csv").replace(b",3,3.4,", b",2.5,3.4,")
    with pytest.raises(ImportFileError) as exc:
        parse_vdem(data, "v.csv", matcher)
    assert (exc.value.line, exc.value.column, exc.value.reason) == (
        2,
        "v2cseeorgs_ord",
        "bad_value",
    )


def test_crosswalk_bad_regex_and_duplicate():
    data = read("crosswalk_small.csv")
    with pytest.raises(ImportFileError) as exc:
        parse_crosswalk(data.replace(b"zed.?land", b"zed(land"), "cw.csv")
    assert (exc.value.line, exc.value.column) == (3, "country_name_regex")
    with pytest.raises(ImportFileError) as exc:
        parse_crosswalk(data.replace(b"TZ,TZA", b"TZ,ZZA"), "cw.csv")
    assert exc.value.reason == "duplicate"


def test_namibia_na_is_a_code_not_missing(matcher):
    data = b"country,iso2,survey_year,ebp,ar\nNamibia,NA,2019,PW,NA\n"
    # "NA" in a status column is not a valid status (and not silently treated as missing)
    with pytest.raises(ImportFileError) as exc:
        parse_obs(data, "obs.csv", matcher)
    assert exc.value.column == "ar" and exc.value.reason == "unknown_code"


def test_vdem_wide_file_keeps_only_the_columns_it_needs(matcher):
    lines = read("vdem_small.csv").decode().splitlines()
    extra = [f"v2zz{i}" for i in range(500)]
    wide = [lines[0] + "," + ",".join(extra)] + [
        line + "," + ",".join("0.5" for _ in extra) for line in lines[1:]
    ]
    res = parse_vdem(("\n".join(wide) + "\n").encode(), "vdem.csv", matcher)
    narrow = parse_vdem(read("vdem_small.csv"), "vdem.csv", matcher)
    assert res.observations == narrow.observations


@pytest.mark.parametrize(
    ("kind", "transform", "code"),
    [
        ("obs", _replace(b"ZZ,ZZA", b"ZZ,QQQ"), "QQQ"),
        ("eiu", _replace(b"Zedland,ZZA", b"Zedland,Q1"), "Q1"),
        ("research", _replace(b"ZZA,ati", b"QQQ,ati"), "QQQ"),
    ],
)
def test_unknown_country_codes_are_reported_and_skipped(kind, transform, code, matcher):
    """One rule for unknown units (UNKNOWN_UNITS_RULE): the row is listed, the file imports."""
    parse, name = PARSERS[kind]
    res = parse(transform(read(name)), name, matcher)
    assert [(u.line, u.code, u.why) for u in res.unmatched] == [(4, code, "unknown_code")]
