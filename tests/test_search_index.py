"""On PostgreSQL the search's match is an index lookup, kind by kind: the query's expression must stay
exactly that of the GIN indexes (actionplan 0007, review 0006), or every search reads every row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the full-text indexes are PostgreSQL's"),
]

INDEXES = (
    "action_search_gin",
    "area_search_gin",
    "update_search_gin",
    "evidence_search_gin",
    "noteitem_search_gin",
    "conclusion_search_gin",
    "inforequest_search_gin",
    "recommendation_search_gin",
)


def plans_of(queries) -> list[str]:
    plans = []
    with connection.cursor() as cursor:
        # The test tables are tiny, so a sequential scan would be cheaper: forbid it, so that the plan
        # reads an index whenever one fits the expression (and still scans the table when none does).
        cursor.execute("SET LOCAL enable_seqscan = off")
        for query in queries:
            if query["sql"].startswith("SELECT"):
                cursor.execute(f"EXPLAIN {query['sql']}")
                plans.append("\n".join(row[0] for row in cursor.fetchall()))
        cursor.execute("SET LOCAL enable_seqscan = on")
    return plans


def test_every_kind_is_matched_through_its_full_text_index(client, world, maya):
    client.force_login(maya)
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/search/", {"q": "health assessments"}).status_code == 200
    plans = "\n".join(plans_of(queries.captured_queries))
    for index in INDEXES:
        assert f"Bitmap Index Scan on {index}" in plans, index
