"""The import through its pages (upload, columns, preview, confirm) and through `manage.py import_plan`."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from actionplan.importer import Options, auto_mapping, build_preview, read_table
from actionplan.models import Action
from actionplan.services.plan_import import ImportRefused

from .import_helpers import DATA, apply, command, command_new, counts, csv_bytes, messy_plan, upload
from .import_helpers import OUR_HEADERS as HEADERS

D = datetime.date


def test_the_pages_take_a_plan_from_upload_to_preview_to_confirm(client, world):
    world.arden.other_names = "the Arden Cluster; Arden"
    world.arden.save()
    client.force_login(world.ada)
    response = upload(client, messy_plan(), "messy.xlsx", inspection=str(world.inspection.pk))
    assert response.status_code == 302 and response.url == reverse("plan_import_preview")
    page = client.get(response.url).content.decode()
    assert "Check the import" in page
    assert "4</span> actions to create" in page and "1</span> to update" in page
    assert "Area 4</strong>: Health assessments are timely" in page
    assert "Weekly caseload report" in page
    assert "Import these changes" in page

    digest = build_preview(
        read_table(messy_plan(), "m.xlsx"),
        auto_mapping(read_table(messy_plan(), "m.xlsx")),
        Options(inspection=world.inspection),
        "m.xlsx",
    ).digest
    response = client.post(reverse("plan_import_confirm"), {"digest": digest})
    assert response.status_code == 302 and response.url == reverse("plan_import_done")
    assert Action.objects.filter(area__inspection=world.inspection).count() == 6
    done = client.get(response.url).content.decode()
    assert "Share protocols with UHCW" in done
    assert reverse("action_detail", args=[Action.objects.get(reference="4.2").pk]) in done
    assert "plan_import" not in client.session


def test_the_preview_lists_errors_by_row_and_column_and_offers_no_confirm(client, world):
    client.force_login(world.ada)
    data = csv_bytes([HEADERS, ["1", "", "1.5", "Audit", "WCC", "", "31/02/2013", "", "", ""]])
    upload(client, data, "plan.csv", inspection=str(world.inspection.pk))
    page = client.get(reverse("plan_import_preview")).content.decode()
    assert "<title>Error: Check the import" in page
    assert "Row 2, “Timescale” (column G): “31/02/2013” is not a real date" in page
    assert "Import these changes" not in page
    before = counts()
    client.post(reverse("plan_import_confirm"), {"digest": "whatever"})
    assert counts() == before


def test_unknown_headers_lead_to_the_column_page_and_then_to_the_preview(client, world):
    client.force_login(world.ada)
    data = csv_bytes([["Item", "What we will do", "Agency"], ["1", "Audit caseloads", "WCC"]])
    response = upload(client, data, "plan.csv", inspection=str(world.inspection.pk))
    assert response.url == reverse("plan_import_mapping")
    page = client.get(response.url).content.decode()
    assert "we could not find:" in page and "<strong>Area number</strong>" in page
    assert "First value: “Audit caseloads”" in page
    response = client.post(
        reverse("plan_import_mapping"),
        {"column_0": "area_number", "column_1": "description", "column_2": "description"},
    )
    assert "Action is already chosen for another column" in response.content.decode()
    response = client.post(
        reverse("plan_import_mapping"),
        {"column_0": "area_number", "column_1": "description", "column_2": "lead_agency"},
    )
    assert response.url == reverse("plan_import_preview")
    page = client.get(response.url).content.decode()
    assert "1</span> action to create" in page and "Audit caseloads" in page


def test_the_upload_form_explains_what_is_wrong(client, world):
    client.force_login(world.ada)
    response = upload(client, b"not a workbook", "plan.xlsx")
    page = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Import an action plan" in page
    assert "The file is not an Excel workbook (.xlsx)" in page
    assert "Enter the title of the new inspection, or choose an inspection" in page
    response = upload(client, b"x", "plan.pdf", inspection=str(world.inspection.pk))
    assert (
        "The file must be an Excel workbook (.xlsx, .xlsm or .xls), a LibreOffice spreadsheet (.ods) or a CSV file"
    ) in response.content.decode()


def test_the_steps_without_an_upload_send_the_user_back_to_the_start(client, world):
    client.force_login(world.ada)
    for name in ("plan_import_mapping", "plan_import_preview"):
        response = client.get(reverse(name))
        assert response.url == reverse("plan_import")
    assert client.post(reverse("plan_import_confirm")).url == reverse("plan_import")
    assert client.get(reverse("plan_import_done")).url == reverse("plan_import")


def test_a_large_upload_is_refused(client, world, settings, monkeypatch):
    monkeypatch.setattr("actionplan.forms.imports.IMPORT_MAX_BYTES", 100)
    client.force_login(world.ada)
    data = csv_bytes([HEADERS] + [["1", "", f"1.{n}", "Audit", "WCC", "", "", "", "", ""] for n in range(20)])
    response = upload(client, data, "plan.csv", inspection=str(world.inspection.pk))
    assert "The file must be smaller than 10 MB" in response.content.decode()


def plan_rows(count):
    return [HEADERS] + [
        [str(1 + n % 3), "", f"9.{n}", f"Action {n}", "WCC", "", "31/10/2012", "", "In progress", "A"]
        for n in range(count)
    ]


def test_the_preview_page_makes_the_same_number_of_queries_for_5_and_50_rows(client, world):
    client.force_login(world.ada)
    queries = []
    for size in (5, 50):
        upload(client, csv_bytes(plan_rows(size)), "plan.csv", inspection=str(world.inspection.pk))
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("plan_import_preview"))
        assert f"{size}</span> actions to create" in response.content.decode()
        queries.append(len(captured))
    assert queries[0] == queries[1]


# The management command ---------------------------------------------------------------------------


def test_the_command_previews_with_dry_run_and_changes_nothing(world, tmp_path):
    path = tmp_path / "herefordshire.csv"
    path.write_bytes((DATA / "actionplan_herefordshire_2014.csv").read_bytes())
    before = counts()
    out = command_new(path, "Herefordshire SIF 2014", "Herefordshire Council", "--plan-agency", "WCC", "--dry-run")
    assert "1 to create, 0 to update, 0 unchanged, 1 new area(s)" in out
    assert "create row 2: area 17 1 Caseloads for CiN" in out
    assert "Dry run: nothing was changed." in out
    assert counts() == before


def test_the_command_applies_with_yes_as_the_named_user(world, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(
        csv_bytes([HEADERS, ["1", "", "1.1", world.wcc_action.description, "WCC", "", "Q3 2012/13", "", "", ""]])
    )
    out = command(str(path), "--user", "ada", "--inspection", str(world.inspection.pk), "--yes")
    assert "0 created, 1 updated" in out
    world.wcc_action.refresh_from_db()
    assert (world.wcc_action.target_date, world.wcc_action.timescale_text) == (D(2012, 12, 31), "Q3 2012/13")
    record = world.wcc_action.history.latest("history_date")
    assert (record.history_user, record.history_change_reason) == (world.ada, "Imported from plan.csv")


def test_the_command_refuses_errors_non_administrators_and_unknown_headers(world, tmp_path):
    from django.core.management.base import CommandError

    bad = tmp_path / "bad.csv"
    bad.write_bytes(csv_bytes([HEADERS, ["1", "", "1.9", "Audit", "Nowhere Trust", "", "", "", "", ""]]))
    with pytest.raises(CommandError, match="1 problem"):
        command(str(bad), "--user", "ada", "--inspection", str(world.inspection.pk), "--yes")
    with pytest.raises(CommandError, match="not an active administrator"):
        command(str(bad), "--user", "maya", "--inspection", str(world.inspection.pk), "--yes")
    odd = tmp_path / "odd.csv"
    odd.write_bytes(csv_bytes([["Item", "What we do", "Agency"], ["1", "Audit caseloads", "WCC"]]))
    with pytest.raises(CommandError, match="These columns were not found: Area number, Action"):
        command(str(odd), "--user", "ada", "--inspection", str(world.inspection.pk), "--dry-run")
    out = command(
        str(odd),
        "--user",
        "ada",
        "--inspection",
        str(world.inspection.pk),
        "--dry-run",
        "--column",
        "Item=area_number",
        "--column",
        "What we do=description",
    )
    assert "1 to create" in out


def test_a_confirmation_without_the_previews_fingerprint_is_refused(world):
    data = csv_bytes([HEADERS, ["1", "", "1.1", "Caseloads audited monthly", "WCC", "", "", "", "", ""]])
    before = counts()
    with pytest.raises(ImportRefused, match="changed since your preview"):
        apply(data, "plan.csv", Options(inspection=world.inspection), world.ada, expected_digest="")
    assert counts() == before
