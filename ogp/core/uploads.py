"""Private uploads: PDF checked by content and size, stored outside the static root.

Files are only ever served by `serve_private_file`, after the calling view has checked
permissions, always as a download. A stored file never keeps the name it came with: the storage
gives it a random name ending in `.pdf` (nothing else is ever stored there).
"""

import io
import os
import posixpath
import re
import uuid

from django.conf import settings
from django.core.exceptions import SuspiciousFileOperation, ValidationError
from django.core.files.storage import FileSystemStorage, Storage
from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

PDF_MAGIC = b"%PDF-"
# Keys that make a reader run something: scripts, actions on opening or on events, launching
# programs, submitting or importing data, embedded files and rich media.
ACTIVE_KEYS = {"/JavaScript", "/JS", "/Launch", "/AA", "/RichMedia", "/EmbeddedFile",
               "/EmbeddedFiles", "/XFA"}  # fmt: skip
ACTIVE_ACTIONS = {"/JavaScript", "/Launch", "/SubmitForm", "/ImportData", "/RichMediaExecute",
                  "/GoToE", "/Rendition", "/Sound", "/Movie"}  # fmt: skip
# The same names in the raw bytes, however written: "/JavaScript" or "/J#61vaScript".
RAW_NAME = re.compile(rb"/([A-Za-z0-9#]{2,40})")
RAW_ACTIVE = {"JavaScript", "JS", "Launch", "OpenAction", "AA", "RichMedia", "EmbeddedFile"}
MAX_OBJECTS = 200_000


class PrivateFileSystemStorage(FileSystemStorage):
    """Reads PRIVATE_MEDIA_ROOT on every use: Django calls a FileField's storage callable once,
    at import, so a location fixed then would ignore settings changed later (tests)."""

    @property  # type: ignore[override]
    def base_location(self):  # type: ignore[no-untyped-def]
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property  # type: ignore[override]
    def location(self):  # type: ignore[no-untyped-def]
        return os.path.abspath(self.base_location)

    def generate_filename(self, filename: str | os.PathLike[str]) -> str:
        """Keep the folder chosen by `upload_to`, never the sender's name or extension."""
        folder = posixpath.dirname(str(filename).replace("\\", "/"))
        if ".." in folder.split("/"):
            raise SuspiciousFileOperation(f"Detected path traversal attempt in '{folder}'")
        return posixpath.join(folder, f"{uuid.uuid4().hex}.pdf")


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
    if not head.startswith(PDF_MAGIC):
        raise ValidationError(
            _("%(name)s is not a PDF document (its content is not PDF).") % {"name": name},
            code="not_pdf",
        )
    try:
        data = upload.read()
        reader = PdfReader(io.BytesIO(data), strict=False)
        reader.pages[0]  # noqa: B018 - parse check
        active = _has_active_content(data, reader)
    except (PdfReadError, IndexError, ValueError, KeyError, TypeError, OSError) as exc:
        raise ValidationError(
            _("%(name)s could not be read as a PDF document; it may be damaged.") % {"name": name},
            code="unreadable_pdf",
        ) from exc
    finally:
        upload.seek(0)
    if active:
        raise ValidationError(
            _(
                "%(name)s contains active content (scripts, automatic actions, launched programs "
                "or embedded files). Save it again as a plain PDF (for example with “Print to "
                "PDF”) and upload that copy."
            )
            % {"name": name},
            code="active_pdf",
        )


def _raw_names(data: bytes) -> set[str]:
    names = set()
    for match in RAW_NAME.finditer(data):
        raw = match.group(1)
        if b"#" in raw:
            raw = re.sub(rb"#([0-9A-Fa-f]{2})", lambda m: bytes([int(m.group(1), 16)]), raw)
        names.add(raw.decode("latin-1"))
    return names


def _has_active_content(data: bytes, reader: PdfReader) -> bool:
    """Look at the bytes (cheap, catches plain files) and at every object reachable from the
    trailer (catches names hidden in compressed object streams)."""
    raw = _raw_names(data) & RAW_ACTIVE
    if raw - {"OpenAction"}:
        return True
    seen: set[tuple[int, int]] = set()
    stack: list[object] = [reader.trailer]
    while stack:
        item = stack.pop()
        if isinstance(item, IndirectObject):
            key = (item.idnum, item.generation)
            if key in seen or len(seen) > MAX_OBJECTS:
                continue
            seen.add(key)
            item = item.get_object()
        if isinstance(item, DictionaryObject):
            for dict_key, value in item.items():
                if dict_key in ACTIVE_KEYS:
                    return True
                if dict_key == "/S" and isinstance(value, NameObject) and value in ACTIVE_ACTIONS:
                    return True
                if dict_key == "/OpenAction":
                    target = value.get_object() if isinstance(value, IndirectObject) else value
                    if isinstance(target, DictionaryObject):  # an action, not a page to show
                        return True
                if dict_key not in ("/Parent", "/P"):  # back links: already on the way
                    stack.append(value)
        elif isinstance(item, ArrayObject):
            stack.extend(item)
    return False


def serve_private_file(request: HttpRequest, fieldfile: FieldFile, filename: str) -> FileResponse:
    """Stream a private PDF as a download, with headers that stop browsers from sniffing or
    running it (an uploaded file is never shown inside the site's origin)."""
    response = FileResponse(
        fieldfile.open("rb"),
        as_attachment=True,
        filename=filename,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    response["Cache-Control"] = "private, no-store"
    return response
