"""Texts of the rule sets' stated assumptions."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

ASSUMPTION_TEXTS = {
    "ft.status_points": gettext_lazy(
        "Fiscal transparency: OGP awards 2 points per document for “timely publication” of the "
        "Executive's Budget Proposal and the Audit Report. The sources do not say how the other "
        "Open Budget Survey statuses score. Default: only PW (published online) earns the 2 "
        "points; PL (published late), HC (hard copy only), SC (soft copy only), IU (internal use "
        "only) and NP (not produced) earn 0, following the Open Budget Survey Explorer legend "
        "that separates “available to the public” from the rest."
    ),
    "ati.constitutional_and_draft": gettext_lazy(
        "Access to information: a law earns 4 points, a constitutional provision 3 and a draft "
        "law 1. The value for a constitutional provision together with a draft law was cut off "
        "in every retrieved copy of the rules. Default: 3 (the higher of the two; points are not "
        "added)."
    ),
    "ad.before_2014": gettext_lazy(
        "Asset disclosure before the 2014 revision: the older wording is “rules that require "
        "public disclosure of income and assets for elected and senior public officials”. "
        "Published scores need a middle value (Nigeria 2013: 10 of 16 points with 2 for asset "
        "disclosure). Default: 2 points for a law that requires declarations, 2 more (4) when "
        "it requires public disclosure; both values are parameters of this rule set."
    ),
    "ati.rti_rating": gettext_lazy(
        "Access to information from the Global Right to Information Rating: a country with a "
        "national law scores 4 points in every cycle whose data year is at or after the year "
        "the law was first passed. A country listed without a law (or before its law) is "
        "scored from the Support Unit's research: 3 for a constitutional guarantee, 1 for a "
        "draft law, 0 otherwise; without a research entry it is not assessed. The table's "
        "total on rows without a law is a placeholder and is ignored. Repeals and suspensions "
        "are not tracked by the table: record them as research entries."
    ),
    "ad.gdb_snapshot": gettext_lazy(
        "Asset disclosure from the Global Data Barometer (research period 2019–2021): a law "
        "requiring declarations (“They exist and are operational”) scores the law points, plus "
        "the public access points when the framework requires publication (“Yes”). Whether "
        "“Partially” counts as publication, and the first data year the snapshot is used for, "
        "are parameters of this rule set (defaults: “Partially” does not count; data years "
        "2019 and later, so cycles from 2020). A draft or “No” scores 0. Earlier cycles need "
        "research entries."
    ),
    "stale_data": gettext_lazy(
        "Data more than the rule set's number of years older than the cycle's data year "
        "(default 3) are still used, and flagged as stale on the score sheet and the country "
        "page. A law's year is not a data year: access to information points from a law are "
        "never stale."
    ),
    "ad.public_access": gettext_lazy(
        "Asset disclosure since 2014: 2 points for a law, 2 more if the law requires any degree "
        "of public access. What counts as “public access” is recorded by the researcher with "
        "the evidence."
    ),
    "ce.indicator_and_bands": gettext_lazy(
        "Citizen engagement: the indicator and cut-offs of the current method were not "
        "retrieved. Default (the older method, unverified): the EIU Democracy Index civil "
        "liberties score (0-10); 4 points above 7.5, 3 above 5, 2 above 2.5, 1 above 0."
    ),
    "vc.thresholds": gettext_lazy(
        "Values Check: two V-Dem indicators, CSO entry and exit (v2cseeorgs) and CSO repression "
        "(v2csreprss); joining countries need a score of 3 or more on both, on V-Dem's ordinal "
        "scale (0-4). The same threshold is used on the original scale (_osp). For the "
        "measurement-model estimates (the only version in the data available to the platform) "
        "no threshold is published, so by default the check is reported as not assessed; staff "
        "can set one in a new rule set version."
    ),
    "vc.membership_at_compute": gettext_lazy(
        "The Values Check applies to countries that are not OGP members on the review date, "
        "according to the membership history recorded on this platform."
    ),
    "review.consecutive_published": gettext_lazy(
        "Eligibility Review: a member below the minimum in two consecutive published cycles. A "
        "member below the minimum in one published cycle is shown as “at risk”. A cycle with "
        "not enough data interrupts the sequence."
    ),
    "data_lag": gettext_lazy(
        "Data year: the cycle of year Y uses, for each country and source, the newest data for "
        "year Y-1 or earlier in the chosen release (scores are updated in the first half of the "
        "year with the data available at review time). Research entries for access to "
        "information and asset disclosure are used up to year Y."
    ),
    "missing_data_before_2023": gettext_lazy(
        "Before 2023 the sources show countries scored out of 16 or 12 points. The rule for a "
        "country with data on only one or two criteria was not retrieved. Default: the 2023 "
        "“not enough data” rule (at least 3 assessed criteria)."
    ),
}
