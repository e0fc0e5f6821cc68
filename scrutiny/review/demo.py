"""Load the demo: the Warwickshire safeguarding review of 2012, as its final report tells it.

The data lives in fixtures/demo.json. It is not loaded with loaddata because loaddata writes no
django-simple-history rows: here every record goes through save() (and add() for many-to-many), so
each has a "created" history row, dated when the report says it happened rather than when the demo
was loaded. Status changes are second saves with their own dates, so the history shows them.
"""

import datetime
import json
import zoneinfo
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import transaction

from actionplan.inspection_types import DEFAULT_INSPECTION_TYPES
from actionplan.models import (
    Action,
    ActionPlan,
    Area,
    Evidence,
    Inspection,
    InspectionType,
    Inspectorate,
    Judgement,
    ProgressUpdate,
    Theme,
)
from scrutiny.people.models import Agency, Person, User
from scrutiny.review.models import (
    Attendance,
    Conclusion,
    InformationRequest,
    Meeting,
    NoteItem,
    Recommendation,
    Review,
    ReviewArea,
    ReviewMembership,
)

DEMO_PATH = Path(settings.BASE_DIR) / "fixtures" / "demo.json"
LONDON = zoneinfo.ZoneInfo("Europe/London")


@dataclass(frozen=True)
class DemoLogin:
    username: str
    role: str
    password: str
    stands_for: str


@dataclass(frozen=True)
class LoadResult:
    loaded: bool  # False when the demo was already there and nothing was changed
    inspection: Inspection
    logins: list[DemoLogin]


class DemoDataError(Exception):
    """The database holds something that stops the demo loading cleanly."""


def load_demo(*, path=None, actor=None) -> LoadResult:
    data = json.loads(Path(path or DEMO_PATH).read_text(encoding="utf-8"))
    with transaction.atomic():
        existing = _existing_inspection(data)
        if existing:
            return LoadResult(loaded=False, inspection=existing, logins=demo_logins(data))
        clashing = User.objects.filter(username__in=[u["username"] for u in data["users"]["items"]])
        if clashing.exists():
            names = ", ".join(clashing.values_list("username", flat=True))
            raise DemoDataError(f"These usernames already exist, so the demo cannot create them: {names}.")
        inspection = _DemoLoader(data, actor).load()
    return LoadResult(loaded=True, inspection=inspection, logins=demo_logins(data))


def demo_logins(data: dict) -> list[DemoLogin]:
    people = {p["name"]: p for p in data["people"]["items"]}
    logins = []
    for user in data["users"]["items"]:
        person = people.get(user["person"])
        if person:
            stands_for = ", ".join(
                part for part in (person["name"], person["job_title"], person["organisation"]) if part
            )
        else:
            stands_for = "no one in the report"
        logins.append(DemoLogin(user["username"], user["role"], data["users"]["password"], stands_for))
    return logins


def _existing_inspection(data: dict) -> Inspection | None:
    spec = data["inspection"]
    return Inspection.objects.filter(title=spec["title"], body_inspected=spec["body_inspected"]).first()


