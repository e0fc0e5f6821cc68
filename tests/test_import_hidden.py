"""Rows and columns a council hid (an old rating kept next to the current one, a superseded action)
are left out and listed; where a hidden and a visible column mean the same, the visible one is read."""

from django.urls import reverse
from openpyxl import Workbook

from actionplan.importer import auto_mapping, build_preview, read_table

from .import_helpers import (
    HEREFORD,
    OFSTED_HEADERS,
    ROTHERHAM,
    command_new,
    new_inspection,
    preview_page,
    saved_file,
    upload,
    xlsx_of,
)


def plan_with_hidden_parts() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Improvement plan v9, 26 June 2015"])
    # The old RAG column comes first and is hidden: the visible, current one is to the right of it.
    sheet.append([*OFSTED_HEADERS, "RAG (March 2015)", "RAG"])
    sheet.append([17, HEREFORD.area, "1", HEREFORD.action, "WCC", HEREFORD.lead, "Red", "Green"])
    sheet.append([1, ROTHERHAM.area, *ROTHERHAM.actions[0], "WCC", "", "Amber", "Blue"])
    sheet.append([1, ROTHERHAM.area, "1x", "Superseded: an action dropped from the plan", "WCC", "", "Red", "Red"])
    sheet.append([1, ROTHERHAM.area, *ROTHERHAM.actions[1], "WCC", "", "Red", "Amber"])
    sheet.column_dimensions["G"].hidden = True
    sheet.row_dimensions[5].hidden = True
    return xlsx_of(book)


def test_hidden_rows_are_not_read_and_the_visible_rating_wins(world):
    table = read_table(plan_with_hidden_parts(), "plan.xlsx")
    assert (table.hidden_columns, table.hidden_rows) == ([6], [5])
    mapping = auto_mapping(table)
    assert mapping["rag"] == 7
    preview = build_preview(table, mapping, new_inspection(), "plan.xlsx")
    assert preview.ok, [str(e) for e in preview.errors]
    assert {o.reference: o.values["rag"] for o in preview.creates} == {"1": "green", "1a": "blue", "1b": "amber"}
    assert preview.skipped == [
        "“RAG (March 2015)” (column G) is hidden in the spreadsheet: not read. “RAG” (column H), which is visible, "
        "is read as RAG instead.",
        "Row 5 is hidden in the spreadsheet: not read.",
    ]
    assert "“RAG (March 2015)” (column G)" not in preview.columns_ignored


def test_the_mapping_page_lists_what_is_hidden_and_a_hidden_column_can_still_be_chosen(client, world):
    client.force_login(world.ada)
    upload(
        client,
        plan_with_hidden_parts(),
        "plan.xlsx",
        new_inspection=HEREFORD.inspection,
    )
    page = client.get(reverse("plan_import_mapping")).content.decode()
    assert "Column “RAG (March 2015)” (column G) (hidden in the spreadsheet)" in page
    assert "Row 5 is hidden in the spreadsheet: not read." in page
    assert "Left out of the file" in preview_page(client)
    choices = {
        "column_0": "area_number",
        "column_1": "area_text",
        "column_2": "reference",
        "column_3": "description",
        "column_4": "lead_agency",
        "column_5": "lead_officer",
        "column_6": "rag",
        "column_7": "",
    }
    client.post(reverse("plan_import_mapping"), choices)
    page = preview_page(client)
    assert "is hidden in the spreadsheet, but is read as RAG because it was chosen for it" in page
    assert "Superseded: an action dropped" not in page


def test_the_command_lists_what_it_left_out(world, tmp_path):
    out = command_new(saved_file(tmp_path, plan_with_hidden_parts()), "SIF 2014", "Herefordshire", "--dry-run")
    assert "3 to create" in out
    assert "left out: Row 5 is hidden in the spreadsheet: not read." in out
