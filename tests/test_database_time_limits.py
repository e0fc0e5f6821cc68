"""PostgreSQL's time limits: a statement that runs too long or waits too long for a lock is cancelled
by the database, and the person sees the "try again" page (503), never a 500 or a hung page."""

import os

import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.urls import include, path

from scrutiny.core import errors

from .page_helpers import assert_try_again_page

needs_postgres = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="the time limits are PostgreSQL's"
)


def _slow_report(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(2)")
    return HttpResponse("finished")  # never reached under the test's 50 ms limit


def _fast_report(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(0.01)")
    return HttpResponse("finished")


urlpatterns = [
    path("test-slow-report/", _slow_report),
    path("test-fast-report/", _fast_report),
    path("", include("scrutiny.urls")),
]
handler500 = errors.server_error


@pytest.fixture
def statement_limit():
    """Lowers this connection's statement_timeout for one test, as production's setting would."""

    def lower(milliseconds: int):
        with connection.cursor() as cursor:
            cursor.execute(f"SET statement_timeout = {int(milliseconds)}")

    yield lower
    with connection.cursor() as cursor:
        cursor.execute("RESET statement_timeout")


def setting(name: str) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT setting FROM pg_settings WHERE name = %s", [name])
        return cursor.fetchone()[0]


@needs_postgres
@pytest.mark.django_db
def test_every_connection_has_the_configured_time_limits(settings):
    assert setting("statement_timeout") == str(settings.DB_STATEMENT_TIMEOUT_MS)
    assert setting("lock_timeout") == str(settings.DB_LOCK_TIMEOUT_MS)
    assert setting("jit") == "off"  # compiling a page's query took longer than running it (settings.py)


# Autocommit, as in production: a cancelled statement then spoils nothing else in the request.
@needs_postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls(__name__)
def test_a_statement_cancelled_by_the_time_limit_gives_the_try_again_page(client, olivia, statement_limit):
    client.raise_request_exception = False
    client.force_login(olivia)
    statement_limit(50)
    page = assert_try_again_page(client.get("/test-slow-report/?page=3"), "/test-slow-report/?page=3")
    assert "finished" not in page


@needs_postgres
@pytest.mark.django_db(transaction=True)
@pytest.mark.urls(__name__)
def test_a_statement_within_the_time_limit_is_answered(client, olivia, statement_limit):
    client.force_login(olivia)
    statement_limit(1000)
    response = client.get("/test-fast-report/")
    assert response.status_code == 200
    assert response.content == b"finished"


class _LockNotAvailable(Exception):
    pgcode = "55P03"  # what psycopg2 raises when lock_timeout expires


def test_a_lock_not_granted_in_time_gives_the_try_again_page(rf):
    request = rf.get("/actions/7/update/")
    error = OperationalError("canceling statement due to lock timeout")
    error.__cause__ = _LockNotAvailable()
    response = errors.DatabaseUnavailableMiddleware(lambda r: None).process_exception(request, error)
    assert response.status_code == 503
    assert 'href="/actions/7/update/">Try again</a>' in response.content.decode()
