import time

from django.conf import settings

from scrutiny.core.security import LAST_SEEN_KEY

from .navigation import navigation_for


def site(request):
    return {
        "council_name": settings.COUNCIL_NAME,
        "service_name": settings.SERVICE_NAME,
        "navigation": navigation_for(request),
        "session_seconds_left": _session_seconds_left(request),
    }


def _session_seconds_left(request) -> int | None:
    """For the timeout warning: how long until the idle sign-out, as the server counts it."""
    timeout = getattr(settings, "SESSION_IDLE_TIMEOUT", 0)
    user = getattr(request, "user", None)
    if not timeout or user is None or not user.is_authenticated:
        return None
    last_seen = request.session.get(LAST_SEEN_KEY) or time.time()
    return max(0, int(timeout - (time.time() - last_seen)))
