"""The executive's response to a recommendation, the actions it is linked to, the monitoring updates
and the committee's sign-off: every write keyword-only, in one transaction, with its history."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from actionplan.models import Action
from scrutiny.core.writes import save_audited

from ..errors import ensure_open
from ..models import MonitoringUpdate, Recommendation, Review
from ..monitoring import parse_months

RESPONSE_FIELDS = (
    "response",
    "executive_response",
    "executive_response_on",
    "response_reasons",
    "lead",
    "implementation_due_on",
    "update_months",
)


def _locked(recommendation: Recommendation) -> Recommendation:
    """The recommendation read again under a row lock, its review checked open."""
    fresh = Recommendation.objects.select_for_update().select_related("review").get(pk=recommendation.pk)
    ensure_open(Review.objects.get(pk=fresh.review_id))
    return fresh


def expects_a_response(recommendation: Recommendation) -> bool:
    """False for one to the committee itself, unless a response was recorded before its kind changed."""
    return recommendation.expects_response or recommendation.executive_response_on is not None


def response_record_errors(values: dict, recommendation: Recommendation, today: datetime.date) -> dict:
    """Field -> message; shared by the form and the service."""
    if not expects_a_response(recommendation):
        return {"response": "No response is expected: it is for the committee itself, whose decision closes it"}
    errors = {}
    response, responded_on = values.get("response"), values.get("executive_response_on")
    received_on = recommendation.received_on or recommendation.review.report_received_on
    if not response:
        errors["response"] = "Choose whether the recommendation was accepted, partly accepted or not accepted"
    if not responded_on:
        errors["executive_response_on"] = "Enter the date of the response"
    elif responded_on > today:
        errors["executive_response_on"] = "The date of the response cannot be in the future"
    elif received_on and responded_on < received_on:
        errors["executive_response_on"] = f"The response cannot come before it was received ({received_on:%-d %B %Y})"
    if not (values.get("executive_response") or "").strip():
        errors["executive_response"] = "Enter the response as the executive gave it"
    if response in ("partly_accepted", "not_accepted") and not (values.get("response_reasons") or "").strip():
        errors["response_reasons"] = "Give the reasons for not accepting it in full"
    due = values.get("implementation_due_on")
    if due and responded_on and due < responded_on:
        errors["implementation_due_on"] = "The implementation date cannot come before the response"
    try:
        parse_months(values.get("update_months") or "")
    except ValueError as error:
        errors["update_months"] = str(error)
    return errors


@transaction.atomic
def record_response(*, actor, recommendation: Recommendation, today=None, **values) -> Recommendation:
    unknown = set(values) - set(RESPONSE_FIELDS)
    if unknown:
        raise TypeError(f"Not a response field: {', '.join(sorted(unknown))}")
    recommendation = _locked(recommendation)
    current = {name: getattr(recommendation, name) for name in RESPONSE_FIELDS}
    current.update(values)
    errors = response_record_errors(current, recommendation, today or timezone.localdate())
    if errors:
        raise ValidationError(errors)
    for name, value in current.items():
        setattr(recommendation, name, value.strip() if isinstance(value, str) else value)
    return save_audited(recommendation, actor=actor)


def linkable_actions(recommendation: Recommendation):
    """The actions of the plans of the inspection the review scrutinises."""
    return (
        Action.objects.filter(area__inspection_id=recommendation.review.inspection_id)
        .select_related("area", "lead_agency")
        .order_by("area__number", "reference", "id")
    )


@transaction.atomic
def link_actions(*, actor, recommendation: Recommendation, actions) -> Recommendation:
    """Replace the actions the recommendation is linked to; its history keeps the previous set."""
    recommendation = _locked(recommendation)
    actions = list(actions)
    if actions and not recommendation.is_accepted:
        raise ValidationError({"actions": "Only an accepted or partly accepted recommendation is linked to actions"})
    allowed = set(linkable_actions(recommendation).filter(pk__in=[a.pk for a in actions]).values_list("pk", flat=True))
    if any(action.pk not in allowed for action in actions):
        raise ValidationError({"actions": "Choose actions in the plans of this review's inspection"})
    recommendation._history_user = actor
    recommendation.actions.set(actions)
    return recommendation


def _date_since_response_error(value, recommendation: Recommendation, today, *, missing, future, before) -> str:
    """What is wrong, if anything, with the date of a step that follows the executive's response: it must be
    given, not in the future, and not before the response."""
    if not value:
        return missing
    if value > today:
        return future
    if recommendation.executive_response_on and value < recommendation.executive_response_on:
        return before
    return ""


@transaction.atomic
def add_monitoring_update(*, actor, recommendation: Recommendation, reported_on, text, meeting="", today=None):
    recommendation = _locked(recommendation)
    today = today or timezone.localdate()
    errors = {}
    if not recommendation.is_accepted or not recommendation.executive_response_on:
        errors["text"] = "Record the response, accepted or partly accepted, before any monitoring update"
    if error := _date_since_response_error(
        reported_on,
        recommendation,
        today,
        missing="Enter the date of the update",
        future="The date of the update cannot be in the future",
        before="An update cannot come before the response",
    ):
        errors["reported_on"] = error
    if not (text or "").strip():
        errors["text"] = "Enter what the update says"
    if errors:
        raise ValidationError(errors)
    update = MonitoringUpdate(
        recommendation=recommendation,
        reported_on=reported_on,
        text=text.strip(),
        meeting=(meeting or "").strip(),
        recorded_by=actor,
    )
    return save_audited(update, actor=actor)


@transaction.atomic
def sign_off(*, actor, recommendation: Recommendation, outcome, signed_off_on, signed_off_at="", today=None):
    """The committee's last word; the recommendation is closed that day (once the committee's decision is recorded)."""
    recommendation = _locked(recommendation)
    errors = {}
    if outcome not in Recommendation.SignOff.values or not outcome:
        errors["outcome"] = "Choose implemented, partly implemented, not implemented or superseded"
    if error := _date_since_response_error(
        signed_off_on,
        recommendation,
        today or timezone.localdate(),
        missing="Enter the date the committee signed it off",
        future="The date of the sign-off cannot be in the future",
        before="It cannot be signed off before the response",
    ):
        errors["signed_off_on"] = error
    if not (signed_off_at or "").strip():
        errors["signed_off_at"] = "Enter the meeting that signed it off"
    if errors:
        raise ValidationError(errors)
    recommendation.sign_off = outcome
    recommendation.signed_off_on = signed_off_on
    recommendation.signed_off_at = signed_off_at.strip()
    if recommendation.committee_decision != Recommendation.Decision.PENDING:
        recommendation.closed_on = recommendation.closed_on or signed_off_on
    return save_audited(recommendation, actor=actor)
