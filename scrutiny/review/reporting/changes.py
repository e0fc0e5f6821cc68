"""What changed between two moments, grouped by area, read from the audit history.

Because it reads the history rows and not the progress updates people wrote, a status changed
without an update still shows. The database pairs each row with the one before it, counts each
area's lines and returns only the newest lines shown (change_rows.py): a fixed number of queries,
and Python work that grows with what the page shows, not with the history of the period.

Each kind of record lists its kinds of line (SQL conditions) and how each is written (removals: removals.py)."""

import datetime
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Count, F, Window
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone
from django.utils.formats import date_format

from actionplan.models import Action, Area, Evidence, Rag, TargetDateChange
from scrutiny.core.record_urls import record_url

from ..models import Conclusion, InformationRequest
from . import removals
from .change_rows import changed, newest_changes
from .timeline import RowChange, who_from

STATUS_LABELS = dict(Action.Status.choices)
RAG_LABELS = dict(Rag.choices)
# A page members can read: past this many lines of one kind in one area, the earliest are counted, not listed.
LINES_SHOWN = 25
LISTS = ("actions", "updates", "evidence_received", "evidence_awaited", "conclusions", "requests")


def _day(value) -> str:
    return date_format(value, "j F Y") if value else "(none)"


def _who(row, fallback: str = "System") -> str:
    return row.who or fallback


EVIDENCE_KINDS = dict(Evidence.Kind.choices)
# The columns each kind of record's lines read from its history rows.
ACTION_FIELDS = ("reference", "area_id", "status", "rag", "target_date", "completed_on", "description")
EVIDENCE_FIELDS = ("title", "status", "received_on", "kind", "action_id", "area_id")
CONCLUSION_FIELDS = ("action_id", "area_id", "judgement", "reasoning", "action__reference", "area__number")
REQUEST_FIELDS = ("question", "status", "answer", "due_by", "action_id", "area_id", "review_id")
UPDATE_FIELDS = (
    "action_id",
    "created_at",
    "status",
    "rag",
    "note",
    "author_name",
    "author__person__name",
    "author__first_name",
    "author__last_name",
    "author__username",
    "action__reference",
)

# Kinds of line of each record (SQL conditions on the paired history row p; see change_rows.py).
ACTION_KINDS = {
    "added": "p.history_type = '+'",
    "removed": "p.history_type = '-'",
    "status": changed("status"),
    "rag": changed("rag"),
    "target_date": changed("target_date"),
    "completed_on": changed("completed_on"),
}
ACTION_COMPARED = ("status", "rag", "target_date", "completed_on")
EVIDENCE_KINDS_OF_LINE = {
    "added": "p.history_type = '+'",
    "received": f"{changed('status')} AND p.status = '{Evidence.Status.RECEIVED}'",
    "removed": removals.REMOVED,
}
CONCLUSION_KINDS = {"recorded": "p.history_type = '+'", "changed": changed("judgement"), "withdrawn": removals.REMOVED}
_ANSWERED = (
    f"p.status <> '{InformationRequest.Status.OPEN}' AND p.history_type <> '-' "
    f"AND (p.prev_history_id IS NULL OR p.prev_status = '{InformationRequest.Status.OPEN}')"
)
REQUEST_KINDS = {"answered": _ANSWERED, "raised": f"p.history_type = '+' AND NOT ({_ANSWERED})"}


@dataclass
class ChangeLine:
    when: datetime.datetime
    who: str
    subject: str  # "Action 2.1", the evidence title...
    what: str  # "Status", "Target date", "Progress update"...
    old: str = ""
    new: str = ""
    detail: str = ""
    link_name: str = ""  # URL name of the subject's page
    link_args: tuple = ()

    @cached_property  # read twice a line by the template
    def url(self) -> str:
        return record_url(self.link_name, *self.link_args) if self.link_name else ""


@dataclass
class AreaChanges:
    area: Area | None
    actions: list[ChangeLine] = field(default_factory=list)
    updates: list[ChangeLine] = field(default_factory=list)
    evidence_received: list[ChangeLine] = field(default_factory=list)
    evidence_awaited: list[Evidence] = field(default_factory=list)
    conclusions: list[ChangeLine] = field(default_factory=list)
    requests: list[ChangeLine] = field(default_factory=list)
    hidden: dict = field(default_factory=dict)  # list name -> lines counted but not listed
    totals: dict = field(default_factory=dict)  # list name -> lines in the period (when more were counted than read)

    @property
    def change_count(self) -> int:
        listed = (
            len(self.actions)
            + len(self.updates)
            + len(self.evidence_received)
            + len(self.conclusions)
            + len(self.requests)
        )
        return listed + sum(n for name, n in self.hidden.items() if name != "evidence_awaited")

    def keep_latest(self, limit: int = LINES_SHOWN):
        for name in LISTS:
            lines = getattr(self, name)[-limit:]
            setattr(self, name, lines)
            if self.totals.get(name, 0) > len(lines):
                self.hidden[name] = self.totals[name] - len(lines)

    @property
    def sort_key(self):
        return (self.area is None, self.area.number if self.area else 0)


