"""A commitment's Atom feed (progress updates and civil society's views) and an iCalendar file
of its milestones' due dates (all-day entries, RFC 5545)."""

from __future__ import annotations

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as ICalEvent

from ogp.core.site import site_base_url

from .models import Commitment


def _host() -> str:
    return site_base_url().split("://", 1)[-1].split("/", 1)[0].split(":", 1)[0] or "localhost"


def commitment_atom(commitment: Commitment) -> bytes:
    """``commitment`` comes from ``selectors.commitment_get`` (milestones, updates, reviews
    prefetched)."""
    link = f"{site_base_url()}{commitment.get_absolute_url()}"
    feed = Atom1Feed(
        title=f"{commitment.identifier} {commitment.display_title}",
        link=link,
        description=_("Progress updates on this commitment and civil society's views on them."),
        feed_url=site_base_url() + reverse("plans:commitment-atom", args=[commitment.identifier]),
    )
    entries = []
    for milestone in commitment.milestones.all():
        for update in milestone.updates.all():
            entries.append(
                (
                    update.created_at,
                    _("%(milestone)s: %(status)s")
                    % {"milestone": milestone.title, "status": update.get_status_display()},
                    update.narrative,
                    f"{link}#milestone-{milestone.pk}",
                    f"update-{update.pk}",
                )
            )
            for review in update.reviews.all():
                entries.append(
                    (
                        review.created_at,
                        _("%(milestone)s: %(verdict)s by %(who)s")
                        % {
                            "milestone": milestone.title,
                            "verdict": review.get_verdict_display(),
                            "who": review.organisation_name or _("civil society"),
                        },
                        review.reasoning,
                        f"{link}#milestone-{milestone.pk}",
                        f"review-{review.pk}",
                    )
                )
    for when, title, text, url, uid in sorted(entries, reverse=True):
        feed.add_item(
            title=title, link=url, description=text, pubdate=when, updateddate=when,
            unique_id=f"tag:{_host()},2026:{uid}",
        )  # fmt: skip
    return feed.writeString("utf-8").encode("utf-8")


def milestone_calendar(commitment: Commitment) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Open Government Partnership//ogp-platform//EN")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", f"{commitment.identifier} {commitment.display_title}")
    now = timezone.now()
    link = f"{site_base_url()}{commitment.get_absolute_url()}"
    for milestone in commitment.milestones.all():
        if milestone.due_date is None:
            continue
        entry = ICalEvent()
        entry.add("uid", f"milestone-{milestone.pk}@{_host()}")
        entry.add("dtstamp", now)
        entry.add("dtstart", milestone.due_date)
        entry.add("dtend", milestone.due_date + timedelta(days=1))
        entry.add("summary", _("Due: %(milestone)s") % {"milestone": milestone.title})
        entry.add("description", milestone.expected_output)
        entry.add("url", f"{link}#milestone-{milestone.pk}")
        calendar.add_component(entry)
    return calendar.to_ical()
