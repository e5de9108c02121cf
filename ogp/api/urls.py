"""/api/v1/: the open data API, its OpenAPI schema and its documentation pages."""

from csp.decorators import csp_update
from django.urls import include, path, re_path
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularRedocView,
    SpectacularSwaggerSplitView,
)
from rest_framework.routers import SimpleRouter

from . import search_view, views, writes
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

urlpatterns = [
    path("v1/schema/", SpectacularAPIView.as_view(api_version="1.0.0"), name="schema"),
    # documentation pages from the sidecar's local assets; the script is a file (the split view),
    # only the viewers' generated styles need inline styles
    path(
        "v1/docs/", _docs(SpectacularSwaggerSplitView.as_view(url_name="api:schema")), name="docs"
    ),
    path("v1/redoc/", _docs(SpectacularRedocView.as_view(url_name="api:schema")), name="redoc"),
    path("v1/releases/import/", writes.ReleaseImportView.as_view(), name="release-import"),
    path("v1/cycles/<int:year>/compute/", writes.CycleComputeView.as_view(), name="cycle-compute"),
    path("v1/cycles/<int:year>/publish/", writes.CyclePublishView.as_view(), name="cycle-publish"),
    path("v1/evidence/", writes.EvidenceSubmitView.as_view(), name="evidence-submit"),
    path("v1/search/", search_view.SearchView.as_view(), name="search"),
    path("v1/", include(router.urls)),
    re_path(r"^.*$", api_not_found),
]
