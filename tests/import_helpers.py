"""Building council-shaped spreadsheets for the import tests, and driving the import's service, pages
and command the same way in every test."""

import csv
import datetime
import io
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import Workbook

from actionplan.importer import Options, auto_mapping, build_preview, read_table
from actionplan.services.plan_import import apply_plan_import

DATA = Path(__file__).resolve().parent / "data"  # real published plans (see data/SOURCES.md) and fixtures
# Real rows of published plans (shared/realdata): Herefordshire 2014 and Rotherham YOS 2012.
HEREFORD = SimpleNamespace(
    area="Ensure that caseloads in children in need and looked after children’s teams remain manageable",
    action="Caseloads for CiN and LAC teams remain at 16-18 cases on average per social worker",
    lead="Assistant Director, Safeguarding and Family Support",
    inspection=("Herefordshire SIF 2014", "Herefordshire Council"),  # a new inspection's title and body
    measure=(
        "Weekly caseload reports are considered at Safeguarding and Family Support Heads of Service meeting. "
        "Caseloads and timeliness of CP and LAC statutory visits form part of the monthly performance report."
    ),
)
ROTHERHAM = SimpleNamespace(
    area=(
        "Timeliness of initial assessments (ASSET – Youth Justice Board Assessment Tool). Completion required "
        "within 20 working days for Referral Orders, 15 days for all other Court Orders."
    ),
    actions=[  # (reference, action)
        ("1a", "Raise performance from 78% (inspection findings) to 98% completion of ASSET."),
        (
            "1b",
            "Weekly information system reports to managers detailing ASSET due times, case manager responsible "
            "and, days to completion.",
        ),
        (
            "1c",
            "Address underperformance of completion of ASSET in supervision and record in supervision notes. "
            "Record actions taken in respect of underperformance e.g. target setting/training/coaching.",
        ),
    ],
    lead="Operations Managers (SF), (CD)",
    inspection=("YOS SQS 2012", "Rotherham MBC"),
)
# The headers our export and template write (the import's own field labels).
OUR_HEADERS = [
    "Area number",
    "Area for improvement",
    "Action reference",
    "Action",
    "Lead agency",
    "Lead officer",
    "Timescale",
    "Success measure",
    "Status",
    "RAG",
]
# The first columns of Herefordshire's plan, as the council headed them (the import knows them as synonyms).
OFSTED_HEADERS = ["Ofsted Para No", "Ofsted Area for Improvement", "No.", "Action", "Lead agency", "Lead officer"]


def csv_text(rows, delimiter=",", line_end="\r\n") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return buffer.getvalue()


def csv_bytes(rows, encoding="utf-8", delimiter=",") -> bytes:
    return csv_text(rows, delimiter=delimiter).encode(encoding)


def xlsx_of(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def xlsx_bytes(rows, merges=(), title="Plan") -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    for cell_range in merges:
        sheet.merge_cells(cell_range)
    return xlsx_of(workbook)


def new_inspection(title=HEREFORD.inspection[0], body=HEREFORD.inspection[1], **options) -> Options:
    return Options(new_inspection_title=title, new_inspection_body=body, **options)


def preview_of(data, options, name="plan.csv"):
    """The preview of a file, its columns mapped as the import guesses them."""
    table = read_table(data, name)
    return build_preview(table, auto_mapping(table), options, name)


def apply(data, name, options, actor, **kwargs):
    table = read_table(data, name)
    return apply_plan_import(
        actor=actor, table=table, mapping=auto_mapping(table), options=options, file_name=name, **kwargs
    )


def upload(client, data, name, *, new_inspection=None, **fields):
    """The import's first page: a file, and the inspection it is for (or a new one's title and body)."""
    if new_inspection:
        fields["new_inspection_title"], fields["new_inspection_body"] = new_inspection
    post = {
        "file": SimpleUploadedFile(name, data),
        "inspection": "",
        "new_inspection_title": "",
        "new_inspection_body": "",
        "new_inspection_type": "",
        "plan_agency": "",
        **fields,
    }
    return client.post(reverse("plan_import"), post)


def preview_page(client) -> str:
    return client.get(reverse("plan_import_preview")).content.decode()


def command(*args) -> str:
    out = StringIO()
    call_command("import_plan", *args, stdout=out)
    return out.getvalue()


def saved_file(tmp_path, data: bytes, name="plan.xlsx") -> Path:
    """A spreadsheet's bytes saved as a file on disk, for the command to read."""
    path = tmp_path / name
    path.write_bytes(data)
    return path


def cases(words_by_value: dict) -> list[tuple]:
    """The (cell, value) pairs to parametrize a test with, from the cells each value is read from."""
    return [(word, value) for value, words in words_by_value.items() for word in words]


def command_new(path, title, body, *args) -> str:
    """`manage.py import_plan` of a file into a new inspection, by the administrator ada."""
    return command(str(path), "--user", "ada", "--new-inspection", title, "--body", body, *args)


def counts():
    from actionplan.models import Action, ActionPlan, Area, Inspection

    return (
        Inspection.objects.count(),
        Area.objects.count(),
        ActionPlan.objects.count(),
        Action.objects.count(),
        Action.history.count(),
    )


def messy_plan() -> bytes:
    return xlsx_bytes(
        [
            ["Warwickshire safeguarding improvement plan, v3"],
            [
                "Ref No",
                "Area",
                "Ofsted Area for Improvement",
                "Action",
                "Responsible agency",
                "Lead",
                "By when",
                "Measure of success",
                "Status",
                "R/A/G",
            ],
            [None, 1, "Caseloads remain manageable", None, None, None, None, None, None, None],
            [
                "1.1",
                None,
                None,
                "Weekly caseload report",
                "WCC",
                "Olivia Okafor",
                "31/10/2012",
                "Reports seen",
                "In progress",
                "A",
            ],
            [
                "1.2",
                None,
                None,
                "Recruit social workers",
                "Warwickshire County Council",
                "Head of Service",
                datetime.datetime(2013, 3, 31),
                "",
                "Not started",
                "R",
            ],
            [],
            [
                "4.1",
                4,
                "Health assessments are timely",
                "Audit of notifications",
                "the Arden Cluster",
                "Designated Nurse",
                "Q3 2012/13",
                "",
                "Complete",
                "B",
            ],
            ["4.2", None, None, "Share protocols with UHCW", "UHCW", "", "March 2013", "", "Ongoing", "G"],
            ["4.3", None, None, "Review in a year", "arden", "", "Ongoing", "", "", ""],
        ],
        merges=[],
    )
