"""Values from real plans never block the whole file: timescales read where the meaning is clear (and
said) or kept as text with a warning, split ratings by a stated rule, a key under the table left out,
and every problem quoting the cell, its row and its column letter."""

import datetime

import pytest

from actionplan.importer import auto_mapping, build_preview, read_table
from actionplan.importer.lenient import SPLIT_RAG_RULE, read_rag, read_timescale
from actionplan.importer.values import CellProblem
from actionplan.models import Rag

from .import_helpers import (
    HEREFORD,
    OFSTED_HEADERS,
    ROTHERHAM,
    cases,
    command_new,
    csv_text,
    new_inspection,
    saved_file,
    xlsx_bytes,
)

D = datetime.date


@pytest.mark.parametrize(
    "cell, date, text, said",
    [
        ("Completed", None, "Completed", ""),
        ("2015", D(2015, 12, 31), "2015", "read as the end of that year, 31 December 2015"),
        (2015, D(2015, 12, 31), "2015", "read as the end of that year"),
        ("2015/16", D(2016, 3, 31), "2015/16", "end of the financial year, 31 March 2016"),
        ("July 2014 and ongoing", D(2014, 7, 31), "July 2014 and ongoing", "read as 31 July 2014; the words after"),
        ("April 2015 (review)", D(2015, 4, 30), "April 2015 (review)", "read as 30 April 2015"),
        (
            "When the new case management system is live",
            None,
            "When the new case management system is live",
            "is not a date we can read: it is kept as written",
        ),
    ],
)
def test_timescales_from_real_plans_are_read_where_clear_and_said(cell, date, text, said):
    timescale = read_timescale(cell)
    assert (timescale.date, timescale.text) == (date, text)
    assert said in timescale.warning
    assert timescale.completed == (cell == "Completed")


def test_a_date_that_does_not_exist_is_still_a_problem():
    with pytest.raises(CellProblem, match="not a real date"):
        read_timescale("31/02/2013")


@pytest.mark.parametrize(
    "cell, rag",
    cases({Rag.AMBER: ["A/G", "Amber/Green", "Green / Amber"], Rag.GREEN: ["G/B"], Rag.RED: ["R-A"]}),
)
def test_a_split_rating_takes_the_more_cautious(cell, rag):
    rating, warning = read_rag(cell)
    assert rating == rag
    assert f"“{cell}” gives two ratings: read as {Rag(rag).label}, the more cautious." == warning


def test_an_unreadable_rating_is_still_a_problem():
    with pytest.raises(CellProblem, match="a split rating such as A/G"):
        read_rag("Purple")


def real_values_plan() -> bytes:
    return xlsx_bytes(
        [
            ["OFSTED INSPECTION MAY 2014 – IMPROVEMENT PLAN"],
            [*OFSTED_HEADERS, "By When", "R/A/G", "Monitoring and Evaluation"],
            [
                17,
                HEREFORD.area,
                "1",
                HEREFORD.action,
                "WCC",
                HEREFORD.lead,
                "July 2014 and ongoing",
                "A/G",
                HEREFORD.measure,
            ],
            [1, ROTHERHAM.area, *ROTHERHAM.actions[0], "WCC", "", "2015", "G", ""],
            [1, ROTHERHAM.area, *ROTHERHAM.actions[1], "WCC", "", "April 2015 (review)", "R/A", ""],
            [1, ROTHERHAM.area, *ROTHERHAM.actions[2], "WCC", "", "When the audit is agreed", "A", ""],
            [],
            ["Key:"],
            ["R", "Red – not on track"],
            ["A", "Amber – some slippage"],
            ["G", "Green – on track"],
            ["B", "Blue – completed"],
        ]
    )


def test_a_plan_with_real_values_and_a_key_imports_saying_how_it_read_them(world):
    table = read_table(real_values_plan(), "plan.xlsx")
    preview = build_preview(table, auto_mapping(table), new_inspection(), "plan.xlsx")
    assert preview.ok, [str(e) for e in preview.errors]
    rows = {o.reference: o.values for o in preview.creates}
    assert list(rows) == ["1", "1a", "1b", "1c"]  # the key's R, A, G and B rows are not actions
    assert [(rows[r]["target_date"], rows[r]["rag"]) for r in rows] == [
        (D(2014, 7, 31), "amber"),
        (D(2015, 12, 31), "green"),
        (D(2015, 4, 30), "red"),
        (None, "amber"),
    ]
    assert rows["1c"]["timescale_text"] == "When the audit is agreed"
    assert preview.skipped == ["Rows 8–12 are a key or notes below the table (“Key:”): not read as actions."]
    assert preview.assumed == [SPLIT_RAG_RULE]
    warnings = [str(w) for w in preview.warnings]
    assert "Row 3, “R/A/G” (column H): “A/G” gives two ratings: read as Amber, the more cautious." in warnings
    assert any(w.startswith("Row 6, “By When” (column G): “When the audit is agreed” is not a date") for w in warnings)


def test_a_key_without_a_heading_is_still_left_out_but_a_notes_cell_beside_actions_is_not():
    rows = [
        ["Area", "Action", "Lead agency"],
        ["1", ROTHERHAM.actions[0][1], "WCC"],
        ["B = Blue, completed"],
        ["G = Green, on track"],
    ]
    table = read_table(csv_text(rows).encode(), "plan.csv")
    assert len(table.rows) == 1 and "Rows 3–4 are a key" in table.skipped[0]
    rows = [["Area", "Action", "Lead agency"], ["Notes"], ["1", ROTHERHAM.actions[0][1], "WCC"]]
    table = read_table(csv_text(rows).encode(), "plan.csv")
    assert len(table.rows) == 2 and table.skipped == []


def test_an_over_long_timescale_kept_as_text_is_a_length_problem(world):
    long_words = f"Ongoing: {HEREFORD.measure}"
    data = csv_text(
        [
            ["Area", "Area for improvement", "Action", "Lead agency", "By when"],
            ["17", HEREFORD.area, HEREFORD.action, "WCC", long_words],
        ]
    ).encode()
    table = read_table(data, "plan.csv")
    preview = build_preview(table, auto_mapping(table), new_inspection(), "plan.csv")
    assert [str(e) for e in preview.errors] == [
        "Row 2, “By when” (column E): “Ongoing: Weekly caseload reports are considered at Safeguard…” is "
        f"{len(long_words)} characters long: this field holds at most 100. Shorten it"
    ]


def test_the_command_states_the_rules_and_what_it_left_out(world, tmp_path):
    out = command_new(saved_file(tmp_path, real_values_plan()), "SIF 2014", "Herefordshire", "--yes")
    assert "read by a rule: A split rating such as “A/G”" in out
    assert "left out: Rows 8–12 are a key" in out
    assert "4 created" in out
