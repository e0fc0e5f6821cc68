"""The database itself refuses bad data, and full_clean() says why in words a user understands."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from actionplan.models import Action, Area, Evidence, Inspection
from scrutiny.people.models import User
from scrutiny.review.models import (
    Conclusion,
    InformationRequest,
    Meeting,
    Recommendation,
    ReviewArea,
    ReviewMembership,
)

pytestmark = pytest.mark.django_db
EARLIER, LATER = datetime.date(2012, 5, 1), datetime.date(2012, 5, 8)  # two dates a week apart


def assert_refused(obj, message):
    with pytest.raises(ValidationError) as error:
        obj.full_clean()
    assert message in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        obj.save()


def test_an_area_number_is_unique_within_its_inspection(world):
    duplicate = Area(inspection=world.inspection, number=1, text="Again")
    with pytest.raises(ValidationError) as error:
        duplicate.full_clean()
    assert "already has an area with this number" in str(error.value)
    with pytest.raises(IntegrityError), transaction.atomic():
        duplicate.save()


def test_the_same_area_number_is_fine_in_another_inspection(world):
    other = Inspection.objects.create(title="Another inspection", body_inspected="Coventry City Council")
    Area(inspection=other, number=1, text="Fine").full_clean()


def test_a_completed_action_needs_a_completion_date(world):
    action = world.wcc_action
    action.status = Action.Status.COMPLETED
    assert_refused(action, "A completed action needs a completion date.")


def test_an_open_action_cannot_carry_a_completion_date(world):
    action = world.wcc_action
    action.completed_on = datetime.date(2012, 12, 6)
    assert_refused(action, "Only a completed action has a completion date.")


def test_status_and_rag_must_come_from_the_lists(world):
    action = world.wcc_action
    action.status = "nearly done"
    with pytest.raises(ValidationError) as error:
        action.full_clean()
    assert "status" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        action.save()
    action.refresh_from_db()
    action.rag = "purple"
    with pytest.raises(IntegrityError), transaction.atomic():
        action.save()


def test_inspection_dates_must_be_in_order(world):
    inspection = world.inspection
    inspection.start_date, inspection.end_date = LATER, EARLIER
    assert_refused(inspection, "The last day of the inspection cannot be before the first day.")


def test_evidence_cannot_be_received_before_it_was_requested(world):
    evidence = Evidence(inspection=world.inspection, title="Audit checklist", requested_on=LATER, received_on=EARLIER)
    assert_refused(evidence, "Evidence cannot be received before it was requested.")


def test_an_officer_must_belong_to_an_agency(world):
    user = User(username="nobody", role="officer")
    assert_refused(user, "An officer must belong to an agency.")


def test_a_review_has_one_chair(world):
    from scrutiny.people.models import Person

    newcomer = Person.objects.create(name="Cllr Sid Tooth")
    second_chair = ReviewMembership(review=world.review, person=newcomer, role="chair")
    assert_refused(second_chair, "This review already has a chair.")


def test_not_pursuing_an_area_needs_a_reason(world):
    decision = ReviewArea(review=world.review, area=world.area1, pursued=False, reason="")
    assert_refused(decision, "Give the reason for not pursuing this area.")


def test_a_conclusion_is_about_an_action_or_an_area_not_both(world):
    both = Conclusion(
        review=world.review, action=world.wcc_action, area=world.area1, judgement="satisfied", reasoning="Fine"
    )
    assert_refused(both, "A conclusion is about one action or one whole area.")
    neither = Conclusion(review=world.review, judgement="satisfied", reasoning="Fine")
    assert_refused(neither, "A conclusion is about one action or one whole area.")


def test_a_request_is_asked_of_someone_and_due_after_it_was_raised(world):
    nobody = InformationRequest(review=world.review, question="Protocols?")
    assert_refused(nobody, "Say which agency or person the request is for.")
    backwards = InformationRequest(
        review=world.review,
        asked_of_agency=world.uhcw,
        question="Protocols?",
        raised_on=LATER,
        due_by=EARLIER,
    )
    assert_refused(backwards, "The answer cannot be due before the request was raised.")


def test_a_meeting_ends_after_it_starts_and_numbers_are_unique(world):
    meeting = Meeting(
        review=world.review,
        number=1,
        title="Clash",
        date=datetime.date(2012, 5, 8),
        purpose="x",
        start_time=datetime.time(18, 0),
        end_time=datetime.time(17, 0),
    )
    with pytest.raises(ValidationError) as error:
        meeting.full_clean()
    assert "The meeting must end after it starts." in str(error.value)
    assert "already has a meeting with this number" in str(error.value)


def test_a_committee_decision_needs_its_date(world):
    recommendation = Recommendation(
        review=world.review, number=1, text="To endorse", addressed_to="Committee", committee_decision="agreed"
    )
    assert_refused(recommendation, "Give the date of the committee's decision.")


def test_overdue_is_derived_from_target_date_and_status(world):
    assert list(Action.objects.overdue()) == [world.arden_action]
    assert world.arden_action.is_overdue()
    arden = world.arden_action
    arden.status = Action.Status.COMPLETED
    arden.completed_on = datetime.date.today()
    arden.save()
    assert not Action.objects.overdue().exists()


def test_queryset_questions_read_like_the_users_ask_them(world):
    soon = datetime.date.today() + datetime.timedelta(days=45)
    assert set(Action.objects.due_before(soon)) == {world.wcc_action, world.arden_action}
    assert list(Action.objects.for_agency(world.arden)) == [world.arden_action]
    Evidence.objects.create(inspection=world.inspection, title="Audit results", status="awaited")
    Evidence.objects.create(inspection=world.inspection, title="Checklist", status="received")
    assert [e.title for e in Evidence.objects.awaited()] == ["Audit results"]
