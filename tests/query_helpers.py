"""Pages make as many queries with a lot of data as with a little."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries_of(client, url, data=None) -> list:
    """The queries one GET of the page runs (it must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, data).status_code == 200
    return captured.captured_queries


def assert_queries_flat(client, url, grow, *, first: int, then: int, data=None) -> None:
    """As many queries after `grow(then)` adds more records as after `grow(first)`."""
    grow(first)
    client.get(url, data)  # the first request also loads the session's user and warms caches
    small = queries_of(client, url, data)
    grow(then)
    large = queries_of(client, url, data)
    assert len(large) == len(small), [query["sql"] for query in large]
