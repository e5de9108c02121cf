"""RTI Rating and Global Data Barometer: parsers, bad input, and the points they give."""

from dataclasses import replace
from pathlib import Path

import pytest

from ogp.eligibility.domain.model import LawFinding, Missing, SourceRef
from ogp.eligibility.domain.parsers import (
    ImportFileError,
    parse_crosswalk,
    parse_gdb,
    parse_research,
    parse_rti,
    parse_vdem,
)
from ogp.eligibility.domain.parsers.common import content_digest
from ogp.eligibility.domain.parsers.crosswalk import build_matcher
from ogp.eligibility.domain.scoring import score_country, stale_criteria

from .helpers import RS_2011, RS_2014, RS_2023, inputs

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


# ---------------------------------------------------------------- RTI Rating


def test_rti_rows(matcher):
    res = parse_rti(read("rti_small.csv"), "rti_rating_country_data_2026-06.csv", matcher)
    obs = {o.iso3: o for o in res.observations}
    assert (obs["NAM"].text, obs["NAM"].year, obs["NAM"].value, obs["NAM"].line) == (
        "law",
        2022,
        95.0,
        2,
    )
    # no law: the placeholder total (9.3175...) is not a rating and is not kept
    assert (obs["ZZA"].text, obs["ZZA"].year, obs["ZZA"].value) == ("none", 2026, None)
    # Kosovo: a real code outside the registry, reported and skipped
    assert [(u.line, u.code, u.why) for u in res.unmatched] == [(5, "XKX", "outside_registry")]
    assert res.rows == 4


def test_rti_accepts_laws_before_1900(matcher):
    data = read("rti_small.csv").replace(b",2016,1", b",1766,1")
    res = parse_rti(data, "rti.csv", matcher)
    assert {o.iso3: o.year for o in res.observations}["TZA"] == 1766


def _bad(parse, data, name="f.csv", matcher=None):
    with pytest.raises(ImportFileError) as exc:
        parse(data, name, matcher)
    return exc.value


@pytest.mark.parametrize(
    ("transform", "line", "column", "reason"),
    [
        (lambda d: d.replace(b",has_rti_law", b",law"), 1, "has_rti_law", "missing_columns"),
        (lambda d: d.replace(b",rti_law_year,", b",year,"), 1, "rti_law_year", "missing_columns"),
        (lambda d: d.replace(b",2022,1\n", b",2022,yes\n"), 2, "has_rti_law", "unknown_code"),
        (lambda d: d.replace(b",,0\n", b",2001,0\n"), 3, "rti_law_year", "law_year_without_law"),
        (lambda d: d.replace(b",2016,1", b",,1"), 4, "rti_law_year", "bad_year"),
        (lambda d: d.replace(b"TZA,60.0", b"NAM,60.0"), 4, "country_code", "duplicate_country"),
        (lambda d: d.replace(b"TZA,60.0", b"TZA,160.0"), 4, "rti_total", "out_of_range"),
        (lambda d: b"", None, None, "empty"),
        (lambda d: b"\xef\xbb\xbf\r\n", None, None, "empty"),
        (lambda d: d.split(b"\n", 1)[0] + b"\n", None, None, "no_rows"),
    ],
)
def test_rti_bad_input(matcher, transform, line, column, reason):
    err = _bad(parse_rti, transform(read("rti_small.csv")), matcher=matcher)
    assert (err.line, err.column, err.reason) == (line, column, reason)


def test_rti_unknown_country_code_is_reported_and_skipped(matcher):
    res = parse_rti(read("rti_small.csv").replace(b"TZA,60.0", b"QQQ,60.0"), "rti.csv", matcher)
    assert {o.iso3 for o in res.observations} == {"NAM", "ZZA"}
    assert ("QQQ", "unknown_code") in {(u.code, u.why) for u in res.unmatched}


# ---------------------------------------------------------------- Global Data Barometer


def test_gdb_rows(matcher):
    res = parse_gdb(read("gdb_small.csv"), "gdb.csv", matcher)
    obs = {(o.iso3, o.indicator): o.text for o in res.observations}
    assert obs[("NAM", "gdb.iad_exist")] == "law"
    assert obs[("NAM", "gdb.iad_publication")] == "partial"
    assert obs[("ZZA", "gdb.iad_exist")] == "none"
    assert obs[("TZA", "gdb.iad_publication")] == "yes"
    assert res.years == (2019, 2021)


