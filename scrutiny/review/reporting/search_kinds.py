"""What the search looks through, kind by kind: which records a person may see (through the same
visibility helpers the record's own page uses), which of their words are searched, what each result
is called and where it links.

Each kind's `visible(user)` is the set the record's page would open for that user, so every link
in the results returns the page, never a 404."""

from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.urls import reverse

from actionplan.models import Action, Area, ProgressUpdate
from actionplan.permissions import evidence_visible_to

from ..models import Conclusion, InformationRequest, Meeting, NoteItem, Recommendation, Review
from ..permissions import (
    inspections_visible_to,
    may_read_draft_notes,
    requests_visible_to,
    reviews_visible_to,
)


def _own_page(record) -> str:
    return record.get_absolute_url()


@dataclass(frozen=True)
class Kind:
    key: str  # in the address: ?kind=actions
    label: str  # plural, as the group's heading
    text_fields: tuple[str, ...]  # the record's own words: searched, and the snippet is cut from them
    visible: Callable  # user -> QuerySet of what the user may open
    title: Callable  # record -> str
    url: Callable = _own_page  # record -> str
    also_fields: tuple[str, ...] = ()  # searched too (an agency's name), but not shown in the snippet
    related: tuple[str, ...] = ()

    @property
    def fields(self) -> tuple[str, ...]:
        return self.text_fields + self.also_fields


def _actions(user) -> QuerySet:
    return Action.objects.filter(area__inspection__in=inspections_visible_to(user))


def _areas(user) -> QuerySet:
    return Area.objects.filter(inspection__in=inspections_visible_to(user))


def _updates(user) -> QuerySet:
    return ProgressUpdate.objects.filter(action__area__inspection__in=inspections_visible_to(user))


def _evidence(user) -> QuerySet:
    # Officers never see another agency's evidence that is not on an action: the plan's own rule.
    return evidence_visible_to(user).filter(inspection__in=inspections_visible_to(user))


def _conclusions(user) -> QuerySet:
    return Conclusion.objects.filter(review__in=reviews_visible_to(user))


def _requests(user) -> QuerySet:
    return requests_visible_to(user, InformationRequest.objects.filter(review__in=reviews_visible_to(user)))


def _recommendations(user) -> QuerySet:
    return Recommendation.objects.filter(review__in=reviews_visible_to(user))


def _note_items(user) -> QuerySet:
    """Agreed notes are read by whoever sees the review; draft notes only by those the meeting's
    page shows them to (`may_read_draft_notes`), asked once per review that has draft notes, never
    per item."""
    items = NoteItem.objects.filter(meeting__review__in=reviews_visible_to(user))
    agreed = Q(meeting__notes_status=Meeting.NotesStatus.AGREED)
    drafts = items.exclude(agreed).values_list("meeting__review", flat=True).distinct()
    readable = [review.pk for review in Review.objects.filter(pk__in=drafts) if may_read_draft_notes(user, review)]
    return items.filter(agreed | Q(meeting__review_id__in=readable))


def _evidence_url(evidence) -> str:
    if evidence.action_id:
        return f"{reverse('action_detail', args=[evidence.action_id])}#evidence"
    if evidence.area_id:
        return reverse("area_detail", args=[evidence.area_id])
    return reverse("inspection_detail", args=[evidence.inspection_id])


def _evidence_title(evidence) -> str:
    about = evidence.action or evidence.area or evidence.inspection
    return f"{evidence.title} ({about})"


def _action_title(action) -> str:
    agency = action.lead_agency
    return f"{action} – {agency.short_name or agency.name}"


def _area_title(area) -> str:
    return f"{area} – {area.inspection}"


def _request_title(info_request) -> str:
    return f"Request to {info_request.asked_of} ({info_request.review})"


def _note_title(item) -> str:
    return f"{item.meeting}: {item.position}. {item.heading}"


def _note_url(item) -> str:
    return f"{reverse('meeting_detail', args=[item.meeting.review_id, item.meeting_id])}#note-item-{item.pk}"


KINDS: tuple[Kind, ...] = (
    Kind(
        key="actions",
        label="Actions",
        text_fields=("reference", "description", "success_measure", "lead_officer_role"),
        also_fields=("lead_agency__short_name", "lead_agency__name"),
        visible=_actions,
        title=_action_title,
        related=("area", "lead_agency"),
    ),
    Kind(
        key="areas",
        label="Areas for improvement",
        text_fields=("text",),
        visible=_areas,
        title=_area_title,
        related=("inspection",),
    ),
    Kind(
        key="updates",
        label="Progress updates",
        text_fields=("note", "author_name"),
        visible=_updates,
        title=str,
        url=lambda update: f"{reverse('action_detail', args=[update.action_id])}#updates",
        related=("action__area",),
    ),
    Kind(
        key="evidence",
        label="Evidence",
        text_fields=("title", "description", "original_filename"),
        also_fields=("provided_by_agency__short_name", "provided_by_agency__name"),
        visible=_evidence,
        title=_evidence_title,
        url=_evidence_url,
        related=("action__area", "area", "inspection"),
    ),
    Kind(
        key="notes",
        label="Meeting notes",
        text_fields=("heading", "body"),
        visible=_note_items,
        title=_note_title,
        url=_note_url,
        related=("meeting",),
    ),
    Kind(
        key="conclusions",
        label="Conclusions",
        text_fields=("reasoning",),
        visible=_conclusions,
        title=lambda conclusion: f"{conclusion} ({conclusion.review})",
        related=("review", "action__area", "area"),
    ),
    Kind(
        key="requests",
        label="Information requests",
        text_fields=("question", "answer"),
        also_fields=("asked_of_agency__short_name", "asked_of_agency__name"),
        visible=_requests,
        title=_request_title,
        related=("review", "asked_of_agency", "asked_of_person"),
    ),
    Kind(
        key="recommendations",
        label="Recommendations and observations",
        text_fields=("text", "addressed_to", "committee_notes", "executive_response", "implementation_notes"),
        visible=_recommendations,
        title=lambda recommendation: f"{recommendation} ({recommendation.review})",
        related=("review",),
    ),
)

KINDS_BY_KEY = {kind.key: kind for kind in KINDS}
