from datetime import datetime, timedelta

import pytest

from ogp.participation.domain.digest import (
    Change,
    Follow,
    Frequency,
    Target,
    build_digests,
    window_start,
)

UNTIL = datetime(2026, 3, 10, 6, 0)
COUNTRY = Target("country", "FRA")
FORUM = Target("forum", 7)
EVENT = Target("event", 3)
LONG_AGO = datetime(2025, 1, 1)


def at(hours_before):
    return UNTIL - timedelta(hours=hours_before)


def test_one_digest_gathers_several_changes():
    follows = [Follow("ana", COUNTRY, LONG_AGO), Follow("ana", FORUM, LONG_AGO)]
    changes = [
        Change("c1", (COUNTRY,), at(20)),
        Change("c2", (FORUM,), at(10)),
        Change("c3", (FORUM,), at(2)),
    ]
    (digest,) = build_digests(
        frequency=Frequency.DAILY, until=UNTIL, follows=follows, changes=changes
    )
    assert digest.user == "ana"
    assert digest.change_count == 3
    assert [s.target for s in digest.sections] == [FORUM, COUNTRY]
    assert [c.key for c in digest.sections[0].changes] == ["c3", "c2"]


@pytest.mark.parametrize(
    ("hours", "included"),
    [(24.01, False), (24, False), (23.99, True), (0, True), (-0.01, False)],
)
def test_daily_window_boundaries(hours, included):
    digests = build_digests(
        frequency=Frequency.DAILY,
        until=UNTIL,
        follows=[Follow("ana", COUNTRY, LONG_AGO)],
        changes=[Change("c", (COUNTRY,), at(hours))],
    )
    assert bool(digests) is included


@pytest.mark.parametrize(("days", "included"), [(7, False), (6.99, True)])
def test_weekly_window(days, included):
    digests = build_digests(
        frequency=Frequency.WEEKLY,
        until=UNTIL,
        follows=[Follow("ana", COUNTRY, LONG_AGO)],
        changes=[Change("c", (COUNTRY,), UNTIL - timedelta(days=days))],
    )
    assert bool(digests) is included


def test_window_starts_at_last_sent_so_nothing_is_lost():
    last = UNTIL - timedelta(days=3)
    assert window_start(frequency=Frequency.DAILY, until=UNTIL, last_sent=last) == last
    digests = build_digests(
        frequency=Frequency.DAILY,
        until=UNTIL,
        follows=[Follow("ana", COUNTRY, LONG_AGO)],
        changes=[Change("c", (COUNTRY,), at(48))],
        last_sent={"ana": last},
    )
    assert digests[0].change_count == 1


def test_running_twice_sends_nothing_new():
    assert window_start(frequency=Frequency.DAILY, until=UNTIL, last_sent=UNTIL) == UNTIL
    digests = build_digests(
        frequency=Frequency.DAILY,
        until=UNTIL,
        follows=[Follow("ana", COUNTRY, LONG_AGO)],
        changes=[Change("c", (COUNTRY,), at(1))],
        last_sent={"ana": UNTIL},
    )
    assert digests == ()


def test_last_sent_in_future_yields_empty_window():
    assert (
        window_start(frequency=Frequency.WEEKLY, until=UNTIL, last_sent=UNTIL + timedelta(1))
        == UNTIL
    )


def test_changes_before_following_are_skipped():
    follows = [Follow("ana", COUNTRY, at(5))]
    changes = [Change("old", (COUNTRY,), at(6)), Change("same", (COUNTRY,), at(5))]
    (digest,) = build_digests(
        frequency=Frequency.DAILY, until=UNTIL, follows=follows, changes=changes
    )
    assert [c.key for c in digest.sections[0].changes] == ["same"]


def test_own_changes_are_skipped():
    digests = build_digests(
        frequency=Frequency.DAILY,
        until=UNTIL,
        follows=[Follow("ana", COUNTRY, LONG_AGO)],
        changes=[Change("mine", (COUNTRY,), at(1), actor="ana")],
    )
    assert digests == ()


def test_change_with_several_followed_targets_appears_once():
    follows = [Follow("ana", COUNTRY, LONG_AGO), Follow("ana", FORUM, LONG_AGO)]
    changes = [Change("meeting", (FORUM, COUNTRY), at(1))]
    (digest,) = build_digests(
        frequency=Frequency.DAILY, until=UNTIL, follows=follows, changes=changes
    )
    assert digest.change_count == 1
    assert digest.sections[0].target == FORUM


def test_change_falls_back_to_second_target_when_first_not_followed():
    follows = [Follow("ana", COUNTRY, LONG_AGO)]
    changes = [Change("meeting", (FORUM, COUNTRY), at(1))]
    (digest,) = build_digests(
        frequency=Frequency.DAILY, until=UNTIL, follows=follows, changes=changes
    )
    assert digest.sections[0].target == COUNTRY


def test_each_user_gets_only_what_they_follow():
    follows = [Follow("ana", COUNTRY, LONG_AGO), Follow("ben", EVENT, LONG_AGO)]
    changes = [Change("c", (COUNTRY,), at(1)), Change("e", (EVENT,), at(2))]
    digests = build_digests(
        frequency=Frequency.DAILY, until=UNTIL, follows=follows, changes=changes
    )
    assert {d.user: [s.target for s in d.sections] for d in digests} == {
        "ana": [COUNTRY],
        "ben": [EVENT],
    }


def test_users_without_changes_get_no_digest():
    digests = build_digests(
        frequency=Frequency.DAILY,
        until=UNTIL,
        follows=[Follow("ana", COUNTRY, LONG_AGO)],
        changes=[],
    )
    assert digests == ()


def test_duplicate_follow_keeps_earliest_since():
    follows = [Follow("ana", COUNTRY, at(1)), Follow("ana", COUNTRY, at(10))]
    (digest,) = build_digests(
        frequency=Frequency.DAILY,
        until=UNTIL,
        follows=follows,
        changes=[Change("c", (COUNTRY,), at(5))],
    )
    assert digest.change_count == 1
