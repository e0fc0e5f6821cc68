"""A backup and restore round trip loses nothing, history included (PostgreSQL: pg_dump and pg_restore),
and the uploaded files come back byte for byte (the files directory, archived and unpacked).

These are the commands the README gives for backing up and restoring a live installation.
"""

import hashlib
import os
import shutil
import subprocess
import tarfile

import psycopg2
import pytest
from django.db import connection

from .security_urls import add_records

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"), reason="pg_dump round trip needs PostgreSQL"
    ),
    pytest.mark.django_db(transaction=True),  # pg_dump runs in another process: the data must be committed
]


def pg_env(settings_dict) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": settings_dict["HOST"] or "127.0.0.1",
            "PGPORT": str(settings_dict["PORT"] or 5432),
            "PGUSER": settings_dict["USER"] or "postgres",
        }
    )
    if settings_dict.get("PASSWORD"):
        env["PGPASSWORD"] = settings_dict["PASSWORD"]
    return env


def row_counts(settings_dict, name) -> dict:
    conn = psycopg2.connect(
        dbname=name,
        host=settings_dict["HOST"] or "127.0.0.1",
        port=settings_dict["PORT"] or 5432,
        user=settings_dict["USER"] or "postgres",
        password=settings_dict.get("PASSWORD") or None,
    )
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
            tables = [row[0] for row in cursor.fetchall()]
            counts = {}
            for table in tables:
                cursor.execute(f'SELECT COUNT(*) FROM "{table}"')
                counts[table] = cursor.fetchone()[0]
            return counts
    finally:
        conn.close()


def checksums(root) -> dict:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def test_pg_dump_and_restore_keep_every_row_and_every_file(world, settings, tmp_path):
    records = add_records(world)
    records.wcc_action.status = "completed"
    records.wcc_action.completed_on = records.wcc_action.target_date
    records.wcc_action._history_user = records.olivia
    records.wcc_action.save()

    settings_dict = connection.settings_dict
    source = settings_dict["NAME"]
    restored = f"{source}_restored"
    env = pg_env(settings_dict)
    dump = tmp_path / "scrutiny.dump"
    subprocess.run(["pg_dump", "--format=custom", "--no-owner", f"--file={dump}", source], env=env, check=True)
    subprocess.run(["dropdb", "--if-exists", restored], env=env, check=True)
    subprocess.run(["createdb", restored], env=env, check=True)
    try:
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", f"--dbname={restored}", str(dump)], env=env, check=True
        )
        before, after = row_counts(settings_dict, source), row_counts(settings_dict, restored)
    finally:
        subprocess.run(["dropdb", "--if-exists", restored], env=env, check=True)

    assert before == after
    assert before["actionplan_historicalaction"] >= 2  # created, then completed: the history came along
    assert before["actionplan_evidence"] == 1

    # The files: archive the uploads directory, unpack it elsewhere, compare byte for byte.
    media = settings.MEDIA_ROOT
    archive = shutil.make_archive(str(tmp_path / "uploads"), "gztar", root_dir=media)
    restored_media = tmp_path / "restored-uploads"
    with tarfile.open(archive) as tar:
        tar.extractall(restored_media, filter="data")
    assert checksums(media) and checksums(media) == checksums(restored_media)
    assert records.evidence.file.name in checksums(restored_media)
