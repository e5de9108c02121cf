"""The move of reports, follows, activity and digest preferences from participation into
engagement keeps every row (ids included) and gives follows and activity generic targets."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

# accounts' later migrations stay applied while participation goes back: name them, so that the
# historical User model has the columns the table has
BEFORE = [
    ("participation", "0004_event_constraint_message"),
    ("engagement", "0001_initial"),
    ("accounts", "0003_user_time_zone"),
]
AFTER = [("participation", "0005_move_engagement_to_its_app")]


@pytest.mark.django_db(transaction=True)
def test_existing_rows_move_forward_with_generic_targets():
    try:
        _move_forward_and_check()
    finally:  # the rest of the suite runs on the latest schema, whatever happened here
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())


def _move_forward_and_check() -> None:
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    User = old.get_model("accounts", "User")
    Country = old.get_model("countries", "Country")
    Forum = old.get_model("participation", "Forum")
    ContentType = old.get_model("contenttypes", "ContentType")
    now = timezone.now()
    user = User.objects.create(email="ana@example.org")
    country = Country.objects.create(iso2="ZZ", iso3="ZZA", name_en="Zedland")
    forum = Forum.objects.create(
        name="Zedland forum", slug="zf", country=country, established_on=now.date()
    )
    old.get_model("participation", "Follow").objects.create(
        pk=7, user=user, forum=forum, created_at=now
    )
    old.get_model("participation", "Follow").objects.create(
        pk=8, user=user, country=country, created_at=now
    )
    old.get_model("participation", "DigestPreference").objects.create(user=user, frequency="daily")
    old.get_model("participation", "Activity").objects.create(
        pk=5, verb="meeting_scheduled", title="Spring", forum=forum, country=country,
        occurred_at=now,
    )  # fmt: skip
    person_type = ContentType.objects.get_or_create(app_label="participation", model="person")[0]
    old.get_model("participation", "ContentReport").objects.create(
        pk=3, content_type=person_type, object_id=42, reporter=user, reason="spam"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps
    Follow = new.get_model("engagement", "Follow")
    forum_type = ContentType.objects.get(app_label="participation", model="forum")
    country_type = ContentType.objects.get(app_label="countries", model="country")
    assert set(Follow.objects.values_list("pk", "content_type_id", "object_id")) == {
        (7, forum_type.pk, forum.pk),
        (8, country_type.pk, country.pk),
    }
    assert new.get_model("engagement", "DigestPreference").objects.get(user_id=user.pk).frequency
    targets = new.get_model("engagement", "ActivityTarget").objects.filter(activity_id=5)
    assert list(targets.order_by("position").values_list("content_type_id", "object_id")) == [
        (forum_type.pk, forum.pk),
        (country_type.pk, country.pk),
    ]
    report = new.get_model("engagement", "ContentReport").objects.get(pk=3)
    assert (report.content_type_id, report.object_id, report.reason) == (person_type.pk, 42, "spam")
    # the id sequences moved past the copied rows: the next follow gets a new id
    Follow.objects.create(
        user_id=user.pk, content_type_id=person_type.pk, object_id=1, created_at=now
    )
