"""Ratings shown only as a cell's fill colour (as many council plans do) are read from the colour, and
the preview says so; a written rating beats the colour."""

import pytest
from openpyxl import Workbook
from openpyxl.styles import PatternFill

from actionplan.importer import Options, auto_mapping, build_preview, read_table
from actionplan.importer.colours import rating_of_colour
from actionplan.models import Rag

from .import_helpers import HEREFORD, ROTHERHAM, command_new, xlsx_of


@pytest.mark.parametrize(
    "rgb, rating",
    [
        ("FF0000", Rag.RED),
        ("FFC7CE", Rag.RED),
        ("C00000", Rag.RED),  # Excel's red, "bad" fill, dark red
        ("FFC000", Rag.AMBER),
        ("FFEB9C", Rag.AMBER),
        ("FFFF00", Rag.AMBER),  # orange, "neutral" fill, yellow
        ("00B050", Rag.GREEN),
        ("C6EFCE", Rag.GREEN),
        ("92D050", Rag.GREEN),
        ("0070C0", Rag.BLUE),
        ("00B0F0", Rag.BLUE),
        ("9BC2E6", Rag.BLUE),
        ("FFFFFF", None),
        ("D9D9D9", None),
        ("000000", None),
        ("", None),
    ],
)
def test_colour_families_are_read_as_ratings(rgb, rating):
    assert rating_of_colour(rgb) == rating


def coloured_plan() -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Area", "Area for improvement", "Ref", "Action", "Lead agency", "RAG"])
    sheet.append([17, HEREFORD.area, "1", HEREFORD.action, "WCC", None])
    for ref, text in ROTHERHAM.actions:
        sheet.append([1, ROTHERHAM.area, ref, text, "WCC", None])
    sheet.append([1, ROTHERHAM.area, "1d", "Written rating beats the colour", "WCC", "G"])
    for row, colour in ((2, "FFC7CE"), (3, "0070C0"), (4, "FFC000"), (6, "FF0000")):  # row 5 has no fill
        sheet.cell(row=row, column=6).fill = PatternFill("solid", fgColor=colour)
    return xlsx_of(book)


def test_a_plan_rated_by_colour_only_is_read_and_the_preview_says_so(world):
    table = read_table(coloured_plan(), "plan.xlsx")
    preview = build_preview(table, auto_mapping(table), Options(inspection=world.inspection), "plan.xlsx")
    assert preview.ok, [str(e) for e in preview.errors]
    ratings = {o.reference: o.values["rag"] for o in preview.creates}
    assert ratings == {"1": Rag.RED, "1a": Rag.BLUE, "1b": Rag.AMBER, "1c": Rag.NOT_RATED, "1d": Rag.GREEN}
    assert (
        "Ratings in “RAG” (column F) are read from the cell's fill colour (red, amber, green or blue) where the "
        "cell has no text: rows 2–4."
    ) in preview.assumed


def test_the_command_imports_colour_ratings(world, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(coloured_plan())
    out = command_new(path, "SIF 2014", "Herefordshire", "--yes")
    assert "read from the cell's fill colour" in out and "5 created" in out
