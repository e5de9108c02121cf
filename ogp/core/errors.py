"""Errors that service functions raise to refuse an action (nothing has been written)."""

from django.core.exceptions import ValidationError


class ServiceError(ValidationError):
    """A refusal with a translated, user-facing message; views show it next to the form."""
