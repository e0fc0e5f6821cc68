"""A small, named world for tests: one inspection, its plans, a review and a person per role.

Records are created through save() so each has its history, as in real use."""

import datetime
from types import SimpleNamespace

from django.utils import timezone

from actionplan.models import Action, ActionPlan, Area, Evidence, Inspection, Inspectorate, Theme
from actionplan.services.actions import update_action
from scrutiny.people.models import Agency, Person, Role, User
from scrutiny.review.models import Conclusion, InformationRequest, Meeting, Recommendation, Review, ReviewMembership
from scrutiny.review.services.conclusions import record_conclusion
from scrutiny.review.services.monitoring import record_response, sign_off
from scrutiny.review.services.recommendations import add_recommendation, record_report_dates, update_recommendation
from scrutiny.review.services.requests import raise_request

PASSWORD = "correct-horse-battery-staple"
UNBROKEN = "WCC/SAFEGUARDING/" + "A1B2C3D4E5" * 28 + "/EN"  # 300 characters, no space anywhere


def make_user(username, role, *, agency=None, person=None, **extra) -> User:
    user = User(username=username, role=role, agency=agency, person=person, **extra)
    user.set_password(PASSWORD)
    user.save()
    return user


def make_action(plan, area, *, lead_agency=None, **fields) -> Action:
    fields.setdefault("description", f"Action for area {area.number}")
    fields.setdefault("target_date", timezone.localdate() + datetime.timedelta(days=60))
    fields.setdefault("status", Action.Status.IN_PROGRESS)
    action = Action(plan=plan, area=area, lead_agency=lead_agency or plan.agency, **fields)
    action.save()
    return action


def record_update(actor, action, *, note="", status=None, rag=None, **changes) -> Action:
    """A progress update through the service, as its author makes it on the page: on the action as it is
    now (at its current version), keeping the status and RAG rating it is not given."""
    action = Action.objects.get(pk=action.pk)
    return update_action(
        actor=actor,
        action=action,
        expected_version=action.version,
        status=action.status if status is None else status,
        rag=action.rag if rag is None else rag,
        note=note,
        **changes,
    )


def conclude(w, judgement, *, meeting=None, action=None, area=None, reasoning="Reasoning.") -> Conclusion:
    """The group's conclusion on an action or an area, through the service, recorded by the chair
    (Cllr Maya Patel) at the last meeting unless another is given."""
    return record_conclusion(
        actor=w.maya,
        review=w.review,
        meeting=meeting or w.last_meeting,
        action=action,
        area=area,
        judgement=judgement,
        reasoning=reasoning,
    )


def recommend(
    w, text="Keep caseloads low.", *, review=None, kind="recommendation", addressed_to="Cabinet", **fields
) -> Recommendation:
    """A recommendation (or, with kind="observation", an observation) of the review, added by its clerk."""
    return add_recommendation(
        actor=w.clara, review=review or w.review, kind=kind, text=text, addressed_to=addressed_to, **fields
    )


def receive_report(w, review=None, **dates) -> Review:
    """The clerk records when the review's report went to the committee and the executive had it."""
    return record_report_dates(actor=w.clara, review=review or w.review, **dates)


def respond(w, recommendation, **fields) -> Recommendation:
    """The clerk records the committee's decision and the response to a recommendation."""
    return update_recommendation(actor=w.clara, recommendation=recommendation, **fields)


RESPONDED = datetime.date(2013, 3, 1)


def record_the_response(w, recommendation, response="accepted", *, on=RESPONDED, **fields) -> Recommendation:
    """The executive's response (accepted unless told), dated `on`, recorded by the clerk on 1 March 2013: led by
    Clara, to be done by 31 March 2014, with updates 6 and 12 months on, unless the fields say otherwise."""
    values = {
        "executive_response": "The cabinet accepts it.",
        "lead": w.clara_person,
        "implementation_due_on": datetime.date(2014, 3, 31),
        "update_months": "6, 12",
        **fields,
    }
    return record_response(
        actor=w.clara,
        recommendation=recommendation,
        today=RESPONDED,
        response=response,
        executive_response_on=on,
        **values,
    )


def committee_signs_off(
    w, recommendation, on, outcome="implemented", at="Children and Young People OSC"
) -> Recommendation:
    """The committee's sign-off of a recommendation at the meeting `at` on the day `on`, recorded by the clerk that day."""
    return sign_off(
        actor=w.clara, recommendation=recommendation, outcome=outcome, signed_off_on=on, signed_off_at=at, today=on
    )


