from django.urls import path

from . import views

app_name = "plans"

urlpatterns = [
    path("commitments/", views.explorer, name="explorer"),
    path("commitments/export.<str:fmt>", views.explorer_export, name="explorer-export"),
    path("commitments/<str:identifier>/", views.commitment_detail, name="commitment-detail"),
    path("commitments/<str:identifier>/feed.atom", views.commitment_atom, name="commitment-atom"),
    path(
        "commitments/<str:identifier>/milestones.ics",
        views.commitment_ical,
        name="commitment-ical",
    ),
    path(
        "milestones/<int:milestone_id>/update/", views.progress_update_create, name="update-create"
    ),
    path("updates/<int:update_id>/review/", views.progress_review_create, name="review-create"),
    path("evidence/<int:evidence_id>/", views.evidence_download, name="evidence-download"),
    path("commitments/<str:identifier>/edit/", views.commitment_edit, name="commitment-edit"),
    path(
        "commitments/<str:identifier>/milestones/new/",
        views.milestone_create,
        name="milestone-create",
    ),
    path("plan/<str:ogp_id>/", views.plan_detail, name="plan-detail"),
    path("country/<str:iso3>/", views.country_plans, name="country"),
    path("plan/<str:ogp_id>/irm/new/", views.irm_report_create, name="irm-report-create"),
    path("irm/<int:report_id>/", views.irm_report_detail, name="irm-report"),
    path("irm/<int:report_id>/edit/", views.irm_report_edit, name="irm-report-edit"),
    path("irm/<int:report_id>/publish/", views.irm_report_publish, name="irm-report-publish"),
    path(
        "irm/<int:report_id>/coding/<str:identifier>/",
        views.irm_coding_edit,
        name="irm-coding-edit",
    ),
    path("staff/import/", views.sheet_import, name="import"),
    path("staff/findings/", views.finding_queue, name="findings"),
    path("findings/<int:finding_id>/letter/", views.finding_letter, name="finding-letter"),
]
