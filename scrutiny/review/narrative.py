"""The report's narrative: the clerk's text for each part where it has been saved, otherwise a draft built
from the records (who attended, which areas, what was concluded), which the clerk's page starts from.

Meetings are passed in already loaded with scrutiny.review.report_data.meetings_for_papers, so that building
every draft costs a fixed number of queries."""

from collections import Counter
from dataclasses import dataclass

from .models import Attendance, Recommendation, ReportText, ReviewMembership
from .reporting.timeline import state_at

Part = ReportText.Part
EVIDENCE_GIVERS = (Attendance.Capacity.WITNESS, Attendance.Capacity.CONTRIBUTOR)


def and_list(items) -> str:
    items = [str(item) for item in items]
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} and {items[-1]}"


def introduced(person) -> str:
    """“Phil Sawbridge (Head of Service, Safeguarding, WCC)”, as the real report names a witness: in a list of
    people, commas inside one person's description would run into the next person."""
    role = ", ".join(part for part in (person.job_title, person.organisation) if part)
    return f"{person.name} ({role})" if role else person.name


def counted(number: int, noun: str, plural: str = "") -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _day(date) -> str:
    return f"{date:%-d %B %Y}" if date else ""


def _who_gave_evidence(meeting) -> list:
    return [
        row.person
        for row in meeting.attendance.all()
        if row.capacity in EVIDENCE_GIVERS and row.status == Attendance.Status.PRESENT
    ]


def _subject(conclusion) -> str:
    if conclusion.action_id:
        return f"action {conclusion.action.reference or conclusion.action_id} (area {conclusion.action.area.number})"
    return f"area {conclusion.area.number}"


@dataclass
class NarrativePart:
    """One part as the clerk's page lists it: what it is, where it prints, its text and whether it is written."""

    part: str
    label: str
    text: str
    written: bool
    meeting: object = None
    recommendation: object = None


