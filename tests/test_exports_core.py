import csv
import io

from openpyxl import load_workbook

from scrutiny.core.exports import Column, TableExport, render_csv, render_xlsx, safe_cell

HOSTILE = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "<script>alert(1)</script>"]


class HostileExport(TableExport):
    title = "Hostile"
    columns = [Column("Text", lambda row: row), Column("Length", lambda row: len(row))]

    def rows(self):
        return HOSTILE


def test_formulas_are_neutralised_but_numbers_stay_numbers():
    assert safe_cell('=HYPERLINK("http://x")') == '\'=HYPERLINK("http://x")'
    assert safe_cell(42) == 42
    assert safe_cell("Plain text") == "Plain text"


def test_csv_cells_arrive_as_inert_text():
    text = render_csv(HostileExport()).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["Text", "Length"]
    assert [r[0] for r in rows[1:]] == ["'" + h if h[0] in "=+-@\t" else h for h in HOSTILE]


def test_xlsx_cells_are_strings_not_formulas():
    workbook = load_workbook(io.BytesIO(render_xlsx(HostileExport())))
    sheet = workbook.active
    values = [row[0].value for row in sheet.iter_rows(min_row=2)]
    kinds = {row[0].data_type for row in sheet.iter_rows(min_row=2)}
    # Typed as text and marked with Excel's quote prefix: inert, with no stray apostrophe for readers.
    assert values[0] == '=HYPERLINK("http://x")' and values[1] == "+1+1"
    assert values[-1] == "<script>alert(1)</script>"
    assert kinds == {"s"}
    prefixed = [row[0].quotePrefix for row in sheet.iter_rows(min_row=2)]
    assert prefixed == [True, True, True, True, True, False]
    assert sheet.cell(row=2, column=2).value == len(HOSTILE[0])
