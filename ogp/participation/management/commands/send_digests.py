"""Send follow digests: run daily with --frequency daily and weekly with --frequency weekly."""

from django.core.management.base import BaseCommand

from ogp.participation.services.follow import digests_send


class Command(BaseCommand):
    help = "E-mail one digest per follower with the changes since their previous digest."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--frequency", choices=["daily", "weekly"], required=True)

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        sent = digests_send(frequency=options["frequency"])
        self.stdout.write(f"{sent} digest(s) sent.")
