"""The import's preview and its apply step, through the service and through the pages:
real published plans, messy spreadsheets, errors by row and column, and all-or-nothing."""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from actionplan.importer import Options, auto_mapping, build_preview, read_table
from actionplan.models import Action, ActionPlan, Area, Inspection, TargetDateChange
from actionplan.services.plan_import import ImportRefused, apply_plan_import
from scrutiny.people.models import Agency

from .test_import_reading import csv_bytes, xlsx_bytes

REALDATA = Path(__file__).resolve().parent / "data"  # real published plans, see data/SOURCES.md
D = datetime.date
HEADERS = [
    "Area number",
    "Area for improvement",
    "Action reference",
    "Action",
    "Lead agency",
    "Lead officer",
    "Timescale",
    "Success measure",
    "Status",
    "RAG",
]


def preview_of(data, name, options):
    table = read_table(data, name)
    return build_preview(table, auto_mapping(table), options, name)


def apply(data, name, options, actor, **kwargs):
    table = read_table(data, name)
    return apply_plan_import(
        actor=actor, table=table, mapping=auto_mapping(table), options=options, file_name=name, **kwargs
    )


def counts():
    return (
        Inspection.objects.count(),
        Area.objects.count(),
        ActionPlan.objects.count(),
        Action.objects.count(),
        Action.history.count(),
    )


def new_inspection(plan_agency=None):
    return Options(
        new_inspection_title="Herefordshire SIF 2014",
        new_inspection_body="Herefordshire Council",
        plan_agency=plan_agency,
    )


# Real published plans (shared/realdata, see SOURCES.md) -----------------------------------------


def test_the_real_herefordshire_plan_imports_into_a_new_inspection(world):
    data = (REALDATA / "actionplan_herefordshire_2014.csv").read_bytes()
    preview = preview_of(data, "herefordshire.csv", new_inspection(plan_agency=world.wcc))
    assert preview.ok, preview.errors
    assert [(n, t[:41]) for n, t in preview.new_areas] == [(17, "Ensure that caseloads in children in need")]
    assert len(preview.creates) == 1
    assert "Source url" not in [label for _c, label in preview.columns_used]
    assert any("source_url" in column for column in preview.columns_ignored)

    result = apply(data, "herefordshire.csv", new_inspection(plan_agency=world.wcc), world.ada)
    action = Action.objects.get(pk=result.created[0].pk)
    assert result.inspection.title == "Herefordshire SIF 2014"
    assert action.area.number == 17 and action.area.inspection == result.inspection
    assert action.reference == "1"
    assert action.lead_agency == world.wcc and action.plan.agency == world.wcc
    assert action.lead_officer is None
    assert action.lead_officer_role == "Assistant Director, Safeguarding and Family Support"
    assert (action.target_date, action.timescale_text) == (None, "Ongoing")
    assert action.rag == Action.Rag.RED
    assert action.status == Action.Status.NOT_STARTED
    assert action.success_measure.startswith("Weekly caseload reports")


def test_the_real_rotherham_plan_reads_its_completed_action_and_shared_dates(world):
    data = (REALDATA / "actionplan_rotherham_yos_2012.csv").read_bytes()
    preview = preview_of(data, "rotherham.csv", new_inspection(plan_agency=world.wcc))
    assert preview.ok, preview.errors
    assert [n for n, _t in preview.new_areas] == [1]
    by_ref = {o.reference: o for o in preview.creates}
    assert by_ref["1a"].values["status"] == Action.Status.COMPLETED
    assert by_ref["1a"].values["completed_on"] == timezone.localdate()
    assert by_ref["1a"].values["target_date"] == D(2013, 3, 31)
    assert by_ref["1b"].values["target_date"] == D(2013, 3, 31)
    assert by_ref["1b"].values["timescale_text"] == "January 2013; March 2013"
    warnings = [str(w) for w in preview.warnings]
    assert any("Row 2" in w and "No completion date" in w for w in warnings)
    assert any("Row 3" in w and "“timescale” (column G)" in w and "latest, 31 March 2013" in w for w in warnings)


