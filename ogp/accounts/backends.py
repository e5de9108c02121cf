"""Sign-in backends without Django's permission tables.

Every permission on the platform is a role rule (django-rules, ``ogp/*/rules.py``); nothing
grants rows in ``auth_user_user_permissions`` or group permissions. Django's ModelBackend would
(and allauth's backend, its subclass) still query both tables on the first ``has_perm`` of
every request that a rule answers "no": two queries per signed-in page for nothing. These
backends keep their authentication (active users only) and answer permission questions with
"not granted here", leaving them to the rules backend (``User.has_perm`` answers superusers).

They also keep the signed-in user's row in the shared cache (Redis in production) for a few
minutes: every signed-in page loads it, and a cache read costs a fraction of the query. Any
save or delete of a user drops the copy, at once and again when the transaction commits (a
reader in between could otherwise store the old row again). A staff member's copy also
remembers whether they have a second factor set up (:func:`second_factor_enabled`, read by the
staff two-factor rule on every request), and any save or delete of an authenticator drops it.
Each worker keeps its own copy too, answered while the ``accounts`` generation (bumped by any
save of a user or an authenticator) is the one it was kept in.
"""

from __future__ import annotations

import pickle
from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from ogp.core.cache_middleware import bump_generation, current_generation, scope_key
from ogp.core.local_copies import local_copies

USER_CACHE_SECONDS = 300


def _user_key(user_id: Any) -> str:
    # v2: staff rows carry their second-factor answer; copies stored before it are not read
    return f"accounts:user:v2:{user_id}"


def forget_cached_user(user_id: Any) -> None:
    key = _user_key(user_id)
    cache.delete(key)
    transaction.on_commit(lambda: cache.delete(key), robust=True)


def _on_user_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget_cached_user(instance.pk)


def _on_authenticator_change(sender: Any, instance: Any, **kwargs: Any) -> None:
    forget_cached_user(instance.user_id)
    bump_generation("accounts")  # the workers' own copies of the row carry the answer too


def connect_user_cache() -> None:
    """Called from the app's ready(): every process that can save a user, or one of their
    authenticators, drops the copy."""
    model = get_user_model()
    post_save.connect(_on_user_change, sender=model, dispatch_uid="accounts-user-cache")
    post_delete.connect(_on_user_change, sender=model, dispatch_uid="accounts-user-cache")
    for signal in (post_save, post_delete):
        signal.connect(
            _on_authenticator_change, sender=Authenticator, dispatch_uid="accounts-user-cache-mfa"
        )


_SECOND_FACTOR = "_ogp_second_factor_enabled"


def second_factor_enabled(user: Any) -> bool:
    """allauth's ``is_mfa_enabled``, answered from the cached user row when it was stored with
    the answer (staff members' rows are), else asked of the database."""
    known = getattr(user, _SECOND_FACTOR, None)  # request.user is a lazy proxy: no __dict__
    if known is None:
        known = is_mfa_enabled(user)
        setattr(user, _SECOND_FACTOR, known)
    return bool(known)


def _is_staff_member(user: Any) -> bool:
    return bool(user.is_staff or getattr(user, "is_support_unit", False))


class _NoTablePermissions:
    def get_user(self, user_id: Any) -> Any:
        key = _user_key(user_id)
        # The worker's own copy (pickled: every request gets its own instance) is answered
        # while no user row has changed since (the accounts generation, read with the
        # session); else the shared copy, else the database.
        generation_key = scope_key("accounts")
        generation = current_generation(generation_key).get(generation_key, 0)
        copies = local_copies()
        local = copies.get(key)
        if local is not None and local[0] == generation:
            user = pickle.loads(local[1])  # noqa: S301 (our own bytes, from this process)
        else:
            user = cache.get(key)
            if user is None:
                user = super().get_user(user_id)  # type: ignore[misc]
                if user is None:
                    return None
                if _is_staff_member(user):
                    second_factor_enabled(user)  # stored with the row, read on every request
                cache.set(key, user, USER_CACHE_SECONDS)
            copies.put(key, (generation, pickle.dumps(user, pickle.HIGHEST_PROTOCOL)))
        return user if self.user_can_authenticate(user) else None  # type: ignore[attr-defined]

    def get_user_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def get_all_permissions(self, user_obj: Any, obj: Any = None) -> set[str]:
        return set()

    def has_perm(self, user_obj: Any, perm: str, obj: Any = None) -> bool:
        return False

    def has_module_perms(self, user_obj: Any, app_label: str) -> bool:
        return False


class PasswordBackend(_NoTablePermissions, ModelBackend):
    """E-mail (the username field) and password, as Django's own backend."""


class AccountBackend(_NoTablePermissions, AuthenticationBackend):
    """allauth's sign-in (rate limits, login by e-mail)."""
