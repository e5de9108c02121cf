"""Fill a database with 100x today's OGP volume, through the project's models.

    DATABASE_URL=postgres://... .venv/bin/python bench/volume.py [--scale 100] [--data DIR]

Sizes at --scale 100 (today's volume x 100; --scale 1 gives today's):

    organisations 20,000   people 20,000   users 50,000
    forums 2,000 (10 members, 6 meetings each: 20,000 members, 12,000 meetings)
    events 20,000 (half past, half upcoming; 3 registrations each: 60,000)
    audit rows 200,000

Countries, rule sets and the publishers' files in --data (if present: eligibility cycles
computed and published) come from the project's own seeding. Rows are made with the models'
``bulk_create`` (no service calls: 400,000 audit rows of service calls would take hours), all
flagged demo where the model has the flag. Idempotent per run: it refuses a database that
already holds bench rows (drop it, or pass --force to add more).
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

TODAY = {  # today's volume; --scale multiplies it
    "organisations": 200,
    "people": 200,
    "users": 500,
    "forums": 20,
    "events": 200,
    "audit": 2_000,
}
MEMBERS_PER_FORUM = 10
MEETINGS_PER_FORUM = 6
REGISTRATIONS_PER_EVENT = 3
BATCH = 5_000
WORDS = [
    *[
        "Open",
        "Budget",
        "Civic",
        "Justice",
        "Data",
        "Integrity",
        "Watch",
        "Transparency",
        "Network",
        "Citizens",
        "Forum",
    ],
    *[
        "Institute",
        "Action",
        "Alliance",
        "Access",
        "Information",
        "Rights",
        "Youth",
        "Women",
        "Media",
        "Lab",
        "Centre",
    ],
    *[
        "Ética",
        "Éducation",
        "Société",
        "Participación",
        "Réseau",
        "Öffentlich",
        "Ñandú",
        "Zona",
        "Álamo",
        "Île",
    ],
]


def name(rng: random.Random, n: int, words: int = 3) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)) + f" {n}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--scale", type=int, default=100)
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--force", action="store_true")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    from django.contrib.auth.hashers import make_password
    from django.contrib.contenttypes.models import ContentType
    from django.core.management import call_command
    from django.db import transaction
    from django.utils import timezone

    from ogp.accounts.models import User
    from ogp.audit.models import AuditEvent
    from ogp.countries.models import Country
    from ogp.organisations.models import FocusArea, Organisation
    from ogp.participation.models import (
        Event,
        Forum,
        ForumMembership,
        Meeting,
        Person,
        Registration,
    )

    sizes = {k: v * args.scale for k, v in TODAY.items()}
    t0 = time.perf_counter()
    call_command("migrate", "-v0")
    if not Country.objects.exists():
        from ogp.countries.seed import seed_countries

        seed_countries()
    if Forum.objects.filter(slug__startswith="bench-").exists() and not args.force:
        sys.exit("this database already holds bench rows (use a fresh one, or --force)")
    data = Path(args.data)
    if data.is_dir():
        from ogp.eligibility import importing, seed, services

        services.ruleset_seed_shipped()
        importing.import_folder(data)
        print(f"eligibility: {len(seed.compute_and_publish())} cycles published")
    rng = random.Random(12)
    countries = list(Country.objects.all())
    areas = list(FocusArea.objects.all())
    kinds = [k for k, _ in Organisation._meta.get_field("kind").choices]
    now = timezone.now()
    today = timezone.localdate()
    run = f"{int(time.time())}"

    def timed(label: str, count: int, started: float) -> None:
        print(f"{label}: {count:,} in {time.perf_counter() - started:.1f} s", flush=True)

    with transaction.atomic():
        t = time.perf_counter()
        password = make_password("bench-password-not-for-login")
        users = [
            User(email=f"bench-{run}-{i}@example.org", full_name=name(rng, i, 2), password=password)
            for i in range(sizes["users"])
        ]
        User.objects.bulk_create(users, batch_size=BATCH)
        users = list(User.objects.filter(email__startswith=f"bench-{run}-").only("pk"))
        timed("users", len(users), t)

        t = time.perf_counter()
        orgs = [
            Organisation(
                name=name(rng, i),
                slug=f"bench-{run}-org-{i}",
                kind=rng.choice(kinds),
                country=rng.choice(countries),
                description="Fictional organisation for the volume benchmark.",
                is_demo=True,
            )
            for i in range(sizes["organisations"])
        ]
        Organisation.objects.bulk_create(orgs, batch_size=BATCH)
        orgs = list(Organisation.objects.filter(slug__startswith=f"bench-{run}-org-"))
        links = Organisation.focus_areas.through
        if areas:
            links.objects.bulk_create(
                [links(organisation=o, focusarea=rng.choice(areas)) for o in orgs],
                batch_size=BATCH,
                ignore_conflicts=True,
            )
        timed("organisations", len(orgs), t)

        t = time.perf_counter()
        Person.objects.bulk_create(
            [
                Person(
                    full_name=name(rng, i, 2),
                    organisation=rng.choice(orgs),
                    country=rng.choice(countries),
                    public_fields=["job_title"],
                    is_demo=True,
                )
                for i in range(sizes["people"])
            ],
            batch_size=BATCH,
        )
        timed("people", sizes["people"], t)

        t = time.perf_counter()
        forums = [
            Forum(
                country=rng.choice(countries),
                name=name(rng, i) + " forum",
                slug=f"bench-{run}-forum-{i}",
                rules_of_participation="Anyone working on open government may ask to join.",
                established_on=today - timedelta(days=rng.randint(30, 3000)),
                is_demo=True,
            )
            for i in range(sizes["forums"])
        ]
        Forum.objects.bulk_create(forums, batch_size=BATCH)
        forums = list(Forum.objects.filter(slug__startswith=f"bench-{run}-forum-"))
        ForumMembership.objects.bulk_create(
            [
                ForumMembership(
                    forum=f,
                    display_name=f"Member {j}",
                    side="government" if j % 2 else "non_government",
                    joined_on=today,
                )
                for f in forums
                for j in range(MEMBERS_PER_FORUM)
            ],
            batch_size=BATCH,
        )
        Meeting.objects.bulk_create(
            [
                Meeting(
                    forum=f,
                    title=f"Meeting {j}",
                    date=today - timedelta(days=rng.randint(-120, 900)),
                )
                for f in forums
                for j in range(MEETINGS_PER_FORUM)
            ],
            batch_size=BATCH,
        )
        timed("forums (with members and meetings)", len(forums), t)

        t = time.perf_counter()
        event_kinds = ["summit", "regional", "national"]
        events = []
        for i in range(sizes["events"]):
            starts = now + timedelta(hours=rng.randint(-24 * 900, 24 * 900))
            events.append(
                Event(
                    kind=rng.choice(event_kinds),
                    title=name(rng, i) + " meeting",
                    slug=f"bench-{run}-event-{i}",
                    description="A fictional event for the volume benchmark.",
                    starts_at=starts,
                    ends_at=starts + timedelta(hours=3),
                    country=rng.choice(countries),
                    capacity=rng.choice([None, 50, 200]),
                    is_demo=True,
                )
            )
        Event.objects.bulk_create(events, batch_size=BATCH)
        events = list(Event.objects.filter(slug__startswith=f"bench-{run}-event-").only("pk"))
        Registration.objects.bulk_create(
            [
                Registration(
                    event=e,
                    user=users[(k * 7919 + j) % len(users)],
                    name=f"Registrant {j}",
                    email=f"registrant-{k}-{j}@example.org",
                    state="confirmed",
                    registered_at=now,
                )
                for k, e in enumerate(events)
                for j in range(REGISTRATIONS_PER_EVENT)
            ],
            batch_size=BATCH,
        )
        timed("events (with registrations)", len(events), t)

        t = time.perf_counter()
        forum_type = ContentType.objects.get_for_model(Forum)
        actions = ["forum.create", "forum.update", "meeting.save", "event.save", "person.save"]
        for start in range(0, sizes["audit"], BATCH):
            AuditEvent.objects.bulk_create(
                [
                    AuditEvent(
                        actor_label="bench",
                        action=rng.choice(actions),
                        content_type=forum_type,
                        object_id=str(forums[i % len(forums)].pk),
                        object_label=forums[i % len(forums)].name,
                        after={"n": i},
                    )
                    for i in range(start, min(start + BATCH, sizes["audit"]))
                ]
            )
        timed("audit rows", sizes["audit"], t)
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(f"done in {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
