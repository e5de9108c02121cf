"""Write the current OpenAPI schema to ogp/api/openapi-v1.yaml (the snapshot the tests compare)."""

from django.core.management.base import BaseCommand

from ogp.api.snapshot import SNAPSHOT_PATH, current_schema_yaml


class Command(BaseCommand):
    help = "Regenerate the committed OpenAPI snapshot of /api/v1/."

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        SNAPSHOT_PATH.write_text(current_schema_yaml(), encoding="utf-8")
        self.stdout.write(f"Wrote {SNAPSHOT_PATH}")
