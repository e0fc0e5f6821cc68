"""Plans as councils save them: .xlsx, .xlsm (values only), Excel 97-2003 .xls and LibreOffice .ods
(small fixtures made once with LibreOffice, see data/make_import_fixtures.py), and CSV in every usual
dialect, through the reader, the pages and the command."""

import datetime

import pytest
from django.urls import reverse

from actionplan.importer import auto_mapping, build_preview, read_table
from actionplan.importer.csvtext import delimiter_of
from actionplan.models import Action

from .data.make_import_fixtures import HEADERS, workbook
from .import_helpers import (
    DATA,
    HEREFORD,
    ROTHERHAM,
    command_new,
    csv_text,
    new_inspection,
    preview_page,
    upload,
    xlsx_of,
)

D = datetime.date


def fixture(extension: str) -> bytes:
    return (DATA / f"council_plan.{extension}").read_bytes()


def xlsx_fixture() -> bytes:
    return xlsx_of(workbook())


@pytest.mark.parametrize("extension", ["xlsx", "xlsm", "xls", "ods"])
def test_every_workbook_format_reads_the_same_plan(world, extension):
    data = xlsx_fixture() if extension == "xlsx" else fixture(extension)
    table = read_table(data, f"council_plan.{extension}")
    assert table.headers == HEADERS
    assert table.header_row == 2
    preview = build_preview(
        table, auto_mapping(table), new_inspection(*ROTHERHAM.inspection), f"council_plan.{extension}"
    )
    assert preview.ok, [str(e) for e in preview.errors]
    assert [(n, t) for n, t in preview.new_areas] == [(1, ROTHERHAM.area), (17, HEREFORD.area)]
    rows = {o.reference: o.values for o in preview.creates}
    assert list(rows) == ["1", "1a", "1b", "1c"]
    # The merged area cells give area 1 to 1b and 1c; the date cell is a date in every format.
    assert {o.reference: o.area_number for o in preview.creates} == {"1": 17, "1a": 1, "1b": 1, "1c": 1}
    assert rows["1a"]["target_date"] == D(2013, 3, 31)
    assert rows["1a"]["lead_officer_role"] == ROTHERHAM.lead
    assert (rows["1b"]["target_date"], rows["1b"]["timescale_text"]) == (D(2013, 3, 31), "January 2013; March 2013")
    assert [rows[ref]["rag"] for ref in ("1", "1a", "1b")] == ["red", "blue", "amber"]


@pytest.mark.parametrize("extension", ["xls", "ods", "xlsm"])
def test_the_pages_import_each_format_as_sent(client, world, extension):
    client.force_login(world.ada)
    response = upload(
        client, fixture(extension), f"council_plan.{extension}", new_inspection=("SQS 2012", "Rotherham MBC")
    )
    assert response.url == reverse("plan_import_preview")
    page = preview_page(client)
    assert "4</span> actions to create" in page and "Raise performance from 78%" in page


def test_the_command_imports_an_ods_file(world, tmp_path):
    path = tmp_path / "council_plan.ods"
    path.write_bytes(fixture("ods"))
    out = command_new(path, "SQS 2012", "Rotherham MBC", "--yes")
    assert "4 created, 0 updated" in out
    assert Action.objects.filter(area__inspection__title="SQS 2012").count() == 4


@pytest.mark.parametrize(
    "extension, data, message",
    [
        ("xls", b"PK\x03\x04 not an xls", "not an Excel 97-2003 workbook (.xls)"),
        ("ods", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 not an ods", "not a LibreOffice spreadsheet (.ods)"),
        ("xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600, "The file is damaged"),
        ("xlsm", b"PK\x03\x04 broken", "The file is damaged"),
    ],
)
def test_a_file_of_another_kind_or_damaged_is_refused_with_a_reason(client, world, extension, data, message):
    client.force_login(world.ada)
    response = upload(client, data, f"plan.{extension}", inspection=str(world.inspection.pk))
    assert response.status_code == 200 and message in response.content.decode()


# CSV dialects ----------------------------------------------------------------------------------------

CSV_ROWS = [
    ["Youth Offending Services – Improvement Action Plan"],
    [
        "Area",
        "Area requiring improvement",
        "Ref No",
        "Action Required",
        "Lead agency",
        "Lead Officer",
        "Planned Completion Date",
    ],
] + [["1", ROTHERHAM.area, ref, text, "WCC", ROTHERHAM.lead, "March 2013"] for ref, text in ROTHERHAM.actions]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
@pytest.mark.parametrize("line_end", ["\r\n", "\n"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp1252", "utf-16"])
def test_csv_in_every_usual_dialect_reads_the_same(delimiter, line_end, encoding):
    data = csv_text(CSV_ROWS, delimiter=delimiter, line_end=line_end).encode(encoding)
    table = read_table(data, "plan.csv")
    assert table.headers == CSV_ROWS[1]
    assert [cells for _n, cells in table.rows] == CSV_ROWS[2:]
    assert [n for n, _c in table.rows] == [3, 4, 5]


def test_a_semicolon_file_with_commas_in_its_cells_and_windows_line_ends_is_split_on_semicolons():
    text = csv_text(CSV_ROWS, delimiter=";", line_end="\r\n")
    assert delimiter_of(text) == ";"
    assert "Operations Managers (SF), (CD)" in text


def test_a_european_csv_imports_through_the_pages(client, world):
    client.force_login(world.ada)
    data = csv_text(CSV_ROWS, delimiter=";", line_end="\r\n").encode("cp1252")
    upload(client, data, "plan.csv", inspection=str(world.inspection.pk))
    page = preview_page(client)
    assert "3</span> actions to create" in page
    assert "Weekly information system reports to managers" in page
