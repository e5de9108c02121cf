"""The plans package: rebuilt when an action plan or an IRM report is published (through the
hooks the plans and co-creation apps send), once per transaction, and every night; the Atom
feed announces those publications."""

import csv
import io
import json

import pytest
from django.utils import timezone

from ogp.opendata.services import datapackages_build_all, root

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _opendata_root(settings, tmp_path):
    settings.OGP_OPENDATA_ROOT = tmp_path / "opendata"


@pytest.fixture
def report_ready(country, staff_user):
    from ogp.accounts.tests.factories import ResearcherUserFactory
    from ogp.plans import services
    from ogp.plans.tests.factories import ActionPlanFactory, CommitmentFactory, MilestoneFactory

    plan = ActionPlanFactory(ogp_id="AP_ZZA07", country=country, submitted_year=2021)
    commitment = CommitmentFactory(plan=plan, identifier="ZZ0701", irm_coding={})
    MilestoneFactory(commitment=commitment, title="Register online")
    researcher = ResearcherUserFactory()
    report = services.irm_report_create(
        acting_user=staff_user, plan=plan, kind="results_report", researchers=[researcher]
    )
    services.irm_coding_save(
        acting_user=researcher, report=report, commitment=commitment,
        values={"end_of_term.completion": "complete", "end_of_term.early_results": "nr"},
    )  # fmt: skip
    return report, researcher


def rows(name):
    return list(csv.DictReader(io.StringIO((root() / "plans" / f"{name}.csv").read_text())))


def test_irm_report_publication_rebuilds_the_plans_package(
    report_ready, django_capture_on_commit_callbacks
):
    from ogp.plans import services

    report, researcher = report_ready
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.irm_report_publish(acting_user=researcher, report=report)
    # one package rebuild (the page cache's own commit callback aside)
    assert [c.name for c in callbacks if hasattr(c, "name")] == ["plans"]
    meta = json.loads((root() / "plans" / "datapackage.json").read_text())
    assert [r["name"] for r in meta["resources"] if r["format"] == "csv"] == [
        "action_plans", "commitments", "milestones", "irm_reports", "irm_coding",
        "self_assessments", "self_assessment_sections", "self_assessment_entries",
        "self_assessment_comments",
    ]  # fmt: skip
    (published,) = rows("irm_reports")
    assert (published["plan"], published["version"]) == ("AP_ZZA07", "1")
    coding = {(r["indicator"], r["level"], r["not_reviewed"]) for r in rows("irm_coding")}
    assert coding == {
        ("end_of_term.completion", "complete", "false"),
        ("end_of_term.early_results", "", "true"),
    }
    (commitment,) = rows("commitments")
    assert commitment["identifier"] == "ZZ0701" and commitment["completion"] == "complete"
    assert rows("milestones")[0]["title"] == "Register online"


def test_a_draft_report_is_not_in_the_package(report_ready):
    datapackages_build_all()  # the nightly rebuild includes the plans package
    assert rows("irm_reports") == [] and rows("irm_coding") == []
    assert [r["ogp_id"] for r in rows("action_plans")] == ["AP_ZZA07"]


