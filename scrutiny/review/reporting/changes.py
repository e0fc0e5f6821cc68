"""What changed between two moments, grouped by area, read from the audit history.

Because it reads the history rows and not the progress updates people wrote, a status changed
without an update still shows. One query per model over the period (plus one for the rows just
before it), so the cost does not grow with the number of records or changes."""

import datetime
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from actionplan.models import Action, Area, Evidence, ProgressUpdate, Rag, TargetDateChange

from ..models import Conclusion, InformationRequest
from .timeline import RowChange, changes_between, slim_rows, who_from

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
CONCLUSION_FIELDS = ("action_id", "area_id", "judgement", "reasoning")
REQUEST_FIELDS = ("question", "status", "answer", "due_by", "action_id", "area_id", "review_id")
UPDATE_FIELDS = ("action_id", "created_at", "status", "rag", "note", "author_name",
                 "author__person__name", "author__first_name", "author__last_name", "author__username")


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

    @property
    def url(self) -> str:
        return reverse(self.link_name, args=self.link_args) if self.link_name else ""


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

    @property
    def change_count(self) -> int:
        listed = len(self.actions) + len(self.updates) + len(self.evidence_received) + len(self.conclusions) + len(self.requests)
        return listed + sum(n for name, n in self.hidden.items() if name != "evidence_awaited")

    def keep_latest(self, limit: int = LINES_SHOWN):
        for name in LISTS:
            lines = getattr(self, name)
            if len(lines) > limit:
                self.hidden[name] = len(lines) - limit
                setattr(self, name, lines[-limit:])

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


def action_lines(change: RowChange, reasons: dict) -> list[ChangeLine]:
    row = change.after
    subject = f"Action {row.reference or row.id}"
    common = {"when": row.history_date, "who": _who(row), "subject": subject,
              "link_name": "action_detail", "link_args": (row.id,)}
    if change.created:
        return [ChangeLine(**common, what="Added to the plan", new=STATUS_LABELS.get(row.status, row.status),
                           detail=row.description)]
    if change.deleted:
        return [ChangeLine(**common, what="Removed from the plan")]
    lines = []
    if change.changed("status"):
        lines.append(ChangeLine(**common, what="Status", old=STATUS_LABELS.get(change.old("status"), ""),
                                new=STATUS_LABELS.get(row.status, row.status)))
    if change.changed("rag"):
        lines.append(ChangeLine(**common, what="RAG rating", old=RAG_LABELS.get(change.old("rag"), ""),
                                new=RAG_LABELS.get(row.rag, row.rag)))
    if change.changed("target_date"):
        old, new = change.old("target_date"), row.target_date
        moved = ""
        if old and new:
            days = (new - old).days
            moved = f"Moved {abs(days)} day{'s' if abs(days) != 1 else ''} {'later' if days > 0 else 'earlier'}."
        reason = reasons.get((row.id, new))
        detail = " ".join(part for part in (moved, f"Reason given: {reason}" if reason else "") if part)
        lines.append(ChangeLine(**common, what="Target date", old=_day(old), new=_day(new), detail=detail))
    if change.changed("completed_on"):
        lines.append(ChangeLine(**common, what="Completion date", old=_day(change.old("completed_on")),
                                new=_day(row.completed_on)))
    return lines


def evidence_line(change: RowChange) -> ChangeLine | None:
    row = change.after
    common = {"when": row.history_date, "who": _who(row), "subject": row.title}
    received = row.status == Evidence.Status.RECEIVED
    if change.created:
        what = "Evidence received" if received else "Evidence requested"
        return ChangeLine(**common, what=what, new=_day(row.received_on) if received else "Awaited",
                          detail=EVIDENCE_KINDS.get(row.kind, ""))
    if change.changed("status") and received:
        return ChangeLine(**common, what="Evidence received", old=Evidence.Status(change.old("status")).label,
                          new=f"Received {_day(row.received_on)}" if row.received_on else "Received")
    return None


def conclusion_line(change: RowChange) -> ChangeLine | None:
    row = change.after
    labels = dict(Conclusion.Judgement.choices)
    common = {"when": row.history_date, "who": _who(row),
              "subject": f"Action {row.action_id}" if row.action_id else f"Area {row.area_id}"}
    if change.created:
        return ChangeLine(**common, what="Conclusion recorded", new=labels.get(row.judgement, row.judgement),
                          detail=row.reasoning)
    if change.changed("judgement"):
        return ChangeLine(**common, what="Conclusion changed", old=labels.get(change.old("judgement"), ""),
                          new=labels.get(row.judgement, row.judgement), detail=row.reasoning)
    return None


