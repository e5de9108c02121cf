"""Demo content for participation: fictional organisations, people, a forum and events.

Everything here is flagged ``is_demo`` and labelled "Demo" in the UI. It is attached to a real
country only as a setting; no figure or fact about that country is stated.
"""

from datetime import timedelta

from django.utils import timezone

DEMO_COUNTRY_ISO3 = "URY"  # setting only; the content is fictional and labelled demo


def seed(*, demo: bool, stdout) -> None:  # type: ignore[no-untyped-def]
    if not demo:
        return
    from ogp.countries.models import Country
    from ogp.organisations.models import FocusArea, Organisation
    from ogp.organisations.services import organisation_create

    from .models import Event, Forum, ForumMembership, Meeting, Person
    from .services.events import event_save
    from .services.forums import forum_create, forum_member_add, meeting_save

    if Forum.objects.filter(is_demo=True).exists():
        _seed_in_other_languages(stdout)
        stdout.write("  participation demo content already present")
        return
    country = Country.objects.filter(iso3=DEMO_COUNTRY_ISO3).first() or Country.objects.first()
    if country is None:
        stdout.write("  no country: seed the countries first")
        return
    areas = {a.code: a for a in FocusArea.objects.all()}

    def org(name: str, kind: str, codes: list[str], description: str) -> Organisation:
        existing = Organisation.objects.filter(name=name, is_demo=True).first()
        if existing:
            return existing
        return organisation_create(
            acting_user=None, is_demo=True, name=name, kind=kind, country=country,
            description=description, website="", contact_email="", contact_phone="",
            focus_areas=[areas[c] for c in codes if c in areas],
        )  # fmt: skip

    network = org(
        "Demo Open Budget Collective", "civil_society", ["fiscal_openness", "open_contracting"],
        "Fictional organisation used to demonstrate the platform.",
    )  # fmt: skip
    university = org(
        "Demo Institute for Public Integrity", "academia", ["anti_corruption", "justice"],
        "Fictional research centre used to demonstrate the platform.",
    )  # fmt: skip
    ministry = org(
        "Demo Ministry of Public Administration", "ministry", ["digital_governance"],
        "Fictional public body used to demonstrate the platform.",
    )  # fmt: skip
    for name, organisation in (
        ("Alex Demo", network), ("Sam Example", university), ("Robin Sample", ministry),
    ):  # fmt: skip
        Person.objects.get_or_create(
            full_name=name, is_demo=True,
            defaults={"organisation": organisation, "country": country,
                      "public_fields": ["job_title"], "job_title": "Demo contact"},
        )  # fmt: skip

    today = timezone.localdate()
    forum = forum_create(
        acting_user=None, country=country, name="Demo open government forum",
        rules_of_participation=(
            "Fictional rules for the demonstration: half of the seats go to government and half "
            "to organisations outside government; anyone may ask to join and coordinators answer "
            "within a month; decisions are taken by consensus."
        ),
        established_on=today - timedelta(days=400),
        description="A fictional forum that shows how forums work on the platform.",
        is_demo=True,
    )  # fmt: skip
    for name, organisation, side, role in (
        ("Robin Sample", ministry, "government", ForumMembership.Role.MEMBER),
        ("Alex Demo", network, "non_government", ForumMembership.Role.MEMBER),
        ("Sam Example", university, "non_government", ForumMembership.Role.MEMBER),
    ):
        forum_member_add(
            acting_user=None, forum=forum, display_name=name, side=side,
            organisation=organisation, role=role,
        )  # fmt: skip
    attendees = list(forum.memberships.all())
    meeting_save(
        acting_user=None, forum=forum, title="Demo kick-off meeting",
        date=today - timedelta(days=300), agenda="1. Rules of participation\n2. Work plan",
        minutes="The demo forum adopted its rules.", attendees=attendees,
    )  # fmt: skip
    meeting_save(
        acting_user=None, forum=forum, title="Demo co-creation workshop",
        date=today - timedelta(days=160), agenda="Prioritising demo commitments",
        minutes="Three demo commitments were shortlisted.", attendees=attendees[:2],
    )  # fmt: skip
    Meeting.objects.filter(forum=forum).update(is_demo=True)
    # Office hours (14:00 UTC), whatever time the seed runs: an event at 02:00 looks like a bug.
    start = timezone.now().replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=30)
    event_save(
        acting_user=None, is_demo=True, kind="national", title="Demo national open government day",
        description="A fictional national event that shows registration and the waiting list.",
        starts_at=start, ends_at=start + timedelta(hours=4), location="Demo conference centre",
        online_url="", country=country, capacity=2, registration_open=True,
    )  # fmt: skip
    event_save(
        acting_user=None, is_demo=True, kind="regional", title="Demo regional meeting (online)",
        description="A fictional online regional meeting.",
        starts_at=start + timedelta(days=20), ends_at=start + timedelta(days=20, hours=2),
        location="", online_url="https://example.org/demo-meeting", country=None,
        capacity=None, registration_open=True,
    )  # fmt: skip
    Event.objects.filter(is_demo=True, organisation__isnull=True, kind="national").update(
        organisation=network
    )
    _seed_in_other_languages(stdout)
    stdout.write("  participation demo content created (fictional, flagged is_demo)")


