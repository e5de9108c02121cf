from django import template

from ogp.plans.labels import completion_label

register = template.Library()


@register.simple_tag
def completion_text(code: str) -> str:
    return completion_label(code or "")
