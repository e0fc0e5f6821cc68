"""Makes the small .xls, .ods and .xlsm fixtures of the import tests, once, with LibreOffice:
    .venv/bin/python tests/data/make_import_fixtures.py   (needs `soffice`, from libreoffice-calc-nogui)
The rows are real published plans' rows (see SOURCES.md); the layout is a council's: a title row,
merged area cells, a real date cell."""

import datetime
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import Workbook

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from tests.import_helpers import HEREFORD, OFSTED_HEADERS, ROTHERHAM  # noqa: E402

HERE = Path(__file__).resolve().parent
HEADERS = [*OFSTED_HEADERS, "By When", "Monitoring and Evaluation", "R/A/G"]
FORMATS = {"xls": "xls:MS Excel 97", "ods": "ods", "xlsm": "xlsm:Calc MS Excel 2007 VBA XML"}


def workbook() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Improvement plan"
    sheet.append(["Youth Offending Services – Improvement Action Plan, July 2013 progress update"])
    sheet.append(HEADERS)
    sheet.append([17, HEREFORD.area, "1", HEREFORD.action, "WCC", HEREFORD.lead, "Ongoing", HEREFORD.measure, "R"])
    (ref_a, text_a), (ref_b, text_b), (ref_c, text_c) = ROTHERHAM.actions
    sheet.append([1, ROTHERHAM.area, ref_a, text_a, "WCC", ROTHERHAM.lead, datetime.datetime(2013, 3, 31), "", "B"])
    sheet.append([None, None, ref_b, text_b, "WCC", "", "January 2013; March 2013", "", "A"])
    sheet.append([None, None, ref_c, text_c, "WCC", "", "January 2013; March 2013", "", "A"])
    sheet.merge_cells("A4:A6")
    sheet.merge_cells("B4:B6")
    return book


def main():
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "council_plan.xlsx"
        workbook().save(source)
        for extension, filter_name in FORMATS.items():
            subprocess.run(
                ["soffice", "--headless", "--convert-to", filter_name, "--outdir", folder, str(source)],
                check=True,
                capture_output=True,
            )
            (HERE / f"council_plan.{extension}").write_bytes((Path(folder) / f"council_plan.{extension}").read_bytes())


if __name__ == "__main__":
    main()