# Demo content written in French and in Spanish, set in a French- and a Spanish-speaking country
# (as a setting only: the content is fictional, flagged is_demo and labelled "Demo").
OTHER_LANGUAGES = [
    {
        "iso3": "SEN",
        "time_zone": "Africa/Dakar",
        "organisation": "Collectif de démonstration pour la transparence budgétaire",
        "organisation_text": "Organisation fictive qui sert à présenter la plateforme.",
        "forum": "Forum de démonstration pour un gouvernement ouvert",
        "forum_text": "Un forum fictif qui montre le fonctionnement des forums sur la plateforme.",
        "rules": (
            "Règles fictives de démonstration : la moitié des sièges revient au gouvernement, "
            "l’autre moitié aux organisations hors gouvernement ; chacun peut demander à "
            "rejoindre le forum et les coordinateurs répondent dans le mois."
        ),
        "meeting": "Réunion de lancement (démonstration)",
        "agenda": "1. Règles de participation\n2. Programme de travail",
        "minutes": "Le forum de démonstration a adopté ses règles.",
        "event": "Journée nationale du gouvernement ouvert (démonstration)",
        "event_text": "Un événement fictif qui montre l’inscription et la liste d’attente.",
        "location": "Centre de conférences (démonstration)",
    },
    {
        "iso3": "PER",
        "time_zone": "America/Lima",
        "organisation": "Colectivo de demostración por el presupuesto abierto",
        "organisation_text": "Organización ficticia que sirve para presentar la plataforma.",
        "forum": "Foro de demostración de gobierno abierto",
        "forum_text": "Un foro ficticio que muestra cómo funcionan los foros en la plataforma.",
        "rules": (
            "Reglas ficticias de demostración: la mitad de los puestos corresponde al gobierno y "
            "la otra mitad a organizaciones ajenas al gobierno; cualquier persona puede pedir "
            "ingresar y la coordinación responde en el plazo de un mes."
        ),
        "meeting": "Reunión de inicio (demostración)",
        "agenda": "1. Reglas de participación\n2. Plan de trabajo",
        "minutes": "El foro de demostración aprobó sus reglas.",
        "event": "Jornada nacional de gobierno abierto (demostración)",
        "event_text": "Un evento ficticio que muestra la inscripción y la lista de espera.",
        "location": "Centro de convenciones (demostración)",
    },
]


def _seed_in_other_languages(stdout) -> None:  # type: ignore[no-untyped-def]
    from ogp.countries.models import Country
    from ogp.organisations.services import organisation_create

    from .models import Forum, Meeting
    from .services.events import event_save
    from .services.forums import forum_create, forum_member_add, meeting_save

    today = timezone.localdate()
    start = timezone.now().replace(hour=14, minute=0, second=0, microsecond=0) + timedelta(days=45)
    for text in OTHER_LANGUAGES:
        country = Country.objects.filter(iso3=text["iso3"]).first()
        if country is None or Forum.objects.filter(name=text["forum"], is_demo=True).exists():
            continue
        organisation = organisation_create(
            acting_user=None, is_demo=True, name=text["organisation"], kind="civil_society",
            country=country, description=text["organisation_text"], website="",
            contact_email="", contact_phone="", focus_areas=[],
        )  # fmt: skip
        forum = forum_create(
            acting_user=None, country=country, name=text["forum"],
            rules_of_participation=text["rules"], established_on=today - timedelta(days=200),
            description=text["forum_text"], is_demo=True,
        )  # fmt: skip
        forum_member_add(
            acting_user=None, forum=forum, display_name="Démo / Demo", side="non_government",
            organisation=organisation, role="member",
        )  # fmt: skip
        meeting_save(
            acting_user=None, forum=forum, title=text["meeting"], date=today - timedelta(days=90),
            agenda=text["agenda"], minutes=text["minutes"],
            attendees=list(forum.memberships.all()),
        )  # fmt: skip
        Meeting.objects.filter(forum=forum).update(is_demo=True)
        event_save(
            acting_user=None, is_demo=True, kind="national", title=text["event"],
            description=text["event_text"], starts_at=start, ends_at=start + timedelta(hours=3),
            location=text["location"], online_url="", country=country, capacity=30,
            registration_open=True, time_zone=text["time_zone"],
        )  # fmt: skip
        stdout.write(f"  participation demo content in {text['iso3']} created")