class Narrative:
    def __init__(self, review, meetings, recommendations, *, as_at=None):
        self.review = review
        self.meetings = list(meetings)
        self.recommendations = list(recommendations)
        # A report as it stood (the interim report) prints the text as the clerk had written it by then.
        if as_at:
            texts = state_at(ReportText.history.filter(review_id=review.pk), as_at)
        else:
            texts = ReportText.objects.filter(review=review)
        self.saved = {(text.part, text.meeting_id, text.recommendation_id): text for text in texts}

    # What the report prints.
    def text(self, part, *, meeting=None, recommendation=None) -> str:
        saved = self.saved_text(part, meeting=meeting, recommendation=recommendation)
        return saved.text if saved else self.draft(part, meeting=meeting, recommendation=recommendation)

    def saved_text(self, part, *, meeting=None, recommendation=None):
        key = (part, meeting.pk if meeting else None, recommendation.pk if recommendation else None)
        return self.saved.get(key)

    def parts(self) -> list[NarrativePart]:
        """Every part in the order the report prints them."""
        wanted = [(Part.SUMMARY, "1.1 Executive summary", {})]
        wanted += [
            (Part.MEETING, f"2.{index} {meeting.title}, {_day(meeting.date)}", {"meeting": meeting})
            for index, meeting in enumerate(self.meetings, start=1)
        ]
        wanted += [
            (Part.RECOMMENDATION, f"3.0 Before recommendation {r.number}", {"recommendation": r})
            for r in self.recommendations
            if r.kind == Recommendation.Kind.RECOMMENDATION
        ]
        wanted += [
            (Part.OBSERVATION, f"3.0 Observation {r.number}", {"recommendation": r})
            for r in self.recommendations
            if r.kind == Recommendation.Kind.OBSERVATION
        ]
        wanted.append((Part.ACKNOWLEDGEMENTS, "4.0 Acknowledgements", {}))
        return [
            NarrativePart(
                part=part,
                label=label,
                text=self.text(part, **about),
                written=self.saved_text(part, **about) is not None,
                **about,
            )
            for part, label, about in wanted
        ]

    # Drafts built from the records.
    def draft(self, part, *, meeting=None, recommendation=None) -> str:
        if part == Part.SUMMARY:
            return self.summary_draft()
        if part == Part.MEETING:
            return self.meeting_draft(meeting)
        if part == Part.RECOMMENDATION:
            return self.recommendation_draft(recommendation)
        if part == Part.OBSERVATION:
            return recommendation.text
        return self.acknowledgements_draft()

    def summary_draft(self) -> str:
        review, inspection = self.review, self.review.inspection
        inspectors = and_list(i.name for i in inspection.inspectorates.all()) or "the inspectors"
        if inspection.when_text:
            when = f"In {inspection.when_text}, "
        elif inspection.start_date and inspection.end_date:
            when = f"From {inspection.when}, "
        else:
            when = ""
        title = (
            inspection.title[:1].lower() + inspection.title[1:]
            if inspection.title.startswith("Inspection ")
            else inspection.title
        )
        sentence = f"{when}{inspectors} carried out the {title} ({inspection.body_inspected})."
        paragraphs = [sentence[:1].upper() + sentence[1:]]
        areas = inspection.areas.count()
        if areas:
            paragraphs.append(
                f"The inspection identified {counted(areas, 'area', 'areas')} for improvement, and an action plan was "
                "drawn up to address them."
            )
        if review.commissioned_when_text:
            commissioned = f"In {review.commissioned_when_text}, the"
        elif review.commissioned_on:
            commissioned = f"On {_day(review.commissioned_on)}, the"
        else:
            commissioned = "The"
        paragraphs.append(
            f"{commissioned} {review.commissioned_by} commissioned the {review.title} to scrutinise the action plan."
        )
        paragraphs.append(self._meetings_and_conclusions())
        return "\n\n".join(p for p in paragraphs if p)

    def _meetings_and_conclusions(self) -> str:
        if not self.meetings:
            return ""
        first, last = self.meetings[0].date, self.meetings[-1].date
        met = f"The group met {counted(len(self.meetings), 'time')}, from {_day(first)} to {_day(last)}"
        conclusions = [c for m in self.meetings for c in m.conclusions.all()]
        if not conclusions:
            return f"{met}."
        counts = Counter(c.get_judgement_display().lower() for c in conclusions)
        judged = and_list(f"{count} {judgement}" for judgement, count in counts.most_common())
        return f"{met}, and reached {counted(len(conclusions), 'conclusion')} on the areas and actions ({judged})."

    def meeting_draft(self, meeting) -> str:
        paragraphs = []
        areas = sorted(meeting.areas.all(), key=lambda a: a.number)
        if areas:
            numbers = and_list(a.number for a in areas)
            paragraphs.append(f"This meeting considered Area{'s' if len(areas) > 1 else ''} for Improvement {numbers}.")
        heard = _who_gave_evidence(meeting)
        if heard:
            paragraphs.append(f"We heard from {and_list(introduced(p) for p in heard)}.")
        found = meeting.summary or "\n\n".join(
            item.body for item in meeting.note_items.all() if item.body and not item.source_silent
        )
        paragraphs.append(found or meeting.purpose)
        by_judgement = {}
        for conclusion in meeting.conclusions.all():
            by_judgement.setdefault(conclusion.get_judgement_display().lower(), []).append(_subject(conclusion))
        if by_judgement:
            said = "; ".join(f"{judgement} on {and_list(subjects)}" for judgement, subjects in by_judgement.items())
            paragraphs.append(f"We concluded: {said}.")
        for info_request in meeting.information_requests.all():
            paragraphs.append(f"We asked {info_request.asked_of} for the following: {info_request.question}")
        return "\n\n".join(paragraphs)

    def recommendation_draft(self, recommendation) -> str:
        formal = [r for r in self.recommendations if r.kind == Recommendation.Kind.RECOMMENDATION]
        if formal and recommendation.pk == formal[0].pk:
            remit = self.review.remit.strip().split("\n\n")[0]
            opening = [f"Our remit: {remit}"] if remit else []
            return "\n\n".join([*opening, "Based on our review, our first recommendation is:"])
        if not recommendation.expects_response:
            return f"Our recommendation {recommendation.number} is for {recommendation.addressed_to}:"
        return f"Our recommendation {recommendation.number}, to {recommendation.addressed_to}, is as follows:"

    def acknowledgements_draft(self) -> str:
        members = {
            m.person_id
            for m in self.review.memberships.all()
            if m.role in (ReviewMembership.Role.CHAIR, ReviewMembership.Role.MEMBER)
        }
        thanked = {p.pk: p for m in self.meetings for p in _who_gave_evidence(m) if p.pk not in members}
        thanks = "We would like to thank everyone involved in this review"
        if not thanked:
            return f"{thanks}."
        names = and_list(introduced(person) for person in sorted(thanked.values(), key=lambda p: p.name))
        return f"{thanks}, particularly those who gave evidence: {names}."
