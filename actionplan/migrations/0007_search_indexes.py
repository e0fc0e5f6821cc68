# Written by hand: the search (scrutiny/review/reporting/search.py) matches each record's own words
# with to_tsvector over the same fields, which without an index is computed for every row. These GIN
# indexes hold that vector, so the match is an index lookup. PostgreSQL only; nothing on SQLite.
# The fields must stay those of the kind's text_fields in search_kinds.py (a test checks the plan).

from django.db import migrations

from scrutiny.core.search_indexes import AddSearchIndexOnPostgres


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0006_history_lookup_indexes"),
    ]

    operations = [
        AddSearchIndexOnPostgres(
            model_name="action",
            name="action_search_gin",
            fields=["reference", "description", "success_measure", "lead_officer_role"],
        ),
        AddSearchIndexOnPostgres(model_name="area", name="area_search_gin", fields=["text"]),
        AddSearchIndexOnPostgres(model_name="progressupdate", name="update_search_gin", fields=["note", "author_name"]),
        AddSearchIndexOnPostgres(
            model_name="evidence", name="evidence_search_gin", fields=["title", "description", "original_filename"]
        ),
    ]
