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
