"""The periodic jobs of the platform, in one place, and the task that runs one of them.

`manage.py run_scheduled` (every hour, from cron or the systemd timer in the README) enqueues
the jobs due in the current hour; each job runs on the task queue like any other task.
To add a job: one line in JOBS, naming a function that takes no argument.
"""

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils.module_loading import import_string
from django_tasks import task

from .models import PeriodicRun


@dataclass(frozen=True)
class Job:
    name: str
    function: str  # dotted path to a callable without arguments
    hour: int  # UTC
    weekday: int | None = None  # 0 = Monday; None = every day

    def is_due(self, now: datetime.datetime) -> bool:
        return now.hour == self.hour and (self.weekday is None or now.weekday() == self.weekday)

    def period(self, now: datetime.datetime) -> str:
        return now.strftime("%G-W%V") if self.weekday is not None else now.date().isoformat()


JOBS: tuple[Job, ...] = (
    Job("opendata-packages", "ogp.opendata.services.datapackages_build_all", hour=2),
    Job("digests-daily", "ogp.tasks.jobs.digests_daily", hour=6),
    Job("digests-weekly", "ogp.tasks.jobs.digests_weekly", hour=6, weekday=0),
    Job(
        "forum-reminders", "ogp.participation.services.forums.forum_cadence_reminders_send", hour=7
    ),
)
JOBS_BY_NAME = {job.name: job for job in JOBS}


@task()
def run_job(name: str) -> object:
    result = import_string(JOBS_BY_NAME[name].function)()
    return result if isinstance(result, int | str | None) else str(result)


def enqueue_due(
    now: datetime.datetime, *, only: str | None = None, force: bool = False
) -> list[str]:
    """Enqueue the jobs due at `now` (or `only`, when forced), each once per period."""
    queued = []
    for job in JOBS:
        if only and job.name != only:
            continue
        if not force and not job.is_due(now):
            continue
        period = now.isoformat(timespec="seconds") if force else job.period(now)
        try:
            with transaction.atomic():
                PeriodicRun.objects.create(job=job.name, period=period)
        except IntegrityError:
            continue  # already queued for this period
        run_job.enqueue(job.name)
        queued.append(job.name)
    return queued
