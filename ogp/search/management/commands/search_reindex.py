from django.core.management.base import BaseCommand, CommandError

from ogp.search.registry import REGISTRY, reindex_all


class Command(BaseCommand):
    help = "Rebuild the search index (every registered type, or those named)."

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("kinds", nargs="*", help=f"any of: {', '.join(sorted(REGISTRY))}")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        unknown = set(options["kinds"]) - set(REGISTRY)
        if unknown:
            raise CommandError(f"Unknown type(s): {', '.join(sorted(unknown))}")
        count = reindex_all(options["kinds"] or None)
        self.stdout.write(f"{count} document(s) indexed.")
