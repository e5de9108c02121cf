"""Seed for plans: the IRM coding scales (always), OGP's sheet when ``OGP_SOURCES_DIR`` holds it,
and, with demo content, one fictional action plan whose three commitments are written in
English, French and Spanish.

The demo plan belongs to a fictional locality ("Demo City") so that no real country is given a
plan or commitment it never made; everything is flagged ``is_demo`` and titled "Demo".
"""

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from django.conf import settings

SHEET_FILE = "ogp_commitments_open_parliament_subset_g0v_2024-07.csv"
DEMO_COUNTRY_ISO3 = "URY"  # the participation demo's setting; the locality itself is fictional

DEMO_COMMITMENTS: list[dict[str, Any]] = [
    {
        "identifier": "DEMO0001",
        "title": "Demo – fictional commitment: open budget data for Demo City",
        "problem": "Demo content. Residents cannot see how the city's budget is spent.",
        "objective": "Publish the budget and its execution every month as open data.",
        "milestones": [
            ("Publish the approved budget as open data", "complete"),
            ("Publish monthly execution reports", "limited"),
            ("Hold two public reviews with residents", "not_started"),
        ],
    },
    {
        "identifier": "DEMO0002",
        "title": "Démo – engagement fictif : registre public des réunions de lobbying",
        "problem": "Contenu de démonstration. Les réunions avec des représentants d'intérêts ne "
        "sont pas publiées.",
        "objective": "Publier chaque réunion dans un registre ouvert, sous une semaine.",
        "milestones": [
            ("Adopter les règles du registre", "substantial"),
            ("Ouvrir le registre en ligne", "not_started"),
        ],
    },
    {
        "identifier": "DEMO0003",
        "title": "Demo – compromiso ficticio: participación ciudadana en obras públicas",
        "problem": "Contenido de demostración. Los vecinos no opinan sobre las obras del barrio.",
        "objective": "Abrir una consulta pública antes de cada obra mayor.",
        "milestones": [
            ("Publicar el calendario de obras", "complete"),
            ("Realizar la primera consulta pública", "limited"),
        ],
    },
]


def seed(*, demo: bool, stdout) -> None:  # type: ignore[no-untyped-def]
    from .services import scales_sync, sheet_import

    versions = scales_sync(acting_user=None)
    stdout.write(f"  IRM coding scales: {len(versions)} versions")
    if settings.OGP_SOURCES_DIR:
        for path in sorted(Path(settings.OGP_SOURCES_DIR).rglob(SHEET_FILE)):
            record = sheet_import(acting_user=None, data=path.read_bytes(), file_name=path.name)
            stdout.write(
                f"  OGP commitments sheet {path.name}: {record.commitments_created} created, "
                f"{record.commitments_updated} updated, {record.rows_refused} refused"
            )
    if demo:
        _seed_demo(stdout)


def _seed_demo(stdout) -> None:  # type: ignore[no-untyped-def]
    from django.utils import timezone

    from ogp.countries.models import Country

    from .models import ActionPlan, Commitment, Locality, Milestone, ProgressUpdate
    from .services.progress import commitment_progress_refresh

    if ActionPlan.objects.filter(is_demo=True).exists():
        stdout.write("  plans demo content already present")
        return
    country = Country.objects.filter(iso3=DEMO_COUNTRY_ISO3).first() or Country.objects.first()
    if country is None:
        stdout.write("  no country: seed the countries first")
        return
    locality, _created = Locality.objects.get_or_create(
        code="DEMO", defaults={"name": "Demo City (fictional)", "country": country}
    )
    today = timezone.localdate()
    plan = ActionPlan.objects.create(
        ogp_id="AP_DEMO01", country=country, locality=locality, number=1,
        submitted_year=today.year, end_year=today.year + 2, duration_years=2, is_demo=True,
    )  # fmt: skip
    for entry in DEMO_COMMITMENTS:
        commitment = Commitment.objects.create(
            identifier=entry["identifier"], plan=plan, title=entry["title"],
            problem=entry["problem"], objective=entry["objective"], is_demo=True,
            start_date=date(today.year, 1, 1), end_date=date(today.year + 2, 6, 30),
        )  # fmt: skip
        for position, (title, status) in enumerate(entry["milestones"], start=1):
            milestone = Milestone.objects.create(
                commitment=commitment, position=position, title=title, status=status,
                due_date=today + timedelta(days=120 * position - 200), is_demo=True,
            )  # fmt: skip
            if status != "not_started":
                ProgressUpdate.objects.create(
                    milestone=milestone, author=None, status=status, is_demo=True,
                    narrative="Demo: fictional progress update.",
                    no_evidence_reason="Demo content: there is no real evidence.",
                )  # fmt: skip
        commitment_progress_refresh(commitment=commitment)
    stdout.write("  plans demo content created (fictional, flagged is_demo)")