def test_gdb_drafted_and_quoted_names(matcher):
    data = (
        b"iso3,country,iad_exist,iad_publication\n"
        b'NAM,"Namibia, Republic of",They are being drafted, or are not yet implemented.,No\n'
    )
    err = _bad(parse_gdb, data, matcher=matcher)  # the unquoted comma splits the answer
    assert err.reason == "field_count"
    data = (
        b"iso3,country,iad_exist,iad_publication\n"
        b'NAM,"Namibia, Republic of","They are being drafted, or are not yet implemented.",No\n'
    )
    res = parse_gdb(data, "gdb.csv", matcher)
    assert res.observations[0].text == "draft"


@pytest.mark.parametrize(
    ("transform", "line", "column", "reason"),
    [
        (
            lambda d: d.replace(b",iad_publication", b",iad_pub"),
            1,
            "iad_publication",
            "missing_columns",
        ),
        (
            lambda d: d.replace(b"iso3,country,", b"code,name,"),
            1,
            "iso3 / country",
            "missing_columns",
        ),
        (
            lambda d: d.replace(b"No,No,No,No,No", b"Maybe,No,No,No,No"),
            3,
            "iad_exist",
            "unknown_code",
        ),
        (lambda d: d.replace(b",Partially,", b",Sometimes,"), 2, "iad_publication", "unknown_code"),
        (lambda d: d.replace(b"TZA,Tanzania", b"NAM,Tanzania"), 4, "iso3", "duplicate_country"),
        (lambda d: b"", None, None, "empty"),
    ],
)
def test_gdb_bad_input(matcher, transform, line, column, reason):
    err = _bad(parse_gdb, transform(read("gdb_small.csv")), matcher=matcher)
    assert (err.line, err.column, err.reason) == (line, column, reason)


# ---------------------------------------------------------------- one rule, all importers


def test_research_dates_must_exist_on_the_calendar(matcher):
    data = read("research_small.csv").replace(b"2022-06-01", b"2020-13-45")
    err = _bad(parse_research, data, matcher=matcher)
    assert (err.line, err.column, err.reason) == (2, "adopted_on", "bad_date")
    err = _bad(parse_research, data.replace(b"2020-13-45", b"2021-02-29"), matcher=matcher)
    assert err.reason == "bad_date"
    ok = parse_research(data.replace(b"2020-13-45", b"2020-02-29"), "r.csv", matcher)
    assert ok.research[0].adopted_on == "2020-02-29"
    assert parse_research(data.replace(b"2020-13-45", b"2020-02"), "r.csv", matcher)


def test_vdem_unknown_unit_is_reported_and_skipped_not_refused(matcher):
    """Same rule as the real V-Dem file (its 152 unmatched rows): one odd line never refuses
    the file."""
    data = read("vdem_small.csv")
    header, first, *rest = data.split(b"\n")
    assert b"iso3" in header or b"country_text_id" in header
    odd = first.replace(b"NAM", b"QQQ")
    res = parse_vdem(b"\n".join([header, first, odd, *rest]), "vdem.csv", matcher)
    assert res.unmatched and res.observations


def test_content_digest_ignores_bom_crlf_and_final_newline():
    data = read("rti_small.csv")
    same = [
        b"\xef\xbb\xbf" + data,
        data.replace(b"\n", b"\r\n"),
        data.rstrip(b"\n"),
        data.replace(b"\n", b"\r"),
    ]
    assert {content_digest(d) for d in same} == {content_digest(data)}
    assert content_digest(data.replace(b"2022", b"2023")) != content_digest(data)


# ---------------------------------------------------------------- points


def _src(dataset, year):
    return SourceRef(dataset=dataset, label=dataset, year=year, release_id=1, line=2)


def rti(provision="law", year=2016):
    return LawFinding(
        "rti", provision, year if provision == "law" else None, source=_src("rti", year)
    )


def gdb(provision="law", publication="yes"):
    return LawFinding(
        "gdb", provision, publication=publication, period=(2019, 2021), source=_src("gdb", 2021)
    )


def with_findings(base, data_year, **findings):
    return replace(
        base,
        findings={
            {"ati": "access_to_information", "ad": "asset_disclosure"}[k]: v
            for k, v in findings.items()
        },
        datasets=frozenset({"obs", "eiu", "rti", "gdb"}),
        data_year=data_year,
    )


def crit(result, code):
    return result.criterion(code)


