import datetime

import pytest

from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.eligibility import selectors, services
from ogp.eligibility.domain.model import CountryResult as Res
from ogp.eligibility.domain.rulesets import ruleset_to_dict
from ogp.eligibility.models import (
    CountryResult,
    Cycle,
    CycleState,
    DatasetKind,
    EvidenceState,
    RuleSetVersion,
)

pytestmark = pytest.mark.django_db


def res(cycle, iso3):
    return Res.from_dict(CountryResult.objects.get(cycle=cycle, country__iso3=iso3).data)


def open_compute(year, user=None, **kw):
    cycle = services.cycle_open(acting_user=user, year=year, **kw)
    return services.cycle_compute(acting_user=user, cycle=cycle)


def test_open_cycle_defaults(imported, staff_user):
    cycle = services.cycle_open(acting_user=staff_user, year=2023)
    assert cycle.review_date == datetime.date(2023, 6, 30)
    assert cycle.ruleset.code == "ogp-2023"
    kinds = sorted(r.kind for r in cycle.releases.all())
    assert kinds == ["eiu", "obs", "vdem"]
    assert AuditEvent.objects.filter(action="cycle.open").count() == 1
    with pytest.raises(ServiceError):
        services.cycle_open(acting_user=staff_user, year=2023)


def test_default_release_is_newest_published_before_review_date(imported, staff_user):
    newer, _ = services.release_import(
        acting_user=staff_user,
        data=(
            imported[DatasetKind.EIU].file_name
            and b"country_name,iso3,year,civlib_eiu\nNamibia,NAM,2023,9.1\n"
        ),
        file_name="eiu2023.csv",
        published_on=datetime.date(2024, 2, 1),
    )
    c2023 = services.cycle_open(acting_user=staff_user, year=2023)
    c2024 = services.cycle_open(acting_user=staff_user, year=2024)
    assert imported[DatasetKind.EIU] in c2023.releases.all()
    assert newer in c2024.releases.all() and imported[DatasetKind.EIU] not in c2024.releases.all()
    # before any release was published: the earliest release (reconstruction)
    c2015 = services.cycle_open(acting_user=staff_user, year=2015)
    assert imported[DatasetKind.EIU] in c2015.releases.all()


def test_compute_scores_with_provenance(imported, namibia, country):
    cycle = open_compute(2023)
    nam = res(cycle, "NAM")
    # OBS 2019: ebp PW, ar PW -> 4; ATI law -> 4; AD law + public access -> 4; EIU 2022 7.5 -> 3
    assert [c.points for c in nam.criteria] == [4, 4, 4, 3]
    assert (nam.total, nam.maximum, nam.status) == (15, 16, "eligible")
    ft = nam.criterion("fiscal_transparency")
    assert (ft.source.year, ft.source.line, ft.raw) == (2019, 3, "ebp=PW; ar=PW")
    ce = nam.criterion("citizen_engagement")
    assert (ce.raw, ce.source.year, ce.source.line) == ("7.5", 2022, 3)
    ati = nam.criterion("access_to_information")
    assert ati.source.url == "https://example.org/nam-ati" and ati.source.line == 2
    # Values Check: V-Dem model estimates only -> not assessed
    assert nam.values_check.reason == "no_threshold"
    zed = res(cycle, "ZZA")
    # OBS 2019: ebp PL, ar NP -> 0; ATI draft -> 1; AD no data; EIU 2.5 -> 1 (not above 2.5)
    assert [c.points for c in zed.criteria] == [0, 1, None, 1]
    assert (zed.total, zed.maximum, zed.status) == (2, 12, "not_eligible")
    assert cycle.state == CycleState.COMPUTED and len(cycle.checksum) == 64


def test_data_lag_uses_the_year_before(imported):
    cycle = open_compute(2022)
    nam = res(cycle, "NAM")
    assert nam.criterion("citizen_engagement").raw == "7.94"  # EIU 2021
    assert nam.criterion("citizen_engagement").points == 4
    # research assessed in 2022 is used for 2022 (no lag for research)
    assert nam.criterion("access_to_information").points == 4


