"""URL map: health outside the language prefix; pages people read under /en/ /fr/ /es/."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path

from ogp.core import views as core_views

urlpatterns: list[URLPattern | URLResolver] = [
    path("health/", core_views.health, name="health"),
    # issue 15: machine-readable data outside the language prefix (labels follow ?lang=)
    path("api/", include("ogp.api.urls")),
    path("opendata/", include("ogp.opendata.files_urls")),
]

urlpatterns += i18n_patterns(
    path("", include("ogp.core.urls")),
    path("accounts/", include("allauth.urls")),
    path("account/api-tokens/", include("ogp.api.account_urls")),
    path("account/", include("ogp.accounts.urls")),
    path("audit/", include("ogp.audit.urls")),
    path("countries/", include("ogp.countries.urls")),
    path("organisations/", include("ogp.organisations.urls")),
    path("eligibility/", include("ogp.eligibility.urls")),
    path("members/", include("ogp.membership.urls")),
    # engagement's pages keep the addresses they had under participation (digests sent)
    path("participate/", include("ogp.engagement.urls")),
    path("participate/", include("ogp.participation.urls")),
    path("plans/", include("ogp.plans.urls")),
    path("co-creation/", include("ogp.cocreation.urls")),
    path("monitoring/", include("ogp.monitoring.urls")),
    path("search/", include("ogp.search.urls")),
    path("open-data/", include("ogp.opendata.urls")),
    path("tasks/", include("ogp.tasks.urls")),
    path("admin/", admin.site.urls),
    prefix_default_language=True,
)

handler404 = "ogp.core.views.page_not_found"
handler500 = "ogp.core.views.server_error"
