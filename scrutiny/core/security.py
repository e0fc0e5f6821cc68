"""Security middleware: a content security policy on every response, and sign-out after inactivity
or, whatever the activity, a fixed time after signing in."""

import datetime
import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError
from django.middleware.csrf import CsrfViewMiddleware
from django.utils import timezone

from .errors import database_unavailable_response
from .typed_work import restore_url, stash_post

# Refreshing the last-seen time on every request would write the session on every request;
# once a minute is precise enough for a 30-minute timeout.
TOUCH_INTERVAL_SECONDS = 60
LAST_SEEN_KEY = "scrutiny_last_seen"
SIGNED_IN_AT_KEY = "scrutiny_signed_in_at"


def start_session_clock(sender, request, user, **kwargs):
    """user_logged_in: the session ends SESSION_COOKIE_AGE after signing in, however busy. Without a
    fixed expiry Django would renew the cookie's age each time the session is written (the
    last-seen time, once a minute), and an active or stolen session would never end."""
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[SIGNED_IN_AT_KEY] = now
    request.session[LAST_SEEN_KEY] = now
    request.session.set_expiry(timezone.now() + datetime.timedelta(seconds=settings.SESSION_COOKIE_AGE))


class ContentSecurityPolicyMiddleware:
    """No inline scripts or styles, nothing from other origins: an injected <script> cannot run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        policy = getattr(settings, "CSP_POLICY", "")
        if policy and "Content-Security-Policy" not in response:
            response["Content-Security-Policy"] = policy
        return response


class SessionIdleTimeoutMiddleware:
    """Signs a user out after SESSION_IDLE_TIMEOUT seconds without a request, and says so."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            ended = self._check(request)
        except DatabaseError:
            # Loading the session or the user needs the database: the outage page, not a 500.
            return database_unavailable_response(request)
        if ended:
            user_id, why = ended
            next_path = request.get_full_path()
            if request.method == "POST" and self._csrf_passes(request):
                # A form posted after the session ended: keep what was typed for after signing in.
                token = stash_post(request, user_id=user_id)
                if token:
                    next_path = restore_url(request.path, token)
                    why += " What you typed has been kept: sign in to see it again, then save it."
            logout(request)
            messages.info(request, why)
            return redirect_to_login(next_path)
        return self.get_response(request)

    @staticmethod
    def _minutes() -> int:
        return settings.SESSION_IDLE_TIMEOUT // 60

    @staticmethod
    def _csrf_passes(request) -> bool:
        """Only a genuine post from our own page is kept (a cross-site one is not our user's typing)."""
        return CsrfViewMiddleware(lambda r: None).process_view(request, None, (), {}) is None

    def _check(self, request) -> tuple[int, str] | None:
        """(the signed-out user's id, why) when the session has ended, else None."""
        if not request.user.is_authenticated:
            return None
        now = time.time()
        signed_in_at = request.session.get(SIGNED_IN_AT_KEY)
        if signed_in_at is None:  # a session from before the clock was kept: it starts now
            request.session[SIGNED_IN_AT_KEY] = signed_in_at = now
        if now - signed_in_at > settings.SESSION_COOKIE_AGE:
            hours = settings.SESSION_COOKIE_AGE // 3600
            return request.user.pk, (
                f"You have been signed out because you signed in {hours} hours ago. Sign in again to carry on."
            )
        timeout = getattr(settings, "SESSION_IDLE_TIMEOUT", 0)
        if not timeout:
            return None
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > timeout:
            return request.user.pk, (
                "You have been signed out because you had not used the service for "
                f"{self._minutes()} minutes. Sign in again to carry on."
            )
        if last_seen is None or now - last_seen > TOUCH_INTERVAL_SECONDS:
            request.session[LAST_SEEN_KEY] = now
        return None
