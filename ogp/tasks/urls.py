from django.urls import URLPattern

app_name = "ogp_tasks"
urlpatterns: list[URLPattern] = []