def request_at_meeting(w, *, meeting=None, question="Send the audit", agency=None) -> InformationRequest:
    """The group's request (of UHCW unless told), raised through the service by the chair at the last meeting
    unless another is given."""
    return raise_request(
        actor=w.maya,
        review=w.review,
        meeting=meeting or w.last_meeting,
        asked_of_agency=agency or w.uhcw,
        question=question,
    )


def session(w, n, first_day, *areas, purpose="More evidence") -> Meeting:
    """Another meeting of the review, "Session n", held n days after `first_day`, about the given areas."""
    meeting = Meeting.objects.create(
        review=w.review, title=f"Session {n}", date=first_day + datetime.timedelta(days=n), purpose=purpose
    )
    meeting.areas.add(*areas)
    return meeting


def ask(review, agency, question, **fields) -> InformationRequest:
    """An information request asked of an agency, saved as it stands (raised today and open unless told)."""
    info_request = InformationRequest(review=review, asked_of_agency=agency, question=question, **fields)
    info_request.save()
    return info_request


def received_evidence(w, action, title) -> Evidence:
    """Evidence for an action, received today, with no file."""
    evidence = Evidence(
        inspection=w.inspection,
        action=action,
        title=title,
        status=Evidence.Status.RECEIVED,
        received_on=timezone.localdate(),
    )
    evidence.save()
    return evidence


def add_unbroken_conclusion(w) -> Conclusion:
    """A conclusion whose reasoning quotes a reference with no space to break at: papers must wrap it."""
    return conclude(w, "satisfied", action=w.wcc_action, reasoning=f"See {UNBROKEN} for the audit.")


def make_world() -> SimpleNamespace:
    today = timezone.localdate()
    w = SimpleNamespace()
    w.ofsted = Inspectorate.objects.create(name="Ofsted", short_name="Ofsted")
    w.cqc = Inspectorate.objects.create(name="Care Quality Commission", short_name="CQC")
    w.inspection = Inspection.objects.create(
        title="Inspection of safeguarding and looked after children services",
        body_inspected="Warwickshire County Council",
        when_text="November 2011",
    )
    w.inspection.inspectorates.add(w.ofsted, w.cqc)
    w.safeguarding = Theme.objects.create(name="Safeguarding", position=1)
    w.health = Theme.objects.create(name="Health", position=2)
    w.lac = Theme.objects.create(name="Looked after children", position=3)
    # Real Ofsted wording (Herefordshire 2014 and Windsor and Maidenhead 2015 reports, shared/realdata).
    for number, theme, raised_by, text in [
        (
            1,
            w.safeguarding,
            w.ofsted,
            "Ensure that caseloads in children in need and looked after children’s teams remain manageable",
        ),
        (2, w.health, w.cqc, "Ensure that health assessments for children looked after are timely."),
        (
            3,
            w.lac,
            w.ofsted,
            "Ensure that children’s cases are only closed or stepped down when a full evaluation indicates that enough progress has been made.",
        ),
    ]:
        area = Area.objects.create(inspection=w.inspection, number=number, theme=theme, raised_by=raised_by, text=text)
        setattr(w, f"area{number}", area)  # w.area1, w.area2, w.area3
    w.wcc = Agency.objects.create(name="Warwickshire County Council", short_name="WCC", kind=Agency.Kind.COUNCIL)
    w.arden = Agency.objects.create(name="NHS Arden Cluster", short_name="Arden Cluster", kind=Agency.Kind.NHS_CLUSTER)
    w.uhcw = Agency.objects.create(
        name="University Hospital Coventry and Warwickshire NHS Trust", short_name="UHCW", kind=Agency.Kind.NHS_TRUST
    )
    w.wcc_plan = ActionPlan.objects.create(
        inspection=w.inspection, agency=w.wcc, title="WCC action plan", based_on="Ofsted inspection report"
    )
    w.arden_plan = ActionPlan.objects.create(
        inspection=w.inspection, agency=w.arden, title="Arden Cluster action plan", based_on="CQC inspection report"
    )
    w.wcc_action = make_action(
        w.wcc_plan,
        w.area1,
        reference="1.1",
        description="Caseloads for CiN and LAC teams remain at 16-18 cases on average per social worker",
        success_measure="Weekly caseload reports are considered at the Heads of Service meeting.",
        target_date=today + datetime.timedelta(days=30),
    )
    w.arden_action = make_action(
        w.arden_plan,
        w.area2,
        reference="2.1",
        description="Audit of unscheduled care notifications",
        target_date=today - datetime.timedelta(days=10),
    )

    w.review = Review.objects.create(
        title="Safeguarding Improvement Task & Finish Group",
        inspection=w.inspection,
        commissioned_by="Overview & Scrutiny Board",
        commissioned_on=today - datetime.timedelta(days=120),
        reporting_committee="Children and Young People Overview & Scrutiny Committee",
        remit="Help the service to complete the Action Plan.",
        state=Review.State.GATHERING_EVIDENCE,
    )
    w.other_review = Review.objects.create(
        title="Another review",
        inspection=w.inspection,
        commissioned_by="Overview & Scrutiny Board",
        reporting_committee="Adult Social Care Committee",
        remit="Something else.",
    )
    w.last_meeting = Meeting.objects.create(
        review=w.review,
        number=1,
        title="Safeguarding",
        date=today - datetime.timedelta(days=14),
        purpose="Evidence for safeguarding-related actions",
        theme=w.safeguarding,
    )
    w.next_meeting = Meeting.objects.create(
        review=w.review,
        number=2,
        title="Health",
        date=today + datetime.timedelta(days=14),
        purpose="Evidence for health-related actions",
        theme=w.health,
    )

    def person(name, job_title, organisation="", agency=None):
        return Person.objects.create(name=name, job_title=job_title, organisation=organisation, agency=agency)

    w.olivia_person = person("Olivia Okafor", "Service Manager, Safeguarding", "WCC", w.wcc)
    w.arjun_person = person("Arjun Mehta", "Designated Nurse", "Arden Cluster", w.arden)
    w.maya_person = person("Cllr Maya Patel", "Councillor")
    w.mark_person = person("Cllr Mark Evans", "Councillor")
    w.clara_person = person("Clara Jones", "Democratic Services Officer", "WCC", w.wcc)
    w.carer = person("Kim Brandrick", "Carer", "Warwickshire Fostering Service")
    ReviewMembership.objects.create(review=w.review, person=w.maya_person, role=ReviewMembership.Role.CHAIR)
    ReviewMembership.objects.create(review=w.review, person=w.clara_person, role=ReviewMembership.Role.CLERK)
    ReviewMembership.objects.create(review=w.review, person=w.carer, role=ReviewMembership.Role.CONTRIBUTOR)
    ReviewMembership.objects.create(review=w.other_review, person=w.mark_person, role=ReviewMembership.Role.CHAIR)

    w.olivia = make_user("olivia", Role.OFFICER, agency=w.wcc, person=w.olivia_person)
    w.arjun = make_user("arjun", Role.OFFICER, agency=w.arden, person=w.arjun_person)
    w.maya = make_user("maya", Role.MEMBER, person=w.maya_person)
    w.mark = make_user("mark", Role.MEMBER, person=w.mark_person)
    w.clara = make_user("clara", Role.CLERK, person=w.clara_person)
    w.ada = make_user("ada", Role.ADMIN, is_staff=True, is_superuser=True, first_name="Ada", last_name="Admin")
    return w


