"""Reading messy spreadsheets: headers as real plans word them, dates in every form people write,
status words, RAG letters, title rows, blank rows and merged cells."""

import datetime
import io

import pytest
from openpyxl import Workbook

from actionplan.importer import UnreadableFile, auto_mapping, read_table
from actionplan.importer.headers import guess_mapping
from actionplan.importer.values import (
    CellProblem,
    clean_text,
    parse_area_number,
    parse_date,
    parse_rag,
    parse_status,
    parse_status_or_rag,
    parse_timescale,
)
from actionplan.models import ActionStatus, Rag

from .import_helpers import cases, csv_bytes, xlsx_bytes

D = datetime.date


@pytest.mark.parametrize(
    "cell, date, text",
    [
        ("31/10/2012", D(2012, 10, 31), ""),
        ("31.10.12", D(2012, 10, 31), ""),
        ("2012-10-31", D(2012, 10, 31), ""),
        ("31 October 2012", D(2012, 10, 31), ""),
        (datetime.datetime(2012, 10, 31, 0, 0), D(2012, 10, 31), ""),
        (D(2013, 1, 15), D(2013, 1, 15), ""),
        (41213, D(2012, 10, 31), ""),  # an Excel serial number
        ("41213", D(2012, 10, 31), ""),  # the same, as a CSV writes it
        ("March 2013", D(2013, 3, 31), "March 2013"),
        ("Feb 2012", D(2012, 2, 29), "Feb 2012"),
        ("End of June 2013", D(2013, 6, 30), "End of June 2013"),
        ("Q3 2012/13", D(2012, 12, 31), "Q3 2012/13"),
        ("Q4 2012/13", D(2013, 3, 31), "Q4 2012/13"),
        ("Q1 2013-14", D(2013, 6, 30), "Q1 2013-14"),
        ("Ongoing", None, "Ongoing"),
        ("On-going", None, "On-going"),
        ("", None, ""),
        (None, None, ""),
    ],
)
def test_timescales_are_read_as_people_write_them(cell, date, text):
    timescale = parse_timescale(cell)
    assert (timescale.date, timescale.text) == (date, text)
    assert timescale.warning == ""


def test_a_cell_with_two_dates_takes_the_later_and_says_so():
    # Rotherham YOS 2012: actions 1b and 1c share one row whose date reads "January 2013 / March 2013".
    timescale = parse_timescale("January 2013; March 2013")
    assert timescale.date == D(2013, 3, 31)
    assert timescale.text == "January 2013; March 2013"
    assert "latest, 31 March 2013" in timescale.warning
    assert parse_timescale("January 2013 / March 2013").date == D(2013, 3, 31)


@pytest.mark.parametrize("cell", ["soon", "31/02/2012", "13/13/2012", "Q3 2012/14", "Q5 2012/13", 123, "next year"])
def test_a_timescale_that_cannot_be_read_says_what_was_expected(cell):
    with pytest.raises(CellProblem) as problem:
        parse_timescale(cell)
    assert "Expected" in str(problem.value) or "financial year" in str(problem.value)


def test_a_completion_date_must_be_a_day():
    assert parse_date("01/02/2013") == D(2013, 2, 1)
    with pytest.raises(CellProblem, match="not a month or quarter"):
        parse_date("March 2013")


@pytest.mark.parametrize(
    "cell, status",
    cases(
        {
            ActionStatus.COMPLETED: ["Complete", "Action completed.", "COMPLETED"],
            ActionStatus.IN_PROGRESS: ["In progress", "In Progress ", "Ongoing"],
            ActionStatus.NOT_STARTED: ["Not started"],
            ActionStatus.COMPLETED_MONITORING: ["Completed, ongoing monitoring"],
            ActionStatus.WITHDRAWN: ["Withdrawn"],
        }
    ),
)
def test_status_words_map_to_statuses(cell, status):
    assert parse_status(cell) == status


@pytest.mark.parametrize(
    "cell, rag",
    cases(
        {
            Rag.RED: ["R", "Red"],
            Rag.AMBER: ["a", "Amber"],
            Rag.GREEN: ["G"],
            Rag.BLUE: ["B", "Blue", "Blue (complete)"],
            Rag.NOT_RATED: [""],
        }
    ),
)
def test_rag_letters_and_words_map_to_ratings(cell, rag):
    assert parse_rag(cell) == rag


def test_unknown_status_and_rag_say_what_was_expected():
    with pytest.raises(CellProblem, match="Expected a status: Not started, In progress"):
        parse_status("Nearly there")
    with pytest.raises(CellProblem, match="Expected a RAG rating: R, A, G or B"):
        parse_rag("Amber/Green")


def test_a_status_or_rag_column_reads_either():
    assert parse_status_or_rag("R") == (None, Rag.RED)
    assert parse_status_or_rag("Action completed.") == (ActionStatus.COMPLETED, None)
    with pytest.raises(CellProblem, match="Expected a status"):
        parse_status_or_rag("Waiting")


@pytest.mark.parametrize("cell, number", [(17, 17), (17.0, 17), ("17. (57, 138)", 17), ("Area 3", 3), ("3", 3)])
def test_area_numbers_as_plans_print_them(cell, number):
    assert parse_area_number(cell) == number


@pytest.mark.parametrize("cell", ["", "three", 0, 2.5, "n/a"])
def test_an_area_number_that_is_not_one_is_refused(cell):
    with pytest.raises(CellProblem, match="Expected an area number"):
        parse_area_number(cell)


