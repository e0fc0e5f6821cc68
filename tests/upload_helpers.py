"""Uploading evidence through its page, and finding what reached the file store."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse


def post_evidence(client, action, name, data):
    """The evidence form for `action`, filled in as an officer would, with the file `name` holding `data`."""
    return client.post(
        reverse("evidence_add", args=[action.pk]),
        {
            "title": "Caseload report",
            "kind": "document",
            "status": "received",
            "description": "Weekly figures",
            "file": SimpleUploadedFile(name, data, content_type="application/octet-stream"),
        },
    )


def stored_files(settings) -> list:
    """Every file in the upload store (MEDIA_ROOT)."""
    root = settings.MEDIA_ROOT
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []
