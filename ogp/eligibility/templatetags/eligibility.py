from django import template

from ogp.eligibility.labels import ASSUMPTION_TEXTS

register = template.Library()


@register.simple_tag
def assumption_text(key: str) -> str:
    return str(ASSUMPTION_TEXTS.get(key, key))
