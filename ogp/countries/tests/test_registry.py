import csv
import datetime
import io

import pytest

from ogp.audit.models import AuditEvent
from ogp.core.errors import ServiceError
from ogp.countries.models import Country, MembershipStatus
from ogp.countries.reference import REGION_BY_ISO2, UN_MEMBERS
from ogp.countries.seed import import_membership_2016, seed_countries
from ogp.countries.services import country_membership_status_set

pytestmark = pytest.mark.django_db


def test_un_member_list_has_the_193_member_states():
    assert len(UN_MEMBERS) == 193
    assert {"FR", "NA", "SS", "MK"} <= UN_MEMBERS
    assert not {"TW", "XK", "PS", "VA", "CK", "NU"} & UN_MEMBERS


def test_seed_creates_every_iso_country_with_names_regions_and_un_flag():
    assert seed_countries() == 250
    assert Country.objects.count() == 250
    assert Country.objects.filter(un_member=True).count() == 193
    france = Country.objects.get(iso3="FRA")
    assert (france.iso2, france.numeric, france.region) == ("FR", "250", "europe")
    assert (france.name_en, france.name_fr, france.name_es) == ("France", "France", "Francia")
    algeria = Country.objects.get(iso3="DZA")
    assert (algeria.name_en, algeria.name_fr, algeria.name_es) == ("Algeria", "Algérie", "Argelia")
    namibia = Country.objects.get(iso2="NA")
    assert namibia.iso3 == "NAM" and namibia.un_member
    assert set(Country.objects.filter(region="").values_list("iso2", flat=True)) == {"AQ"}
    assert not Country.objects.get(iso3="TWN").un_member
    assert Country.objects.get(iso3="XKX").name_en == "Kosovo"


def test_seed_is_idempotent():
    seed_countries()
    assert seed_countries() == 0
    assert Country.objects.count() == 250


def test_country_name_follows_the_active_language():
    from django.utils import translation

    seed_countries()
    spain = Country.objects.get(iso3="ESP")
    with translation.override("fr"):
        assert spain.name == "Espagne"
    with translation.override("es"):
        assert spain.name == "España"


def test_status_change_is_dated_attributed_and_audited(staff_user, country):
    change = country_membership_status_set(
        acting_user=staff_user,
        country=country,
        status=MembershipStatus.ELIGIBLE,
        reason="Passed the 2026 cycle",
        effective_date=datetime.date(2026, 6, 1),
    )
    country.refresh_from_db()
    assert country.membership_status == "eligible"
    assert country.membership_status_since == datetime.date(2026, 6, 1)
    assert (change.from_status, change.to_status, change.changed_by) == (
        "not_assessed",
        "eligible",
        staff_user,
    )
    event = AuditEvent.objects.get(action="country.membership_status_set")
    assert event.before["membership_status"] == "not_assessed"
    assert event.after["membership_status"] == "eligible"
    assert event.actor == staff_user


@pytest.mark.parametrize(("status", "reason"), [("king", "x"), ("eligible", "  ")])
def test_status_change_refuses_unknown_status_or_missing_reason(
    staff_user, country, status, reason
):
    with pytest.raises(ServiceError):
        country_membership_status_set(
            acting_user=staff_user, country=country, status=status, reason=reason
        )
    country.refresh_from_db()
    assert country.membership_status == "not_assessed"
    assert not country.status_changes.exists()


def test_country_page_shows_status_timeline(client, staff_user, country):
    country_membership_status_set(
        acting_user=staff_user,
        country=country,
        status="eligible",
        reason="Cycle 2026 published",
        effective_date=datetime.date(2026, 6, 1),
    )
    html = client.get("/en/countries/ZZA/").content.decode()
    assert "Zedland" in html and "Cycle 2026 published" in html and "Eligible" in html
    html = client.get("/fr/countries/ZZA/").content.decode()
    assert "Zédie" in html


def test_country_list_filters_by_region_and_status(client, country, other_country):
    other_country.region = "africa"
    other_country.save()
    html = client.get("/en/countries/?region=africa").content.decode()
    assert "Ypsland" in html and "Zedland" not in html
    html = client.get("/en/countries/?q=zza").content.decode()
    assert "Zedland" in html and "Ypsland" not in html


