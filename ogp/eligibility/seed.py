"""Seed the shipped rule sets; with OGP_SOURCES_DIR, import the publishers' files found there
and compute and publish every cycle they support. No invented data."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings

from . import importing, services
from .models import YEARLY_KINDS, Cycle, CycleState, DatasetRelease, RuleSetVersion


def supported_years() -> list[int]:
    """Cycle years from the first rule set to the newest data year plus the data lag (yearly
    series only: the RTI Rating's status year or a law's year is no data year)."""
    first = RuleSetVersion.objects.order_by("valid_from").values_list("valid_from", flat=True)
    years = [r.year_max for r in DatasetRelease.objects.filter(kind__in=YEARLY_KINDS) if r.year_max]
    if not first or not years:
        return []
    last = max(years) + 1
    return list(range(first[0], last + 1))


def compute_and_publish(*, acting_user: Any = None, stdout: Any = None) -> list[Cycle]:
    done = []
    years = list(supported_years())
    for year in years:
        cycle = Cycle.objects.filter(year=year).first()
        if cycle is not None and cycle.state == CycleState.PUBLISHED:
            continue
        if cycle is None:
            cycle = services.cycle_open(acting_user=acting_user, year=year)
        services.cycle_compute(acting_user=acting_user, cycle=cycle)
        cycle.refresh_from_db()
        # back-filling history: only the newest cycle moves countries' current status
        services.cycle_publish(
            acting_user=acting_user, cycle=cycle, apply_statuses=year == years[-1]
        )
        done.append(cycle)
        if stdout:
            stdout.write(f"  cycle {year}: computed and published")
    return done


def seed(*, demo: bool, stdout: Any) -> None:
    created = services.ruleset_seed_shipped()
    stdout.write(f"  rule sets: {created} created")
    if settings.OGP_SOURCES_DIR:
        folder = Path(settings.OGP_SOURCES_DIR)
        for release, was_created in importing.import_folder(folder):
            stdout.write(
                f"  {release}: {'imported' if was_created else 'unchanged'}"
                f" ({len(release.unmatched)} unmatched rows)"
            )
        compute_and_publish(stdout=stdout)
