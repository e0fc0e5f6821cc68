"""Throttled sign-in: after repeated failures for one username, or from one address, sign-in is
refused for a while with a clear message.

It works as an authentication backend, so the service's sign-in page and the admin's are both
covered. Counters live in Django's cache (the database cache in production, shared by every app
server). A refusal is raised as a ValidationError: the sign-in forms show it in their error summary.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.core.cache import cache
from django.core.exceptions import ValidationError

LOCKED_MESSAGE = (
    "Too many failed attempts to sign in. Wait {minutes} minutes and try again, "
    "or ask the democratic services team to reset your password."
)


class SignInThrottled(ValidationError):
    """Raised instead of checking the password while sign-in is locked."""


def client_address(request) -> str:
    if request is None:
        return ""
    if settings.SIGN_IN_TRUST_X_FORWARDED_FOR:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]  # appended by our own load balancer; earlier entries are the client's say-so
    return request.META.get("REMOTE_ADDR", "")


def _key(kind: str, value: str) -> str:
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:32]
    return f"sign-in-failures:{kind}:{digest}"


def _keys(request, username: str) -> list[tuple[str, int]]:
    keys = []
    if username:
        keys.append((_key("username", username), settings.SIGN_IN_MAX_FAILURES_PER_USERNAME))
    address = client_address(request)
    if address:
        keys.append((_key("address", address), settings.SIGN_IN_MAX_FAILURES_PER_ADDRESS))
    return keys


def is_locked(request, username: str) -> bool:
    return any((cache.get(key) or 0) >= limit for key, limit in _keys(request, username))


def record_failure(request, username: str) -> None:
    for key, _limit in _keys(request, username):
        # add() starts the window; incr() keeps its expiry, so the lock lifts SIGN_IN_LOCKOUT_SECONDS
        # after the first failure of the run at the latest.
        if not cache.add(key, 1, timeout=settings.SIGN_IN_LOCKOUT_SECONDS):
            try:
                cache.incr(key)
            except ValueError:  # expired between add() and incr()
                cache.add(key, 1, timeout=settings.SIGN_IN_LOCKOUT_SECONDS)


def clear_failures(username: str) -> None:
    cache.delete(_key("username", username))


class ThrottledModelBackend(ModelBackend):
    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(self._username_field(), "")
        username = username or ""
        if is_locked(request, username):
            raise SignInThrottled(
                LOCKED_MESSAGE.format(minutes=settings.SIGN_IN_LOCKOUT_SECONDS // 60), code="throttled"
            )
        user = super().authenticate(request, username=username, password=password, **kwargs)
        if user is None:
            record_failure(request, username)
        else:
            clear_failures(username)
        return user

    @staticmethod
    def _username_field() -> str:
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD
