from datetime import date

import pytest

from ogp.cocreation.domain.notice import NoticeStatus, notice_check

OPENS = date(2026, 3, 15)


@pytest.mark.parametrize(
    ("published", "status", "days"),
    [(date(2026, 3, 1), NoticeStatus.MET, 14), (date(2026, 2, 1), NoticeStatus.MET, 42),
     (date(2026, 3, 2), NoticeStatus.SHORT, 13), (date(2026, 3, 15), NoticeStatus.SHORT, 0),
     (date(2026, 3, 20), NoticeStatus.SHORT, -5)],
)  # fmt: skip
def test_published(published, status, days):
    result = notice_check(published_on=published, opens_on=OPENS, required_days=14,
                          today=date(2026, 4, 1))  # fmt: skip
    assert (result.status, result.days_given, result.publish_by) == (status, days, date(2026, 3, 1))
    assert result.ok is (status is NoticeStatus.MET)


@pytest.mark.parametrize(
    ("today", "status"),
    [(date(2026, 2, 28), NoticeStatus.STILL_TIME), (date(2026, 3, 1), NoticeStatus.STILL_TIME),
     (date(2026, 3, 2), NoticeStatus.MISSED)],
)  # fmt: skip
def test_unpublished(today, status):
    result = notice_check(published_on=None, opens_on=OPENS, required_days=14, today=today)
    assert result.status is status
    assert result.days_given is None
    assert not result.ok


def test_no_rule():
    result = notice_check(published_on=date(2026, 3, 14), opens_on=OPENS, required_days=None,
                          today=OPENS)  # fmt: skip
    assert (result.status, result.days_given, result.ok) == (NoticeStatus.NO_RULE, 1, True)
    assert notice_check(published_on=None, opens_on=OPENS, required_days=None,
                        today=OPENS).days_given is None  # fmt: skip


def test_zero_days_rule_and_negative_refused():
    assert notice_check(published_on=OPENS, opens_on=OPENS, required_days=0,
                        today=OPENS).status is NoticeStatus.MET  # fmt: skip
    with pytest.raises(ValueError):
        notice_check(published_on=OPENS, opens_on=OPENS, required_days=-1, today=OPENS)
