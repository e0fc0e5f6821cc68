"""Load the demo's second, live inspection and review: sample data built from a real report.

The Herefordshire 2014 Ofsted inspection (its local authority recommendations as the areas, its
judgements, the one surviving row of its improvement plan) comes from fixtures/sample_portfolio.json,
which holds only text copied from the published sources, each with its reference. What the sources
do not give (a review of the plan, its meetings, target dates, more actions) is sample data and says
so. Every date is counted from the day the demo is loaded, so that "overdue", "due before the next
meeting" and "changes since the last meeting" show something on a fresh machine.

As in demo.py, every record goes through save() with its history row dated when it happened; the
officer's updates since the last meeting go through the action service, so their history and
progress rows carry the officer's name and the moment of loading.
"""

import datetime
import json
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from actionplan.models import Action, ActionPlan, Area, Inspection, Inspectorate, Judgement
from actionplan.services.actions import update_action
from scrutiny.people.models import Agency, User

from .demo import LONDON, DemoDataError, DemoLogin
from .models import Attendance, Meeting, MonitoringUpdate, Recommendation, Review, ReviewMembership

SAMPLE_PATH = Path(settings.BASE_DIR) / "fixtures" / "sample_portfolio.json"


@dataclass(frozen=True)
class SampleResult:
    loaded: bool  # False when the sample was already there and nothing was changed
    inspection: Inspection
    review: Review | None  # None only if someone removed the loaded sample's review
    logins: list[DemoLogin]


def load_sample_portfolio(*, path=None, actor=None) -> SampleResult:
    """Load the sample after the Warwickshire demo (its member and clerk sit on the sample review)."""
    data = json.loads(Path(path or SAMPLE_PATH).read_text(encoding="utf-8"))
    with transaction.atomic():
        spec = data["inspection"]
        existing = Inspection.objects.filter(title=spec["title"], body_inspected=spec["body_inspected"]).first()
        if existing:
            review = Review.objects.filter(inspection=existing, title=data["review"]["title"]).first()
            return SampleResult(loaded=False, inspection=existing, review=review, logins=sample_logins(data))
        usernames = [item["username"] for item in data["users"]["items"]]
        clashing = User.objects.filter(username__in=usernames)
        if clashing.exists():
            names = ", ".join(clashing.values_list("username", flat=True))
            raise DemoDataError(f"These usernames already exist, so the sample cannot create them: {names}.")
        agency = data["agency"]
        if (
            Agency.objects.filter(name=agency["name"]).exists()
            or Agency.objects.filter(short_name=agency["short_name"]).exists()
        ):
            raise DemoDataError(
                f"An agency called {agency['name']} or {agency['short_name']} already exists, "
                "so the sample cannot create it."
            )
        loader = _SampleLoader(data, actor, today=timezone.localdate())
        loader.load()
    return SampleResult(loaded=True, inspection=loader.inspection, review=loader.review, logins=sample_logins(data))


def sample_logins(data: dict) -> list[DemoLogin]:
    section = data["users"]
    return [
        DemoLogin(item["username"], item["role"], section["password"], item["stands_for"]) for item in section["items"]
    ]


