"""The CSP header built once per process is the one django-csp builds per response."""

from csp.middleware import CSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from ogp.core.csp import StoredPolicyCSPMiddleware


def _headers(middleware_class, path="/en/", prepare=None):  # type: ignore[no-untyped-def]
    request = RequestFactory().get(path)
    middleware = middleware_class(lambda r: HttpResponse("ok"))
    middleware.process_request(request)
    response = HttpResponse("ok")
    if prepare:
        prepare(request, response)
    middleware.process_response(request, response)
    return {k: v for k, v in response.items() if "security-policy" in k.lower()}


def test_the_stored_header_is_django_csps_own():  # type: ignore[no-untyped-def]
    stored = _headers(StoredPolicyCSPMiddleware)
    assert stored and stored == _headers(CSPMiddleware)
    assert _headers(StoredPolicyCSPMiddleware) == stored  # and again from the store


def test_a_nonce_or_a_decorator_goes_to_django_csp():  # type: ignore[no-untyped-def]
    def read_nonce(request, response):  # type: ignore[no-untyped-def]
        str(request.csp_nonce)

    def update(request, response):  # type: ignore[no-untyped-def]
        response._csp_update = {"img-src": ["https://example.org"]}

    for prepare in (read_nonce, update):
        ours = _headers(StoredPolicyCSPMiddleware, prepare=prepare)
        assert ours == _headers(CSPMiddleware, prepare=prepare)
    assert "https://example.org" in str(_headers(StoredPolicyCSPMiddleware, prepare=update))


def test_a_changed_setting_changes_the_header():  # type: ignore[no-untyped-def]
    before = _headers(StoredPolicyCSPMiddleware)
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": ["'none'"]}}):
        changed = _headers(StoredPolicyCSPMiddleware)
        assert changed == _headers(CSPMiddleware) and changed != before
    assert _headers(StoredPolicyCSPMiddleware) == before
