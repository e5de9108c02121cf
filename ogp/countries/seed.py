"""Seed the ISO 3166 registry (pycountry) with names in English, French and Spanish."""

import csv
import gettext
from pathlib import Path

import pycountry
from babel import Locale
from django.conf import settings
from django.db import transaction
from django.utils.translation import gettext_noop

from .models import MEMBERSHIP_2016_DATE, Country, MembershipStatus
from .reference import EXTRA_ENTITIES, REGION_BY_ISO2, UN_MEMBERS

# The one OGP membership list found in the publishers' files (OKF Germany, data of 2016-12-07).
MEMBERSHIP_2016_FILE = "ogp_membership_status_2016_okfde.csv"
# The list's status codes (as stated in the file), as sentences for the public timeline.
MEMBERSHIP_2016_REASONS = {
    0: gettext_noop(
        "Listed as an inactive member in OGP's list of participants of 7 December 2016."
    ),
    1: gettext_noop(
        "Listed as developing its first action plan in OGP's list of participants of "
        "7 December 2016."
    ),
    2: gettext_noop(
        "Listed as working on its first action plan in OGP's list of participants of "
        "7 December 2016."
    ),
    3: gettext_noop(
        "Listed as working on its second action plan in OGP's list of participants of "
        "7 December 2016."
    ),
    4: gettext_noop(
        "Listed as working on its third action plan in OGP's list of participants of "
        "7 December 2016."
    ),
}


def _translator(language: str):  # type: ignore[no-untyped-def]
    """Names in `language`: CLDR (Babel) first, the iso-codes catalogue as a fallback."""
    territories = Locale(language).territories
    iso_codes = gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language]
    ).gettext

    def translate(entry) -> str:  # type: ignore[no-untyped-def]
        if entry.alpha_2 in territories:
            return str(territories[entry.alpha_2])
        name = getattr(entry, "common_name", None) or entry.name
        return iso_codes(name) if iso_codes(name) != name else iso_codes(entry.name)

    return translate


def country_rows() -> list[dict[str, object]]:
    fr, es = _translator("fr"), _translator("es")
    rows: list[dict[str, object]] = []
    for entry in pycountry.countries:
        rows.append(
            {
                "iso2": entry.alpha_2,
                "iso3": entry.alpha_3,
                "numeric": entry.numeric,
                "name_en": getattr(entry, "common_name", None) or entry.name,
                "name_fr": fr(entry),
                "name_es": es(entry),
            }
        )
    rows.extend(dict(extra) for extra in EXTRA_ENTITIES)
    for row in rows:
        row["region"] = REGION_BY_ISO2.get(str(row["iso2"]), "")
        row["un_member"] = row["iso2"] in UN_MEMBERS
    return rows


@transaction.atomic
def seed_countries() -> int:
    existing = {c.iso3: c for c in Country.objects.all()}
    created = 0
    fields = ["iso2", "numeric", "name_en", "name_fr", "name_es", "region", "un_member"]
    for row in country_rows():
        country = existing.get(str(row["iso3"]))
        if country is None:
            Country.objects.create(**row)
            created += 1
            continue
        if any(getattr(country, f) != row[f] for f in fields):
            for f in fields:
                setattr(country, f, row[f])
            country.save(update_fields=fields)
    return created


def import_membership_2016(path: Path) -> int:
    """Record the 2016 OGP participants list as the status history it documents."""
    from .services import country_membership_status_set

    changed = 0
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            country = Country.objects.filter(iso3=row["iso3"]).first()
            if (
                country is None
                or country.status_changes.filter(effective_date=MEMBERSHIP_2016_DATE).exists()
                # the 2016 list is a starting point: a status recorded since is not replaced
                or country.membership_status != MembershipStatus.NOT_ASSESSED
            ):
                continue
            code = int(row["ogp_status_code"])
            status = MembershipStatus.INACTIVE if code == 0 else MembershipStatus.ACTIVE
            country_membership_status_set(
                acting_user=None,
                country=country,
                status=status,
                # stored in English, shown translated ({% translate change.reason %})
                reason=MEMBERSHIP_2016_REASONS[code],
                effective_date=MEMBERSHIP_2016_DATE,
                initial=True,  # a registry's starting point, not a transition
            )
            changed += 1
    return changed


def seed(*, demo: bool, stdout) -> None:  # type: ignore[no-untyped-def]
    created = seed_countries()
    stdout.write(f"  countries: {created} created, {Country.objects.count()} in all")
    if settings.OGP_SOURCES_DIR:
        for path in sorted(Path(settings.OGP_SOURCES_DIR).rglob(MEMBERSHIP_2016_FILE)):
            stdout.write(f"  membership list {path}: {import_membership_2016(path)} recorded")
