"""Ready-made pages: a report page is kept until anything in the data changes.

The members' and officers' main pages summarise thousands of history rows, yet the data behind
them changes a few times a day. Every save and delete of every audited model writes a history row
(history on every model; `QuerySet.update()` and `bulk_*` are banned on them), so the newest history
row of each model is a version of the whole data set that one cheap query reads. A page is kept under:

- that data version, so any change anywhere is seen on the very next request;
- today's date, because "overdue" and "the next meeting" move at midnight;
- the person's session and CSRF secret, so nobody is ever served a page built for someone else,
  and the forms on it (sign out) carry that person's own token;
- the path and query string, and the code's own version, so a release is seen at once.

Pages that show a one-off message ("Your update was saved") are neither served from nor put in the
cache: the message belongs to that one response.
"""

import functools
import hashlib
import zlib
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse
from django.utils import timezone
from simple_history.models import HistoricalChanges

HEADER = "X-Page-Cache"
KEPT_HEADERS = ("Content-Type", "Content-Language", "Cache-Control")


@functools.cache
def _history_tables() -> tuple[tuple[str, str], ...]:
    return tuple(sorted(
        (model._meta.db_table, model._meta.pk.column)
        for model in apps.get_models()
        if issubclass(model, HistoricalChanges)
    ))


def data_version() -> str:
    """The newest history row of every audited model, in one query."""
    quote = connection.ops.quote_name
    columns = ", ".join(f"(SELECT MAX({quote(pk)}) FROM {quote(table)})" for table, pk in _history_tables())
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {columns}")
        row = cursor.fetchone()
    return ".".join("" if value is None else str(value) for value in row)


@functools.cache
def code_version() -> str:
    """Changes whenever a template or a module of the project does: a release is seen at once."""
    root = Path(settings.BASE_DIR)
    newest = max(
        (path.stat().st_mtime_ns for folder in ("templates", "scrutiny", "actionplan")
         for path in (root / folder).rglob("*") if path.suffix in (".py", ".html")),
        default=0,
    )
    return str(newest)


def _key(request, versions: tuple[str, ...]) -> str:
    # The CSRF secret is read each time: a first page sets it while rendering its forms.
    parts = (*versions, request.session.session_key or "", request.META.get("CSRF_COOKIE", ""), request.get_full_path())
    return "page:" + hashlib.sha256("\n".join(parts).encode()).hexdigest()


def _has_pending_messages(request) -> bool:
    # len() reads the stored messages without marking them shown.
    return bool(len(messages.get_messages(request)))


def cached_page(view):
    """Serve the view's page from the cache while the data, the day and the person are unchanged.

    Goes inside the permission decorators: they still run on every request. What the view itself
    checks (whose action this is) depends only on the person and the data, both in the key.
    """

    @functools.wraps(view)
    def wrapper(request, *args, **kwargs):
        seconds = getattr(settings, "PAGE_CACHE_SECONDS", 0)
        if not seconds or request.method not in ("GET", "HEAD") or _has_pending_messages(request):
            return view(request, *args, **kwargs)
        versions = (code_version(), data_version(), timezone.localdate().isoformat())
        kept = cache.get(_key(request, versions))
        if kept is not None:
            headers, body = kept
            response = HttpResponse(zlib.decompress(body), headers=headers)
            response[HEADER] = "hit"
            return response
        response = view(request, *args, **kwargs)
        if (
            response.status_code == 200 and not response.streaming and not response.cookies
            and not _has_pending_messages(request)
        ):
            headers = {name: response[name] for name in KEPT_HEADERS if name in response}
            cache.set(_key(request, versions), (headers, zlib.compress(response.content, 1)), seconds)
            response[HEADER] = "miss"
        return response

    return wrapper
