"""Stable addresses of the data packages, outside the language prefix."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("<slug:name>/", views.package_index, name="opendata-package"),
    re_path(
        r"^(?P<name>[a-z-]+)/(?P<filename>[a-z_-]+\.(?:csv|json))$",
        views.package_file,
        name="opendata-file",
    ),
]
