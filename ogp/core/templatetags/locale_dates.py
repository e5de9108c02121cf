"""Dates through the locale, one way per language.

Django's formats give "1 décembre 2026" in French; French writes the first day of a month as an
ordinal, "1er décembre 2026". This library replaces the built-in ``date`` filter (it is listed
in the template engine's ``builtins``) and adds the ordinal; every other language and format is
Django's own.
"""

import datetime
import re
from typing import Any

from django import template
from django.template.defaultfilters import date as django_date
from django.utils import translation

register = template.Library()

_FIRST_DAY = re.compile(r"(?<!\d)1(?= [a-zéû]+ \d{4})")


def french_first_of_month(text: str, value: Any) -> str:
    if not isinstance(value, datetime.date) or value.day != 1:
        return text
    return _FIRST_DAY.sub("1er", text, count=1)


@register.filter(expects_localtime=True, is_safe=False)
def date(value: Any, arg: str | None = None) -> str:
    text = django_date(value, arg)
    if text and (translation.get_language() or "")[:2] == "fr":
        return french_first_of_month(text, value)
    return text
