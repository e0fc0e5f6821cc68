"""Throttled sign-in with django-axes: after repeated failures for one username from one address,
that pair is refused for a while, with a message on the sign-in page saying how long.

Locking the pair, not the username alone nor the address alone, means nobody elsewhere can keep a
named person locked out, and one office's typos behind a shared address lock out nobody else.
Axes keeps its counts in its own tables (AccessAttempt...), which are bookkeeping, not the
service's audited records: they have no history and may be updated and purged in bulk."""

from axes.backends import AxesStandaloneBackend
from django.conf import settings
from django.forms.utils import ErrorDict
from django.shortcuts import render

from .forms import SignInForm

# The length of django-axes' AccessAttempt.username.
USERNAME_COLUMN_LENGTH = 255
LOCKED_MESSAGE = (
    "Too many failed attempts to sign in. Wait {minutes} minutes and try again, "
    "or reset your password with the link below."
)


def lockout_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def locked_message() -> str:
    return LOCKED_MESSAGE.format(minutes=lockout_minutes())


def client_address(request) -> str:
    """AXES_CLIENT_IP_CALLABLE: the address whose failures are counted."""
    if request is None:
        return ""
    if settings.SIGN_IN_TRUST_X_FORWARDED_FOR:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if forwarded:
            return forwarded[-1]  # appended by our own load balancer; earlier entries are the client's say-so
    return request.META.get("REMOTE_ADDR", "")


def attempted_username(request, credentials=None):
    """AXES_USERNAME_CALLABLE: the username axes would take, cut to the length of its column, so that
    an over-long one typed at any sign-in door (the admin's too) is counted instead of overflowing it."""
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    if credentials:
        username = credentials.get(field)
    else:
        username = getattr(request, "data", request.POST).get(field)
    return username[:USERNAME_COLUMN_LENGTH] if isinstance(username, str) else username


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the sign-in page again, the lock explained in its error summary
    (for the admin's sign-in too), with HTTP 429 so that scripts see it for what it is."""
    form = SignInForm(request, data={"username": (credentials or {}).get("username") or ""})
    # Not validated again (that would try the password once more): the lock is its only error.
    form._errors, form.cleaned_data = ErrorDict(), {}
    form.add_error(None, locked_message())
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    return render(request, "registration/login.html", {"form": form, "next": next_url, "locked_out": True}, status=429)


class ThrottlingBackend(AxesStandaloneBackend):
    """Axes' check, first in AUTHENTICATION_BACKENDS. A check made without a request (a script or
    a management command calling authenticate()) comes from no address and is not throttled."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
