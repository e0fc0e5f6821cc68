"""Done when: a 300-row council-style plan (title block, merged area cells, a hidden superseded column,
a progress column, colour-only ratings, mixed timescales and a key row) imports as sent, through the
pages and the command, and its preview lists what was skipped, assumed and created."""

import csv
import datetime
import re

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from actionplan.models import Action, ProgressUpdate

from .import_helpers import DATA, HEREFORD, ROTHERHAM, command, command_new, xlsx_of

D = datetime.date
ACTIONS_PER_AREA = 15
COLOURS = {"red": "FF0000", "amber": "FFC000", "green": "00B050", "blue": "0070C0"}
TIMESCALES = [
    "31/10/2015",
    datetime.datetime(2015, 12, 31),
    "March 2016",
    "Q3 2015/16",
    "Ongoing",
    "Completed",
    "2016",
    "July 2015 and ongoing",
    "April 2016 (review)",
]
LEADS = [HEREFORD.lead, "Arden Cluster", "Designated Nurse, UHCW", "Head of Service"]


def recommendations():
    with open(DATA / "recommendations_warrington_2015.csv", encoding="utf-8") as stream:
        return [(int(r["number"]), r["recommendation_text"]) for r in csv.DictReader(stream)]


def council_plan() -> tuple[bytes, dict]:
    """The workbook, and what each reference should come out as."""
    book = Workbook()
    sheet = book.active
    sheet.title = "Improvement plan"
    sheet.append(["Warrington Borough Council – Children's Services Improvement Plan"])
    sheet.append(["Version 9, agreed by the Improvement Board, 26 June 2015"])
    sheet.append([])
    sheet.append(
        [
            "Ofsted Para No",
            "Ofsted Area for Improvement",
            "No.",
            "Action",
            "Lead",
            "By When",
            "RAG (March 2015)",
            "R/A/G",
            "Progress",
            "Monitoring and Evaluation",
        ]
    )
    expected, row = {}, 5
    for area_index, (number, text) in enumerate(recommendations()):
        first = row
        for n in range(ACTIONS_PER_AREA):
            ref = f"{area_index + 1}.{n + 1}"
            seq = area_index * ACTIONS_PER_AREA + n
            rating = list(COLOURS)[seq % 4]
            timescale = TIMESCALES[seq % len(TIMESCALES)]
            description = f"{ROTHERHAM.actions[n % 3][1]} ({text[:60]}, step {n + 1})"
            progress = f"{HEREFORD.measure[:80]} Update {seq}." if seq % 3 == 0 else None
            # Merged cells: the area is written on its first row only.
            sheet.append(
                [
                    number if n == 0 else None,
                    text if n == 0 else None,
                    ref,
                    description,
                    LEADS[seq % len(LEADS)],
                    timescale,
                    "R",
                    None,
                    progress,
                    HEREFORD.measure,
                ]
            )
            sheet.cell(row=row, column=8).fill = PatternFill("solid", fgColor=COLOURS[rating])
            expected[ref] = {"area": number, "rating": rating, "timescale": timescale, "progress": progress}
            row += 1
        sheet.merge_cells(start_row=first, start_column=1, end_row=row - 1, end_column=1)
        sheet.merge_cells(start_row=first, start_column=2, end_row=row - 1, end_column=2)
    sheet.column_dimensions["G"].hidden = True  # the superseded March ratings, kept but hidden
    sheet.append([])
    sheet.append(["Key"])
    for name in ("Red – not on track", "Amber – some slippage", "Green – on track", "Blue – completed"):
        sheet.append([name])
    return xlsx_of(book), expected


def test_a_300_row_council_plan_imports_as_sent_through_the_pages(client, world):
    data, expected = council_plan()
    assert len(expected) == 300
    client.force_login(world.ada)
    response = client.post(
        reverse("plan_import"),
        {
            "file": SimpleUploadedFile("plan.xlsx", data),
            "inspection": "",
            "new_inspection_title": "Warrington children's services 2015",
            "new_inspection_body": "Warrington Borough Council",
            "plan_agency": str(world.wcc.pk),
            "progress_date": "26/06/2015",
        },
    )
    assert response.url == reverse("plan_import_preview")  # no mapping needed
    page = client.get(response.url).content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert "Error:" not in page
    assert "300</span> actions to create" in page and "20</span> new areas" in page
    assert "100</span> progress updates to add" in page
    # What was skipped ...
    assert "“RAG (March 2015)” (column G) is hidden in the spreadsheet: not read. “R/A/G” (column H)" in page
    assert "Rows 306–310 are a key or notes below the table (“Key”): not read as actions." in page
    # ... assumed ...
    assert "Ratings in “R/A/G” (column H) are read from the cell's fill colour" in page
    assert "“Progress” (column I) becomes a progress update on 100 actions" in page and "dated 26 June 2015" in page
    assert "proposed as Completed" in page
    assert "“2016” is read as the end of that year, 31 December 2016." in page
    assert "names an agency we know, that agency is the action's lead agency" in page
    # ... and created.
    assert "Area 163</strong>" in page

    form = {name: re.search(rf'name="{name}" value="([^"]*)"', page).group(1) for name in ("digest", "upload")}
    assert client.post(reverse("plan_import_confirm"), form).url == reverse("plan_import_done")
    actions = {
        a.reference: a
        for a in Action.objects.filter(area__inspection__title__startswith="Warrington").select_related(
            "area", "lead_agency"
        )
    }
    assert len(actions) == 300
    for ref, want in expected.items():
        action = actions[ref]
        assert action.area.number == want["area"]
        assert action.rag == want["rating"], ref  # the colour, not the hidden column's "R"
        if want["rating"] == "blue" or want["timescale"] == "Completed":
            assert action.status == "completed", ref
    assert actions["1.2"].lead_agency == world.arden and actions["1.2"].lead_officer_role == ""
    assert actions["1.3"].lead_agency == world.uhcw and actions["1.3"].lead_officer_role == "Designated Nurse"
    assert (actions["1.7"].target_date, actions["1.7"].timescale_text) == (D(2016, 12, 31), "2016")
    assert actions["1.9"].target_date == D(2016, 4, 30)
    updates = ProgressUpdate.objects.filter(action__area__inspection__title__startswith="Warrington")
    assert updates.count() == 100 and {u.author for u in updates} == {world.ada}
    assert {u.created_at.date() for u in updates} == {D(2015, 6, 26)}


def test_the_same_300_row_plan_imports_with_the_command_and_again_changes_nothing(world, tmp_path):
    data, _expected = council_plan()
    path = tmp_path / "plan.xlsx"
    path.write_bytes(data)
    out = command_new(path, "Warrington 2015", "Warrington BC", "--plan-agency", "WCC", "--yes")
    assert "300 created, 0 updated" in out
    assert "left out: Rows 306–310 are a key" in out
    inspection_id = Action.objects.filter(area__inspection__title="Warrington 2015").first().area.inspection_id
    again = command(str(path), "--user", "ada", "--inspection", str(inspection_id), "--plan-agency", "WCC", "--dry-run")
    assert "0 to create, 0 to update, 300 unchanged" in again
    assert "Nothing to import" in again
