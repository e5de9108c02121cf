from ogp.eligibility.domain.diff import diff_results
from ogp.eligibility.domain.scoring import score_country

from .helpers import RS_2023, inputs


def full(iso3="NAM", **kw):
    base = {"ebp": "PW", "ar": "PW", "ati": "law", "ad": "law", "ad_access": True, "civlib": 9}
    base.update(kw)
    return score_country(inputs(iso3=iso3, **base), RS_2023)


def test_crossing_the_line_names_criterion_and_source_value():
    prev = {"NAM": full(ar="IU", ad_access=False, civlib=7.5), "KEN": full("KEN")}
    curr = {"NAM": full(ar="PW", ad_access=False, civlib=7.5), "KEN": full("KEN")}
    changes = diff_results(prev, curr)
    assert len(changes) == 1
    ch = changes[0]
    assert ch.iso3 == "NAM" and ch.crossing == "became_eligible"
    assert (ch.old_total, ch.new_total) == (11, 13)
    (c,) = ch.criteria
    assert c.code == "fiscal_transparency"
    assert (c.old_points, c.new_points) == (2, 4)
    assert (c.old_raw, c.new_raw) == ("ebp=PW; ar=IU", "ebp=PW; ar=PW")
    assert c.new_source.label == "Open Budget Survey 2006-2019" and c.new_source.year == 2019


def test_lost_eligibility_and_new_and_removed_countries_sorted_first():
    prev = {"AAA": full("AAA"), "NAM": full(), "ZZZ": full("ZZZ")}
    curr = {"AAA": full("AAA", civlib=8), "NAM": full(ati="none", ad="none"), "BBB": full("BBB")}
    changes = diff_results(prev, curr)
    assert [c.iso3 for c in changes] == ["BBB", "NAM", "ZZZ", "AAA"]
    by = {c.iso3: c for c in changes}
    assert by["NAM"].crossing == "lost_eligibility"
    assert by["BBB"].old_status is None and by["BBB"].crossing == "became_eligible"
    assert by["ZZZ"].new_status is None and by["ZZZ"].crossing == "lost_eligibility"
    assert by["AAA"].crossing == "" and by["AAA"].criteria[0].new_raw == "8"


def test_values_check_change_is_reported():
    prev = {"NAM": full(vdem={"v2cseeorgs_ord": 3, "v2csreprss_ord": 3})}
    curr = {"NAM": full(vdem={"v2cseeorgs_ord": 2, "v2csreprss_ord": 3})}
    (ch,) = diff_results(prev, curr)
    assert ch.values_check_changed and ch.criteria == ()


def test_identical_cycles_have_no_changes():
    prev = {"NAM": full()}
    assert diff_results(prev, {"NAM": full()}) == ()
