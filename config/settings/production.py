"""Production: everything comes from the environment; base.py already defaults to secure values."""

from .base import *  # noqa: F403
