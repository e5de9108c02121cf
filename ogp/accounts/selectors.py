from django.db.models import Q, QuerySet

from .models import RoleRequest, User


def role_request_pending_list() -> QuerySet[RoleRequest]:
    return (
        RoleRequest.objects.filter(state=RoleRequest.State.PENDING)
        .select_related("user", "country", "organisation")
        .order_by("created_at")
    )


def user_list(*, query: str = "", role: str = "") -> QuerySet[User]:
    users = User.objects.select_related("country", "organisation")
    if query:
        users = users.filter(Q(email__icontains=query) | Q(full_name__icontains=query))
    if role:
        users = users.filter(role=role)
    return users
