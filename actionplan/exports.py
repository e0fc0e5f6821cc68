"""The action plan as a spreadsheet, in the layout the import reads: export, re-import, nothing changes."""

from django.utils import timezone
from django.utils.text import slugify

from scrutiny.core.exports import Column, TableExport

from .importer.preview import lead_officer_label
from .models import Action


def _status(action):
    return action.get_status_display()


def _rag(action):
    return action.get_rag_display() if action.rag else ""


# Headers are the import's own field labels (actionplan.importer.headers.FIELDS), so they map exactly.
PLAN_COLUMNS = [
    Column("Area number", lambda a: a.area.number, 8),
    Column("Area for improvement", lambda a: a.area.text, 50),
    Column("Action reference", lambda a: a.reference, 10),
    Column("Action", lambda a: a.description, 60),
    Column("Lead agency", lambda a: a.lead_agency.name, 25),
    Column("Lead officer", lead_officer_label, 25),
    Column("Timescale", lambda a: a.timescale_text, 15),
    Column("Target date", lambda a: a.target_date, 12),
    Column("Success measure", lambda a: a.success_measure, 50),
    Column("Status", _status, 15),
    Column("RAG", _rag, 10),
    Column("Completion date", lambda a: a.completed_on, 12),
    Column("Action plan", lambda a: a.plan.agency.short_name, 15),
]


class PlanExport(TableExport):
    sheet_name = "Action plan"
    columns = PLAN_COLUMNS

    def __init__(self, inspection, agency=None):
        self.inspection = inspection
        self.agency = agency
        self.title = f"{agency.short_name} action plan" if agency else "Action plan"

    def rows(self):
        actions = Action.objects.for_inspection(self.inspection).select_related(
            "area", "plan__agency", "lead_agency", "lead_officer"
        )
        if self.agency is not None:
            actions = actions.filter(plan__agency=self.agency)
        return actions.order_by("area__number", "plan__agency__name", "reference", "id").iterator(chunk_size=1000)

    def filename_stem(self) -> str:
        return f"{slugify(self.title)}-{slugify(self.inspection.title)[:40]}-{timezone.localdate():%Y-%m-%d}"


class PlanTemplate(TableExport):
    """The headers and nothing else: a plan written into it imports as it is."""

    title = "Action plan template"
    sheet_name = "Action plan"
    columns = PLAN_COLUMNS

    def rows(self):
        return []