def test_changes_since_last_published_cycle(imported):
    c2022 = open_compute(2022)
    services.cycle_publish(acting_user=None, cycle=c2022)
    c2023 = open_compute(2023)
    prev, changes = selectors.cycle_changes(c2023)
    assert prev == c2022
    (nam,) = [ch for ch in changes if ch.iso3 == "NAM"]
    assert nam.crossing == ""  # eligible in both
    (ce,) = nam.criteria
    assert (ce.old_points, ce.new_points, ce.old_raw, ce.new_raw) == (4, 3, "7.94", "7.5")
    assert ce.new_source.year == 2022 and ce.new_source.dataset == "eiu"


def test_publish_makes_the_cycle_immutable_and_reproducible(imported, staff_user, country):
    cycle = open_compute(2023, staff_user)
    cycle = services.cycle_publish(acting_user=staff_user, cycle=cycle)
    assert cycle.state == CycleState.PUBLISHED and cycle.published_by == staff_user
    checksum = cycle.checksum
    with pytest.raises(ServiceError):
        services.cycle_compute(acting_user=staff_user, cycle=cycle)
    with pytest.raises(ServiceError):
        services.cycle_configure(
            acting_user=staff_user, cycle=cycle, ruleset=cycle.ruleset, releases=[]
        )
    # new research after publication does not change the published cycle
    services.research_entry_record(
        acting_user=staff_user,
        country=country,
        criterion="asset_disclosure",
        year=2023,
        provision="law",
        public_access=True,
        name="",
        adopted_on="",
        source_url="https://example.org/x",
    )
    assert services.cycle_recompute_checksum(cycle) == checksum
    cycle.refresh_from_db()
    assert cycle.checksum == checksum


def test_publish_requires_computed_and_decided_evidence(
    imported, staff_user, government_user, country
):
    cycle = services.cycle_open(acting_user=staff_user, year=2023)
    with pytest.raises(ServiceError, match="Compute"):
        services.cycle_publish(acting_user=staff_user, cycle=cycle)
    services.cycle_compute(acting_user=staff_user, cycle=cycle)
    services.evidence_submit(
        acting_user=government_user,
        cycle=cycle,
        country=country,
        criterion="asset_disclosure",
        summary="Law adopted",
        source_url="https://example.org/law",
    )
    with pytest.raises(ServiceError, match="waiting"):
        services.cycle_publish(acting_user=staff_user, cycle=cycle)


def test_accepted_evidence_overrides_the_criterion(imported, staff_user, government_user, country):
    cycle = open_compute(2023, staff_user)
    sub = services.evidence_submit(
        acting_user=government_user,
        cycle=cycle,
        country=country,
        criterion="fiscal_transparency",
        summary="Audit report now online",
        source_url="https://example.org/audit",
    )
    services.evidence_accept(
        acting_user=staff_user, submission=sub, points=4, reason="Verified on the ministry website"
    )
    sub.refresh_from_db()
    assert sub.state == EvidenceState.ACCEPTED and sub.decided_by == staff_user
    ft = res(cycle, "ZZA").criterion("fiscal_transparency")
    assert ft.points == 4 and ft.overridden
    assert ft.source.dataset == "evidence" and ft.source.line == sub.pk
    assert ft.override_reason == "Verified on the ministry website"
    assert res(cycle, "ZZA").total == 6
    with pytest.raises(ServiceError):
        services.evidence_reject(acting_user=staff_user, submission=sub, reason="x")


def test_rejected_evidence_changes_nothing(imported, staff_user, civil_society_user, country):
    cycle = open_compute(2023, staff_user)
    before = cycle.checksum
    sub = services.evidence_submit(
        acting_user=civil_society_user,
        cycle=cycle,
        country=country,
        criterion="access_to_information",
        summary="Draft law",
        source_url="https://e.org/x",
    )
    services.evidence_reject(acting_user=staff_user, submission=sub, reason="Not adopted")
    cycle.refresh_from_db()
    assert cycle.checksum == before and sub.state == EvidenceState.REJECTED


@pytest.mark.parametrize(("points", "reason"), [(5, "ok"), (-1, "ok"), (2, " ")])
def test_accept_validation(imported, staff_user, government_user, country, points, reason):
    cycle = open_compute(2023, staff_user)
    sub = services.evidence_submit(
        acting_user=government_user,
        cycle=cycle,
        country=country,
        criterion="fiscal_transparency",
        summary="x",
        source_url="https://e.org",
    )
    with pytest.raises(ServiceError):
        services.evidence_accept(
            acting_user=staff_user, submission=sub, points=points, reason=reason
        )