def test_a_plan_with_no_lead_agency_and_no_plan_agency_is_refused_row_by_row(world):
    data = (REALDATA / "actionplan_rotherham_yos_2012.csv").read_bytes()
    preview = preview_of(data, "rotherham.csv", new_inspection())
    assert [str(e) for e in preview.errors][0].startswith("Row 2, “lead_agency” (column E): Expected the lead agency")
    assert [e.row for e in preview.errors] == [2, 3, 4]


# Messy spreadsheets --------------------------------------------------------------------------------


def messy_plan() -> bytes:
    return xlsx_bytes(
        [
            ["Warwickshire safeguarding improvement plan, v3"],
            [
                "Ref No",
                "Area",
                "Ofsted Area for Improvement",
                "Action",
                "Responsible agency",
                "Lead",
                "By when",
                "Measure of success",
                "Status",
                "R/A/G",
            ],
            [None, 1, "Caseloads remain manageable", None, None, None, None, None, None, None],
            [
                "1.1",
                None,
                None,
                "Weekly caseload report",
                "WCC",
                "Olivia Okafor",
                "31/10/2012",
                "Reports seen",
                "In progress",
                "A",
            ],
            [
                "1.2",
                None,
                None,
                "Recruit social workers",
                "Warwickshire County Council",
                "Head of Service",
                datetime.datetime(2013, 3, 31),
                "",
                "Not started",
                "R",
            ],
            [],
            [
                "4.1",
                4,
                "Health assessments are timely",
                "Audit of notifications",
                "the Arden Cluster",
                "Designated Nurse",
                "Q3 2012/13",
                "",
                "Complete",
                "B",
            ],
            ["4.2", None, None, "Share protocols with UHCW", "UHCW", "", "March 2013", "", "Ongoing", "G"],
            ["4.3", None, None, "Review in a year", "arden", "", "Ongoing", "", "", ""],
        ],
        merges=[],
    )


def test_a_messy_plan_is_read_with_carried_areas_agencies_dates_and_words(world):
    world.arden.other_names = "the Arden Cluster; Arden"
    world.arden.save()
    options = Options(inspection=world.inspection)
    preview = preview_of(messy_plan(), "messy.xlsx", options)
    assert preview.ok, [str(e) for e in preview.errors]
    assert [(n, t) for n, t in preview.new_areas] == [(4, "Health assessments are timely")]
    assert [c.area.number for c in preview.area_changes] == [1]  # the file's shorter wording of area 1
    assert sorted(a.short_name for a in preview.new_plans) == ["UHCW"]
    rows = {o.reference: o.values for o in preview.creates}
    assert set(rows) == {"1.2", "4.1", "4.2", "4.3"}
    # 1.1 is the world's existing WCC action for area 1: the file updates it, field by field.
    [update] = preview.updates
    assert update.action == world.wcc_action
    assert [(c.label, c.new) for c in update.changes] == [
        ("Action", "Weekly caseload report"),
        ("Lead officer", "Olivia Okafor"),
        ("Target date", "31 October 2012"),
        ("Success measure", "Reports seen"),
        ("RAG", "Amber"),
    ]
    assert update.values["lead_officer"] == world.olivia_person
    assert rows["1.2"]["lead_agency"] == world.wcc and rows["1.2"]["lead_officer_role"] == "Head of Service"
    assert rows["1.2"]["target_date"] == D(2013, 3, 31)
    assert rows["4.1"]["lead_agency"] == world.arden and rows["4.1"]["target_date"] == D(2012, 12, 31)
    assert rows["4.1"]["timescale_text"] == "Q3 2012/13"
    assert rows["4.1"]["status"] == "completed" and rows["4.1"]["rag"] == "blue"
    assert rows["4.2"]["lead_agency"] == world.uhcw and rows["4.2"]["status"] == "in_progress"
    assert (rows["4.2"]["target_date"], rows["4.2"]["timescale_text"]) == (D(2013, 3, 31), "March 2013")
    assert rows["4.3"]["lead_agency"] == world.arden
    assert (rows["4.3"]["target_date"], rows["4.3"]["status"]) == (None, "not_started")

    result = apply(messy_plan(), "messy.xlsx", options, world.ada)
    assert (len(result.created), len(result.updated)) == (4, 1)
    world.wcc_action.refresh_from_db()
    assert (world.wcc_action.description, world.wcc_action.lead_officer) == (
        "Weekly caseload report",
        world.olivia_person,
    )
    uhcw_action = Action.objects.get(reference="4.2")
    assert uhcw_action.plan.agency == world.uhcw and uhcw_action.area.number == 4
    assert Area.objects.get(inspection=world.inspection, number=1).text == "Caseloads remain manageable"


