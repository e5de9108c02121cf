"""Every API error is JSON: {"error": {"status", "code", "message", "fields"?}}."""

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, JsonResponse
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler


def _flatten(detail: Any) -> Any:
    if isinstance(detail, dict):
        return {k: _flatten(v) for k, v in detail.items()}
    if isinstance(detail, list):
        return [_flatten(v) for v in detail]
    return str(detail)


def json_exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    if isinstance(exc, ValidationError):  # a service refused (ServiceError) or a model check
        exc = exceptions.ValidationError(
            {"non_field_errors": exc.messages}
            if not hasattr(exc, "error_dict")
            else exc.message_dict
        )
    response = exception_handler(exc, context)
    if response is None:
        return None
    detail = getattr(exc, "detail", None)
    code = "error"
    if isinstance(exc, exceptions.APIException):
        codes = exc.get_codes()
        code = codes if isinstance(codes, str) else exc.default_code
    body: dict[str, Any] = {"status": response.status_code, "code": code}
    if isinstance(detail, dict | list):
        body["message"] = _("The request has errors; see fields.")
        body["fields"] = _flatten(
            detail if isinstance(detail, dict) else {"non_field_errors": detail}
        )
    else:
        body["message"] = str(detail) if detail is not None else str(exc)
    if isinstance(exc, Http404):
        body.update(code="not_found", message=_("Not found."))
    if isinstance(exc, PermissionDenied):
        body.update(code="permission_denied")
    response.data = {"error": body}
    return response


def api_not_found(request: HttpRequest, *args: Any, **kwargs: Any) -> JsonResponse:
    return JsonResponse(
        {"error": {"status": 404, "code": "not_found", "message": _("No such API address.")}},
        status=status.HTTP_404_NOT_FOUND,
    )
