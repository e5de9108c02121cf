"""The civil society mailing list and one topic list per focus area (platform-owned)."""

from django.db import migrations


def create(apps, schema_editor):
    MailingList = apps.get_model("participation", "MailingList")
    FocusArea = apps.get_model("organisations", "FocusArea")
    MailingList.objects.get_or_create(slug="civil-society", defaults={"kind": "civil_society"})
    for area in FocusArea.objects.all():
        MailingList.objects.get_or_create(
            slug=f"topic-{area.code.replace('_', '-')}", defaults={"kind": "topic", "topic": area}
        )


def remove(apps, schema_editor):
    apps.get_model("participation", "MailingList").objects.filter(
        kind__in=["civil_society", "topic"]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0001_initial"),
        ("organisations", "0003_focus_areas"),
    ]

    operations = [migrations.RunPython(create, remove)]
