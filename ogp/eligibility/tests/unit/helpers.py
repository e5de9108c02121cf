"""Builders for pure-rule tests."""

from ogp.eligibility.domain.model import (
    CountryInputs,
    IndicatorValue,
    ObsValue,
    Override,
    ResearchValue,
    SourceRef,
)
from ogp.eligibility.domain.rulesets import ruleset_for_year, shipped_rulesets

RULESETS = shipped_rulesets()
RS_2011 = ruleset_for_year(RULESETS, 2011)
RS_2014 = ruleset_for_year(RULESETS, 2014)
RS_2017 = ruleset_for_year(RULESETS, 2017)
RS_2023 = ruleset_for_year(RULESETS, 2023)


def src(dataset="obs", label="Open Budget Survey 2006-2019", year=2019, line=7):
    return SourceRef(
        dataset=dataset, label=label, edition="2019", year=year, release_id=1, line=line
    )


def inputs(
    *,
    iso3="NAM",
    member=False,
    ebp=None,
    ar=None,
    ati=None,
    ati_access=False,
    ad=None,
    ad_access=False,
    civlib=None,
    vdem=None,
    overrides=None,
):
    obs = None
    if ebp is not None or ar is not None:
        statuses = {}
        if ebp is not None:
            statuses["ebp"] = ebp
        if ar is not None:
            statuses["ar"] = ar
        obs = ObsValue(year=2019, statuses=statuses, source=src())
    research = {}
    if ati is not None:
        research["access_to_information"] = ResearchValue(
            ati,
            ati_access,
            "ATI Act",
            "2012-05-01",
            "https://example.org/ati",
            src("research", "Research", 2022),
        )
    if ad is not None:
        research["asset_disclosure"] = ResearchValue(
            ad,
            ad_access,
            "AD Act",
            "2010",
            "https://example.org/ad",
            src("research", "Research", 2022),
        )
    indicators = {}
    if civlib is not None:
        indicators["eiu.civlib_eiu"] = IndicatorValue(civlib, src("eiu", "EIU", 2022))
    for key, value in (vdem or {}).items():
        indicators[f"vdem.{key}"] = IndicatorValue(value, src("vdem", "V-Dem v14", 2023))
    ovs = {
        code: Override(points, "accepted evidence", src("evidence", "Evidence #1", 2024))
        for code, points in (overrides or {}).items()
    }
    return CountryInputs(
        iso3=iso3,
        is_member=member,
        obs=obs,
        research=research,
        indicators=indicators,
        overrides=ovs,
    )
