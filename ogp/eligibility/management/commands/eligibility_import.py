from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from ogp.eligibility import importing
from ogp.eligibility.labels import unmatched_units


class Command(BaseCommand):
    help = (
        "Import publishers' files (V-Dem, Open Budget Survey, EIU, RTI Rating, Global Data "
        "Barometer, research CSV, crosswalk) "
        "from files or folders. Re-importing the same data changes nothing. Rows whose country "
        "is not in the registry are listed and skipped."
    )

    def add_arguments(self, parser):  # type: ignore[no-untyped-def]
        parser.add_argument("paths", nargs="+", help="CSV or .xlsx files, or folders")

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        paths: list[Path] = []
        for raw in options["paths"]:
            p = Path(raw)
            if p.is_dir():
                paths.extend(path for path, _kind in importing.candidate_files(p))
            elif p.is_file():
                paths.append(p)
            else:
                raise CommandError(f"{p}: no such file or folder")
        for path in paths:
            try:
                ((release, created),) = importing.import_paths([path])
            except ValidationError as err:
                raise CommandError(" ".join(err.messages)) from None
            state = "imported" if created else "already imported, unchanged"
            self.stdout.write(
                f"{path.name}: {state} as {release} "
                f"({release.rows} rows, {len(release.unmatched)} unmatched)"
            )
            for u in unmatched_units(release.unmatched):
                self.stdout.write(
                    f"  unmatched: {u['name'] or '-'} {u['code']}"
                    f"{' (' + u['why'] + ')' if u.get('why') else ''} "
                    f"({u['rows']} {'row' if u['rows'] == 1 else 'rows'}, lines {u['lines']})"
                )
