"""Migration operations that only PostgreSQL runs (SQLite has no ICU collations or trigrams)."""

from __future__ import annotations

from typing import Any

from django.db import migrations

NATURAL = '"und-x-icu"'  # ogp.core.collation.NATURAL, quoted for SQL


class PostgresOnlySQL(migrations.RunSQL):
    """``RunSQL`` on PostgreSQL; nothing elsewhere (indexes the SQLite fallback does not need)."""

    def database_forwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(
        self, app_label: str, schema_editor: Any, from_state: Any, to_state: Any
    ) -> None:
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


def natural_index(
    name: str, table: str, column: str, *, before: str = "", where: str = ""
) -> PostgresOnlySQL:
    """A btree index in the database's accent-insensitive order (``ORDER BY natural(column)``)."""
    lead = f"{before}, " if before else ""
    condition = f" WHERE {where}" if where else ""
    columns = f'{lead}"{column}" COLLATE {NATURAL}, id'
    return PostgresOnlySQL(
        f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns}){condition}",
        f"DROP INDEX IF EXISTS {name}",
    )


def trigram_index(name: str, table: str, column: str) -> PostgresOnlySQL:
    """A trigram index for ``icontains`` (Django compares ``UPPER(column) LIKE UPPER(%s)``)."""
    return PostgresOnlySQL(
        f'CREATE INDEX IF NOT EXISTS {name} ON {table} USING gin (UPPER("{column}") gin_trgm_ops)',
        f"DROP INDEX IF EXISTS {name}",
    )


TRIGRAM_EXTENSION = PostgresOnlySQL(
    "CREATE EXTENSION IF NOT EXISTS pg_trgm", migrations.RunSQL.noop
)
