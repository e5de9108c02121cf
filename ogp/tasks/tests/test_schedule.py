import datetime

import pytest
from django.core.management import call_command

from ogp.tasks.models import PeriodicRun
from ogp.tasks.schedule import JOBS_BY_NAME, enqueue_due

pytestmark = pytest.mark.django_db

UTC = datetime.UTC


def test_jobs_due_at_their_hour_once_per_period(monkeypatch):
    ran = []
    monkeypatch.setattr("ogp.tasks.jobs.digests_send", lambda frequency: ran.append(frequency) or 0)
    monday_6 = datetime.datetime(2026, 11, 30, 6, 5, tzinfo=UTC)
    assert sorted(enqueue_due(monday_6)) == ["digests-daily", "digests-weekly"]
    assert ran == ["daily", "weekly"]
    assert enqueue_due(monday_6.replace(minute=40)) == []  # the timer fired twice this hour
    tuesday_6 = monday_6 + datetime.timedelta(days=1)
    assert enqueue_due(tuesday_6) == ["digests-daily"]
    assert PeriodicRun.objects.count() == 3


def test_job_periods():
    weekly = JOBS_BY_NAME["digests-weekly"]
    assert weekly.period(datetime.datetime(2026, 11, 30, tzinfo=UTC)) == "2026-W49"
    assert not weekly.is_due(datetime.datetime(2026, 12, 1, 6, tzinfo=UTC))


def test_command_lists_and_runs_one_job(capsys, monkeypatch):
    monkeypatch.setattr("ogp.tasks.jobs.digests_send", lambda frequency: 0)
    call_command("run_scheduled", "--list")
    assert "opendata-packages" in capsys.readouterr().out
    call_command("run_scheduled", "--job", "digests-daily")
    assert "1 job(s) queued: digests-daily" in capsys.readouterr().out
