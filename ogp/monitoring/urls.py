from django.urls import path

from . import views

app_name = "monitoring"

urlpatterns = [
    path("country/<str:iso3>/", views.country_page, name="country"),
    path(
        "plan/<str:ogp_id>/self-assessment/new/",
        views.self_assessment_create,
        name="self-assessment-create",
    ),
    path("self-assessment/<int:pk>/", views.self_assessment_detail, name="self-assessment"),
    path("self-assessment/<int:pk>/edit/", views.self_assessment_edit, name="self-assessment-edit"),
    path(
        "self-assessment/<int:pk>/commitment/<str:identifier>/",
        views.self_assessment_entry_edit,
        name="self-assessment-entry",
    ),
    path("self-assessment/<int:pk>/open/", views.self_assessment_open, name="self-assessment-open"),
    path(
        "self-assessment/<int:pk>/comment/",
        views.self_assessment_comment_create,
        name="self-assessment-comment",
    ),
    path(
        "self-assessment/<int:pk>/comments/",
        views.self_assessment_comment_list,
        name="self-assessment-comments",
    ),
    path(
        "self-assessment/comments/<int:comment_id>/answer/",
        views.self_assessment_comment_answer,
        name="self-assessment-answer",
    ),
    path(
        "self-assessment/<int:pk>/publish/",
        views.self_assessment_publish,
        name="self-assessment-publish",
    ),
    path(
        "self-assessment/<int:pk>/changes/",
        views.self_assessment_changes,
        name="self-assessment-changes",
    ),
    path("irm/<int:report_id>/comments/", views.irm_comments, name="irm-comments"),
    path("irm/<int:report_id>/comment/", views.irm_comment_create, name="irm-comment"),
    path("irm/comments/<int:comment_id>/answer/", views.irm_comment_answer, name="irm-answer"),
    path("irm/<int:report_id>/versions/", views.irm_version_compare, name="irm-compare"),
]
