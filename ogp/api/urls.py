"""/api/v1/: the open data API, its OpenAPI schema and its documentation pages."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import SimpleRouter

from . import (
    cocreation_views,
    monitoring_views,
    plan_views,
    plan_writes,
    search_view,
    views,
    writes,
)
from .errors import api_not_found

app_name = "api"
_docs = csp_update({"style-src": ["'self'", "'unsafe-inline'"], "img-src": ["'self'", "data:"]})

router = SimpleRouter()
router.register("countries", views.CountryViewSet, basename="country")
router.register("status-changes", views.StatusChangeViewSet, basename="status-change")
router.register("rulesets", views.RuleSetViewSet, basename="ruleset")
router.register("releases", views.ReleaseViewSet, basename="release")
router.register("cycles", views.CycleViewSet, basename="cycle")
router.register(r"cycles/(?P<year>[0-9]{4})/results", views.CycleResultViewSet, basename="result")
router.register("members", views.MemberViewSet, basename="member")
router.register("letters", views.LetterViewSet, basename="letter")
router.register("forums", views.ForumViewSet, basename="forum")
router.register("meetings", views.MeetingViewSet, basename="meeting")
router.register("events", views.EventViewSet, basename="event")
router.register("organisations", views.OrganisationViewSet, basename="organisation")
router.register("action-plans", plan_views.ActionPlanViewSet, basename="action-plan")
router.register("commitments", plan_views.CommitmentViewSet, basename="commitment")
router.register("milestones", plan_views.MilestoneViewSet, basename="milestone")
router.register("progress-updates", plan_views.ProgressUpdateViewSet, basename="progress-update")
router.register("irm-reports", plan_views.IRMReportViewSet, basename="irm-report")
router.register(
    "self-assessments", monitoring_views.SelfAssessmentViewSet, basename="self-assessment"
)
router.register(
    "cocreation-plans", cocreation_views.CoCreationPlanViewSet, basename="cocreation-plan"
)
_in_plan = rf"cocreation-plans/(?P<slug>{cocreation_views.SLUG})"
router.register(
    f"{_in_plan}/versions", cocreation_views.DraftVersionViewSet, basename="draft-version"
)
router.register(f"{_in_plan}/proposals", cocreation_views.ProposalViewSet, basename="proposal")
router.register(f"{_in_plan}/inputs", cocreation_views.InputViewSet, basename="input")

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(api_version="1.0.0"), name="schema"),
    # documentation pages from the sidecar's local assets; the script is a file (the split view),
    # only the viewers' generated styles need inline styles
    path(
        "v1/docs/", _docs(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"
    ),
    path("v1/redoc/", _docs(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
    path("v1/releases/import/", writes.ReleaseImportView.as_view(), name="release-import"),
    path("v1/commitments/import/", writes.SheetImportView.as_view(), name="sheet-import"),
    path("v1/imports/<int:pk>/", writes.ImportJobView.as_view(), name="import-job"),
    path("v1/cycles/<int:year>/compute/", writes.CycleComputeView.as_view(), name="cycle-compute"),
    path("v1/cycles/<int:year>/publish/", writes.CyclePublishView.as_view(), name="cycle-publish"),
    path("v1/evidence/", writes.EvidenceSubmitView.as_view(), name="evidence-submit"),
    path(
        "v1/milestones/<int:milestone_id>/progress-updates/",
        plan_writes.ProgressUpdateCreateView.as_view(),
        name="progress-update-create",
    ),
    path(
        "v1/irm-reports/<int:report_id>/coding/<str:identifier>/",
        plan_writes.IRMCodingView.as_view(),
        name="irm-coding",
    ),
    path("v1/search/", search_view.SearchView.as_view(), name="search"),
    path("v1/", include(router.urls)),
    re_path(r"^.*$", api_not_found),
]