def add_second_inspection(
    w, *, title="Children's services inspection 2014", review_title="Children's Improvement T&F Group"
):
    """A second inspection, with its own plan, action and live review, on which maya (and clara) sit too.
    The area's text is a real Ofsted recommendation (Herefordshire 2014, shared/realdata)."""
    today = timezone.localdate()
    inspection = Inspection.objects.create(title=title, body_inspected="Herefordshire Council", when_text="May 2014")
    inspection.inspectorates.add(w.ofsted)
    area = Area.objects.create(
        inspection=inspection,
        number=17,
        theme=w.safeguarding,
        raised_by=w.ofsted,
        text="Ensure that all children in need have an up-to-date plan that is regularly reviewed.",
    )
    plan = ActionPlan.objects.create(inspection=inspection, agency=w.wcc, title=f"WCC plan for {title}")
    action = make_action(
        plan,
        area,
        reference="17.1",
        description="Audit every child in need plan",
        target_date=today - datetime.timedelta(days=3),
    )
    review = Review.objects.create(
        title=review_title,
        inspection=inspection,
        commissioned_by="Overview & Scrutiny Board",
        commissioned_on=today - datetime.timedelta(days=30),
        reporting_committee="Children's Scrutiny Committee",
        remit="Follow the improvement plan.",
        state=Review.State.GATHERING_EVIDENCE,
    )
    ReviewMembership.objects.create(review=review, person=w.maya_person, role=ReviewMembership.Role.MEMBER)
    ReviewMembership.objects.create(review=review, person=w.clara_person, role=ReviewMembership.Role.CLERK)
    meeting = Meeting.objects.create(
        review=review,
        number=1,
        title="Children in need",
        date=today + datetime.timedelta(days=5),
        purpose="Plans for children in need",
    )
    return SimpleNamespace(inspection=inspection, area=area, plan=plan, action=action, review=review, meeting=meeting)


def first_review():
    """The review of the world (or of the demo: the Warwickshire group), the first one created."""
    return Review.objects.order_by("pk").first()
