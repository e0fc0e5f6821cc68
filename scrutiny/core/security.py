"""Security middleware: a content security policy on every response, and sign-out after inactivity."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.db import DatabaseError

from .errors import database_unavailable_response

# Refreshing the last-seen time on every request would write the session on every request;
# once a minute is precise enough for a 30-minute timeout.
TOUCH_INTERVAL_SECONDS = 60
LAST_SEEN_KEY = "scrutiny_last_seen"


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
            expired = self._check(request)
        except DatabaseError:
            # Loading the session or the user needs the database: the outage page, not a 500.
            return database_unavailable_response(request)
        if expired:
            messages.info(request, "You have been signed out because you had not used the service for "
                          f"{self._minutes()} minutes. Sign in again to carry on.")
            return redirect_to_login(request.get_full_path())
        return self.get_response(request)

    @staticmethod
    def _minutes() -> int:
        return settings.SESSION_IDLE_TIMEOUT // 60

    def _check(self, request) -> bool:
        timeout = getattr(settings, "SESSION_IDLE_TIMEOUT", 0)
        if not timeout or not request.user.is_authenticated:
            return False
        now = time.time()
        last_seen = request.session.get(LAST_SEEN_KEY)
        if last_seen is not None and now - last_seen > timeout:
            logout(request)
            return True
        if last_seen is None or now - last_seen > TOUCH_INTERVAL_SECONDS:
            request.session[LAST_SEEN_KEY] = now
        return False
