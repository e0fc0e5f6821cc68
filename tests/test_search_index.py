"""On PostgreSQL the search's match is an index lookup, kind by kind: the query's expression must stay
exactly that of the GIN indexes (actionplan 0007, review 0006), or every search reads every row."""

import pytest
from django.contrib.postgres.search import SearchQuery
from django.db import connection

from scrutiny.review.reporting.search import own_words_matching
from scrutiny.review.reporting.search_kinds import KINDS

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the full-text indexes are PostgreSQL's"),
]

INDEXES = {
    "actions": "action_search_gin",
    "areas": "area_search_gin",
    "updates": "update_search_gin",
    "evidence": "evidence_search_gin",
    "notes": "noteitem_search_gin",
    "conclusions": "conclusion_search_gin",
    "requests": "inforequest_search_gin",
    "recommendations": "recommendation_search_gin",
}


def plan_of(queryset) -> str:
    with connection.cursor() as cursor:
        # The test tables are tiny, so a sequential scan would be cheaper, and a walk along another index
        # with a filter is possible: forbid both, so that the plan reads the GIN index whenever it fits the
        # expression (a bitmap scan needs a condition the index serves), and scans the table when it does not.
        cursor.execute(
            "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_indexonlyscan = off"
        )
        sql, params = queryset.query.sql_with_params()
        cursor.execute(f"EXPLAIN {sql}", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan; RESET enable_indexscan; RESET enable_indexonlyscan")
    return plan


def test_every_kind_matches_its_own_words_through_its_full_text_index(world, maya):
    # The match the search page makes for each kind (the page's other conditions, and the planner's
    # choice among them, aside): its expression must be the index's, or every search reads every row.
    query = SearchQuery("health assessments", config="english", search_type="websearch")
    assert set(INDEXES) == {kind.key for kind in KINDS}
    for kind in KINDS:
        model = kind.visible(maya).model
        assert f"Bitmap Index Scan on {INDEXES[kind.key]}" in plan_of(own_words_matching(model, kind, query)), kind.key
