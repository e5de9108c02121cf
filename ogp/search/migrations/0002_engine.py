"""The full-text part of the index, for the database in use.

PostgreSQL: `unaccent`, three configurations (ogp_en/fr/es: unaccent then the language's
Snowball stemmer), a tsvector column and its GIN index. SQLite: an FTS5 table keyed by the
document id (the terms are folded and stemmed in Python)."""

from django.db import migrations

PG_FORWARD = [
    "CREATE EXTENSION IF NOT EXISTS unaccent",
    *[
        f"""DO $$ BEGIN
          IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'ogp_{code}') THEN
            CREATE TEXT SEARCH CONFIGURATION ogp_{code} (COPY = {name});
            ALTER TEXT SEARCH CONFIGURATION ogp_{code}
              ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {name}_stem;
          END IF;
        END $$"""
        for code, name in (("en", "english"), ("fr", "french"), ("es", "spanish"))
    ],
    "ALTER TABLE search_searchdocument ADD COLUMN vector tsvector",
    "CREATE INDEX search_doc_vector_gin ON search_searchdocument USING GIN (vector)",
]
PG_BACKWARD = [
    "DROP INDEX IF EXISTS search_doc_vector_gin",
    "ALTER TABLE search_searchdocument DROP COLUMN IF EXISTS vector",
]
SQLITE_FORWARD = [
    "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, tokenize = 'unicode61 "
    "remove_diacritics 2')",
]
SQLITE_BACKWARD = ["DROP TABLE IF EXISTS search_fts"]


def forward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": PG_FORWARD, "sqlite": SQLITE_FORWARD}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


def backward(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": PG_BACKWARD, "sqlite": SQLITE_BACKWARD}.get(vendor, [])
    for sql in statements:
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]
    operations = [migrations.RunPython(forward, backward)]
