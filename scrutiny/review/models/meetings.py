"""Meetings of the task & finish group: schedule, attendance and notes."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import (
    choice_is_valid,
    dated_unless,
    in_order,
    link,
    optional_link,
    unique,
    user_who,
)


class MeetingQuerySet(models.QuerySet):
    def before(self, date):
        return self.filter(date__lt=date)

    def upcoming(self, on=None):
        return self.filter(date__gte=on or timezone.localdate()).order_by("date", "start_time")

    def past(self, on=None):
        return self.filter(date__lt=on or timezone.localdate()).order_by("-date", "-start_time")


class MeetingNotesStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    AGREED = "agreed", "Agreed"


class Meeting(models.Model):
    NotesStatus = MeetingNotesStatus

    review = link("review.Review", "meetings", "review")
    number = models.PositiveSmallIntegerField(
        "meeting number", null=True, blank=True, help_text="As the report numbers it; some meetings have none."
    )
    title = models.CharField("title", max_length=200)
    date = models.DateField("date")
    start_time = models.TimeField("start time", null=True, blank=True)
    end_time = models.TimeField("end time", null=True, blank=True)
    place = models.CharField("place", max_length=200, blank=True)
    purpose = models.TextField("purpose")
    theme = optional_link("actionplan.Theme", "meetings", "theme")
    areas = models.ManyToManyField(
        "actionplan.Area", blank=True, related_name="meetings", verbose_name="areas for improvement considered"
    )
    evidence_considered = models.ManyToManyField(
        "actionplan.Evidence", blank=True, related_name="meetings", verbose_name="evidence considered"
    )
    summary = models.TextField("summary", blank=True, help_text="What the meeting found, as the report puts it.")
    notes_status = models.CharField("notes", max_length=10, choices=NotesStatus.choices, default=NotesStatus.DRAFT)
    notes_agreed_on = models.DateField("notes agreed on", null=True, blank=True)
    notes_agreed_by = user_who("notes agreed by")
    notes_reference = models.CharField(
        "published as", max_length=100, blank=True, help_text="For example “Appendix B”."
    )
    history = HistoricalRecords(m2m_fields=[areas, evidence_considered])

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["review", "date", "start_time"]
        verbose_name = "meeting"
        constraints = [
            unique(
                ["review", "number"],
                "meeting_number_unique_in_review",
                "This review already has a meeting with this number.",
                when=Q(number__isnull=False),
            ),
            in_order(
                "start_time",
                "end_time",
                "meeting_ends_after_it_starts",
                "The meeting must end after it starts.",
                strictly=True,
            ),
            choice_is_valid(
                "notes_status", MeetingNotesStatus, "meeting_notes_status_valid", "Choose a notes status from the list."
            ),
            dated_unless(
                "notes_status",
                "draft",
                "notes_agreed_on",
                "agreed_notes_have_date",
                "Agreed notes need the date they were agreed.",
            ),
        ]

    def __str__(self):
        return f"{self.title} ({self.date:%-d %B %Y})"

    def get_absolute_url(self):
        return reverse("meeting_detail", args=[self.review_id, self.pk])

    @property
    def notes_locked(self) -> bool:
        return self.notes_status == self.NotesStatus.AGREED


class AttendanceCapacity(models.TextChoices):
    MEMBER = "member", "Member"
    CONTRIBUTOR = "contributor", "Contributor"
    WITNESS = "witness", "Witness"
    OFFICER = "officer", "Supporting officer"
    CLERK = "clerk", "Clerk"


class AttendanceStatus(models.TextChoices):
    INVITED = "invited", "Invited"
    PRESENT = "present", "Present"
    APOLOGIES = "apologies", "Apologies"
    ABSENT = "absent", "Absent"


class Attendance(models.Model):
    Capacity = AttendanceCapacity

    Status = AttendanceStatus

    meeting = link(Meeting, "attendance", "meeting", on_delete=models.CASCADE)
    person = link("people.Person", "attendance", "person")
    capacity = models.CharField("attending as", max_length=20, choices=Capacity.choices)
    status = models.CharField("attendance", max_length=20, choices=Status.choices, default=Status.INVITED)
    history = HistoricalRecords()

    class Meta:
        # Councillors first, as the notes list them, then contributors, witnesses, officers and the clerk.
        ordering = [
            "meeting",
            models.Case(
                *[
                    models.When(capacity=c, then=i)
                    for i, c in enumerate(["member", "contributor", "witness", "officer"])
                ],
                default=9,
            ),
            "person__name",
        ]
        verbose_name = "attendance record"
        constraints = [
            unique(
                ["meeting", "person"],
                "person_once_per_meeting",
                "This person is already on this meeting's attendance list.",
            ),
            choice_is_valid("capacity", AttendanceCapacity, "attendance_capacity_valid", "Choose from the list."),
            choice_is_valid("status", AttendanceStatus, "attendance_status_valid", "Choose from the list."),
        ]

    def __str__(self):
        return f"{self.person} at {self.meeting}: {self.get_status_display()}"


class NoteItem(models.Model):
    """One item of a meeting's notes, often about one area for improvement."""

    meeting = link(Meeting, "note_items", "meeting", on_delete=models.CASCADE)
    position = models.PositiveSmallIntegerField("item number", default=1)
    heading = models.CharField("heading", max_length=200)
    area = optional_link("actionplan.Area", "note_items", "area for improvement")
    body = models.TextField("what was heard", blank=True)
    source_silent = models.BooleanField(
        "only says what the source does not record",
        default=False,
        help_text="Kept with the notes in the app, never printed in a paper.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "position", "id"]
        verbose_name = "notes item"

    def __str__(self):
        return f"{self.position}. {self.heading}"
