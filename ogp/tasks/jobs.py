"""Small wrappers so periodic jobs are functions without arguments."""

from ogp.participation.services.follow import digests_send


def digests_daily() -> int:
    return digests_send(frequency="daily")


def digests_weekly() -> int:
    return digests_send(frequency="weekly")