def test_country_list_runs_a_constant_number_of_queries(client, django_assert_max_num_queries):
    seed_countries()
    with django_assert_max_num_queries(3):
        response = client.get("/en/countries/")
    assert response.status_code == 200


def test_membership_list_2016_is_recorded_as_history(tmp_path):
    seed_countries()
    path = tmp_path / "ogp_membership_status_2016_okfde.csv"
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["country", "iso3", "year", "ogp_status_code"])
    writer.writerows([["Albania", "ALB", 2016, 3], ["Hungary", "HUN", 2016, 0]])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    assert import_membership_2016(path) == 2
    assert import_membership_2016(path) == 0  # idempotent
    assert Country.objects.get(iso3="ALB").membership_status == "active"
    hungary = Country.objects.get(iso3="HUN")
    assert hungary.membership_status == "inactive"
    assert hungary.status_changes.get().reason == (
        "Listed as an inactive member in OGP's list of participants of 7 December 2016."
    )


@pytest.mark.shared_data
def test_regions_agree_with_the_country_code_crosswalk(shared_data_dir):
    """Our M49 region table matches the UN regions of the countrycode crosswalk."""
    path = shared_data_dir / "crosswalk" / "country_codes_crosswalk.csv"
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    checked = 0
    for row in rows:
        iso2, un_region = row["iso2c"], row["un_region"].lower()
        if iso2 in REGION_BY_ISO2 and un_region:
            assert REGION_BY_ISO2[iso2] == un_region, (iso2, un_region)
            checked += 1
    assert checked > 180


def test_country_page_without_published_eligibility_has_no_eligibility_box(client, country):
    html = client.get("/en/countries/ZZA/").content.decode()
    assert "Eligibility in the" not in html


def test_imported_status_reasons_are_shown_in_the_reader_language(client, tmp_path):
    seed_countries()
    path = tmp_path / "ogp_membership_status_2016_okfde.csv"
    path.write_text("country,iso3,year,ogp_status_code\nAlbania,ALB,2016,3\n", encoding="utf-8")
    import_membership_2016(path)
    html = client.get("/es/countries/ALB/").content.decode()
    assert "Trabaja en su segundo plan de acción" in html


def test_status_write_refuses_a_transition_the_state_machine_does_not_have(staff_user, country):
    """Not assessed -> active member skips eligibility and the letter of intent: refused, and
    nothing is recorded (the same transitions as the membership workflow)."""
    with pytest.raises(ServiceError) as refused:
        country_membership_status_set(
            acting_user=staff_user, country=country, status=MembershipStatus.ACTIVE, reason="x"
        )
    assert refused.value.code == "transition_refused"
    country.refresh_from_db()
    assert country.membership_status == "not_assessed"
    assert not country.status_changes.exists()
    assert not AuditEvent.objects.filter(action="country.membership_status_set").exists()


def test_status_write_refuses_the_same_status(staff_user, country):
    country_membership_status_set(
        acting_user=staff_user, country=country, status=MembershipStatus.ELIGIBLE, reason="Cycle"
    )
    with pytest.raises(ServiceError):
        country_membership_status_set(
            acting_user=staff_user, country=country, status=MembershipStatus.ELIGIBLE, reason="x"
        )
    assert country.status_changes.count() == 1


def test_an_initial_status_only_for_a_country_never_assessed(staff_user, country):
    country_membership_status_set(
        acting_user=None, country=country, status=MembershipStatus.ACTIVE, reason="2016 list",
        initial=True,
    )  # fmt: skip
    country.refresh_from_db()
    assert country.membership_status == "active"
    with pytest.raises(ServiceError) as refused:
        country_membership_status_set(
            acting_user=None, country=country, status=MembershipStatus.INACTIVE, reason="again",
            initial=True,
        )  # fmt: skip
    assert refused.value.code == "not_initial"
    country.refresh_from_db()
    assert country.membership_status == "active"
