"""Apply the latest published eligibility cycle to every country's OGP status.

Run it after publishing a cycle. Each change is checked by the membership state machine,
recorded in the status history and audited (as the system). Running it twice changes nothing.
"""

from django.core.management.base import BaseCommand

from ogp.core.errors import ServiceError
from ogp.countries.models import Country
from ogp.membership.services import membership_status_sync_eligibility


class Command(BaseCommand):
    help = "Apply the latest published eligibility cycle to every country's membership status."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        changed = refused = 0
        for country in Country.objects.order_by("iso3"):
            try:
                change = membership_status_sync_eligibility(acting_user=None, country=country)
            except ServiceError as error:
                refused += 1
                self.stderr.write(f"{country.iso3}: {' '.join(error.messages)}")
                continue
            if change is not None:
                changed += 1
                self.stdout.write(f"{country.iso3}: {change.from_status} -> {change.to_status}")
        self.stdout.write(self.style.SUCCESS(f"{changed} status(es) changed, {refused} refused."))
