"""The import's preview and its apply step, through the service and through the pages:
real published plans, messy spreadsheets, errors by row and column, and all-or-nothing."""

import datetime
from pathlib import Path

import pytest
from django.utils import timezone

from actionplan.importer import Options
from actionplan.models import Action, Area, Inspection, TargetDateChange
from actionplan.services.plan_import import ImportRefused
from scrutiny.people.models import Agency

from .import_helpers import OUR_HEADERS as HEADERS
from .import_helpers import apply, counts, csv_bytes, messy_plan, new_inspection, preview_of

REALDATA = Path(__file__).resolve().parent / "data"  # real published plans, see data/SOURCES.md
D = datetime.date
# Real published plans (shared/realdata, see SOURCES.md) -----------------------------------------


def test_the_real_herefordshire_plan_imports_into_a_new_inspection(world):
    data = (REALDATA / "actionplan_herefordshire_2014.csv").read_bytes()
    preview = preview_of(data, new_inspection(plan_agency=world.wcc), "herefordshire.csv")
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
    preview = preview_of(data, new_inspection(plan_agency=world.wcc), "rotherham.csv")
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
    preview = preview_of(data, new_inspection(), "rotherham.csv")
    assert [str(e) for e in preview.errors][0].startswith("Row 2, “lead_agency” (column E): Expected the lead agency")
    assert [e.row for e in preview.errors] == [2, 3, 4]


# Messy spreadsheets --------------------------------------------------------------------------------


def test_a_messy_plan_is_read_with_carried_areas_agencies_dates_and_words(world):
    world.arden.other_names = "the Arden Cluster; Arden"
    world.arden.save()
    options = Options(inspection=world.inspection)
    preview = preview_of(messy_plan(), options, "messy.xlsx")
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
    preview = preview_of(data, Options(inspection=world.inspection), "plan.csv")
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
    preview = preview_of(data, Options(inspection=world.inspection), "plan.csv")
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
    preview = preview_of(data, Options(inspection=world.inspection), "plan.csv")
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
    preview = preview_of(data, Options(inspection=world.inspection), "plan.csv")
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
    preview = preview_of(data, Options(inspection=world.inspection), "plan.csv")
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
    preview = preview_of(data, options, "plan.csv")
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
    preview = preview_of(data, Options(inspection=world.inspection), "plan v2.csv")
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
