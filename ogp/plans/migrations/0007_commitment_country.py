"""Each commitment keeps its plan's country (filtered and read in identifier order from one
index); existing rows are filled from their plans."""

import django.db.models.deletion
from django.db import migrations, models


def fill_countries(apps, schema_editor):
    Commitment = apps.get_model("plans", "Commitment")
    ActionPlan = apps.get_model("plans", "ActionPlan")
    plans = ActionPlan.objects.filter(pk=models.OuterRef("plan_id")).values("country_id")[:1]
    Commitment.objects.update(country_id=models.Subquery(plans))


class Migration(migrations.Migration):
    dependencies = [
        ("countries", "0003_merge_20261201_2150"),
        ("plans", "0006_explorer_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="commitment",
            name="country",
            field=models.ForeignKey(
                db_index=False,
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="countries.country",
            ),
        ),
        migrations.RunPython(fill_countries, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="commitment",
            index=models.Index(fields=["country", "identifier"], name="commitment_country_ident"),
        ),
    ]
