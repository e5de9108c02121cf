"""The commitments' policy-area links become a model of their own, on the table the plain
many-to-many made (no change to it but one column): each link keeps its commitment's
identifier, so an area's commitments are read in identifier order from one index."""

import django.db.models.deletion
from django.db import migrations, models


def fill_identifiers(apps, schema_editor):
    Commitment = apps.get_model("plans", "Commitment")
    Link = apps.get_model("plans", "CommitmentPolicyArea")
    owner = Commitment.objects.filter(pk=models.OuterRef("commitment_id")).values("identifier")
    Link.objects.update(identifier=models.Subquery(owner[:1]))


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0007_commitment_country"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="CommitmentPolicyArea",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "commitment",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="policy_area_links",
                                to="plans.commitment",
                            ),
                        ),
                        (
                            "policyarea",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="plans.policyarea",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "plans_commitment_policy_areas",
                        "unique_together": {("commitment", "policyarea")},
                    },
                ),
                migrations.AlterField(
                    model_name="commitment",
                    name="policy_areas",
                    field=models.ManyToManyField(
                        blank=True,
                        related_name="commitments",
                        through="plans.CommitmentPolicyArea",
                        to="plans.policyarea",
                        verbose_name="policy areas",
                    ),
                ),
            ],
            database_operations=[],
        ),
        migrations.AddField(
            model_name="commitmentpolicyarea",
            name="identifier",
            field=models.CharField(default="", editable=False, max_length=20),
            preserve_default=False,
        ),
        migrations.RunPython(fill_identifiers, migrations.RunPython.noop, elidable=True),
        migrations.AddIndex(
            model_name="commitmentpolicyarea",
            index=models.Index(fields=["policyarea", "identifier"], name="commitment_area_ident"),
        ),
    ]