class _SampleLoader:
    def __init__(self, data: dict, actor, today: datetime.date):
        self.data = data
        self.actor = actor
        self.today = today

    def day(self, days: int | None) -> datetime.date | None:
        return None if days is None else self.today + datetime.timedelta(days=days)

    def save(self, obj, days: int, user=None, reason: str | None = None, **many_to_many):
        """Save obj with its history row dated `days` from today, at noon, by `user` (or the loader)."""
        moment = datetime.datetime.combine(self.day(days), datetime.time(12), tzinfo=LONDON)
        obj._history_date = moment
        obj._history_user = user or self.actor
        obj._change_reason = reason
        obj.full_clean()
        obj.save()
        for field, values in many_to_many.items():
            if values:
                # Each add writes a "~" history row for obj: stamp it the same way first.
                obj._history_date, obj._history_user = moment, user or self.actor
                getattr(obj, field).add(*values)
        return obj

    def load(self):
        self.entered = self.data["entered_days"]
        self.load_inspection()
        self.load_plan()
        self.load_users()
        self.load_review()
        self.load_meetings()
        self.load_recommendations()
        self.load_updates_since_last_meeting()

    def load_inspection(self):
        name = self.data["inspectorate"]
        ofsted = Inspectorate.objects.filter(name=name).first() or self.save(Inspectorate(name=name), self.entered)
        spec = self.data["inspection"]
        inspection = Inspection(
            title=spec["title"],
            body_inspected=spec["body_inspected"],
            when_text=spec["when_text"],
            start_date=datetime.date.fromisoformat(spec["start_date"]),
            end_date=datetime.date.fromisoformat(spec["end_date"]),
            published_on=datetime.date.fromisoformat(spec["published_on"]),
            summary=spec["summary"],
        )
        self.inspection = self.save(inspection, self.entered, inspectorates=[ofsted])
        for item in self.data["judgements"]:
            judgement = Judgement(
                inspection=self.inspection, aspect=item["aspect"], grade=item["grade"], comment=item["comment"]
            )
            self.save(judgement, self.entered)
        self.areas = {}
        for item in self.data["areas"]:
            area = Area(inspection=self.inspection, number=item["number"], text=item["text"], raised_by=ofsted)
            self.areas[item["number"]] = self.save(area, self.entered)

    def load_plan(self):
        self.agency = self.save(Agency(**self.data["agency"]), self.entered)
        plan = ActionPlan(inspection=self.inspection, agency=self.agency, **self.data["plan"])
        self.plan = self.save(plan, self.entered)
        self.actions = {}
        for item in self.data["actions"]:
            action = Action(
                plan=self.plan,
                area=self.areas[item["area"]],
                reference=item["reference"],
                description=item["description"],
                lead_agency=self.agency,
                lead_officer_role=item["lead_officer_role"],
                target_date=self.day(item["target_days"]),
                timescale_text=item["timescale_text"],
                success_measure=item["success_measure"],
                status=item["status"],
            )
            self.actions[item["reference"]] = self.save(action, self.entered)

    def load_users(self):
        section = self.data["users"]
        self.officers = []
        for item in section["items"]:
            user = User(
                username=item["username"],
                role=item["role"],
                agency=self.agency,
                first_name=item["first_name"],
                last_name=item["last_name"],
            )
            user.set_password(section["password"])
            self.officers.append(self.save(user, self.entered))

    def load_review(self):
        spec = self.data["review"]
        self.review = self.save(
            Review(
                inspection=self.inspection,
                title=spec["title"],
                commissioned_by=spec["commissioned_by"],
                commissioned_on=self.day(spec["commissioned_days"]),
                reporting_committee=spec["reporting_committee"],
                remit=spec["remit"],
                state=spec["state"],
                interim_report_on=self.day(spec.get("interim_report_days")),
                report_to_committee_on=self.day(spec.get("report_to_committee_days")),
                report_received_on=self.day(spec.get("report_received_days")),
            ),
            spec["commissioned_days"],
        )
        self.people = {}
        for position, membership in enumerate(spec["memberships"], start=1):
            user = User.objects.select_related("person").filter(username=membership["username"]).first()
            if user is None or user.person is None:
                raise DemoDataError(
                    f"The sample review needs the demo sign-in “{membership['username']}”: load the demo first."
                )
            self.people[membership["username"]] = (user, membership["role"])
            self.save(
                ReviewMembership(review=self.review, person=user.person, role=membership["role"], position=position),
                spec["commissioned_days"],
            )

    def load_meetings(self):
        clerk = next((user for user, role in self.people.values() if role == ReviewMembership.Role.CLERK), None)
        capacities = {ReviewMembership.Role.CLERK: Attendance.Capacity.CLERK}
        self.meetings = []
        for item in self.data["meetings"]:
            # Scheduled by the clerk a week before the first meeting, as a clerk would set up the year.
            scheduled = self.data["meetings"][0]["days"] - 7
            meeting = Meeting(
                review=self.review,
                number=item["number"],
                title=item["title"],
                date=self.day(item["days"]),
                purpose=self.data["meeting_purpose"],
            )
            self.save(meeting, scheduled, user=clerk, areas=[self.areas[number] for number in item["areas"]])
            taken_place = item["days"] < 0
            for user, role in self.people.values():
                attendance = Attendance(
                    meeting=meeting,
                    person=user.person,
                    capacity=capacities.get(role, Attendance.Capacity.MEMBER),
                    status=Attendance.Status.PRESENT if taken_place else Attendance.Status.INVITED,
                )
                self.save(attendance, item["days"] if taken_place else scheduled, user=clerk)
            self.meetings.append(meeting)

    def load_recommendations(self):
        """One recommendation at each point of the cycle, each step dated and recorded by the clerk."""
        clerk = next((user for user, role in self.people.values() if role == ReviewMembership.Role.CLERK), None)
        made = self.data["review"].get("interim_report_days", self.entered)
        # The committee agreed them when the report went to it: only then does the executive answer.
        decided = self.data["review"].get("report_to_committee_days")
        for item in self.data.get("recommendations", {}).get("items", []):
            recommendation = Recommendation(
                review=self.review,
                kind=Recommendation.Kind.RECOMMENDATION,
                number=item["number"],
                text=item["text"],
                addressed_to=item["addressed_to"],
                addressee_kind=item["addressee_kind"],
                received_on=self.day(item.get("received_days")),
                made_on=self.day(made - 10),
                dates_note=item["dates_note"],
                committee_decision=Recommendation.Decision.AGREED
                if decided is not None
                else Recommendation.Decision.PENDING,
                committee_decision_on=self.day(decided),
            )
            self.save(recommendation, made, user=clerk)
            response = item.get("response")
            if not response:
                continue
            recommendation.response = response["response"]
            recommendation.executive_response = response["text"]
            recommendation.executive_response_on = self.day(response["days"])
            recommendation.implementation_due_on = self.day(response.get("implementation_days"))
            recommendation.update_months = response["update_months"]
            actions = [self.actions[reference] for reference in response.get("actions", [])]
            self.save(recommendation, response["days"], user=clerk, actions=actions)
            for update in item.get("updates", []):
                self.save(
                    MonitoringUpdate(
                        recommendation=recommendation,
                        reported_on=self.day(update["days"]),
                        text=update["text"],
                        recorded_by=clerk,
                    ),
                    update["days"],
                    user=clerk,
                )

    def load_updates_since_last_meeting(self):
        """Through the action service, as the officer would, at the moment of loading: after the last meeting."""
        officer = self.officers[0]
        for item in self.data["updates_since_last_meeting"]:
            action = Action.objects.get(pk=self.actions[item["reference"]].pk)
            moved_to = self.day(item.get("target_days"))
            update_action(
                actor=officer,
                action=action,
                expected_version=action.version,
                status=action.status,
                rag=item.get("rag", action.rag),
                note=item.get("note", ""),
                new_target_date=moved_to,
                target_date_reason=item.get("reason", ""),
            )
