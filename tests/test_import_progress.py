"""A plan's progress column becomes a dated progress update on each action, written by the importer;
with no status column, a Blue rating or a timescale of "Completed" proposes the status Completed."""

import datetime
import re

from django.urls import reverse

from actionplan.importer import Options, auto_mapping, read_table
from actionplan.models import Action, ProgressUpdate
from actionplan.services.plan_import import apply_plan_import

from .import_helpers import HEREFORD, ROTHERHAM, command_new, csv_text, new_inspection, preview_of, preview_page, upload

D = datetime.date
HEADERS = [
    "Area",
    "AREA REQUIRING IMPROVEMENT (Recommendations)",
    "Ref No",
    "Action Required",
    "Planned Completion Date",
    "Lead Officer",
    "Lead agency",
    "Progress against agreed action and impact monitoring",
    "RAG",
]
# Rotherham YOS 2012 with its July 2013 progress update; the plan has no status column.
PLAN = csv_text(
    [
        HEADERS,
        ["1", ROTHERHAM.area, *ROTHERHAM.actions[0], "March 2013", ROTHERHAM.lead, "WCC", "Action completed.", "B"],
        ["1", ROTHERHAM.area, *ROTHERHAM.actions[1], "Completed", "", "WCC", HEREFORD.measure, ""],
        ["1", ROTHERHAM.area, *ROTHERHAM.actions[2], "January 2013; March 2013", "", "WCC", "", "A"],
    ]
).encode()


def test_the_progress_column_and_blue_or_completed_are_shown_in_the_preview(world):
    preview = preview_of(PLAN, new_inspection(*ROTHERHAM.inspection, progress_date=D(2013, 7, 31)))
    assert preview.ok, [str(e) for e in preview.errors]
    rows = {o.reference: o for o in preview.creates}
    assert [rows[r].values["status"] for r in ("1a", "1b", "1c")] == ["completed", "completed", "not_started"]
    assert [o.progress for o in preview.progress] == ["Action completed.", HEREFORD.measure]
    assert preview.assumed == [
        "“Progress against agreed action and impact monitoring” (column H) becomes a progress update on 2 actions, "
        "written by you as the importer and dated 31 July 2013.",
        "The plan has no status column, so actions rated Blue or with a timescale of “Completed” are proposed as "
        "Completed: rows 2–3 (rated Blue; timescale “Completed”).",
    ]


def test_the_progress_updates_are_dated_and_written_by_the_importer_and_not_repeated(world):
    table = read_table(PLAN, "plan.csv")
    result = apply_plan_import(
        actor=world.ada,
        table=table,
        mapping=auto_mapping(table),
        options=new_inspection(*ROTHERHAM.inspection, progress_date=D(2013, 7, 31)),
        file_name="plan.csv",
    )
    updates = ProgressUpdate.objects.filter(action__area__inspection=result.inspection).order_by("note")
    assert [(u.note, u.author, u.created_at.date(), u.status) for u in updates] == [
        ("Action completed.", world.ada, D(2013, 7, 31), "completed"),
        (HEREFORD.measure, world.ada, D(2013, 7, 31), "completed"),
    ]
    assert {u.history.get().history_user for u in updates} == {world.ada}
    again = preview_of(PLAN, Options(inspection=result.inspection))
    assert again.progress == [] and not again.has_changes
    assert "Rows 2–3: the progress cell repeats the action's latest update" in again.skipped[0]


def test_the_pages_take_the_date_of_the_updates_and_add_them(client, world):
    client.force_login(world.ada)
    response = upload(client, PLAN, "plan.csv", new_inspection=ROTHERHAM.inspection, progress_date="31/7/2013")
    assert response.url == reverse("plan_import_preview")
    page = preview_page(client)
    assert "2</span> progress updates to add" in page and "dated 31 July 2013" in page
    form = {name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1) for name in ("digest", "upload")}
    client.post(reverse("plan_import_confirm"), form)
    action = Action.objects.get(reference="1a", area__inspection__title="YOS SQS 2012")
    assert action.status == "completed"
    assert action.progress_updates.get().created_at.date() == D(2013, 7, 31)


def test_a_progress_date_in_the_future_is_refused_next_to_the_field(client, world):
    client.force_login(world.ada)
    response = upload(client, PLAN, "plan.csv", new_inspection=ROTHERHAM.inspection, progress_date="31/7/2999")
    assert "The date of the progress updates must be today or in the past" in response.content.decode()


def test_the_command_takes_the_date_of_the_updates(world, tmp_path):
    path = tmp_path / "plan.csv"
    path.write_bytes(PLAN)
    out = command_new(path, "YOS SQS 2012", "Rotherham MBC", "--progress-date", "31/07/2013", "--yes")
    assert "progress update row 2: Action completed." in out and "3 created" in out
    assert ProgressUpdate.objects.filter(created_at__date=D(2013, 7, 31), author=world.ada).count() == 2