def test_an_unknown_agency_is_an_error_with_row_and_column_not_a_new_agency(world):
    data = csv_bytes([HEADERS, ["1", "", "9.9", "Audit", "Ministry of Magic", "", "", "", "", ""]])
    before = Agency.objects.count()
    preview = preview_of(data, "plan.csv", Options(inspection=world.inspection))
    assert [str(e) for e in preview.errors] == [
        "Row 2, “Lead agency” (column E): “Ministry of Magic” is not an agency we know. Expected the name, short "
        "name or another name of an agency (Arden Cluster, UHCW, WCC). An administrator can add the name to the "
        "agency's other names."
    ]
    with pytest.raises(ImportRefused):
        apply(data, "plan.csv", Options(inspection=world.inspection), world.ada)
    assert Agency.objects.count() == before


def test_an_agency_is_matched_by_its_other_names(world):
    world.wcc.other_names = "Warwickshire Children's Services; the County Council"
    world.wcc.save()
    data = csv_bytes([HEADERS, ["1", "", "9.9", "Audit", "The county council", "", "", "", "", ""]])
    preview = preview_of(data, "plan.csv", Options(inspection=world.inspection))
    assert preview.ok
    assert preview.creates[0].values["lead_agency"] == world.wcc


def test_cells_that_cannot_be_read_are_reported_with_what_was_expected(world):
    data = csv_bytes(
        [
            HEADERS,
            ["one", "", "1.5", "Audit", "WCC", "", "", "", "", ""],
            ["1", "", "1.6", "Audit", "WCC", "", "soon", "", "Nearly done", "Purple"],
            ["1", "", "1.7", "", "WCC", "", "31/10/2012", "", "", ""],
            ["7", "", "7.1", "New area with no text", "WCC", "", "", "", "", ""],
        ]
    )
    preview = preview_of(data, "plan.csv", Options(inspection=world.inspection))
    messages = [str(e) for e in preview.errors]
    assert "Row 2, “Area number” (column A) reads “one”: Expected an area number, such as 3" in messages
    assert any(
        m.startswith("Row 3, “Status” (column I) reads “Nearly done”: Expected a status: Not started") for m in messages
    )
    assert any(
        m.startswith("Row 3, “RAG” (column J) reads “Purple”: Expected a RAG rating: R, A, G or B") for m in messages
    )
    # A timescale that is not a date is kept as written, with a warning, rather than blocking the file.
    assert any(
        str(w).startswith("Row 3, “Timescale” (column G): “soon” is not a date we can read: it is kept as written")
        for w in preview.warnings
    )
    assert "Row 4, “Action” (column D): Enter the action: this row has other cells but no action" in messages
    assert "Row 5, “Area for improvement” (column B): Area 7 is new to this inspection: give its text" in messages
    assert not preview.creates


def test_the_same_action_twice_is_an_error(world):
    data = csv_bytes(
        [
            HEADERS,
            ["2", "", "2.5", "Audit", "WCC", "", "", "", "", ""],
            ["2", "", "2.5", "Audit again", "WCC", "", "", "", "", ""],
        ]
    )
    preview = preview_of(data, "plan.csv", Options(inspection=world.inspection))
    assert [str(e) for e in preview.errors] == [
        "Row 3, “Action reference” (column C): Area 2 has action 2.5 twice (rows 2 and 3). "
        "Give each action its own reference."
    ]


def test_a_completion_date_on_an_open_action_is_an_error(world):
    data = csv_bytes(
        [
            ["Area number", "Action", "Lead agency", "Status", "Completion date"],
            ["1", "Audit", "WCC", "In progress", "01/02/2013"],
        ]
    )
    preview = preview_of(data, "plan.csv", Options(inspection=world.inspection))
    assert "A completion date is given but the status is In progress" in str(preview.errors[0])
    assert "column E" in str(preview.errors[0])


# All or nothing ------------------------------------------------------------------------------------


