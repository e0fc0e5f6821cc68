"""The words of the work, explained once: the glossary page, and the anchors other pages link to.

Status words come from the models' own choices, so a renamed status cannot leave the glossary behind."""

from dataclasses import dataclass

from actionplan.models import Action, Evidence
from scrutiny.review.models import Conclusion, Recommendation


@dataclass(frozen=True)
class Term:
    anchor: str
    term: str
    meaning: str


@dataclass(frozen=True)
class Section:
    anchor: str
    title: str
    terms: list[Term]


ACTION_STATUS_MEANINGS = {
    Action.Status.NOT_STARTED: "Work on the action has not begun.",
    Action.Status.IN_PROGRESS: "Work has begun and is not finished.",
    Action.Status.COMPLETED: "Everything the action asked for has been done.",
    Action.Status.COMPLETED_MONITORING: (
        "All elements of the action have been completed, but ongoing work is needed to maintain them."
    ),
    Action.Status.WITHDRAWN: "The action is no longer being pursued, for a reason given in its history.",
}
RAG_MEANINGS = {
    Action.Rag.RED: "Progress is off track: a serious concern.",
    Action.Rag.AMBER: "Progress is at risk of slipping: some concern.",
    Action.Rag.GREEN: "Progress is on track for the target date.",
    Action.Rag.BLUE: "The action is complete.",
    Action.Rag.NOT_RATED: "The lead officer has not given a rating.",
}


def sections() -> list[Section]:
    return [
        Section(
            "ratings",
            "Ratings and progress",
            [
                Term(
                    "rag",
                    "RAG and BRAG rating",
                    "How the lead officer rates an action's progress: Red, Amber or Green (RAG), with Blue "
                    "for complete (BRAG). It is the officer's view; the group's own view is its conclusion.",
                ),
                *[
                    Term(f"rag-{value or 'not-rated'}", f"{label} (RAG)", RAG_MEANINGS[value])
                    for value, label in Action.Rag.choices
                ],
                Term(
                    "overdue",
                    "Overdue",
                    "An action whose target date has passed and which is not completed or withdrawn. Nobody types "
                    "it: it follows from the target date and the status.",
                ),
                Term(
                    "due-soon",
                    "Due before the next meeting",
                    "An action not yet completed whose target date falls before the group's next meeting.",
                ),
            ],
        ),
        Section(
            "status",
            "Action status",
            [Term(f"status-{value}", label, ACTION_STATUS_MEANINGS[value]) for value, label in Action.Status.choices],
        ),
        Section(
            "evidence",
            "Evidence",
            [
                Term(
                    "evidence-requested",
                    Evidence.Status.REQUESTED.label,
                    "The evidence has been asked for and has not arrived yet.",
                ),
                Term(
                    "evidence-awaited",
                    Evidence.Status.AWAITED.label,
                    "The evidence is expected (promised, or due from an agency) and has not arrived yet. "
                    "Requested and awaited evidence are both counted as “evidence still awaited” until received.",
                ),
                Term(
                    "evidence-received",
                    Evidence.Status.RECEIVED.label,
                    "The evidence has arrived, on the date recorded.",
                ),
            ],
        ),
        Section(
            "judgements",
            "The group's judgements",
            [
                Term(
                    "conclusion",
                    "Conclusion",
                    "The group's judgement on an action or a whole area, with its reasoning, reached at a meeting "
                    "it has held. A later conclusion supersedes an earlier one; both stay on the record.",
                ),
                Term(
                    "judgements",
                    "Satisfied, satisfied with reservations, more information needed, not satisfied, not pursued",
                    "The judgements the group can reach: "
                    + ", ".join(label.lower() for _, label in Conclusion.Judgement.choices)
                    + ". Officers' status and the group's judgement are kept apart.",
                ),
                Term(
                    "recommendation",
                    Recommendation.Kind.RECOMMENDATION.label,
                    "A numbered, formal proposal in the group's report, addressed to the executive, the council "
                    "or a partner body, whose response is due within a set period of the report; or to the "
                    "committee itself, from which no response is expected.",
                ),
                Term(
                    "observation",
                    Recommendation.Kind.OBSERVATION.label,
                    "A point the group puts on the record in its report that is not a formal recommendation.",
                ),
                Term(
                    "information-request",
                    "Information request",
                    "A question the group asks an agency at a meeting, with the date the answer is needed by.",
                ),
            ],
        ),
        Section(
            "abbreviations",
            "Bodies and abbreviations",
            [
                Term("ofsted", "Ofsted", "The inspectorate for children's services, schools and care."),
                Term("cqc", "CQC", "The Care Quality Commission, which inspects health and adult social care."),
                Term("lac", "LAC", "Looked after children: children in the council's care."),
                Term(
                    "wscb", "WSCB", "Warwickshire Safeguarding Children Board, the local safeguarding children board."
                ),
                Term("uhcw", "UHCW", "University Hospitals Coventry and Warwickshire, the local hospital trust."),
                Term(
                    "task-and-finish",
                    "Task & Finish Group",
                    "A short-lived group of councillors from Overview & Scrutiny, set up to look at one topic "
                    "and report to a committee.",
                ),
            ],
        ),
    ]
