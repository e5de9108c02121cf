"""The one scheduler entry point: run it every hour (cron or the systemd timer in the README)."""

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from ogp.tasks.schedule import JOBS, JOBS_BY_NAME, enqueue_due


class Command(BaseCommand):
    help = "Enqueue the periodic jobs due this hour (digests, reminders, nightly data packages)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--job", help="run this job now, whatever the hour")
        parser.add_argument("--list", action="store_true", help="list the jobs and exit")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        if options["list"]:
            for job in JOBS:
                day = "daily" if job.weekday is None else f"weekday {job.weekday}"
                self.stdout.write(f"{job.name}: {day} at {job.hour:02d}:00 UTC -> {job.function}")
            return
        if options["job"] and options["job"] not in JOBS_BY_NAME:
            raise CommandError(f"Unknown job {options['job']!r}; see --list.")
        queued = enqueue_due(timezone.now(), only=options["job"], force=bool(options["job"]))
        self.stdout.write(f"{len(queued)} job(s) queued: {', '.join(queued) or '-'}")
