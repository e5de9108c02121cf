"""Recording what changed, for followers' digests."""

from django.utils import timezone

from ..models import Activity


def strip_language(path: str) -> str:
    """Store paths without the /en/ /fr/ /es/ prefix; digests add the reader's language."""
    from django.conf import settings

    for code, _name in settings.LANGUAGES:
        prefix = f"/{code}/"
        if path.startswith(prefix):
            return path[len(prefix) - 1 :]
    return path


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
    return Activity.objects.create(
        verb=verb,
        title=title[:300],
        url=strip_language(url)[:300],
        country=country,
        forum=forum,
        event=event,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        occurred_at=timezone.now(),
    )
