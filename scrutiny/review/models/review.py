"""The review: a task & finish group commissioned to scrutinise an inspection's action plan."""

from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import choice_is_valid, in_order, link, unique, when_as_written


class ReviewQuerySet(models.QuerySet):
    def newest_first(self):
        # nulls_last: PostgreSQL would otherwise put a review with no commission date first.
        return self.order_by(models.F("commissioned_on").desc(nulls_last=True), "-id")

    def current(self):
        """The review people are working on now: the latest commissioned."""
        return self.select_related("inspection").newest_first().first()


class ReviewState(models.TextChoices):
    SCOPING = "scoping", "Scoping"
    GATHERING_EVIDENCE = "gathering_evidence", "Gathering evidence"
    INTERIM_REPORT = "interim_report", "Interim report"
    FINAL_REPORT = "final_report", "Final report"
    CLOSED = "closed", "Closed"


class Review(models.Model):
    State = ReviewState

    title = models.CharField("title", max_length=300)
    inspection = link("actionplan.Inspection", "reviews", "inspection scrutinised")
    commissioned_by = models.CharField("commissioned by", max_length=200)
    commissioned_on = models.DateField("date commissioned", null=True, blank=True)
    commissioned_when_text = when_as_written("when commissioned, as written", "For example “March 2012”.")
    reporting_committee = models.CharField("reports to", max_length=200)
    remit = models.TextField("remit", help_text="The purpose and parameters agreed in the scoping document.")
    state = models.CharField("stage", max_length=30, choices=State.choices, default=State.SCOPING)
    target_report_date = models.DateField("date the report was first due", null=True, blank=True)
    interim_report_on = models.DateField("interim report", null=True, blank=True)
    final_report_on = models.DateField("final report", null=True, blank=True)
    # The executive's response clock (response_clock.py) runs from these.
    report_to_committee_on = models.DateField("date the report went to the committee", null=True, blank=True)
    report_received_on = models.DateField("date the executive received the report", null=True, blank=True)
    committee_notice_on = models.DateField("date of the committee's notice, if later", null=True, blank=True)
    history = HistoricalRecords()

    objects = ReviewQuerySet.as_manager()

    class Meta:
        ordering = ["-commissioned_on", "title"]
        verbose_name = "review"
        constraints = [
            choice_is_valid("state", ReviewState, "review_state_valid", "Choose a stage from the list."),
            in_order(
                "interim_report_on",
                "final_report_on",
                "review_final_after_interim",
                "The final report cannot come before the interim report.",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("review_detail", args=[self.pk])

    @property
    def is_closed(self) -> bool:
        """A closed review is read-only (see services.review.ensure_open)."""
        return self.state == self.State.CLOSED

    @property
    def commissioned_when(self) -> str:
        if self.commissioned_when_text:
            return self.commissioned_when_text
        return f"{self.commissioned_on:%-d %B %Y}" if self.commissioned_on else "Not recorded"

    def people_in_role(self, role):
        return [m.person for m in self.memberships.all() if m.role == role]

    @property
    def chair(self):
        return next(iter(self.people_in_role(ReviewMembership.Role.CHAIR)), None)


class ReviewRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    MEMBER = "member", "Member"
    CONTRIBUTOR = "contributor", "Contributor"
    CLERK = "clerk", "Clerk"


class ReviewMembership(models.Model):
    Role = ReviewRole

    review = link(Review, "memberships", "review", on_delete=models.CASCADE)
    person = link("people.Person", "memberships", "person")
    role = models.CharField("role in the review", max_length=20, choices=Role.choices)
    position = models.PositiveSmallIntegerField("order", default=0)
    themes = models.ManyToManyField(
        "actionplan.Theme",
        blank=True,
        related_name="contributors",
        verbose_name="themes they contribute to",
        help_text="For contributors: they are invited to the meetings on these themes. None: every meeting.",
    )
    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        ordering = ["review", "position", "id"]
        verbose_name = "review membership"
        constraints = [
            unique(["review", "person"], "person_once_per_review", "This person is already part of this review."),
            unique(["review"], "one_chair_per_review", "This review already has a chair.", when=Q(role="chair")),
            choice_is_valid("role", ReviewRole, "membership_role_valid", "Choose a role from the list."),
        ]

    def __str__(self):
        return f"{self.person} ({self.get_role_display()})"

    @property
    def is_councillor(self) -> bool:
        return self.role in (self.Role.CHAIR, self.Role.MEMBER)

    def invited_by_default_to(self, meeting) -> bool:
        """Councillors and the clerk go to every meeting; a contributor to the meetings on their themes
        (or to all, if they have none), and to meetings with no theme, such as the scoping meeting."""
        if self.role != self.Role.CONTRIBUTOR or meeting.theme_id is None:
            return True
        themes = [theme.pk for theme in self.themes.all()]
        return not themes or meeting.theme_id in themes


class ReviewArea(models.Model):
    """Whether the review pursues an area for improvement, and why not."""

    review = link(Review, "area_decisions", "review", on_delete=models.CASCADE)
    area = link("actionplan.Area", "review_decisions", "area for improvement")
    pursued = models.BooleanField("pursued", default=True)
    reason = models.TextField("reason", blank=True, help_text="Why the review does not pursue this area.")
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "area__number"]
        verbose_name = "area decision"
        constraints = [
            unique(
                ["review", "area"],
                "one_decision_per_area_per_review",
                "This review has already decided on this area.",
            ),
            models.CheckConstraint(
                condition=Q(pursued=True) | ~Q(reason=""),
                name="not_pursued_needs_reason",
                violation_error_message="Give the reason for not pursuing this area.",
            ),
        ]

    def __str__(self):
        return f"{self.area}: {'pursued' if self.pursued else 'not pursued'}"