def test_plan_publication_rebuilds_the_plans_package(
    country, staff_user, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from ogp.cocreation.services.publication import published_plan_create
    from ogp.cocreation.tests import factories as cf

    plan = cf.PlanFactory(
        country=country, state="published", published_on=timezone.localdate(),
        submitted_on=timezone.localdate(),
    )  # fmt: skip
    version = cf.VersionFactory(plan=plan, number=1)
    cf.MilestoneFactory(commitment=cf.CommitmentFactory(version=version, title="Open budgets"))
    other = cf.PlanFactory(country=country, state="published", published_on=timezone.localdate())
    cf.CommitmentFactory(version=cf.VersionFactory(plan=other, number=1))
    with django_capture_on_commit_callbacks(execute=True) as callbacks, transaction.atomic():
        published_plan_create(acting_user=staff_user, plan=plan)
        published_plan_create(acting_user=staff_user, plan=plan)  # once: the same plan
        published_plan_create(acting_user=staff_user, plan=other)
    # (the page cache's own commit callback aside)
    assert [c.name for c in callbacks if hasattr(c, "name")] == ["plans", "plans"]  # one each
    assert len(rows("action_plans")) == 2
    assert "Open budgets" in {r["title"] for r in rows("commitments")}


def test_feed_announces_published_plans_and_reports(client, report_ready, country, staff_user):
    from ogp.cocreation.services.publication import published_plan_create
    from ogp.cocreation.tests import factories as cf
    from ogp.plans import services

    report, researcher = report_ready
    services.irm_report_publish(acting_user=researcher, report=report)
    plan = cf.PlanFactory(
        country=country, state="published", published_on=timezone.localdate(),
        title="Zedland open plan",
    )  # fmt: skip
    cf.CommitmentFactory(version=cf.VersionFactory(plan=plan, number=1))
    published_plan_create(acting_user=staff_user, plan=plan)
    text = client.get("/fr/open-data/feeds/publications.atom").content.decode()
    assert "urn:ogp-platform:irm-report:" in text and "urn:ogp-platform:plan:" in text
    assert "Zedland open plan" in text


def test_a_rolled_back_publication_does_not_hide_a_later_one(
    report_ready, django_capture_on_commit_callbacks
):
    from django.db import transaction

    from ogp.opendata.signals import irm_report_published

    class Boom(Exception):
        pass

    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        try:
            with transaction.atomic():
                irm_report_published(acting_user=None, event=None)  # type: ignore[arg-type]
                raise Boom
        except Boom:
            pass
        irm_report_published(acting_user=None, event=None)  # type: ignore[arg-type]
    assert [c.name for c in callbacks if hasattr(c, "name")] == ["plans"]


def test_self_assessment_publication_adds_it_to_the_plans_package(
    report_ready, country, government_user, django_capture_on_commit_callbacks
):
    from datetime import timedelta

    from ogp.accounts.tests.factories import UserFactory
    from ogp.monitoring import services

    report, _researcher = report_ready
    today = timezone.localdate()
    draft = services.self_assessment_create(
        acting_user=government_user, plan=report.plan, kind="midterm"
    )
    services.self_assessment_create(
        acting_user=government_user, plan=report.plan, kind="end_of_term"
    )  # never opened: not in the package
    draft = services.self_assessment_open_for_comment(
        acting_user=government_user, report=draft, opens=today, closes=today, today=today
    )
    comment = services.self_assessment_comment_create(
        acting_user=UserFactory(), report=draft, target="commitment:ZZ0701",
        body="Registration is still offline.", today=today,
    )  # fmt: skip
    services.self_assessment_comment_answer(
        acting_user=government_user, comment=comment, disposition="adopted",
        reason="The entry now says so.",
    )  # fmt: skip
    services.self_assessment_sections_update(
        acting_user=government_user, report=draft, bodies={"introduction": "Two years on."}
    )
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.self_assessment_publish(
            acting_user=government_user, report=draft, today=today + timedelta(days=1)
        )
    assert [c.name for c in callbacks if hasattr(c, "name")] == ["plans"]
    (published,) = rows("self_assessments")
    assert (published["id"], published["kind"], published["version"]) == (
        str(draft.pk), "midterm", "2",
    )  # fmt: skip
    assert published["comment_count"] == "1" and published["plan"] == "AP_ZZA07"
    sections = {r["key"]: r["body"] for r in rows("self_assessment_sections")}
    assert sections["introduction"] == "Two years on."
    (entry,) = rows("self_assessment_entries")
    assert entry["commitment"] == "ZZ0701"
    (answered,) = rows("self_assessment_comments")
    assert (answered["target_kind"], answered["target"], answered["disposition"]) == (
        "commitment", "ZZ0701", "adopted",
    )  # fmt: skip
    assert answered["reason"] == "The entry now says so."
    meta = json.loads((root() / "plans" / "datapackage.json").read_text())
    schema = next(r["schema"] for r in meta["resources"] if r["name"] == "self_assessment_comments")
    described = {f["name"]: f.get("description", "") for f in schema["fields"]}
    assert "section or commitment" in described["target_kind"]
