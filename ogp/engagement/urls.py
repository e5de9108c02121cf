"""Engagement pages. Mounted under /participate/ where they were before engagement had its own
app, so addresses in digests already sent (and bookmarks) keep working."""

from django.urls import path

from .views import follows, moderation

app_name = "engagement"

urlpatterns = [
    path("following/", follows.follow_list, name="follow-list"),
    path("following/<str:kind>/<str:key>/", follows.toggle, name="follow-toggle"),
    path("digests/stop/<str:token>/", follows.stop, name="digest-stop"),
    path("report/<str:kind>/<int:pk>/", moderation.report, name="report"),
    path("staff/moderation/", moderation.queue, name="moderation-queue"),
    path("staff/moderation/<str:kind>/<int:pk>/", moderation.act, name="moderation-act"),
]
