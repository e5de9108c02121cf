"""Sending digests of what changed on the countries, forums and events people follow (the
follows, preferences and digest links live in ogp.engagement)."""

from collections import defaultdict
from collections.abc import Hashable
from datetime import datetime
from typing import Any, cast

from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ogp.core.mail import send_templated_mail
from ogp.core.site import site_base_url
from ogp.engagement.models import Activity, DigestPreference, Follow
from ogp.engagement.services.follows import digest_settings_token

from ..domain.digest import Change, Frequency, Target, build_digests
from ..domain.digest import Follow as FollowRule


def _label(content_type_id: int) -> str:
    content_type = ContentType.objects.get_for_id(content_type_id)
    return f"{content_type.app_label}.{content_type.model}"


COUNTRY = "countries.country"


def digests_send(*, frequency: str, now: datetime | None = None) -> int:
    """Send one digest e-mail per follower with that frequency. Returns the e-mails sent.

    Each user's window starts at their previous digest (see ``domain.digest``); the
    ``last_sent_at`` of every user considered moves to ``now``, so running twice sends nothing.
    """
    from ogp.countries.models import MembershipStatusChange

    period = Frequency(frequency)
    now = now or timezone.now()
    preferences = {
        p.user_id: p
        for p in DigestPreference.objects.filter(
            frequency=period.value, user__is_active=True
        ).select_related("user")
    }
    if not preferences:
        return 0
    followed = list(Follow.objects.filter(user_id__in=preferences))
    earliest = min(
        (p.last_sent_at for p in preferences.values() if p.last_sent_at),
        default=now - period.period,
    )
    earliest = min(earliest, now - period.period)
    activities = list(
        Activity.objects.filter(occurred_at__gt=earliest, occurred_at__lte=now).prefetch_related(
            "targets"
        )
    )
    changes = [
        Change(
            key=("activity", a.pk),
            targets=tuple(Target(_label(t.content_type_id), t.object_id) for t in a.targets.all()),
            occurred_at=a.occurred_at,
            actor=a.actor_id,
        )
        for a in activities
    ]
    by_key: dict[Hashable, Any] = {("activity", a.pk): a for a in activities}
    followed_countries = {f.object_id for f in followed if _label(f.content_type_id) == COUNTRY}
    status_changes = list(
        MembershipStatusChange.objects.filter(
            country_id__in=followed_countries, changed_at__gt=earliest, changed_at__lte=now
        ).select_related("country")
    )
    for status_change in status_changes:
        changes.append(
            Change(
                key=("status", status_change.pk),
                targets=(Target(COUNTRY, status_change.country_id),),
                occurred_at=status_change.changed_at,
                actor=status_change.changed_by_id,
            )
        )
        by_key[("status", status_change.pk)] = status_change
    rules = [
        FollowRule(
            user=f.user_id,
            target=Target(_label(f.content_type_id), f.object_id),
            since=f.created_at,
        )
        for f in followed
    ]
    digests = build_digests(
        frequency=period,
        until=now,
        follows=rules,
        changes=changes,
        last_sent={uid: p.last_sent_at for uid, p in preferences.items() if p.last_sent_at},
    )
    names = _target_names({section.target for digest in digests for section in digest.sections})
    sent = 0
    for digest in digests:
        user = preferences[cast(int, digest.user)].user
        sections: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        with translation.override(user.preferred_language):
            for section in digest.sections:
                heading = names.get(section.target, "")
                for change in section.changes:
                    sections[heading].append(_line(by_key[change.key]))
            stop_path = reverse("engagement:digest-stop", args=[digest_settings_token(user)])
            settings_path = reverse("engagement:follow-list")
        send_templated_mail(
            to=[user.email],
            template=f"participation/email/digest_{period.value}",
            context={
                "user": user,
                "sections": dict(sections),
                "count": digest.change_count,
                "stop_url": f"{site_base_url()}{stop_path}",
                "settings_url": f"{site_base_url()}{settings_path}",
            },
            language=user.preferred_language,
            headers={"List-Unsubscribe": f"<{site_base_url()}{stop_path}>",
                     "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )  # fmt: skip
        sent += 1
    DigestPreference.objects.filter(pk__in=[p.pk for p in preferences.values()]).update(
        last_sent_at=now
    )
    return sent


def _target_names(targets: set[Target]) -> dict[Target, str]:
    """The heading of each followed object's section: its name (an event's title); one query
    per kind of object."""
    by_kind: defaultdict[str, set[Any]] = defaultdict(set)
    for target in targets:
        by_kind[target.kind].add(target.key)
    names: dict[Target, str] = {}
    for kind, keys in by_kind.items():
        app_label, model = kind.split(".")
        content_type = ContentType.objects.get_by_natural_key(app_label, model)
        for obj in content_type.get_all_objects_for_this_type(pk__in=keys):
            names[Target(kind, obj.pk)] = str(getattr(obj, "title", None) or obj.name)
    return names


def _line(row) -> dict:  # type: ignore[no-untyped-def,type-arg]
    from ogp.countries.models import MembershipStatusChange

    if isinstance(row, MembershipStatusChange):
        return {
            "label": _("OGP membership status changed"),
            "title": f"{row.get_from_status_display()} → {row.get_to_status_display()}",
            "url": f"{site_base_url()}{row.country.get_absolute_url()}",
            "when": row.changed_at,
        }
    return {
        "label": row.get_verb_display(),
        "title": row.title,
        "url": f"{site_base_url()}/{translation.get_language()}{row.url}" if row.url else "",
        "when": row.occurred_at,
    }
