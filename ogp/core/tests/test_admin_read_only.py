"""Where services own the writes, the admin is read-only (no add, change or delete)."""

from django.contrib import admin
from django.test import RequestFactory

from ogp.core.admin import ReadOnlyAdmin

# Admin pages that may still change rows, and why.
EDITABLE = {
    "accounts.user": "account administration (roles and staff flags are read-only there)",
    "countries.country": "reference names; the status fields are read-only there",
    "countries.membershipstatuschange": "read-only for changes; kept for deleting test rows",
    "organisations.focusarea": "the focus-area vocabulary has no service",
}


def test_every_ogp_admin_is_read_only_unless_listed(staff_user):
    request = RequestFactory().get("/")
    request.user = staff_user
    for model, model_admin in admin.site._registry.items():
        label = model._meta.label_lower
        if not model.__module__.startswith("ogp.") or label in EDITABLE:
            continue
        assert isinstance(model_admin, ReadOnlyAdmin), label
        assert not model_admin.has_add_permission(request), label
        assert not model_admin.has_change_permission(request), label
        assert not model_admin.has_delete_permission(request), label
