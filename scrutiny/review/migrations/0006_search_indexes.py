# Written by hand, like actionplan 0007: GIN indexes on the words the search matches, so the match is
# an index lookup on PostgreSQL. Nothing on SQLite. The fields must stay those of the kind's
# text_fields in scrutiny/review/reporting/search_kinds.py.

from django.db import migrations

from scrutiny.core.search_indexes import AddSearchIndexOnPostgres


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0005_history_lookup_indexes"),
        ("actionplan", "0007_search_indexes"),
    ]

    operations = [
        AddSearchIndexOnPostgres(model_name="noteitem", name="noteitem_search_gin", fields=["heading", "body"]),
        AddSearchIndexOnPostgres(model_name="conclusion", name="conclusion_search_gin", fields=["reasoning"]),
        AddSearchIndexOnPostgres(
            model_name="informationrequest", name="inforequest_search_gin", fields=["question", "answer"]
        ),
        AddSearchIndexOnPostgres(
            model_name="recommendation",
            name="recommendation_search_gin",
            fields=["text", "addressed_to", "committee_notes", "executive_response", "implementation_notes"],
        ),
    ]