def request_line(change: RowChange) -> ChangeLine | None:
    row = change.after
    labels = dict(InformationRequest.Status.choices)
    common = {"when": row.history_date, "who": _who(row), "subject": row.question,
              "link_name": "request_detail", "link_args": (row.review_id, row.id)}
    was_open = change.before is None or change.old("status") == InformationRequest.Status.OPEN
    if row.status != InformationRequest.Status.OPEN and was_open and not change.deleted:
        return ChangeLine(**common, what="Request answered", old=labels[InformationRequest.Status.OPEN],
                          new=labels.get(row.status, row.status), detail=row.answer)
    if change.created:
        return ChangeLine(**common, what="Request raised", new=labels.get(row.status, row.status),
                          detail=f"Answer needed by {_day(row.due_by)}" if row.due_by else "")
    return None


def build_digest(*, inspection, review, since, until=None, area_ids=None) -> Digest:
    """Every change to the plan and the review's records in (since, until], grouped by area."""
    until = until or timezone.now()
    action_changes = changes_between(Action.history.filter(plan__inspection_id=inspection.pk), since, until, ACTION_FIELDS)
    # Updates are only ever added: no row before to compare with.
    update_rows = [
        row for row in slim_rows(
            ProgressUpdate.history.filter(action__plan__inspection_id=inspection.pk, history_type="+",
                                          history_date__gt=since, history_date__lte=until)
            .order_by("history_date", "history_id"), ("id", "history_date"), UPDATE_FIELDS)
    ]
    evidence_changes = changes_between(Evidence.history.filter(inspection_id=inspection.pk), since, until, EVIDENCE_FIELDS)
    awaited = list(Evidence.objects.awaited().filter(inspection=inspection).select_related("action", "provided_by_agency"))
    conclusion_changes, request_changes = [], []
    if review is not None:
        conclusion_changes = changes_between(Conclusion.history.filter(review_id=review.pk), since, until, CONCLUSION_FIELDS)
        request_changes = changes_between(InformationRequest.history.filter(review_id=review.pk), since, until, REQUEST_FIELDS)
    reasons = {
        (move.action_id, move.new_date): move.reason
        for move in TargetDateChange.objects.filter(
            action__plan__inspection=inspection, changed_at__gt=since, changed_at__lte=until)
    }

    # Records hang on an action or an area: look every action's area up once.
    action_ids = {u.action_id for u in update_rows}
    for change in [*evidence_changes, *conclusion_changes, *request_changes]:
        if change.after.action_id:
            action_ids.add(change.after.action_id)
    action_ids.update(e.action_id for e in awaited if e.action_id)
    actions = {a.pk: a for a in Action.objects.filter(pk__in=action_ids).only("id", "reference", "area_id")}

    def area_of(row) -> int | None:
        if getattr(row, "area_id", None):
            return row.area_id
        action = actions.get(getattr(row, "action_id", None))
        return action.area_id if action else None

    groups: dict[int | None, AreaChanges] = {}

    def group(area_id) -> AreaChanges:
        return groups.setdefault(area_id, AreaChanges(area=None))

    for change in action_changes:
        for line in action_lines(change, reasons):
            group(change.after.area_id).actions.append(line)
    for row in update_rows:
        action = actions.get(row.action_id)
        status = STATUS_LABELS.get(row.status, row.status)
        rag = RAG_LABELS.get(row.rag, "") if row.rag else ""
        group(area_of(row)).updates.append(ChangeLine(
            when=row.created_at, who=row.author_name or who_from(vars(row), "author") or "Unknown",
            subject=f"Action {action.reference or action.pk}" if action else "Action",
            what="Progress update", new=", ".join(p for p in (status, rag) if p), detail=row.note,
            link_name="action_detail", link_args=(row.action_id,),
        ))
    for change in evidence_changes:
        line = evidence_line(change)
        if line:
            group(area_of(change.after)).evidence_received.append(line)
    for evidence in awaited:
        group(area_of(evidence)).evidence_awaited.append(evidence)
    for change in conclusion_changes:
        line = conclusion_line(change)
        if line:
            action = actions.get(change.after.action_id)
            if action:
                line.subject = f"Action {action.reference or action.pk}"
            group(area_of(change.after)).conclusions.append(line)
    for change in request_changes:
        line = request_line(change)
        if line:
            group(area_of(change.after)).requests.append(line)

    areas = Area.objects.filter(pk__in=[k for k in groups if k is not None]).select_related("theme")
    for area in areas:
        groups[area.pk].area = area
    if area_ids is not None:
        wanted = set(area_ids)
        groups = {k: v for k, v in groups.items() if k in wanted}
    kept = [g for g in groups.values() if g.change_count or g.evidence_awaited]
    for g in kept:
        g.keep_latest()
    return Digest(since=since, until=until, groups=sorted(kept, key=lambda g: g.sort_key))
