"""Checks on uploaded evidence: the extension must be one we accept AND the content must be
what the extension says. The stored name and the content type served back are ours, never the
uploader's."""

import email
import email.policy
import io
import logging
import os
import zipfile
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat

logger = logging.getLogger(__name__)

OLE2_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@dataclass(frozen=True)
class FileKind:
    label: str
    content_type: str
    extension: str  # the one we give the file back with


PDF = FileKind("PDF", "application/pdf", "pdf")
DOCX = FileKind("Word document", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx")
DOC = FileKind("Word 97-2003 document", "application/msword", "doc")
XLSX = FileKind("Excel workbook", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx")
XLS = FileKind("Excel 97-2003 workbook", "application/vnd.ms-excel", "xls")
CSV = FileKind("CSV file", "text/csv", "csv")
TXT = FileKind("text file", "text/plain", "txt")
PNG = FileKind("PNG image", "image/png", "png")
JPEG = FileKind("JPEG image", "image/jpeg", "jpg")
EML = FileKind("email", "message/rfc822", "eml")

KINDS_BY_EXTENSION = {
    "pdf": PDF,
    "docx": DOCX,
    "doc": DOC,
    "xlsx": XLSX,
    "xls": XLS,
    "csv": CSV,
    "txt": TXT,
    "png": PNG,
    "jpg": JPEG,
    "jpeg": JPEG,
    "eml": EML,
}
EXTENSION_BY_CONTENT_TYPE = {kind.content_type: kind.extension for kind in KINDS_BY_EXTENSION.values()}
ACCEPTED_TEXT = "PDF, Word (.docx, .doc), Excel (.xlsx, .xls), CSV, plain text (.txt), PNG, JPEG or email (.eml)"
ACCEPT_ATTRIBUTE = ",".join(f".{ext}" for ext in KINDS_BY_EXTENSION)


def max_upload_bytes() -> int:
    return settings.EVIDENCE_MAX_UPLOAD_BYTES


def max_upload_text() -> str:
    return filesizeformat(max_upload_bytes()).replace("\xa0", " ")


def _extension(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def _is_text(data: bytes) -> bool:
    if b"\x00" in data:
        return False
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            data.decode(encoding)
            return True
        except UnicodeDecodeError:
            continue
    return False


def _zip_has(data: bytes, member: str) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return member in archive.namelist()
    except zipfile.BadZipFile:
        return False


def _looks_like_email(data: bytes) -> bool:
    if filetype.guess(data) is not None or not _is_text(data[:65536]):
        return False
    message = email.message_from_bytes(data, policy=email.policy.default)
    # A real message starts with headers: a sender, and a date or subject, with no parsing defects
    # in the header block (plain text parses as a message whose "headers" are missing).
    header_defects = [d for d in message.defects if "Header" in type(d).__name__]
    return bool(message["From"]) and bool(message["Date"] or message["Subject"]) and not header_defects


# Office formats that carry macros (code that runs when the file is opened) by design.
MACRO_EXTENSIONS = {"docm", "dotm", "xlsm", "xltm", "xlsb", "xlam", "pptm", "potm", "ppsm", "ppam", "sldm"}
MACRO_MESSAGE = (
    "The selected file contains macros, which can run harmful code when it is opened. "
    "Save it without macros (as .docx or .xlsx) or as a PDF, and choose it again"
)
# An Office file is a zip of XML: real ones expand 5 to 30 times, the wordiest spreadsheets rarely
# past 100. A "zip bomb" expands thousands of times, to fill the disk or memory of whoever opens it.
MAX_EXPANSION_RATIO = 100
MAX_EXPANDED_BYTES = 500 * 1024 * 1024
BOMB_MESSAGE = (
    "The selected file would expand to far more than its size when opened, so it cannot be accepted. "
    "Save it again in its program, or choose another file"
)
# The name of the macro storage in old (.doc, .xls) files, as it is stored: UTF-16.
OLE2_MACRO_STORAGE = "_VBA_PROJECT".encode("utf-16-le")


def _zip_problem(data: bytes) -> str | None:
    """Judged from the archive's directory, without expanding anything."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except zipfile.BadZipFile:
        return None  # not a zip: the content check says what is wrong
    if any(os.path.basename(m.filename).lower() == "vbaproject.bin" for m in members):
        return MACRO_MESSAGE
    expanded = sum(m.file_size for m in members)
    if expanded > MAX_EXPANDED_BYTES or expanded > MAX_EXPANSION_RATIO * max(len(data), 1):
        return BOMB_MESSAGE
    return None


def _content_problem(kind: FileKind, data: bytes) -> str | None:
    if kind in (DOCX, XLSX):
        return _zip_problem(data)
    if kind in (DOC, XLS) and OLE2_MACRO_STORAGE in data:
        return MACRO_MESSAGE
    return None


def _content_matches(kind: FileKind, data: bytes) -> bool:
    guessed = filetype.guess(data)
    guessed_mime = guessed.mime if guessed else None
    if kind is PDF:
        return data.startswith(b"%PDF-")
    if kind is DOCX:
        return guessed_mime == DOCX.content_type and _zip_has(data, "word/document.xml")
    if kind is XLSX:
        return guessed_mime == XLSX.content_type and _zip_has(data, "xl/workbook.xml")
    if kind in (DOC, XLS):
        # Old Office files share one container; filetype names only some of them, so accept the
        # container unless it is recognisably something else.
        return data.startswith(OLE2_SIGNATURE) and guessed_mime in (None, kind.content_type)
    if kind in (PNG, JPEG):
        return guessed_mime == kind.content_type
    if kind in (CSV, TXT):
        return guessed is None and _is_text(data)
    if kind is EML:
        return _looks_like_email(data)
    return False


def validate_evidence_file(upload) -> FileKind:
    """Return what the file is, or raise ValidationError with a message a person can act on."""
    if upload.size == 0:
        raise ValidationError("The selected file is empty", code="empty")
    if upload.size > max_upload_bytes():
        raise ValidationError(f"The selected file must be smaller than {max_upload_text()}", code="too_big")
    if _extension(upload.name) in MACRO_EXTENSIONS:
        raise ValidationError(MACRO_MESSAGE, code="macros")
    kind = KINDS_BY_EXTENSION.get(_extension(upload.name))
    if kind is None:
        raise ValidationError(f"The selected file must be a {ACCEPTED_TEXT}", code="wrong_type")
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    problem = _content_problem(kind, data)
    if problem:
        raise ValidationError(problem, code="refused_content")
    if not _content_matches(kind, data):
        raise ValidationError(
            f"The selected file is called .{_extension(upload.name)} but is not a real {kind.label}. "
            "Save it again in that format, or choose another file",
            code="content_mismatch",
        )
    return kind


def safe_original_name(name: str) -> str:
    """Kept for display only: the last path component, without control characters."""
    base = os.path.basename((name or "").replace("\\", "/"))
    return "".join(ch for ch in base if ch.isprintable())[:255] or "file"


# Files stored by the service call now running, so that a call that fails leaves none behind.
_stored_files: ContextVar[list | None] = ContextVar("stored_files", default=None)


@contextmanager
def files_discarded_on_error():
    """Wrap a service call that stores uploads: if it fails, its records roll back and so do its files.

    Django has no rollback hook; the service's outermost call is where a failure is final.
    """
    if _stored_files.get() is not None:  # an outer call already watches
        yield
        return
    token = _stored_files.set([])
    try:
        yield
    except BaseException:
        for storage, name in _stored_files.get():
            try:
                storage.delete(name)
            except Exception:  # the original error matters more than a file we could not remove
                logger.exception("Could not remove %s after a failed save", name)
        raise
    finally:
        _stored_files.reset(token)


def store_upload(field_file, upload) -> None:
    """Store an accepted upload under a name of ours (upload_to); the uploader's name never reaches the disk."""
    field_file.save("upload", upload, save=False)
    watched = _stored_files.get()
    if watched is not None:
        watched.append((field_file.storage, field_file.name))
