"""Indexes for "each record's last history row at a moment", which the changes digest, the past view
and the preparation pack ask of the history tables. simple-history's models declare no such index,
so it is made in SQL (the same on SQLite and PostgreSQL) and the model state is left as it is."""

from django.db import migrations

TABLES = ["actionplan_historicalaction", "actionplan_historicalevidence", "actionplan_historicalarea"]


class Migration(migrations.Migration):
    dependencies = [("actionplan", "0002_initial")]

    operations = [
        migrations.RunSQL(
            sql=f"CREATE INDEX {table}_record_moment ON {table} (id, history_date, history_id)",
            reverse_sql=f"DROP INDEX {table}_record_moment",
        )
        for table in TABLES
    ]
