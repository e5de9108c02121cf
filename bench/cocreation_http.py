# ruff: noqa: E501 (the seeding script is data: one model per line)
"""Benchmark (issue 13): p50/p95 latency of a co-creation plan page and its ledger page ("what
we heard") under 20 concurrent clients, on gunicorn (2 workers x 4 threads) with production
settings, against a bare Django view (bench/floor.py: 2 bytes, no middleware) measured in the
same run. One command, end to end (under a minute):

    make bench-deps   # wrk, only for --wrk
    .venv/bin/python bench/cocreation_http.py [--requests 40] [--clients 20] [--workers 2]
        [--wrk 10] [--cookie] [--stack postgres|sqlite] [--no-redis]
        [--postgres-url postgres://postgres@127.0.0.1:5432/] [--redis-url redis://127.0.0.1:6379/0]

Default stack: production's, a fresh PostgreSQL database (created on --postgres-url's server,
dropped at the end) and the Redis cache (keys under a prefix of the run, deleted at the end);
``--stack sqlite`` a throw-away SQLite file instead (``--no-redis``: the database cache). Builds
one plan of 30 commitments (two published versions), 500 proposals and 5,000 paragraph
comments (every one a ledger input, half answered), collects static files, starts gunicorn on
127.0.0.1 (stopped at the end), warms each worker, then runs the client threads with
keep-alive connections. Prints the stack, the figures and the platform server's CPU time per
request (steadier than latencies on a busy machine).
"""

import argparse

from harness import (
    BARE,
    add_stack_arguments,
    load,
    production_site,
    report,
    report_wrk,
    stack_from_args,
    warm,
)

SEED = """
import random
from datetime import timedelta
from django.utils import timezone
from ogp.accounts.models import User
from ogp.countries.seed import seed_countries
from ogp.cocreation.models import *
from ogp.cocreation.services.rulesets import rule_sets_install, rule_set_in_force
from ogp.countries.models import Country
from ogp.participation.models import Forum, Meeting
seed_countries()
rule_sets_install()
random.seed(1)
today = timezone.localdate()
country = Country.objects.get(iso3="URY")
forum = Forum.objects.create(country=country, name="Bench forum", slug="bench-forum",
    rules_of_participation="Rules", established_on=today - timedelta(days=900))
Meeting.objects.bulk_create(Meeting(forum=forum, title=f"Meeting {i}", date=today - timedelta(days=60 * i)) for i in range(12))
plan = CoCreationPlan.objects.create(country=country, title="Bench plan", slug="bench-plan",
    starts_on=today + timedelta(days=200), rule_set=rule_set_in_force(today), forum=forum,
    state="co_creation", opened_on=today - timedelta(days=60), timeline_published_on=today - timedelta(days=60))
for i, kind in enumerate(["planning", "engagement", "drafting", "feedback", "submission"]):
    TimelineStep.objects.create(plan=plan, kind=kind, title=kind, starts_on=today - timedelta(days=40 - 30 * i), ends_on=today - timedelta(days=12 - 30 * i))
Opportunity.objects.bulk_create(Opportunity(plan=plan, kind="meeting", title=f"Workshop {i}", opens_on=today + timedelta(days=i), closes_on=today + timedelta(days=i), published_on=today - timedelta(days=20)) for i in range(10))
users = User.objects.bulk_create(User(email=f"bench{i}@example.invalid", full_name=f"Bench {i}") for i in range(200))
versions = []
for number in (1, 2):
    v = DraftVersion.objects.create(plan=plan, number=number, introduction="Intro one.\\n\\nIntro two.", published_at=timezone.now())
    cs = DraftCommitment.objects.bulk_create(DraftCommitment(version=v, key=f"k{i:03d}", position=i, title=f"Commitment {i}", problem="Problem " * 40, objective="Objective " * 30, lead_institution="Ministry") for i in range(30))
    DraftMilestone.objects.bulk_create(DraftMilestone(commitment=c, key=f"{c.key}m{j}", position=j, title=f"Milestone {j}") for c in cs for j in range(3))
    versions.append((v, cs))
proposals = Proposal.objects.bulk_create(Proposal(plan=plan, author=random.choice(users), title=f"Proposal {i} about open data", problem="Problem text " * 20, solution="Solution text " * 20, values=["transparency"], policy_area="open_contracting", language="en", support_count=random.randint(0, 50)) for i in range(500))
LedgerEntry.objects.bulk_create(LedgerEntry(plan=plan, kind="proposal", proposal=p, received_on=today - timedelta(days=random.randint(0, 50)), language="en") for p in proposals)
v1, cs1 = versions[0]
comments = Comment.objects.bulk_create(Comment(version=v1, anchor=f"c-{random.choice(cs1).key}-problem", author=random.choice(users), body="A comment " * 15, language=random.choice(["en", "fr", "es"])) for i in range(5000))
LedgerEntry.objects.bulk_create(LedgerEntry(plan=plan, kind="comment", comment=c, received_on=today - timedelta(days=random.randint(0, 50)), language=c.language, disposition="not_adopted" if i % 2 else "", reason="Because " * 10 if i % 2 else "") for i, c in enumerate(comments))
print(plan.slug, LedgerEntry.objects.count(), "ledger inputs")
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=40, help="requests per client")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--wrk", type=int, default=0, metavar="SECONDS",
        help="also measure each page with wrk (a client that does not share the GIL)",
    )  # fmt: skip
    parser.add_argument(
        "--cookie", action="store_true",
        help="send a cookie, so the visitors' page cache is bypassed (every page is built)",
    )  # fmt: skip
    add_stack_arguments(parser)
    args = parser.parse_args()
    pages = {
        BARE: ["/"],
        "plan page": ["/en/co-creation/bench-plan/"],
        "ledger page": ["/en/co-creation/bench-plan/what-we-heard/",
                        "/en/co-creation/bench-plan/what-we-heard/?page=40",
                        "/en/co-creation/bench-plan/what-we-heard/?disposition=unanswered"],
    }  # fmt: skip
    with production_site(SEED, workers=args.workers, stack=stack_from_args(args)) as site:
        warm(site, pages, rounds=4 * args.workers)
        headers = {"Cookie": "bench=1"} if args.cookie else {}
        result = load(site, pages, clients=args.clients, requests=args.requests, headers=headers)
        note = "with a cookie (no page cache), " if args.cookie else ""
        if args.wrk:
            report_wrk(site, pages, seconds=args.wrk, clients=args.clients, headers=headers)
        report(result, workers=args.workers, note=note, stack=site.stack)


if __name__ == "__main__":
    main()
