"""The platform's roles, defined in the lowest layer so every app's permissions can name them
(`ogp.accounts.models.Role` is the same class)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SUPPORT_UNIT = "support_unit", _("OGP Support Unit staff")
    GOVERNMENT = "government", _("Government point of contact")
    CIVIL_SOCIETY = "civil_society", _("Civil society member")
    RESEARCHER = "researcher", _("Independent researcher")
    PUBLIC = "public", _("Member of the public")
