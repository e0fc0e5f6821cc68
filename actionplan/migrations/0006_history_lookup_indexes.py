# Written by hand, like 0003: the changes digest (scrutiny/review/reporting/change_rows.py) pairs a
# record's first history row of the period with its last row before it. For progress updates and
# evidence the only indexes were on id and on history_date, so PostgreSQL walked back along
# history_date through every row older than the period's start, keeping those of the record, and
# sorted them (EXPLAIN at 100x: "Index Scan Backward using ..._history_date; Filter: (id = r.id)"
# under a Sort, once per row of the period): the more history before the period, the longer each
# step. With (id, history_date, history_id) it is one index entry per row, as for actions.

from django.db import migrations

TABLES = {
    "actionplan_histupdate_id_date": "actionplan_historicalprogressupdate",
    "actionplan_histevidence_id_date": "actionplan_historicalevidence",
}


class Migration(migrations.Migration):
    dependencies = [
        ("actionplan", "0005_action_history_status_indexes"),
    ]

    operations = [
        migrations.RunSQL(
            f"CREATE INDEX IF NOT EXISTS {index} ON {table} (id, history_date, history_id)",
            reverse_sql=f"DROP INDEX IF EXISTS {index}",
        )
        for index, table in TABLES.items()
    ]
