"""Test settings and the named people every test can use.

olivia: officer, Warwickshire County Council   arjun: officer, NHS Arden Cluster
maya:   member and chair of the review          mark:  member of another review only
clara:  clerk of the review                     ada:   administrator
"""

import os

import pytest
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django.db import connection

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls made by the
# test itself (arranging data, checking rows) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from .factories import make_world  # noqa: E402
from .history_guard import AuditedTables, HistoryGuard  # noqa: E402

_audited_tables = []


@pytest.fixture(autouse=True)
def history_guard():
    """Every test fails if it writes an audited record without its history (tests/history_guard.py)."""
    if not _audited_tables:
        _audited_tables.append(AuditedTables.of_this_project())
    guard = HistoryGuard(_audited_tables[0])
    with connection.execute_wrapper(guard):
        yield guard


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    # Checked when the test's body ends, before its fixtures roll the database back.
    result = yield
    guard = item.funcargs.get("history_guard")
    if guard is not None:
        guard.check()
    return result


@pytest.fixture(autouse=True)
def _fast_tests(settings, tmp_path):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "uploads"
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Counters kept in the in-memory cache (the reset-link limits) start again with each test.
    for cache in caches.all(initialized_only=True):
        if isinstance(cache, LocMemCache):
            cache.clear()


@pytest.fixture
def world(db):
    return make_world()


def user_of_the_world(username):
    """A fixture named after one of the world's users, giving that user."""

    @pytest.fixture(name=username)
    def user(world):
        return getattr(world, username)

    return user


olivia, arjun, maya, mark, clara, ada = map(user_of_the_world, ["olivia", "arjun", "maya", "mark", "clara", "ada"])
