"""The life of a recommendation or observation after the report: the committee's decision, the
executive's response, implementation until it is closed."""

from django.core.exceptions import ValidationError
from django.db import transaction

from scrutiny.core.writes import save_audited

from ..errors import ensure_open
from ..models import Recommendation, Review

RESPONSE_FIELDS = (
    "addressee_kind",
    "committee_decision",
    "committee_decision_on",
    "committee_notes",
    "executive_response",
    "executive_response_on",
    "implementation",
    "implementation_notes",
    "closed_on",
)


def response_errors(values: dict) -> dict:
    """Field -> message for combinations that do not make sense; shared by the form and the service."""
    errors = {}
    decision = values.get("committee_decision")
    if decision and decision != Recommendation.Decision.PENDING and not values.get("committee_decision_on"):
        errors["committee_decision_on"] = "Give the date of the committee's decision."
    if values.get("committee_decision_on") and decision == Recommendation.Decision.PENDING:
        errors["committee_decision"] = "Choose the committee's decision, or remove the date."
    if values.get("executive_response_on") and not (values.get("executive_response") or "").strip():
        errors["executive_response"] = "Enter the executive's response, or remove its date."
    if (values.get("executive_response") or "").strip() and not values.get("executive_response_on"):
        errors["executive_response_on"] = "Give the date of the executive's response."
    decided_on, responded_on, closed_on = (
        values.get("committee_decision_on"),
        values.get("executive_response_on"),
        values.get("closed_on"),
    )
    if decided_on and responded_on and responded_on < decided_on:
        errors.setdefault(
            "executive_response_on", "The executive's response cannot come before the committee's decision."
        )
    if closed_on:
        if decision == Recommendation.Decision.PENDING:
            errors.setdefault("closed_on", "It cannot be closed while it awaits the committee's decision.")
        elif decided_on and closed_on < decided_on:
            errors.setdefault("closed_on", "It cannot be closed before the committee's decision.")
    return errors


@transaction.atomic
def update_recommendation(*, actor, recommendation: Recommendation, **values) -> Recommendation:
    ensure_open(recommendation.review)
    unknown = set(values) - set(RESPONSE_FIELDS)
    if unknown:
        raise TypeError(f"Not a response field: {', '.join(sorted(unknown))}")
    current = {name: getattr(recommendation, name) for name in RESPONSE_FIELDS}
    current.update(values)
    return _save_values(recommendation, values, errors=response_errors(current), actor=actor)


def _save_values(record, values: dict, *, errors: dict, actor):
    """Refuse the values with the errors found in them, or set them on the record and save it."""
    if errors:
        raise ValidationError(errors)
    for name, value in values.items():
        setattr(record, name, value)
    return save_audited(record, actor=actor)


def next_number(review, kind) -> int:
    last = (
        Recommendation.objects.filter(review=review, kind=kind)
        .order_by("-number")
        .values_list("number", flat=True)
        .first()
    )
    return (last or 0) + 1


@transaction.atomic
def add_recommendation(
    *,
    actor,
    review,
    kind,
    text,
    addressed_to,
    addressee_kind=Recommendation.AddresseeKind.EXECUTIVE,
    number=None,
    received_on=None,
) -> Recommendation:
    ensure_open(review)
    recommendation = Recommendation(
        review=review,
        kind=kind,
        text=(text or "").strip(),
        addressed_to=(addressed_to or "").strip(),
        addressee_kind=addressee_kind,
        number=number or next_number(review, kind),
        received_on=received_on,
    )
    return save_audited(recommendation, actor=actor)


REPORT_DATE_FIELDS = ("report_to_committee_on", "report_received_on", "committee_notice_on")


def report_dates_errors(values: dict) -> dict:
    """Field -> message for report dates that cannot be; shared by the form and the service."""
    errors = {}
    went, received = values.get("report_to_committee_on"), values.get("report_received_on")
    if went and received and received < went:
        errors["report_received_on"] = "The executive cannot receive the report before it went to the committee."
    if values.get("committee_notice_on") and not received:
        errors["report_received_on"] = "Enter the date the executive received the report."
    return errors


@transaction.atomic
def record_report_dates(
    *, actor, review: Review, report_to_committee_on=None, report_received_on=None, committee_notice_on=None
) -> Review:
    """The dates the executive's response clock runs from (response_clock.py)."""
    ensure_open(Review.objects.get(pk=review.pk))
    values = {
        "report_to_committee_on": report_to_committee_on,
        "report_received_on": report_received_on,
        "committee_notice_on": committee_notice_on,
    }
    return _save_values(review, values, errors=report_dates_errors(values), actor=actor)
