"""manage.py import_ogp_commitments PATH: import OGP's commitments & IRM data sheet."""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from ogp.core.errors import ServiceError
from ogp.plans.services import sheet_import


class Command(BaseCommand):
    help = "Import OGP's commitments and IRM data sheet (CSV, 171 columns). All or nothing."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args: Any, **options: Any) -> None:
        path: Path = options["path"]
        if not path.is_file():
            raise CommandError(f"{path}: no such file")
        try:
            record = sheet_import(acting_user=None, data=path.read_bytes(), file_name=path.name)
        except ServiceError as exc:
            raise CommandError("Nothing imported:\n" + "\n".join(exc.messages)) from exc
        self.stdout.write(
            f"{record.rows} rows: {record.plans_created} plans created, "
            f"{record.commitments_created} commitments created, "
            f"{record.commitments_updated} updated, {record.commitments_unchanged} unchanged, "
            f"{record.rows_refused} refused, {record.countries} countries and localities"
        )
        for refusal in record.report.get("refused", []):
            self.stdout.write(
                f"  refused line {refusal['line']}, column {refusal['column']!r}: "
                f"{refusal['reason']}"
            )
        for note in record.report.get("notes", []):
            self.stdout.write(
                f"  note line {note['line']}, column {note['column']!r}: {note['value']!r} "
                f"{note['note']}"
            )
