from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("", views.profile, name="profile"),
    path("role-request/", views.role_request_create, name="role-request"),
    path("staff/", views.staff_home, name="staff-home"),
    path(
        "staff/role-requests/<int:pk>/decide/",
        views.role_request_decide,
        name="role-request-decide",
    ),
    path("staff/users/", views.staff_user_list, name="staff-user-list"),
    path("staff/users/<int:pk>/", views.staff_user_detail, name="staff-user-detail"),
]
