from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("<int:content_type_id>/<str:object_id>/", views.object_history, name="object-history"),
]
