from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ogp.eligibility import importing


class Command(BaseCommand):
    help = (
        "Download the publishers' files (URLs from the OGP_ELIGIBILITY_SOURCE_URLS setting "
        "or --url name=URL) into a folder, then import them."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("--to", default="var/sources", help="download folder")
        parser.add_argument("--url", action="append", default=[], help="file-name=URL (repeatable)")
        parser.add_argument("--no-import", action="store_true")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        urls = importing.configured_urls()
        for item in options["url"]:
            name, sep, url = item.partition("=")
            if not sep:
                raise CommandError(f"--url expects name=URL, got {item}")
            urls[name] = url
        if not urls:
            raise CommandError("No URL configured: set OGP_ELIGIBILITY_SOURCE_URLS or use --url.")
        try:
            paths = importing.download(urls, Path(options["to"]))
        except (OSError, ValueError) as err:
            raise CommandError(f"Download failed (is the machine online?): {err}") from None
        for p in paths:
            self.stdout.write(f"downloaded {p}")
        if options["no_import"]:
            return
        try:
            for release, created in importing.import_paths(
                sorted(
                    paths,
                    key=lambda p: importing.ORDER.index(
                        importing.services.detect_kind(p.read_bytes()[:4096]) or "vdem"
                    ),
                )
            ):
                self.stdout.write(f"{release}: {'imported' if created else 'unchanged'}")
        except ValidationError as err:
            raise CommandError(" ".join(err.messages)) from None
