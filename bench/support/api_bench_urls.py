from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as platform_urls


def bare(request):  # the floor: a Django view that does nothing
    return HttpResponse(b'{"ok": true}', content_type="application/json")


urlpatterns = [path("bench/bare/", bare), *platform_urls]