def test_evidence_submit_refusals(
    imported, staff_user, government_user, other_country, researcher_user, country
):
    cycle = open_compute(2023, staff_user)
    kw = {"criterion": "fiscal_transparency", "summary": "x", "source_url": "https://e.org"}
    with pytest.raises(ServiceError):  # another country's government
        services.evidence_submit(
            acting_user=government_user, cycle=cycle, country=other_country, **kw
        )
    with pytest.raises(ServiceError):  # researchers do not submit
        services.evidence_submit(acting_user=researcher_user, cycle=cycle, country=country, **kw)
    with pytest.raises(ServiceError):  # no evidence given
        services.evidence_submit(
            acting_user=government_user,
            cycle=cycle,
            country=country,
            criterion="fiscal_transparency",
            summary="x",
        )
    c2015 = open_compute(2015, staff_user)  # 2014 rule set: no additional information route
    with pytest.raises(ServiceError, match="additional information"):
        services.evidence_submit(acting_user=government_user, cycle=c2015, country=country, **kw)


def test_eligibility_review_after_two_consecutive_published_cycles(imported, zedland_member):
    c2023 = services.cycle_publish(acting_user=None, cycle=open_compute(2023))
    z = res(c2023, "ZZA")
    assert z.is_member and z.status == "not_eligible" and z.at_risk
    assert not z.eligibility_review
    c2024 = services.cycle_publish(acting_user=None, cycle=open_compute(2024))
    z = res(c2024, "ZZA")
    assert z.eligibility_review and not z.at_risk
    row = CountryResult.objects.get(cycle=c2024, country=zedland_member)
    assert row.eligibility_review
    summary = selectors.country_eligibility_summary(zedland_member)
    assert summary.cycle_year == 2024 and summary.eligibility_review
    assert summary.values_check is None  # members are not checked


def test_summary_selector(imported, namibia, country):
    assert selectors.country_eligibility_summary(namibia) is None
    services.cycle_publish(acting_user=None, cycle=open_compute(2023))
    s = selectors.country_eligibility_summary(namibia)
    assert (s.cycle_year, s.status, s.total, s.maximum) == (2023, "eligible", 15, 16)
    assert s.values_check is None  # no threshold on the V-Dem model scale
    assert [c.code for c in s.criteria][0] == "fiscal_transparency"
    assert s.criteria[0].source == "Open Budget Survey 2019"
    assert s.criteria[0].label == "Fiscal transparency"
    z = selectors.country_eligibility_summary(country)
    assert z.status == "not_eligible" and z.pathway
    assert all(isinstance(p, str) and p for p in z.pathway)


def test_ruleset_create_new_version(rulesets, staff_user):
    base = RuleSetVersion.objects.get(code="ogp-2023")
    d = ruleset_to_dict(base.rules)
    d["valid_from"] = 2026
    d["criteria"][0]["status_points"]["PL"] = 1
    new = services.ruleset_create(acting_user=staff_user, based_on=base, definition=d)
    assert (new.code, new.version, new.based_on) == ("ogp-2023", 2, base)
    assert new.rules.criterion("fiscal_transparency").status_points["PL"] == 1
    d["pass_share"] = "2"
    with pytest.raises(ServiceError, match="pass_share"):
        services.ruleset_create(acting_user=staff_user, based_on=base, definition=d)
    assert RuleSetVersion.objects.filter(code="ogp-2023").count() == 2


def test_cycle_configure_rejects_two_releases_of_a_dataset(imported, staff_user):
    cycle = services.cycle_open(acting_user=staff_user, year=2023)
    newer, _ = services.release_import(
        acting_user=staff_user,
        data=b"country_name,iso3,year,civlib_eiu\nNamibia,NAM,2023,9\n",
        file_name="e.csv",
    )
    with pytest.raises(ServiceError):
        services.cycle_configure(
            acting_user=staff_user,
            cycle=cycle,
            ruleset=cycle.ruleset,
            releases=[imported[DatasetKind.EIU], newer],
        )
    other = RuleSetVersion.objects.get(code="ogp-2011")
    with pytest.raises(ServiceError):
        services.cycle_configure(acting_user=staff_user, cycle=cycle, ruleset=other, releases=[])