def test_rti_law_scores_from_its_year_on():
    base = inputs(ebp="PW", ar="PW", civlib=8)
    after = score_country(with_findings(base, 2016, ati=rti(year=2016)), RS_2023)
    assert crit(after, "access_to_information").points == 4
    assert crit(after, "access_to_information").source.dataset == "rti"
    before = score_country(with_findings(base, 2015, ati=rti(year=2016)), RS_2023)
    c = crit(before, "access_to_information")
    assert c.points is None and c.missing == Missing.NO_RESEARCH


def test_rti_no_law_needs_research_and_research_overrides_the_source():
    base = inputs(ebp="PW", ar="PW", civlib=8)
    res = score_country(with_findings(base, 2023, ati=rti("none")), RS_2023)
    assert crit(res, "access_to_information").missing == Missing.NO_RESEARCH
    # Papua New Guinea: no law, a constitutional guarantee (section 51) found by research
    researched = inputs(ebp="PW", ar="PW", civlib=8, ati="constitutional")
    res = score_country(with_findings(researched, 2023, ati=rti("none")), RS_2023)
    c = crit(res, "access_to_information")
    assert (c.points, c.replaces, c.source.dataset) == (3, "rti", "research")


def test_gdb_publication_and_partially_is_a_parameter():
    base = inputs(ebp="PW", ar="PW", civlib=8)
    yes = score_country(with_findings(base, 2023, ad=gdb("law", "yes")), RS_2023)
    assert crit(yes, "asset_disclosure").points == 4
    partial = score_country(with_findings(base, 2023, ad=gdb("law", "partial")), RS_2023)
    assert crit(partial, "asset_disclosure").points == 2  # default: "Partially" is not "Yes"
    rule = RS_2023.criterion("asset_disclosure")
    counts = replace(
        RS_2023,
        criteria=tuple(
            replace(c, source=replace(rule.source, partial_publication=True))
            if c.code == "asset_disclosure"
            else c
            for c in RS_2023.criteria
        ),
    )
    partial = score_country(with_findings(base, 2023, ad=gdb("law", "partial")), counts)
    assert crit(partial, "asset_disclosure").points == 4
    none = score_country(with_findings(base, 2023, ad=gdb("none", "no")), RS_2023)
    assert crit(none, "asset_disclosure").points == 0


def test_gdb_snapshot_applies_from_the_stated_year_only():
    base = inputs(ebp="PW", ar="PW", civlib=8)
    assert RS_2023.criterion("asset_disclosure").source.applies_from == 2019
    early = score_country(with_findings(base, 2018, ad=gdb()), RS_2023)
    c = crit(early, "asset_disclosure")
    assert c.points is None and c.missing == Missing.NOT_COVERED
    later = score_country(with_findings(base, 2019, ad=gdb()), RS_2023)
    assert crit(later, "asset_disclosure").points == 4


def test_missing_reasons():
    base = inputs(ebp="PW", ar="PW")
    res = score_country(replace(base, datasets=frozenset({"obs"}), data_year=2023), RS_2023)
    assert crit(res, "citizen_engagement").missing == Missing.NOT_IMPORTED
    assert crit(res, "access_to_information").missing == Missing.NOT_IMPORTED
    res = score_country(
        replace(base, datasets=frozenset({"obs", "eiu", "rti"}), data_year=2023), RS_2023
    )
    assert crit(res, "citizen_engagement").missing == Missing.NOT_COVERED
    assert crit(res, "access_to_information").missing == Missing.NOT_COVERED


def test_pre_2014_asset_points_can_give_two():
    """Nigeria 2013: 10/16 with 2 asset points (a declarations law, declarations not public)."""
    res = score_country(inputs(ad="law", ad_access=False), RS_2011)
    assert crit(res, "asset_disclosure").points == 2
    res = score_country(inputs(ad="law", ad_access=True), RS_2011)
    assert crit(res, "asset_disclosure").points == 4
    assert RS_2014.criterion("asset_disclosure").provision_points["law"] == 2


def test_stale_sources_are_flagged_from_the_rule_set_threshold():
    base = inputs(ebp="PW", ar="PW", civlib=8)  # OBS 2019, EIU 2022
    res = score_country(with_findings(base, 2023, ati=rti(year=1990)), RS_2023)
    assert RS_2023.stale_after_years == 3
    assert stale_criteria(res, 2024, RS_2023) == ("fiscal_transparency",)  # 2023 - 2019 > 3
    assert stale_criteria(res, 2023, RS_2023) == ()
