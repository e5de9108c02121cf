"""Name the policy areas imported before their French and Spanish names were shipped."""

from django.db import migrations

from ogp.plans.importing.columns import policy_area_names


def name_areas(apps, schema_editor):  # type: ignore[no-untyped-def]
    PolicyArea = apps.get_model("plans", "PolicyArea")
    names = policy_area_names()
    for area in PolicyArea.objects.filter(sheet_column__in=list(names)):
        found = names[area.sheet_column]
        changed = False
        if not area.name_fr:
            area.name_fr, changed = found["fr"], True
        if not area.name_es:
            area.name_es, changed = found["es"], True
        if changed:
            area.save(update_fields=["name_fr", "name_es"])


class Migration(migrations.Migration):
    dependencies = [("plans", "0004_irm_process_facts")]
    operations = [migrations.RunPython(name_areas, migrations.RunPython.noop)]
