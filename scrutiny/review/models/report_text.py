"""The report's narrative, written by the clerk: the executive summary, each meeting's paragraph for the
history of the review, the reasoning before each recommendation, the wording of each observation and the
acknowledgements. Until the clerk saves a part, the report prints a draft built from the records
(scrutiny.review.narrative)."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class ReportText(models.Model):
    class Part(models.TextChoices):
        SUMMARY = "summary", "Executive summary"
        MEETING = "meeting", "History of the review: a meeting"
        RECOMMENDATION = "recommendation", "The reasoning before a recommendation"
        OBSERVATION = "observation", "An observation"
        ACKNOWLEDGEMENTS = "acknowledgements", "Acknowledgements"

    review = models.ForeignKey(
        "review.Review", on_delete=models.CASCADE, related_name="report_texts", verbose_name="review"
    )
    part = models.CharField("part of the report", max_length=20, choices=Part.choices)
    meeting = models.ForeignKey(
        "review.Meeting",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_texts",
        verbose_name="meeting",
    )
    recommendation = models.ForeignKey(
        "review.Recommendation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="report_texts",
        verbose_name="recommendation or observation",
    )
    text = models.TextField("text")
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "part", "id"]
        verbose_name = "report text"
        constraints = [
            models.UniqueConstraint(
                fields=["review", "part"],
                condition=Q(part__in=["summary", "acknowledgements"]),
                name="one_summary_and_acknowledgements_per_review",
                violation_error_message="The report already has this text.",
            ),
            models.UniqueConstraint(
                fields=["meeting"],
                condition=Q(meeting__isnull=False),
                name="one_report_text_per_meeting",
                violation_error_message="This meeting already has its paragraph.",
            ),
            models.UniqueConstraint(
                fields=["recommendation"],
                condition=Q(recommendation__isnull=False),
                name="one_report_text_per_recommendation",
                violation_error_message="This recommendation already has its text.",
            ),
            models.CheckConstraint(
                condition=Q(part__in=["summary", "meeting", "recommendation", "observation", "acknowledgements"]),
                name="report_text_part_valid",
                violation_error_message="Choose a part of the report from the list.",
            ),
            models.CheckConstraint(
                condition=(Q(part="meeting") & Q(meeting__isnull=False) & Q(recommendation__isnull=True))
                | (
                    Q(part__in=["recommendation", "observation"])
                    & Q(meeting__isnull=True)
                    & Q(recommendation__isnull=False)
                )
                | (
                    Q(part__in=["summary", "acknowledgements"])
                    & Q(meeting__isnull=True)
                    & Q(recommendation__isnull=True)
                ),
                name="report_text_about_its_part",
                violation_error_message="A meeting's paragraph is about a meeting, a recommendation's about a recommendation.",
            ),
            models.CheckConstraint(
                condition=~Q(text=""), name="report_text_not_empty", violation_error_message="Write the text."
            ),
        ]

    def __str__(self):
        about = self.meeting or self.recommendation
        return f"{self.get_part_display()}{f': {about}' if about else ''}"
