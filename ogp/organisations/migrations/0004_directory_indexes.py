"""Directory indexes (PostgreSQL only): alphabetical order, type filter and search."""

from django.db import migrations

from ogp.core.migration_ops import TRIGRAM_EXTENSION, natural_index, trigram_index


class Migration(migrations.Migration):
    dependencies = [("organisations", "0003_focus_areas")]

    operations = [
        TRIGRAM_EXTENSION,
        natural_index(
            "organisation_name_natural", "organisations_organisation", "name", where="NOT is_hidden"
        ),
        natural_index(
            "organisation_kind_name_natural",
            "organisations_organisation",
            "name",
            before="kind",
            where="NOT is_hidden",
        ),
        trigram_index("organisation_name_trgm", "organisations_organisation", "name"),
        trigram_index("organisation_description_trgm", "organisations_organisation", "description"),
    ]
