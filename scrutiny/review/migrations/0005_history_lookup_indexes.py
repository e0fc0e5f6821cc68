# Written by hand, like actionplan 0003 and 0005: the changes digest pairs a conclusion's or an
# information request's first history row of the period with its last row before it; with only the
# indexes on id and on history_date that step walked back through all older rows. This index makes
# it one index entry per row.

from django.db import migrations

TABLES = {
    "review_histconclusion_id_date": "review_historicalconclusion",
    "review_histinforequest_id_date": "review_historicalinformationrequest",
}


class Migration(migrations.Migration):
    dependencies = [
        ("review", "0004_report_text"),
        ("actionplan", "0006_history_lookup_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} (id, history_date, history_id)",
            reverse_sql=f"DROP INDEX IF EXISTS {index}",
        )
        for index, table in TABLES.items()
    ]