def test_a_file_with_one_bad_row_changes_nothing(world):
    data = csv_bytes(
        [HEADERS]
        + [[str(n), f"Area {n}", f"{n}.1", f"Action {n}", "WCC", "", "", "", "", ""] for n in range(4, 9)]
        + [["9", "Area 9", "9.1", "Action 9", "WCC", "", "31/02/2013", "", "", ""]]
    )
    before = counts()
    with pytest.raises(ImportRefused) as refused:
        apply(data, "plan.csv", new_inspection(), world.ada)
    assert [e.row for e in refused.value.preview.errors] == [7]
    assert "is not a real date" in refused.value.preview.errors[0].message
    assert counts() == before


def test_a_failure_part_way_through_the_apply_rolls_everything_back(world, monkeypatch):
    from actionplan.services import plan_import

    data = csv_bytes(
        [HEADERS] + [[str(n), f"Area {n}", f"{n}.1", f"Action {n}", "WCC", "", "", "", "", ""] for n in range(4, 9)]
    )
    real_bulk_create = plan_import.bulk_create_with_history

    def write_then_fail(*args, **kwargs):
        real_bulk_create(*args, **kwargs)  # the new actions and their history are written...
        raise RuntimeError("the database went away")  # ...and then the connection drops

    monkeypatch.setattr(plan_import, "bulk_create_with_history", write_then_fail)
    before = counts()
    with pytest.raises(RuntimeError):
        apply(data, "plan.csv", new_inspection(), world.ada)
    assert counts() == before
    assert not Inspection.objects.filter(title="Herefordshire SIF 2014").exists()


def test_a_plan_changed_since_the_preview_is_not_applied(world):
    data = csv_bytes([HEADERS, ["1", "", "1.1", "Caseloads audited monthly", "WCC", "", "", "", "", ""]])
    options = Options(inspection=world.inspection)
    preview = preview_of(data, "plan.csv", options)
    world.wcc_action.success_measure = "Changed by someone else"
    world.wcc_action.save()
    with pytest.raises(ImportRefused, match="changed since your preview"):
        apply(data, "plan.csv", options, world.ada, expected_digest=preview.digest)
    world.wcc_action.refresh_from_db()
    assert world.wcc_action.description.startswith("Caseloads for CiN")


def test_an_update_records_history_with_the_importer_and_the_file_and_keeps_the_date_move(world):
    data = csv_bytes(
        [
            ["Area number", "Action reference", "Action", "Lead agency", "Target date"],
            ["1", "1.1", world.wcc_action.description, "WCC", "31/12/2030"],
        ]
    )
    old_date = world.wcc_action.target_date
    preview = preview_of(data, "plan v2.csv", Options(inspection=world.inspection))
    assert [(c.label, c.old, c.new) for c in preview.updates[0].changes] == [
        ("Target date", f"{old_date:%-d %B %Y}", "31 December 2030"),
    ]
    apply(data, "plan v2.csv", Options(inspection=world.inspection), world.ada)
    record = world.wcc_action.history.latest("history_date")
    assert record.history_user == world.ada
    assert record.history_change_reason == "Imported from plan v2.csv"
    assert record.target_date == D(2030, 12, 31)
    move = TargetDateChange.objects.get(action=world.wcc_action)
    assert (move.old_date, move.new_date, move.changed_by) == (old_date, D(2030, 12, 31), world.ada)


# The pages ----------------------------------------------------------------------------------------


def upload(client, data, name, **fields):
    post = {
        "file": SimpleUploadedFile(name, data),
        "inspection": "",
        "new_inspection_title": "",
        "new_inspection_body": "",
        "plan_agency": "",
        **fields,
    }
    return client.post(reverse("plan_import"), post)


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


def command(*args):
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


def test_the_command_previews_with_dry_run_and_changes_nothing(world, tmp_path):
    path = tmp_path / "herefordshire.csv"
    path.write_bytes((REALDATA / "actionplan_herefordshire_2014.csv").read_bytes())
    before = counts()
    out = command(
        str(path),
        "--user",
        "ada",
        "--new-inspection",
        "Herefordshire SIF 2014",
        "--body",
        "Herefordshire Council",
        "--plan-agency",
        "WCC",
        "--dry-run",
    )
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
