"""Seed what the platform owns (countries, rule sets), import sources, optionally demo content.

Each app may provide `seed.py` with `seed(*, demo: bool, stdout) -> None`; they run in
INSTALLED_APPS order. Running it twice changes nothing the second time.
"""

from importlib import import_module
from importlib.util import find_spec

from django.apps import apps
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Seed countries and rule sets, import OGP_SOURCES_DIR if set, and add demo content."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument(
            "--no-demo",
            action="store_true",
            help="Do not create the fictional demo content (organisations, forums, events).",
        )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        demo = not options["no_demo"]
        for config in apps.get_app_configs():
            if not config.name.startswith("ogp."):
                continue
            module_name = f"{config.name}.seed"
            if find_spec(module_name) is None:
                continue
            self.stdout.write(f"Seeding {config.label}...")
            import_module(module_name).seed(demo=demo, stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Seeding done."))
