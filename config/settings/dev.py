"""Local development: DEBUG on, console e-mail, embedded SQLite (see base.py)."""

import os

os.environ.setdefault("DEBUG", "true")

from .base import *  # noqa: E402,F403
