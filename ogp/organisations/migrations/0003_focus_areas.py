from django.db import migrations

CODES = [
    "access_to_information", "anti_corruption", "fiscal_openness", "open_contracting",
    "beneficial_ownership", "civic_space", "justice", "digital_governance", "public_services",
    "gender_inclusion", "environment", "open_parliament", "media_freedom", "local_government",
]  # fmt: skip


def create(apps, schema_editor):
    FocusArea = apps.get_model("organisations", "FocusArea")
    for code in CODES:
        FocusArea.objects.get_or_create(code=code)


def remove(apps, schema_editor):
    apps.get_model("organisations", "FocusArea").objects.filter(code__in=CODES).delete()


class Migration(migrations.Migration):
    dependencies = [("organisations", "0002_focusarea_organisation_contact_email_and_more")]

    operations = [migrations.RunPython(create, remove)]
