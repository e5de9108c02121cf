"""An event's times in its own time zone and in the reader's (their account's, else UTC)."""

from typing import Any
from zoneinfo import ZoneInfo

from django import template

register = template.Library()


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ValueError, KeyError):  # an unknown name: fall back rather than fail the page
        return ZoneInfo("UTC")


@register.simple_tag
def event_times(event: Any, reader: Any = None) -> dict[str, Any]:
    """{"event": (start, end, zone), "reader": (start, end, zone) or None, "reader_set": bool}.

    The reader's times are given only when their zone differs from the event's.
    """
    own = _zone(event.time_zone)
    reader_name = (
        getattr(reader, "time_zone", "") if getattr(reader, "is_authenticated", False) else ""
    )
    theirs = _zone(reader_name)
    result: dict[str, Any] = {
        "event": (event.starts_at.astimezone(own), event.ends_at.astimezone(own), str(own)),
        "reader": None,
        "reader_set": bool(reader_name),
    }
    if str(theirs) != str(own):
        result["reader"] = (
            event.starts_at.astimezone(theirs),
            event.ends_at.astimezone(theirs),
            str(theirs),
        )
    return result
