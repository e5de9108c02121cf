from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.simple_tag
def audit_link(obj: Model) -> str:
    """A link to the audit history of `obj` (render it only for staff)."""
    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    url = reverse("audit:object-history", args=[content_type.pk, obj.pk])
    return format_html('<a href="{}">{}</a>', url, _("History of changes"))
