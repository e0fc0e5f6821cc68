"""The column mapping is remembered per plan: the next version of the same spreadsheet imports with
no mapping, through the pages and the command line."""

import re

from django.urls import reverse

from actionplan.models import Action, Inspection

from .import_helpers import HEREFORD, ROTHERHAM, command, command_new, csv_text, preview_page, upload

# Headers no synonym knows: the first import has to be told which is which.
HEADERS = ["Para", "Improvement needed", "Item", "Task", "Org"]


def version(rows) -> bytes:
    return csv_text([HEADERS] + [["1", ROTHERHAM.area, ref, text, "WCC"] for ref, text in rows]).encode()


FIRST = version(ROTHERHAM.actions[:2])
NEXT = version(ROTHERHAM.actions + [("1d", HEREFORD.action)])
COLUMNS = [
    "--column",
    "Para=area_number",
    "--column",
    "Improvement needed=area_text",
    "--column",
    "Item=reference",
    "--column",
    "Task=description",
    "--column",
    "Org=lead_agency",
]


def first_import(tmp_path) -> Inspection:
    path = tmp_path / "plan-v1.csv"
    path.write_bytes(FIRST)
    command_new(path, "YOS SQS 2012", "Rotherham", "--yes", *COLUMNS)
    return Inspection.objects.get(title="YOS SQS 2012")


def test_the_next_version_imports_through_the_pages_with_no_mapping(client, world, tmp_path):
    inspection = first_import(tmp_path)
    client.force_login(world.ada)
    response = upload(client, NEXT, "plan-v2.csv", inspection=str(inspection.pk))
    assert response.url == reverse("plan_import_preview")  # not the mapping page
    page = preview_page(client)
    assert "The columns are read as in the last import of this plan, plan-v1.csv on" in page
    assert "2</span> actions to create" in page and "2</span> unchanged" in page
    form = {name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1) for name in ("digest", "upload")}
    client.post(reverse("plan_import_confirm"), form)
    assert Action.objects.filter(area__inspection=inspection).count() == 4


def test_the_next_version_imports_through_the_command_with_no_columns(world, tmp_path):
    inspection = first_import(tmp_path)
    path = tmp_path / "plan-v2.csv"
    path.write_bytes(NEXT)
    out = command(str(path), "--user", "ada", "--inspection", str(inspection.pk), "--yes")
    assert "The columns are read as in the last import of this plan, plan-v1.csv" in out
    assert "2 created, 0 updated" in out


def test_a_changed_layout_is_mapped_afresh(client, world, tmp_path):
    inspection = first_import(tmp_path)
    client.force_login(world.ada)
    changed = csv_text(
        [
            ["Para", "Improvement needed", "Item", "What needs doing", "Org"],
            ["1", ROTHERHAM.area, "1c", ROTHERHAM.actions[2][1], "WCC"],
        ]
    ).encode()
    response = upload(client, changed, "plan-v3.csv", inspection=str(inspection.pk))
    assert response.url == reverse("plan_import_mapping")
