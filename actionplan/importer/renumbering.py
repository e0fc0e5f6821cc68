"""Re-importing a plan in which a row was inserted and the numbering moved on: a reference whose text
changed beyond recognition is not rewritten silently. Rows are matched to actions by their text where
the text says which action it is (the moved rows listed), and a rewrite that remains is warned of."""

from dataclasses import dataclass
from difflib import SequenceMatcher

from ..models import Action
from .rows import ImportRow, Problem, action_key, quote

# Below this, two descriptions are not the same action reworded; at or above CLOSE, they are one action.
RECOGNISABLE = 0.5
CLOSE = 0.9


@dataclass(frozen=True)
class Moved:
    row: int
    action: Action
    old_reference: str
    new_reference: str

    def __str__(self):
        return (
            f"Row {self.row}: action {self.old_reference or '(no reference)'} is now numbered "
            f"{self.new_reference or '(no reference)'}; matched by its text, {quote(self.action.description)}."
        )


def _text(text: str) -> str:
    return " ".join(text.casefold().split())


def similarity(a: str, b: str) -> float:
    return SequenceMatcher(None, _text(a), _text(b), autojunk=False).ratio()


def match_rows(rows: list[ImportRow], existing: dict[tuple, Action], actions: list[Action]):
    """{row number: the existing action it updates, or None to create}, the moved rows, and warnings."""
    by_text: dict[tuple, list[Action]] = {}
    for action in actions:
        by_text.setdefault((action.plan.agency_id, action.area.number), []).append(action)
    file_texts = {(r.plan_agency.pk, r.area_number, _text(r.description)) for r in rows}
    matched: dict[int, Action | None] = {}
    claimed: set[int] = set()
    moved: list[Moved] = []
    warnings: list[Problem] = []
    undecided = []
    for row in rows:  # first, every reference whose text is recognisably the same action
        action = existing.get(row.key())
        if action is not None and (
            not row.reference or similarity(action.description, row.description) >= RECOGNISABLE
        ):
            matched[row.row] = action
            claimed.add(action.pk)
        else:
            undecided.append((row, action))
    for row, by_reference in undecided:  # then the text, where it names one action not matched yet
        candidates = [
            a
            for a in by_text.get((row.plan_agency.pk, row.area_number), [])
            if a.pk not in claimed and similarity(a.description, row.description) >= CLOSE
        ]
        if candidates:
            action = max(candidates, key=lambda a: similarity(a.description, row.description))
            matched[row.row] = action
            claimed.add(action.pk)
            moved.append(Moved(row.row, action, action.reference, row.reference))
            continue
        if (
            by_reference is not None
            and by_reference.pk not in claimed
            and (row.plan_agency.pk, row.area_number, _text(by_reference.description)) not in file_texts
        ):
            matched[row.row] = by_reference
            claimed.add(by_reference.pk)
            warnings.append(
                Problem(
                    row.row,
                    row.columns.get("description", "“Action”"),
                    f"Action {row.reference}'s text changes beyond recognition, from "
                    f"{quote(by_reference.description)}: check that the row is the same action.",
                )
            )
        else:
            matched[row.row] = None  # a new action, inserted where another one was
    return matched, moved, warnings


def key_of(action: Action) -> tuple:
    return action_key(action.plan.agency_id, action.area.number, action.reference, action.description)
