"""Sign-in backends without Django's permission tables.

Every permission on the platform is a role rule (django-rules, ``ogp/*/rules.py``); nothing
grants rows in ``auth_user_user_permissions`` or group permissions. Django's ModelBackend would
(and allauth's backend, its subclass) still query both tables on the first ``has_perm`` of
every request that a rule answers "no": two queries per signed-in page for nothing. These
backends keep their authentication (active users only) and answer permission questions with
"not granted here", leaving them to the rules backend (``User.has_perm`` answers superusers).
"""

from __future__ import annotations

from typing import Any

from allauth.account.auth_backends import AuthenticationBackend
from django.contrib.auth.backends import ModelBackend


class _NoTablePermissions:
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