@dataclass
class Digest:
    since: datetime.datetime
    until: datetime.datetime
    groups: list[AreaChanges]

    @property
    def change_count(self) -> int:
        return sum(group.change_count for group in self.groups)

    def for_area(self, area_id) -> AreaChanges | None:
        return next((g for g in self.groups if g.area and g.area.pk == area_id), None)


def action_lines(change: RowChange, kinds: list[str], reasons: dict) -> list[ChangeLine]:
    row = change.after
    subject = f"Action {row.reference or row.id}"
    common = {
        "when": row.history_date,
        "who": _who(row),
        "subject": subject,
        "link_name": "action_detail",
        "link_args": (row.id,),
    }

    def target_date() -> ChangeLine:
        old, new = change.old("target_date"), row.target_date
        moved = ""
        if old and new:
            days = (new - old).days
            moved = f"Moved {abs(days)} day{'s' if abs(days) != 1 else ''} {'later' if days > 0 else 'earlier'}."
        reason = reasons.get((row.id, new))
        detail = " ".join(part for part in (moved, f"Reason given: {reason}" if reason else "") if part)
        return ChangeLine(**common, what="Target date", old=_day(old), new=_day(new), detail=detail)

    write = {
        "added": lambda: ChangeLine(
            **common, what="Added to the plan", new=STATUS_LABELS.get(row.status, row.status), detail=row.description
        ),
        "removed": lambda: removals.removed_line(
            ChangeLine, common, "Action removed from the plan", was=STATUS_LABELS.get(row.status, row.status)
        ),
        "status": lambda: ChangeLine(
            **common,
            what="Status",
            old=STATUS_LABELS.get(change.old("status"), ""),
            new=STATUS_LABELS.get(row.status, row.status),
        ),
        "rag": lambda: ChangeLine(
            **common, what="RAG rating", old=RAG_LABELS.get(change.old("rag"), ""), new=RAG_LABELS.get(row.rag, row.rag)
        ),
        "target_date": target_date,
        "completed_on": lambda: ChangeLine(
            **common, what="Completion date", old=_day(change.old("completed_on")), new=_day(row.completed_on)
        ),
    }
    return [write[kind]() for kind in kinds]


def update_line(row) -> ChangeLine:
    status = STATUS_LABELS.get(row.status, row.status)
    rag = RAG_LABELS.get(row.rag, "") if row.rag else ""
    return ChangeLine(
        when=row.created_at,
        who=row.author_name or who_from(vars(row), "author") or "Unknown",
        subject=f"Action {row.action__reference or row.action_id}" if row.action__reference is not None else "Action",
        what="Progress update",
        new=", ".join(p for p in (status, rag) if p),
        detail=row.note,
        link_name="action_detail",
        link_args=(row.action_id,),
    )


def evidence_line(change: RowChange, kind: str) -> ChangeLine:
    row = change.after
    common = {"when": row.history_date, "who": _who(row), "subject": row.title}
    if kind == "added":
        received = row.status == Evidence.Status.RECEIVED
        return ChangeLine(
            **common,
            what="Evidence received" if received else "Evidence requested",
            new=_day(row.received_on) if received else "Awaited",
            detail=EVIDENCE_KINDS.get(row.kind, ""),
        )
    if kind == "removed":
        return removals.removed_line(ChangeLine, common, "Evidence removed", was=Evidence.Status(row.status).label)
    return ChangeLine(
        **common,
        what="Evidence received",
        old=Evidence.Status(change.old("status")).label,
        new=f"Received {_day(row.received_on)}" if row.received_on else "Received",
    )


def conclusion_line(change: RowChange, kind: str) -> ChangeLine:
    row = change.after
    labels = dict(Conclusion.Judgement.choices)
    subject = (
        f"Action {row.action__reference or row.action_id}"
        if row.action__reference is not None
        else (f"Action {row.action_id}" if row.action_id else removals.area_label(row.area__number, row.area_id))
    )
    common = {"when": row.history_date, "who": _who(row), "subject": subject}
    if kind == "recorded":
        return ChangeLine(
            **common, what="Conclusion recorded", new=labels.get(row.judgement, row.judgement), detail=row.reasoning
        )
    if kind == "withdrawn":
        return removals.removed_line(ChangeLine, common, "Conclusion withdrawn", was=labels.get(row.judgement, ""))
    return ChangeLine(
        **common,
        what="Conclusion changed",
        old=labels.get(change.old("judgement"), ""),
        new=labels.get(row.judgement, row.judgement),
        detail=row.reasoning,
    )


