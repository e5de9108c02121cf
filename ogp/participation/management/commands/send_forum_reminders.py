"""Remind forum coordinators of the six-month meeting rule (run daily)."""

from django.core.management.base import BaseCommand

from ogp.participation.services.forums import forum_cadence_reminders_send


class Command(BaseCommand):
    help = "E-mail coordinators of forums whose next meeting is due soon or overdue (once each)."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        count = forum_cadence_reminders_send()
        self.stdout.write(f"{count} forum(s) reminded.")
