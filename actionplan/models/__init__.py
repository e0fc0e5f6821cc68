"""The inspection and the plans that answer it: inspections, areas, agencies, actions,
progress and evidence."""

from ..import_records import PlanImport
from ..inspection_types import InspectionType
from .evidence import Evidence, EvidenceKind, EvidenceQuerySet, EvidenceStatus, evidence_upload_to
from .inspections import Area, Inspection, Inspectorate, Judgement, JudgementGrade, Theme, today
from .plans import Action, ActionPlan, ActionQuerySet, ActionStatus, ProgressUpdate, Rag, TargetDateChange

__all__ = [
    "Action",
    "ActionPlan",
    "ActionQuerySet",
    "ActionStatus",
    "Area",
    "Evidence",
    "EvidenceKind",
    "EvidenceQuerySet",
    "EvidenceStatus",
    "Inspection",
    "InspectionType",
    "Inspectorate",
    "Judgement",
    "JudgementGrade",
    "PlanImport",
    "ProgressUpdate",
    "Rag",
    "TargetDateChange",
    "Theme",
    "evidence_upload_to",
    "today",
]
