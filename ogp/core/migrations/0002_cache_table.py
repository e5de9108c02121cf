"""Create the database cache table when the default cache is the database (no REDIS_URL).

Rate limits and used-TOTP-code markers live in the cache, so every set-up needs it before the
first request; `createcachetable` does nothing for other backends and is safe to repeat.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):  # type: ignore[no-untyped-def]
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("core", "0001_initial")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
