"""Typed work survives a session that ended, or a form whose security token went stale.

The posted fields are kept server-side (the shared cache) under a random one-time token; the
person signs in again, is sent back to the form's page with ?restore=<token>, and the page puts
what they typed back into the form (static/js/restore-form.js) for them to check and save.
Files are never kept (a browser cannot be made to choose them again), nor passwords, nor the
security token itself."""

import secrets
from urllib.parse import urlencode

from django.core.cache import cache
from django.http import QueryDict

RESTORE_PARAM = "restore"
KEPT_SECONDS = 2 * 60 * 60
MAX_KEPT_CHARACTERS = 500_000  # a whole written update many times over; not a store for anything else
NEVER_KEPT = ("csrfmiddlewaretoken", "password", "next")


def _key(token: str) -> str:
    return f"typed-work:{token}"


def _kept_fields(post: QueryDict) -> dict[str, list[str]]:
    return {name: post.getlist(name) for name in post if not any(word in name.lower() for word in NEVER_KEPT)}


def stash_post(request, *, user_id) -> str | None:
    """Keeps the request's posted fields for user_id; returns the token, or None if nothing to keep."""
    fields = _kept_fields(request.POST)
    if not fields or sum(len(v) for values in fields.values() for v in values) > MAX_KEPT_CHARACTERS:
        return None
    token = secrets.token_urlsafe(24)
    cache.set(_key(token), {"user_id": user_id, "path": request.path, "fields": fields}, KEPT_SECONDS)
    return token


def restore_url(path: str, token: str) -> str:
    return f"{path}?{urlencode({RESTORE_PARAM: token})}"


def take_stash(request) -> dict[str, list[str]] | None:
    """The fields kept for this page and this person, once: the token is spent on first use."""
    token = request.GET.get(RESTORE_PARAM)
    if not token or request.method != "GET" or len(token) > 64:
        return None
    kept = cache.get(_key(token))
    if not kept or kept["path"] != request.path:
        return None
    if kept["user_id"] is not None and kept["user_id"] != getattr(request.user, "pk", None):
        return None
    cache.delete(_key(token))
    return kept["fields"]


def restored_form_data(request) -> dict:
    """Context processor: the kept fields, for restore-form.js to put back (json_script escapes them)."""
    if not hasattr(request, "_restored_form_data"):
        request._restored_form_data = take_stash(request) if getattr(request, "user", None) else None
    return {"restored_form_data": request._restored_form_data}
