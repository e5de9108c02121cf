"""Alphabetical order as readers expect it (É sorts with E, case ignored).

PostgreSQL uses its ICU root collation ``und-x-icu`` (indexes are built with the same
collation, so long lists are read in index order); SQLite gets a collation of the same name
registered on each connection. Short lists sorted in Python use :func:`collation_key`, which
also ignores punctuation and, in Spanish, sorts ñ after n.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from django.db.backends.signals import connection_created
from django.db.models import F, OrderBy
from django.db.models.expressions import Combinable
from django.db.models.functions import Collate
from django.dispatch import receiver
from django.utils import translation

NATURAL = "und-x-icu"


def _key(value: str) -> str:
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _compare(left: str, right: str) -> int:
    a, b = _key(left), _key(right)
    return (a > b) - (a < b) or (left > right) - (left < right)


@receiver(connection_created)
def _register_sqlite_collation(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_collation(NATURAL, _compare)


def natural(field: str | Combinable, descending: bool = False) -> OrderBy:
    """``order_by(natural("name"))``: accent- and case-insensitive order in the database."""
    expression = Collate(F(field) if isinstance(field, str) else field, NATURAL)
    return expression.desc() if descending else expression.asc()


def localised_name_field(prefix: str = "") -> str:
    """``name_fr`` in French, ``name_es`` in Spanish, ``name_en`` otherwise (countries)."""
    lang = (translation.get_language() or "en")[:2]
    return f"{prefix}name_{lang if lang in ('fr', 'es') else 'en'}"


_SKIPPED = str.maketrans({"'": "", "’": "", "-": " ", ".": "", ",": "", "(": "", ")": ""})


def collation_key(name: str, language: str | None = None) -> tuple[str, str]:
    """Sort key: the name without accents first, then the name itself as a tie-breaker."""
    language = (language or translation.get_language() or "en")[:2]
    text = name.translate(_SKIPPED)
    if language == "es":
        text = text.replace("ñ", "n\U0010ffff").replace("Ñ", "N\U0010ffff")
    decomposed = unicodedata.normalize("NFKD", text)
    base = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(base.split()), name
