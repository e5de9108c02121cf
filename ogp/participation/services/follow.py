"""Following countries, forums and events; digest preferences; sending digests."""

from collections import defaultdict
from collections.abc import Hashable
from datetime import datetime
from typing import Any, cast

from django.core import signing
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from ogp.audit.services import audit_record
from ogp.core.errors import ServiceError
from ogp.core.mail import send_templated_mail
from ogp.core.site import site_base_url

from ..domain.digest import Change, Frequency, Target, build_digests
from ..domain.digest import Follow as FollowRule
from ..models import Activity, DigestPreference, Follow

DIGEST_SALT = "ogp.participation.digest.settings"


def _target_kwargs(target) -> dict:  # type: ignore[no-untyped-def,type-arg]
    from ogp.countries.models import Country

    from ..models import Event, Forum

    if isinstance(target, Country):
        return {"country": target}
    if isinstance(target, Forum):
        return {"forum": target}
    if isinstance(target, Event):
        return {"event": target}
    raise ValueError("only countries, forums and events can be followed")


@transaction.atomic
def follow_create(*, acting_user, target) -> Follow:  # type: ignore[no-untyped-def]
    try:
        with transaction.atomic():
            follow = Follow.objects.create(
                user=acting_user, created_at=timezone.now(), **_target_kwargs(target)
            )
    except IntegrityError as error:
        raise ServiceError(_("You already follow this.")) from error
    DigestPreference.objects.get_or_create(user=acting_user)
    audit_record(actor=acting_user, action="follow.create", target=follow)
    return follow


@transaction.atomic
def follow_delete(*, acting_user, target) -> None:  # type: ignore[no-untyped-def]
    deleted, _detail = Follow.objects.filter(user=acting_user, **_target_kwargs(target)).delete()
    if not deleted:
        raise ServiceError(_("You do not follow this."))
    audit_record(actor=acting_user, action="follow.delete", target=acting_user, note=str(target))


@transaction.atomic
def digest_preference_set(*, acting_user, frequency: str) -> DigestPreference:  # type: ignore[no-untyped-def]
    if frequency not in {f.value for f in Frequency}:
        raise ServiceError(_("Choose daily or weekly."))
    preference, _created = DigestPreference.objects.get_or_create(user=acting_user)
    before = {"frequency": preference.frequency}
    preference.frequency = frequency
    preference.save(update_fields=["frequency"])
    audit_record(
        actor=acting_user, action="digest.frequency", target=preference, before=before,
        after={"frequency": frequency},
    )  # fmt: skip
    return preference


def digest_settings_token(user) -> str:  # type: ignore[no-untyped-def]
    return signing.Signer(salt=DIGEST_SALT).sign(str(user.pk))


def user_from_digest_token(token: str):  # type: ignore[no-untyped-def]
    from ogp.accounts.models import User

    try:
        pk = signing.Signer(salt=DIGEST_SALT).unsign(token)
    except signing.BadSignature as error:
        raise ServiceError(_("This link is not valid.")) from error
    user = User.objects.filter(pk=pk, is_active=True).first()
    if user is None:
        raise ServiceError(_("This link is not valid."))
    return user


@transaction.atomic
def digest_stop(*, token: str) -> None:
    """One-click stop from a digest: removes every follow of the user (signed link)."""
    user = user_from_digest_token(token)
    count, _detail = Follow.objects.filter(user=user).delete()
    audit_record(
        actor=None, action="follow.stop_all", target=user,
        note=f"{count} follow(s) removed from the digest's stop link",
    )  # fmt: skip


def _target_of(row) -> list[Target]:  # type: ignore[no-untyped-def]
    targets = []
    if row.event_id:
        targets.append(Target("event", row.event_id))
    if row.forum_id:
        targets.append(Target("forum", row.forum_id))
    if row.country_id:
        targets.append(Target("country", row.country_id))
    return targets


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
    follows = list(Follow.objects.filter(user_id__in=preferences))
    earliest = min(
        (p.last_sent_at for p in preferences.values() if p.last_sent_at),
        default=now - period.period,
    )
    earliest = min(earliest, now - period.period)
    activities = list(
        Activity.objects.filter(occurred_at__gt=earliest, occurred_at__lte=now).select_related(
            "country", "forum", "event"
        )
    )
    changes = [
        Change(
            key=("activity", a.pk),
            targets=tuple(_target_of(a)),
            occurred_at=a.occurred_at,
            actor=a.actor_id,
        )
        for a in activities
    ]
    by_key: dict[Hashable, Any] = {("activity", a.pk): a for a in activities}
    followed_countries = {f.country_id for f in follows if f.country_id}
    status_changes = list(
        MembershipStatusChange.objects.filter(
            country_id__in=followed_countries, changed_at__gt=earliest, changed_at__lte=now
        ).select_related("country")
    )
    for status_change in status_changes:
        changes.append(
            Change(
                key=("status", status_change.pk),
                targets=(Target("country", status_change.country_id),),
                occurred_at=status_change.changed_at,
                actor=status_change.changed_by_id,
            )
        )
        by_key[("status", status_change.pk)] = status_change
    rules = [
        FollowRule(user=f.user_id, target=_target_of(f)[0], since=f.created_at) for f in follows
    ]
    digests = build_digests(
        frequency=period,
        until=now,
        follows=rules,
        changes=changes,
        last_sent={uid: p.last_sent_at for uid, p in preferences.items() if p.last_sent_at},
    )
    sent = 0
    for digest in digests:
        user = preferences[cast(int, digest.user)].user
        sections: defaultdict[str, list[dict[str, Any]]] = defaultdict(list)
        with translation.override(user.preferred_language):
            for section in digest.sections:
                heading = _section_heading(section.changes[0].key, by_key, section.target)
                for change in section.changes:
                    sections[heading].append(_line(by_key[change.key]))
            stop_path = reverse("participation:digest-stop", args=[digest_settings_token(user)])
            settings_path = reverse("participation:follow-list")
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


def _section_heading(key, by_key, target: Target) -> str:  # type: ignore[no-untyped-def]
    row = by_key[key]
    obj = getattr(row, target.kind)
    return str(obj.title if target.kind == "event" else obj.name)


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
