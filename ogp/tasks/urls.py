from django.urls import path

from . import views

app_name = "ogp_tasks"

urlpatterns = [
    path("", views.staff, name="staff"),
    path("emails/<int:pk>/retry/", views.email_retry, name="email-retry"),
    path("imports/<int:pk>/", views.import_job, name="import-job"),
]