def request_line(change: RowChange, kind: str) -> ChangeLine:
    row = change.after
    labels = dict(InformationRequest.Status.choices)
    common = {
        "when": row.history_date,
        "who": _who(row),
        "subject": row.question,
        "link_name": "request_detail",
        "link_args": (row.review_id, row.id),
    }
    if kind == "answered":
        return ChangeLine(
            **common,
            what="Request answered",
            old=labels[InformationRequest.Status.OPEN],
            new=labels.get(row.status, row.status),
            detail=row.answer,
        )
    return ChangeLine(
        **common,
        what="Request raised",
        new=labels.get(row.status, row.status),
        detail=f"Answer needed by {_day(row.due_by)}" if row.due_by else "",
    )


# For each list of records' changes: the kinds of line (above), the columns compared, the columns read, the line.
RECORD_LINES = {
    "evidence_received": (EVIDENCE_KINDS_OF_LINE, ("status",), EVIDENCE_FIELDS, evidence_line),
    "conclusions": (CONCLUSION_KINDS, ("judgement",), CONCLUSION_FIELDS, conclusion_line),
    "requests": (REQUEST_KINDS, ("status",), REQUEST_FIELDS, request_line),
}

# The area a row belongs to: its own, else its action's (as the action stands now).
ON_ACTION_OR_AREA = Coalesce(F("area_id"), F("action__area_id"))


def build_digest(*, inspection, review, since, until=None, area_ids=None) -> Digest:
    """Every change to the plan and the review's records in (since, until], grouped by area; each
    area's newest LINES_SHOWN lines of each kind listed and the rest counted. `area_ids` keeps only
    those areas (in the queries themselves)."""
    until = until or timezone.now()
    area_ids = list(area_ids) if area_ids is not None else None
    period = {"since": since, "until": until, "area_ids": area_ids, "limit": LINES_SHOWN}
    groups: dict[int | None, AreaChanges] = {}

    def add(list_name: str, found: dict, write):
        for area_id, entry in found.items():
            group = groups.setdefault(area_id, AreaChanges(area=None))
            group.totals[list_name] = entry.lines
            for change, kinds in entry.changes:
                getattr(group, list_name).extend(write(change, kinds))

    actions = newest_changes(
        Action.history.filter(plan__inspection_id=inspection.pk),
        kinds=ACTION_KINDS,
        area=F("area_id"),
        compared=ACTION_COMPARED,
        fields=ACTION_FIELDS,
        **period,
    )
    moved = {
        (c.after.id, c.after.target_date)
        for entry in actions.values()
        for c, kinds in entry.changes
        if "target_date" in kinds
    }
    reasons = (
        {
            (move.action_id, move.new_date): move.reason
            for move in TargetDateChange.objects.filter(
                action_id__in={action_id for action_id, _ in moved}, changed_at__gt=since, changed_at__lte=until
            )
        }
        if moved
        else {}
    )
    add("actions", actions, lambda change, kinds: action_lines(change, kinds, reasons))
    add(
        "updates",
        removals.updates_in_period(inspection, fields=UPDATE_FIELDS, **period),
        lambda change, kinds: [update_line(change.after)],
    )

    def add_records(list_name: str, history):
        """A kind of record whose change makes one line for each kind of change in it (received, reached...)."""
        kinds, compared, fields, line = RECORD_LINES[list_name]
        found = newest_changes(history, kinds=kinds, area=ON_ACTION_OR_AREA, compared=compared, fields=fields, **period)
        add(list_name, found, lambda change, change_kinds: [line(change, kind) for kind in change_kinds])

    add_records("evidence_received", Evidence.history.filter(inspection_id=inspection.pk))
    if review is not None:
        add_records("conclusions", Conclusion.history.filter(review_id=review.pk))
        add_records("requests", InformationRequest.history.filter(review_id=review.pk))
    _add_awaited(groups, inspection, area_ids)

    for area in Area.objects.filter(pk__in=[k for k in groups if k is not None]).select_related("theme"):
        groups[area.pk].area = area
    kept = [g for g in groups.values() if g.change_count or g.evidence_awaited]
    for g in kept:
        g.keep_latest()
    return Digest(since=since, until=until, groups=sorted(kept, key=lambda g: g.sort_key))


def _add_awaited(groups: dict, inspection, area_ids):
    """Evidence still awaited, by area: the last LINES_SHOWN of each area read, the rest counted."""
    awaited = (
        Evidence.objects.awaited()
        .filter(inspection=inspection)
        .annotate(
            area_key=ON_ACTION_OR_AREA,
            # The list runs newest first and keeps its last (oldest) lines, as every list here does.
            oldest_first=Window(
                RowNumber(), partition_by=[F("area_key")], order_by=[F("added_at").asc(), F("id").asc()]
            ),
            in_area=Window(Count("id"), partition_by=[F("area_key")]),
        )
        .select_related("provided_by_agency")  # what the list shows: not the action (its area is read in SQL)
    )
    if area_ids is not None:
        awaited = awaited.filter(area_key__in=area_ids)
    for evidence in awaited.filter(oldest_first__lte=LINES_SHOWN):
        group = groups.setdefault(evidence.area_key, AreaChanges(area=None))
        group.evidence_awaited.append(evidence)
        group.totals["evidence_awaited"] = evidence.in_area
