"""Private uploads: PDF checked by content and size, stored outside the static root.

Files are only ever served by `serve_private_file`, after the calling view has checked permissions.
"""

import io
import os

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage, Storage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError

PDF_MAGIC = b"%PDF-"


class PrivateFileSystemStorage(FileSystemStorage):
    """Reads PRIVATE_MEDIA_ROOT on every use: Django calls a FileField's storage callable once,
    at import, so a location fixed then would ignore settings changed later (tests)."""

    @property  # type: ignore[override]
    def base_location(self):  # type: ignore[no-untyped-def]
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property  # type: ignore[override]
    def location(self):  # type: ignore[no-untyped-def]
        return os.path.abspath(self.base_location)


def private_storage() -> Storage:
    """Storage callable for FileField(storage=...), outside the static root, never by URL."""
    return PrivateFileSystemStorage(base_url=None)


def validate_pdf(upload) -> None:  # type: ignore[no-untyped-def]
    """Refuse an upload that is empty, too large or not a readable PDF, whatever its name."""
    name = getattr(upload, "name", "") or _("the file")
    size = getattr(upload, "size", None)
    if not size:
        raise ValidationError(_("%(name)s is empty.") % {"name": name}, code="empty")
    limit = settings.UPLOAD_MAX_BYTES
    if size > limit:
        raise ValidationError(
            _("%(name)s is %(size)s; the limit is %(limit)s.")
            % {"name": name, "size": filesizeformat(size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(1024)
    upload.seek(0)
    if PDF_MAGIC not in head:
        raise ValidationError(
            _("%(name)s is not a PDF document (its content is not PDF).") % {"name": name},
            code="not_pdf",
        )
    try:
        data = upload.read()
        PdfReader(io.BytesIO(data), strict=False).pages[0]  # noqa: B018 - parse check
    except (PdfReadError, IndexError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ValidationError(
            _("%(name)s could not be read as a PDF document; it may be damaged.") % {"name": name},
            code="unreadable_pdf",
        ) from exc
    finally:
        upload.seek(0)


def serve_private_file(
    request: HttpRequest, fieldfile: FieldFile, filename: str, *, inline: bool = False
) -> FileResponse:
    """Stream a private PDF with headers that stop browsers from sniffing or running it."""
    response = FileResponse(
        fieldfile.open("rb"),
        as_attachment=not inline,
        filename=filename,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response
