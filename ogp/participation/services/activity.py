"""Recording what changed on countries, forums and events, for followers' digests (the
activity itself lives in ogp.engagement)."""

from ogp.engagement.models import Activity
from ogp.engagement.services.follows import activity_record as engagement_activity_record
from ogp.engagement.services.follows import strip_language  # noqa: F401  (re-exported)


def activity_record(
    *,
    verb: str,
    title: str,
    url: str = "",
    country=None,  # type: ignore[no-untyped-def]
    forum=None,
    event=None,
    actor=None,
) -> Activity:
    """Record one change; digests pick it up (called inside the service's transaction)."""
    if forum is not None and country is None:
        country = forum.country
    if event is not None and country is None:
        country = event.country
    return engagement_activity_record(
        verb=verb, title=title, url=url, targets=[event, forum, country], actor=actor
    )
