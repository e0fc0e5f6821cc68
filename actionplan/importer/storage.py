"""The uploaded file between the upload, preview and confirm steps.

Kept under MEDIA_ROOT/imports with a random name of ours (never the uploader's), out of any
served path; the session holds only that name. Files older than a day are removed on the next upload.
"""

import contextlib
import re
import secrets
import time
from pathlib import Path

from django.conf import settings

from .reading import EXTENSIONS

MAX_AGE_SECONDS = 24 * 60 * 60
TOKEN = re.compile(r"^[0-9a-f]{32}$")


def _directory() -> Path:
    path = Path(settings.MEDIA_ROOT) / "imports"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _path(token: str, extension: str) -> Path:
    if not TOKEN.match(token or "") or extension not in EXTENSIONS:
        raise FileNotFoundError("No such upload")
    return _directory() / f"{token}.{extension}"


def save_upload(data: bytes, extension: str) -> str:
    remove_stale()
    token = secrets.token_hex(16)
    _path(token, extension).write_bytes(data)
    return token


def load_upload(token: str, extension: str) -> bytes:
    return _path(token, extension).read_bytes()


def discard_upload(token: str, extension: str) -> None:
    with contextlib.suppress(FileNotFoundError):
        _path(token, extension).unlink(missing_ok=True)


def remove_stale() -> None:
    cutoff = time.time() - MAX_AGE_SECONDS
    for path in _directory().glob("*.*"):
        try:
            if path.stat().st_mtime < cutoff:
                path.unlink()
        except OSError:
            pass  # another request removed it first
