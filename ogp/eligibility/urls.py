from django.urls import path

from . import views

app_name = "eligibility"

urlpatterns = [
    path("", views.index, name="index"),
    path("methodology/", views.methodology_index, name="methodology-index"),
    path("methodology/<str:code>/v<int:version>/", views.methodology, name="methodology"),
    path("country/<str:iso3>/", views.country, name="country"),
    path("country/<str:iso3>/evidence/", views.evidence_submit, name="evidence-submit"),
    path("my-evidence/", views.my_evidence, name="my-evidence"),
    path("evidence/<int:pk>/document/", views.evidence_document, name="evidence-document"),
    path("staff/", views.staff_home, name="staff"),
    path("staff/import/", views.release_import, name="release-import"),
    path("staff/releases/<int:pk>/", views.release_detail, name="release-detail"),
    path("staff/cycles/open/", views.cycle_open, name="cycle-open"),
    path("staff/cycles/<int:year>/", views.cycle_manage, name="cycle-manage"),
    path("staff/evidence/<int:pk>/decide/", views.evidence_decide, name="evidence-decide"),
    path("staff/rulesets/<int:pk>/new-version/", views.ruleset_create, name="ruleset-create"),
    path("staff/research/", views.research_list, name="research-list"),
    path("staff/research/new/", views.research_create, name="research-create"),
    path("staff/membership-history/", views.membership_history, name="membership-history"),
    path("<int:year>/", views.scoresheet, name="scoresheet"),
    path("<int:year>/map/", views.world_map, name="map"),
    path("<int:year>/export.<str:fmt>", views.scoresheet_export, name="scoresheet-export"),
]
