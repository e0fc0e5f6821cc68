"""How long a 5,000-row action plan takes to read, preview and import; not a test, a measurement.

    VAR_DIR=/tmp/var-bench .venv/bin/python bench/import_benchmark.py [--rows 5000]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scrutiny_bench VAR_DIR=/tmp/var-bench .venv/bin/python bench/import_benchmark.py

It creates a throwaway test database (Django's test database machinery), generates the plan
with openpyxl, times each step (through the real pages for the preview and confirm), and prints a table.
"""

import argparse
import datetime
import io
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "scrutiny.settings")
os.environ.setdefault("VAR_DIR", "/tmp/var-bench")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.files.uploadedfile import SimpleUploadedFile  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import setup_test_environment, teardown_test_environment  # noqa: E402
from django.urls import reverse  # noqa: E402
from openpyxl import Workbook  # noqa: E402

from actionplan.importer.headers import FIELDS  # noqa: E402

# The columns a plan_rows() row fills, headed with the import's own labels (as our export writes them).
COLUMNS = "area_number area_text reference description lead_agency lead_officer timescale success_measure status rag"
HEADERS = [field.label for field in FIELDS if field.key in COLUMNS.split()]
AGENCIES = ["WCC", "Arden Cluster", "UHCW"]
TIMESCALES = ["31/10/2012", "March 2013", "Q3 2012/13", "Ongoing", datetime.datetime(2013, 6, 30)]
STATUSES = ["Not started", "In progress", "In progress", "Complete"]


def plan_rows(count: int, edited_every: int = 0):
    for n in range(count):
        area = 1 + n // 100  # 50 areas of 100 actions for 5,000 rows
        description = f"Action {n}: audit the casework of team {n % 37} and report to the board"
        if edited_every and n % edited_every == 0:
            description += " (revised)"
        yield [
            area,
            f"Area for improvement number {area}" if n % 100 == 0 else None,
            f"{area}.{n % 100 + 1}",
            description,
            AGENCIES[n % 3],
            f"Service manager {n % 11}",
            TIMESCALES[n % 5],
            "Monthly performance report shows improvement",
            STATUSES[n % 4],
            "RAG"[n % 3] if n % 4 != 3 else "B",
        ]


def workbook_bytes(count: int, edited_every: int = 0) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Plan")
    sheet.append(HEADERS)
    for row in plan_rows(count, edited_every):
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def timed(label, results, function, *args, **kwargs):
    started = time.perf_counter()
    value = function(*args, **kwargs)
    results.append((label, time.perf_counter() - started))
    return value


def world():
    from scrutiny.people.models import Agency, Role, User

    for short, name in zip(
        AGENCIES,
        ["Warwickshire County Council", "NHS Arden Cluster", "University Hospital Coventry and Warwickshire NHS Trust"],
        strict=False,
    ):
        Agency.objects.create(name=name, short_name=short)
    admin = User(username="bench-admin", role=Role.ADMIN)
    admin.set_password("bench-password-1234")
    admin.save()
    return admin


def run(rows: int) -> list[tuple[str, float]]:
    from actionplan.importer import Options, auto_mapping, build_preview, read_table
    from actionplan.models import Action, Inspection

    results: list[tuple[str, float]] = []
    admin = world()
    data = timed(f"Generate a {rows:,}-row .xlsx ({rows // 100} areas)", results, workbook_bytes, rows)
    table = timed("Read the workbook (openpyxl, read-only)", results, read_table, data, "bench.xlsx")
    options = Options(new_inspection_title="Benchmark inspection", new_inspection_body="Benchmark council")
    timed(
        "Preview, service only (new inspection)",
        results,
        build_preview,
        table,
        auto_mapping(table),
        options,
        "bench.xlsx",
    )

    client = Client()
    client.force_login(admin)
    upload = SimpleUploadedFile("bench.xlsx", data)
    timed(
        "Page: upload (POST)",
        results,
        client.post,
        reverse("plan_import"),
        {
            "file": upload,
            "inspection": "",
            "new_inspection_title": "Benchmark inspection",
            "new_inspection_body": "Benchmark council",
            "plan_agency": "",
        },
    )
    page = timed("Page: preview (GET, read + preview + render)", results, client.get, reverse("plan_import_preview"))
    digest = page.context["preview"].digest
    response = timed(
        "Page: confirm (POST, import with history)",
        results,
        client.post,
        reverse("plan_import_confirm"),
        {"digest": digest},
    )
    assert response.status_code == 302, response.status_code
    inspection = Inspection.objects.get(title="Benchmark inspection")
    assert Action.objects.for_inspection(inspection).count() == rows
    assert Action.history.filter(history_change_reason="Imported from bench.xlsx").count() == rows

    same = Options(inspection=inspection)
    preview = timed(
        "Preview of the same file again (all unchanged)",
        results,
        build_preview,
        table,
        auto_mapping(table),
        same,
        "bench.xlsx",
    )
    assert len(preview.unchanged) == rows and not preview.has_changes

    edited = workbook_bytes(rows, edited_every=10)
    client.post(
        reverse("plan_import"),
        {
            "file": SimpleUploadedFile("bench-v2.xlsx", edited),
            "inspection": str(inspection.pk),
            "new_inspection_title": "",
            "new_inspection_body": "",
            "plan_agency": "",
        },
    )
    page = timed(f"Page: preview with {rows // 10:,} rows edited", results, client.get, reverse("plan_import_preview"))
    assert len(page.context["preview"].updates) == rows // 10
    timed(
        f"Page: confirm, updating {rows // 10:,} actions",
        results,
        client.post,
        reverse("plan_import_confirm"),
        {"digest": page.context["preview"].digest},
    )
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=5000)
    args = parser.parse_args()
    setup_test_environment()
    settings.MEDIA_ROOT = Path(os.environ["VAR_DIR"]) / "bench-uploads"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        results = run(args.rows)
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)
        teardown_test_environment()
    vendor = connection.vendor
    width = max(len(label) for label, _s in results)
    print(f"\nImport benchmark: {args.rows:,} rows, database {vendor}\n")
    print(f"{'Step'.ljust(width)}  Seconds")
    print(f"{'-' * width}  -------")
    for label, seconds in results:
        print(f"{label.ljust(width)}  {seconds:7.2f}")


if __name__ == "__main__":
    main()
