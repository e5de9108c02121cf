from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("commitments/", views.explorer, name="explorer"),
    path("commitments/export.<str:fmt>", views.explorer_export, name="explorer-export"),
    path("commitments/<str:identifier>/", views.commitment_detail, name="commitment-detail"),
    path(
        "milestones/<int:milestone_id>/update/", views.progress_update_create, name="update-create"
    ),
    path("updates/<int:update_id>/review/", views.progress_review_create, name="review-create"),
    path("evidence/<int:evidence_id>/", views.evidence_download, name="evidence-download"),
    path(
        "commitments/<str:identifier>/milestones/new/",
        views.milestone_create,
        name="milestone-create",
    ),
    path("plan/<str:ogp_id>/", views.plan_detail, name="plan-detail"),
    path("country/<str:iso3>/", views.country_plans, name="country"),
    path("staff/import/", views.sheet_import, name="import"),
]
