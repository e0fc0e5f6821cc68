"""Export -> import changes nothing; editing one cell changes exactly that field, with history;
the blank template imports as it is; an officer's export holds only their agency's plan."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from actionplan.exports import PlanExport, PlanTemplate
from actionplan.importer import Options, auto_mapping, build_preview, read_table
from actionplan.models import Action
from actionplan.services.plan_import import apply_plan_import
from scrutiny.core.exports import render_csv, render_xlsx
from scrutiny.core.history import history_entries
from scrutiny.people.models import Agency

from .factories import make_action


@pytest.fixture
def full_world(world):
    """The world's actions with every field the layout carries filled in, in awkward ways."""
    action = world.wcc_action
    action.lead_officer = world.olivia_person
    action.timescale_text = "March 2013"
    action.target_date = datetime.date(2013, 3, 31)
    action.rag = Action.Rag.AMBER
    action.success_measure = "-2 weeks' slippage at most\n=and a second line"  # formula-like text
    action.save()
    done = world.arden_action
    done.status, done.rag, done.completed_on = Action.Status.COMPLETED, Action.Rag.BLUE, datetime.date(2012, 9, 1)
    done.lead_officer_role = "Designated Nurse"
    done.timescale_text = "Ongoing"
    done.target_date = None
    done.save()
    # An action in WCC's plan that UHCW leads: the plan column keeps it in WCC's plan.
    make_action(
        world.wcc_plan,
        world.area3,
        lead_agency=world.uhcw,
        reference="",
        description="Share protocols with the hospital",
        status=Action.Status.NOT_STARTED,
        target_date=None,
    )
    return world


def import_preview(data, name, world):
    table = read_table(data, name)
    return table, build_preview(table, auto_mapping(table), Options(inspection=world.inspection), name)


@pytest.mark.parametrize("fmt, render", [("xlsx", render_xlsx), ("csv", render_csv)])
def test_re_importing_an_export_changes_nothing(full_world, fmt, render):
    data = render(PlanExport(full_world.inspection))
    _table, preview = import_preview(data, f"plan.{fmt}", full_world)
    assert preview.ok, [str(e) for e in preview.errors]
    assert (len(preview.creates), len(preview.updates), len(preview.unchanged)) == (0, 0, 3)
    assert not preview.has_changes
    assert not preview.warnings


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_editing_one_cell_and_re_importing_changes_exactly_that_field(full_world, fmt):
    data = (render_xlsx if fmt == "xlsx" else render_csv)(PlanExport(full_world.inspection))
    if fmt == "xlsx":
        workbook = load_workbook(io.BytesIO(data))
        sheet = workbook.active
        headers = [c.value for c in sheet[1]]
        row = next(r for r in sheet.iter_rows(min_row=2) if r[headers.index("Action reference")].value == "1.1")
        row[headers.index("Status")].value = "Complete"
        buffer = io.BytesIO()
        workbook.save(buffer)
        data = buffer.getvalue()
    else:
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        headers = rows[0]
        row = next(r for r in rows[1:] if r[headers.index("Action reference")] == "1.1")
        row[headers.index("Status")] = "Complete"
        row[headers.index("Completion date")] = "15/03/2013"
        buffer = io.StringIO()
        csv.writer(buffer).writerows(rows)
        data = buffer.getvalue().encode()

    table, preview = import_preview(data, f"plan edited.{fmt}", full_world)
    assert preview.ok
    [update] = preview.updates
    changed = [c.label for c in update.changes]
    assert changed == ["Status", "Completion date"]  # a completed action needs its completion date
    assert len(preview.unchanged) == 2

    version = full_world.wcc_action.version
    apply_plan_import(
        actor=full_world.ada,
        table=table,
        mapping=auto_mapping(table),
        options=Options(inspection=full_world.inspection),
        file_name=f"plan edited.{fmt}",
        expected_digest=preview.digest,
    )
    full_world.wcc_action.refresh_from_db()
    assert full_world.wcc_action.status == Action.Status.COMPLETED
    assert full_world.wcc_action.version == version + 1
    latest = history_entries(full_world.wcc_action, limit=1)[0]
    assert latest.who == "Ada Admin"
    assert latest.reason == f"Imported from plan edited.{fmt}"
    assert [(c.label, c.old, c.new) for c in latest.changes][0] == ("Status", "In progress", "Completed")
    assert {c.label for c in latest.changes} == {"Status", "Completion date"}
    # The others were not touched: no new history rows.
    assert full_world.arden_action.history.count() == 2


def test_the_blank_template_has_the_import_headers_and_imports_once_filled(world):
    workbook = load_workbook(io.BytesIO(render_xlsx(PlanTemplate())))
    sheet = workbook.active
    headers = [c.value for c in sheet[1]]
    assert headers[:4] == ["Area number", "Area for improvement", "Action reference", "Action"]
    assert sheet.max_row == 1
    sheet.append([3, "", "3.9", "Step-down audit", "UHCW", "", "Q4 2012/13", None, "", "Not started", "R", None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)
    _table, preview = import_preview(buffer.getvalue(), "template.xlsx", world)
    assert preview.ok, [str(e) for e in preview.errors]
    [create] = preview.creates
    assert create.values["target_date"] == datetime.date(2013, 3, 31)
    assert create.values["lead_agency"] == world.uhcw


def test_an_officer_exports_only_their_agencys_plan(client, full_world):
    client.force_login(full_world.arjun)
    response = client.get(reverse("plan_export", args=[full_world.inspection.pk, "csv"]))
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [r[3] for r in rows[1:]] == ["Audit of unscheduled care notifications"]
    wcc = Agency.objects.get(short_name="WCC")
    other = client.get(reverse("plan_export", args=[full_world.inspection.pk, "csv"]) + f"?agency={wcc.pk}")
    assert other.status_code == 404


def test_a_member_exports_every_agencys_plan_or_one(client, full_world):
    client.force_login(full_world.maya)
    url = reverse("plan_export", args=[full_world.inspection.pk, "xlsx"])
    response = client.get(url)
    assert response["Content-Disposition"].startswith('attachment; filename="action-plan-')
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.max_row == 4
    one = client.get(f"{url}?agency={full_world.arden.pk}")
    assert load_workbook(io.BytesIO(one.content)).active.max_row == 2
    assert client.get(reverse("plan_export", args=[full_world.inspection.pk, "pdf"])).status_code == 404


def test_the_demo_plan_survives_the_round_trip(db):
    from scrutiny.review.demo import load_demo

    inspection = load_demo().inspection
    for fmt, render in (("xlsx", render_xlsx), ("csv", render_csv)):
        data = render(PlanExport(inspection))
        table = read_table(data, f"demo.{fmt}")
        preview = build_preview(table, auto_mapping(table), Options(inspection=inspection), f"demo.{fmt}")
        assert preview.ok, [str(e) for e in preview.errors]
        assert len(preview.unchanged) == Action.objects.for_inspection(inspection).count() > 0
        assert not preview.has_changes