def test_our_own_formula_guard_is_taken_off_when_read_back():
    assert clean_text("'=SUM(A1)") == "=SUM(A1)"
    assert clean_text("'-2 weeks slippage") == "-2 weeks slippage"
    assert clean_text("'Tis the season") == "'Tis the season"
    assert clean_text("  two   spaces \r\n next line ") == "two spaces\nnext line"


HEREFORDSHIRE_HEADERS = [
    "No.",
    "Ofsted Para No",
    "Ofsted Area for Improvement",
    "Lead",
    "Action",
    "By When",
    "Progress",
    "R/A/G",
    "Monitoring and Evaluation",
]
ROTHERHAM_HEADERS = [
    "Ref No",
    "AREA REQUIRING IMPROVEMENT (Recommendations)",
    "Action Required",
    "Planned Completion Date",
    "Lead Officer / Agency",
    "Progress against agreed action and impact monitoring",
]


@pytest.mark.parametrize(
    "headers, fields",
    [
        (
            HEREFORDSHIRE_HEADERS,
            "reference area_number area_text lead_officer description timescale progress rag success_measure",
        ),
        # Rotherham's plan has no area number: its areas are numbered from the references (test_import_areas).
        (ROTHERHAM_HEADERS, "reference area_text description target_date lead_officer progress"),
    ],
    ids=["herefordshire", "rotherham"],
)
def test_a_real_plans_headers_are_recognised(headers, fields):
    mapping = guess_mapping(headers, lead_is_agency=lambda index: False)
    assert mapping == {field: column for column, field in enumerate(fields.split())}


@pytest.mark.parametrize(
    "header, field",
    [
        ("Responsible agency", "lead_agency"),
        ("Timescale", "timescale"),
        ("Target date", "target_date"),
        ("By when", "timescale"),
        ("Measure of success", "success_measure"),
        ("RAG", "rag"),
        ("R/A/G", "rag"),
        ("Ofsted Area for Improvement", "area_text"),
        ("Ref No", "reference"),
        ("status_rag", "status_rag"),
    ],
)
def test_header_synonyms(header, field):
    assert guess_mapping(["Area number", "Action", header], lambda i: False)[field] == 2


def test_a_title_row_and_blank_rows_above_the_headers_are_skipped():
    data = xlsx_bytes(
        [
            ["OFSTED INSPECTION MAY 2014 – IMPROVEMENT PLAN"],
            [],
            ["Area number", "Action", "Target date"],
            [1, "Audit caseloads", datetime.datetime(2012, 10, 31)],
        ]
    )
    table = read_table(data, "plan.xlsx")
    assert table.header_row == 3
    assert table.headers == ["Area number", "Action", "Target date"]
    assert table.rows[0][0] == 4
    assert table.rows[0][1][2] == datetime.datetime(2012, 10, 31)


def test_merged_cells_give_their_value_to_every_cell_of_the_range():
    data = xlsx_bytes(
        [
            ["Area number", "Area for improvement", "Action", "Timescale"],
            [1, "Caseloads", "1a first", "January 2013 / March 2013"],
            [None, None, "1b second", None],
            [None, None, "1c third", "April 2013"],
        ],
        merges=["A2:A4", "B2:B4", "D2:D3"],
    )
    table = read_table(data, "plan.xlsx")
    assert [cells[0] for _n, cells in table.rows] == [1, 1, 1]
    assert [cells[1] for _n, cells in table.rows] == ["Caseloads"] * 3
    assert [cells[3] for _n, cells in table.rows] == ["January 2013 / March 2013"] * 2 + ["April 2013"]


def test_the_sheet_with_the_plan_is_found_among_others():
    workbook = Workbook()
    workbook.active.title = "Contents"
    workbook.active.append(["Introduction to the plan"])
    plan = workbook.create_sheet("Plan")
    plan.append(["Area", "Action", "Lead agency"])
    plan.append([2, "Audit", "WCC"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    table = read_table(buffer.getvalue(), "plan.xlsx")
    assert table.sheet_name == "Plan"
    assert table.rows[0][1] == [2, "Audit", "WCC"]


def test_csv_in_windows_encoding_with_semicolons_is_read():
    data = csv_bytes(
        [["Area number", "Action", "Lead"], ["1", "Children’s caseloads", "WCC"]], encoding="cp1252", delimiter=";"
    )
    table = read_table(data, "plan.csv")
    assert table.headers == ["Area number", "Action", "Lead"]
    assert table.rows[0][1][1] == "Children’s caseloads"


@pytest.mark.parametrize(
    "data, name, message",
    [
        (b"Area number,Action\n1,x\n", "plan.xlsx", "not an Excel workbook"),
        (xlsx_bytes([["Area", "Action"], [1, "x"]]), "plan.csv", "not a CSV"),
        (b"%PDF-1.4 ...", "plan.csv", "not a CSV"),
        (b"", "plan.csv", "empty"),
        (b"Area number,Action\n", "plan.csv", "no rows"),
        (b"x", "plan.docx", "must be an Excel workbook"),
    ],
)
def test_a_file_that_is_not_a_readable_plan_is_refused_with_a_reason(data, name, message):
    with pytest.raises(UnreadableFile, match=message):
        read_table(data, name)


def test_a_lead_column_is_the_agency_when_its_cells_name_agencies(world):
    agencies = xlsx_bytes([["Area", "Action", "Lead"], [1, "a", "WCC"], [2, "b", "NHS Arden Cluster"]])
    officers = xlsx_bytes([["Area", "Action", "Lead"], [1, "a", "Head of Safeguarding"], [2, "b", "WCC"]])
    assert auto_mapping(read_table(agencies, "a.xlsx"))["lead_agency"] == 2
    assert auto_mapping(read_table(officers, "b.xlsx"))["lead_officer"] == 2