def test_membership_at_review_date_from_history(imported, namibia, staff_user):
    from ogp.countries.models import MembershipStatus
    from ogp.countries.services import country_membership_status_set

    country_membership_status_set(
        acting_user=staff_user,
        country=namibia,
        status=MembershipStatus.ACTIVE,
        reason="joined",
        effective_date=datetime.date(2023, 9, 1),
        initial=True,  # the country's starting status (not assessed before)
    )
    c2023 = open_compute(2023)
    c2024 = open_compute(2024)
    assert not res(c2023, "NAM").is_member
    assert res(c2024, "NAM").is_member
    assert Cycle.objects.count() == 2


def test_decision_is_mailed_to_the_submitter_in_their_language(
    imported, staff_user, government_user, country, mailoutbox, django_capture_on_commit_callbacks
):
    government_user.preferred_language = "fr"
    government_user.save()
    cycle = open_compute(2023, staff_user)
    sub = services.evidence_submit(
        acting_user=government_user,
        cycle=cycle,
        country=country,
        criterion="fiscal_transparency",
        summary="x",
        source_url="https://e.org",
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.evidence_accept(
            acting_user=staff_user, submission=sub, points=4, reason="Vérifié en ligne"
        )
    (mail,) = mailoutbox
    assert mail.to == [government_user.email]
    assert "Zédie" in mail.subject and "acceptée" in mail.subject
    assert "Vérifié en ligne" in mail.body and "/fr/eligibility/my-evidence/" in mail.body


def test_publication_uses_the_research_reviewed_at_computation(imported, staff_user, country):
    cycle = open_compute(2023, staff_user)
    reviewed = cycle.checksum
    services.research_entry_record(
        acting_user=staff_user,
        country=country,
        criterion="asset_disclosure",
        year=2023,
        provision="law",
        public_access=True,
        name="",
        adopted_on="",
        source_url="https://example.org/x",
    )
    cycle = services.cycle_publish(acting_user=staff_user, cycle=cycle)
    assert cycle.checksum == reviewed
    assert res(cycle, "ZZA").criterion("asset_disclosure").points is None


def test_index_lists_members_under_review(client, imported, zedland_member):
    from django.urls import reverse

    for year in (2023, 2024):
        services.cycle_publish(acting_user=None, cycle=open_compute(year))
    html = client.get(reverse("eligibility:index")).content.decode()
    section = html.split("Members under Eligibility Review", 1)[1]
    assert "Zedland" in section.split("</ul>", 1)[0]


def test_values_check_with_vdem_ordinal_columns(imported, staff_user, namibia, country):
    from .conftest import FIX

    ordinal, _created = services.release_import(
        acting_user=staff_user,
        data=(FIX / "vdem_ord.csv").read_bytes(),
        file_name="vdem_ord.csv",
        published_on=datetime.date(2023, 3, 2),
    )
    cycle = services.cycle_open(acting_user=staff_user, year=2023)
    assert ordinal in cycle.releases.all()  # newest V-Dem release before the review date
    services.cycle_compute(acting_user=staff_user, cycle=cycle)
    nam = res(cycle, "NAM").values_check
    assert (nam.passed, nam.scale, nam.threshold) == (True, "ord", 3.0)
    assert dict(nam.values) == {"v2cseeorgs": 3.0, "v2csreprss": 4.0}
    zed = res(cycle, "ZZA").values_check
    assert zed.passed is False and zed.sources[0].line == 3
    summary_cycle = services.cycle_publish(acting_user=staff_user, cycle=cycle)
    assert summary_cycle.is_published
    z = selectors.country_eligibility_summary(country)
    assert z.values_check is False
    assert any("v2cseeorgs" in step for step in z.pathway)


def test_publishing_the_newest_cycle_moves_country_statuses(imported, staff_user, country):
    from ogp.countries.models import MembershipStatus

    services.cycle_publish(acting_user=staff_user, cycle=open_compute(2023))
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.NOT_ELIGIBLE
    change = country.status_changes.get()
    assert change.reason == "Eligibility cycle 2023 published."
    assert change.changed_by == staff_user


def test_publishing_an_older_cycle_changes_no_current_status(imported, staff_user, country):
    from ogp.countries.models import MembershipStatus

    services.cycle_publish(acting_user=staff_user, cycle=open_compute(2023))
    country.membership_status = MembershipStatus.NOT_ASSESSED
    country.save()
    services.cycle_publish(acting_user=staff_user, cycle=open_compute(2022))
    country.refresh_from_db()
    assert country.membership_status == MembershipStatus.NOT_ASSESSED
    assert country.status_changes.count() == 1
