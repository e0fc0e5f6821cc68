"""Building council-shaped spreadsheets for the import tests, and driving the import pages and command."""

import csv
import io
from io import StringIO
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse

DATA = Path(__file__).resolve().parent / "data"  # real published plans (see data/SOURCES.md) and fixtures
# Real rows of published plans (shared/realdata): Herefordshire 2014 and Rotherham YOS 2012.
HEREFORD_AREA = "Ensure that caseloads in children in need and looked after children’s teams remain manageable"
HEREFORD_ACTION = "Caseloads for CiN and LAC teams remain at 16-18 cases on average per social worker"
HEREFORD_LEAD = "Assistant Director, Safeguarding and Family Support"
HEREFORD_MEASURE = (
    "Weekly caseload reports are considered at Safeguarding and Family Support Heads of Service meeting. "
    "Caseloads and timeliness of CP and LAC statutory visits form part of the monthly performance report."
)
ROTHERHAM_AREA = (
    "Timeliness of initial assessments (ASSET – Youth Justice Board Assessment Tool). Completion required within "
    "20 working days for Referral Orders, 15 days for all other Court Orders."
)
ROTHERHAM_ACTIONS = [
    ("1a", "Raise performance from 78% (inspection findings) to 98% completion of ASSET."),
    (
        "1b",
        "Weekly information system reports to managers detailing ASSET due times, case manager responsible and, "
        "days to completion.",
    ),
    (
        "1c",
        "Address underperformance of completion of ASSET in supervision and record in supervision notes. Record "
        "actions taken in respect of underperformance e.g. target setting/training/coaching.",
    ),
]
ROTHERHAM_LEAD = "Operations Managers (SF), (CD)"


def csv_text(rows, delimiter=",", line_end="\r\n") -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator=line_end).writerows(rows)
    return buffer.getvalue()


def xlsx_of(workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def upload(client, data, name, **fields):
    post = {
        "file": SimpleUploadedFile(name, data),
        "inspection": "",
        "new_inspection_title": "",
        "new_inspection_body": "",
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


def counts():
    from actionplan.models import Action, ActionPlan, Area, Inspection

    return (
        Inspection.objects.count(),
        Area.objects.count(),
        ActionPlan.objects.count(),
        Action.objects.count(),
        Action.history.count(),
    )