def _date(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def _noon(value: str) -> datetime.datetime:
    return datetime.datetime.combine(_date(value), datetime.time(12), tzinfo=LONDON)


class _DemoLoader:
    def __init__(self, data: dict, actor):
        self.data = data
        self.actor = actor

    def stamp(self, obj, history_date: str, reason: str | None = None):
        """The next history row for obj carries the report's date, the actor and, if given, why."""
        obj._history_date = _noon(history_date)
        obj._history_user = self.actor
        obj._change_reason = reason

    def save(self, obj, history_date: str, reason: str | None = None, **many_to_many):
        self.stamp(obj, history_date, reason)
        obj.full_clean()
        obj.save()
        self.add(obj, history_date, reason, **many_to_many)
        return obj

    def add(self, obj, history_date: str, reason: str | None = None, **many_to_many):
        # Each add writes a "~" history row for obj, so it must be stamped first.
        self.stamp(obj, history_date, reason)
        for field, values in many_to_many.items():
            if values:
                getattr(obj, field).add(*values)

    def load(self) -> Inspection:
        self.load_inspection()
        self.load_agencies_and_people()
        self.load_areas_and_plans()
        self.load_actions()
        self.load_review()
        self.load_meetings()
        self.load_evidence()
        self.load_progress_updates()
        self.load_conclusions()
        self.load_information_requests()
        self.load_recommendations()
        self.load_users()
        self.agree_notes()
        return self.inspection

    def load_inspection(self):
        section = self.data["inspectorates"]
        self.inspectorates = {
            item["name"]: self.save(Inspectorate(**item), section["history_date"]) for item in section["items"]
        }
        spec = dict(self.data["inspection"])
        history_date = spec.pop("history_date")
        judgements = spec.pop("judgements")
        inspectorates = [self.inspectorates[name] for name in spec.pop("inspectorates")]
        for field in ("start_date", "end_date", "published_on", "plan_published_on"):
            spec[field] = _date(spec[field])
        spec["inspection_type"] = self.inspection_type(spec["inspection_type"], history_date)
        self.inspection = self.save(Inspection(**spec), history_date, inspectorates=inspectorates)
        for judgement in judgements:
            self.save(Judgement(inspection=self.inspection, **judgement), history_date)

    def inspection_type(self, code: str, history_date: str) -> InspectionType:
        """The default type with this code, from migration 0003; created again if it has been removed."""
        found = InspectionType.objects.filter(code=code).first()
        if found:
            return found
        spec = next(spec for spec in DEFAULT_INSPECTION_TYPES if spec["code"] == code)
        return self.save(InspectionType(**spec), history_date)

    def load_agencies_and_people(self):
        section = self.data["agencies"]
        self.agencies = {
            item["short_name"]: self.save(Agency(**item), section["history_date"]) for item in section["items"]
        }
        section = self.data["people"]
        self.people = {}
        for item in section["items"]:
            person = Person(**{**item, "agency": self.agency(item["agency"])})
            self.people[item["name"]] = self.save(person, section["history_date"])

    def load_areas_and_plans(self):
        section = self.data["themes"]
        self.themes = {item["name"]: self.save(Theme(**item), section["history_date"]) for item in section["items"]}
        section = self.data["areas"]
        self.areas = {}
        for item in section["items"]:
            area = Area(
                inspection=self.inspection, number=item["number"], text=item["text"], theme=self.theme(item["theme"])
            )
            self.areas[item["number"]] = self.save(area, section["history_date"])
        section = self.data["action_plans"]
        self.plans = {}
        for item in section["items"]:
            plan = ActionPlan(inspection=self.inspection, **{**item, "agency": self.agencies[item["agency"]]})
            self.plans[item["agency"]] = self.save(plan, section["history_date"])

    def load_actions(self):
        self.actions = {}
        for item in self.data["actions"]:
            action = Action(
                plan=self.plans[item["lead_agency"]],
                area=self.areas[item["area"]],
                reference=item["reference"],
                description=item["description"],
                lead_agency=self.agencies[item["lead_agency"]],
                lead_officer=self.person(item["lead_officer"]),
                target_date=_date(item["target_date"]),
                timescale_text=item["timescale_text"],
                success_measure=item["success_measure"],
                status=item["status"],
            )
            self.actions[item["reference"]] = self.save(action, item["history_date"])

    def load_review(self):
        spec = self.data["review"]
        fields = {
            key: value
            for key, value in spec.items()
            if key not in ("history_date", "changes", "memberships", "area_decisions")
        }
        for field in ("commissioned_on", "target_report_date", "interim_report_on", "final_report_on"):
            fields[field] = _date(fields[field])
        self.review = self.save(Review(inspection=self.inspection, **fields), spec["history_date"])
        for position, membership in enumerate(spec["memberships"], start=1):
            self.save(
                ReviewMembership(
                    review=self.review,
                    person=self.people[membership["person"]],
                    role=membership["role"],
                    position=position,
                ),
                spec["history_date"],
            )
        decisions = spec["area_decisions"]
        reasons = {item["area"]: item["reason"] for item in decisions["not_pursued"]}
        for number in sorted([*decisions["pursued"], *reasons]):
            decision = ReviewArea(
                review=self.review,
                area=self.areas[number],
                pursued=number not in reasons,
                reason=reasons.get(number, ""),
            )
            self.save(decision, decisions["history_date"])
        # Stages and dates the review went through, each on the day the report gives.
        for change in spec["changes"]:
            for field, value in change["set"].items():
                setattr(self.review, field, _date(value) if field.endswith(("_date", "_on")) else value)
            self.save(self.review, change["history_date"], reason=change["why"])

    def load_meetings(self):
        self.meetings = {}
        for item in self.data["meetings"]:
            meeting = Meeting(
                review=self.review,
                number=item["number"],
                title=item["title"],
                date=_date(item["date"]),
                purpose=item["purpose"],
                theme=self.theme(item["theme"]),
                summary=item["summary"],
                notes_reference=item["notes_reference"],
            )
            areas = [self.areas[number] for number in item["areas"]]
            self.meetings[item["date"]] = self.save(meeting, item["date"], areas=areas)
            for attendance in item["attendance"]:
                self.save(
                    Attendance(meeting=meeting, **{**attendance, "person": self.people[attendance["person"]]}),
                    item["date"],
                )
            for position, note in enumerate(item.get("notes", []), start=1):
                area = self.areas[note["area"]] if note["area"] else None
                self.save(
                    NoteItem(meeting=meeting, position=position, heading=note["heading"], area=area, body=note["body"]),
                    item["date"],
                )

    def load_evidence(self):
        self.evidence = {}
        considered_at = {}  # meeting date -> evidence, added in one go so each meeting gets one "~" row
        for item in self.data["evidence"]:
            evidence = Evidence(
                inspection=self.inspection,
                area=self.areas.get(item["area"]),
                title=item["title"],
                kind=item["kind"],
                description=item["description"],
                status=item["status"],
                provided_by=self.person(item["provided_by"]),
                provided_by_agency=self.agency(item["provided_by_agency"]),
                received_on=_date(item["received_on"]),
                added_at=_noon(item["history_date"]),
            )
            self.evidence[item["title"]] = self.save(evidence, item["history_date"])
            if item["meeting"]:
                considered_at.setdefault(item["meeting"], []).append(evidence)
        for date, evidence in considered_at.items():
            self.add(self.meetings[date], date, evidence_considered=evidence)

    def load_progress_updates(self):
        for item in self.data["progress_updates"]:
            for reference in item["actions"]:
                action = self.actions[reference]
                update = ProgressUpdate(
                    action=action,
                    author_name=item["author_name"],
                    created_at=_noon(item["date"]),
                    status=item["status"],
                    note=item["note"],
                )
                self.save(update, item["date"])
                action.status = item["status"]
                action.completed_on = _date(item["completed_on"])
                self.save(action, item["date"], reason=f"Progress update given by {item['author_name']}")

    def load_conclusions(self):
        for item in self.data["conclusions"]:
            meeting = self.meetings[item["meeting"]]
            for number in item["areas"]:
                conclusion = Conclusion(
                    review=self.review,
                    meeting=meeting,
                    area=self.areas[number],
                    judgement=item["judgement"],
                    reasoning=item["reasoning"],
                    reached_on=meeting.date,
                )
                self.save(conclusion, item["meeting"])

    def load_information_requests(self):
        for item in self.data["information_requests"]:
            request = InformationRequest(
                review=self.review,
                meeting=self.meetings[item["meeting"]],
                asked_of_agency=self.agency(item["asked_of_agency"]),
                question=item["question"],
                raised_on=_date(item["raised_on"]),
                status=item["status"],
                answer=item["answer"],
                answered_on=_date(item["answered_on"]),
            )
            self.save(request, item["history_date"], evidence=[self.evidence[title] for title in item["evidence"]])

    def load_recommendations(self):
        section = self.data["recommendations"]
        for item in section["items"]:
            item = dict(item)
            # What the report says of the dates, and where it is silent: the same for all, then each one's own.
            item["dates_note"] = " ".join(filter(None, [section.get("dates_note", ""), item.get("dates_note", "")]))
            self.save(Recommendation(review=self.review, **item), section["history_date"])

    def load_users(self):
        section = self.data["users"]
        for item in section["items"]:
            user = User(
                username=item["username"],
                role=item["role"],
                agency=self.agency(item["agency"]),
                person=self.person(item["person"]),
                is_staff=item.get("is_staff", False),
                is_superuser=item.get("is_superuser", False),
            )
            user.set_password(section["password"])
            self.save(user, section["history_date"])

    def agree_notes(self):
        """Notes the report publishes (or writes up) were agreed; the clerk records it, on the day given."""
        clerk = next(
            (User.objects.get(username=u["username"]) for u in self.data["users"]["items"] if u["role"] == "clerk"),
            None,
        )
        for item in self.data["meetings"]:
            if item.get("notes_agreed_on"):
                meeting = self.meetings[item["date"]]
                meeting.notes_status = Meeting.NotesStatus.AGREED
                meeting.notes_agreed_on = _date(item["notes_agreed_on"])
                meeting.notes_agreed_by = clerk
                self.save(meeting, item["notes_agreed_on"], reason=f"Notes agreed. {item['notes_agreed_why']}")

    def agency(self, short_name):
        return self.agencies[short_name] if short_name else None

    def person(self, name):
        return self.people[name] if name else None

    def theme(self, name):
        return self.themes[name] if name else None
