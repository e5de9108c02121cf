from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("new/", views.organisation_form, name="create"),
    path("<slug:slug>/", views.organisation_detail, name="detail"),
    path("<slug:slug>/edit/", views.organisation_form, name="edit"),
]
