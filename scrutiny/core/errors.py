"""Error pages with the site's look, and a "try again" page when the database is unavailable.

Django reconnects by itself on the next request (CONN_HEALTH_CHECKS), so the outage page only has
to explain and keep the user's place; it must not touch the database itself, which is why the
500 and 503 pages render without the request (no user, no menu).
"""

import logging
import sys

from django.conf import settings
from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

OUTAGE_ERRORS = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30


def _site_context(**extra) -> dict:
    return {"council_name": settings.COUNCIL_NAME, "service_name": settings.SERVICE_NAME, **extra}


def _render(request, template: str, status: int, **extra) -> HttpResponse:
    """With the request (menu, who is signed in) when the database allows it, without otherwise."""
    if request is not None:
        try:
            return HttpResponse(render_to_string(template, _site_context(**extra), request=request), status=status)
        except DatabaseError:
            pass
    return HttpResponse(render_to_string(template, _site_context(**extra)), status=status)


def database_unavailable_response(request) -> HttpResponse:
    path = request.get_full_path() if request is not None else "/"
    if not path.startswith("/") or path.startswith("//"):
        path = "/"  # never a link to another site
    response = _render(None, "errors/503.html", 503, retry_path=path)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """A lost database connection during a view becomes a 503 "try again" page, not a 500."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, OUTAGE_ERRORS) and _looks_like_an_outage(exception):
            logger.error("Database unavailable during %s %s: %s", request.method, request.path, exception)
            return database_unavailable_response(request)
        return None


# SQLSTATEs worth a "try again": connection failures (class 08), the server shutting down (57P..),
# a statement cancelled by statement_timeout (57014) and a lock not granted within lock_timeout (55P03).
TRY_AGAIN_SQLSTATES = ("08", "57P", "57014", "55P03")


def _looks_like_an_outage(exception) -> bool:
    # A data error is an OperationalError on SQLite too ("no such table"); only connection troubles
    # and the database's time limits are an outage.
    cause = exception.__cause__
    code = getattr(cause, "pgcode", None)
    if code is not None:
        return code.startswith(TRY_AGAIN_SQLSTATES)
    text = str(exception).lower()
    return isinstance(exception, InterfaceError) or any(
        word in text for word in ("connect", "server closed", "terminating", "database is locked", "shutdown")
    )


def bad_request(request, exception=None):
    return _render(request, "errors/400.html", 400)


def permission_denied(request, exception=None):
    return _render(request, "errors/403.html", 403)


def page_not_found(request, exception=None):
    return _render(request, "errors/404.html", 404)


def server_error(request):
    # Called while the exception is being handled, so it is still visible here.
    exception = sys.exc_info()[1]
    if isinstance(exception, OUTAGE_ERRORS):
        return database_unavailable_response(request)
    return _render(None, "errors/500.html", 500)
