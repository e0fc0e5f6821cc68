"""The report's narrative, written by the clerk: the executive summary, each meeting's paragraph for the
history of the review, the reasoning before each recommendation, the wording of each observation and the
acknowledgements. Until the clerk saves a part, the report prints a draft built from the records
(scrutiny.review.narrative)."""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import choice_is_valid, link, not_blank, optional_link, unique


class ReportPart(models.TextChoices):
    SUMMARY = "summary", "Executive summary"
    MEETING = "meeting", "History of the review: a meeting"
    RECOMMENDATION = "recommendation", "The reasoning before a recommendation"
    OBSERVATION = "observation", "An observation"
    ACKNOWLEDGEMENTS = "acknowledgements", "Acknowledgements"


class ReportText(models.Model):
    Part = ReportPart

    review = link("review.Review", "report_texts", "review", on_delete=models.CASCADE)
    part = models.CharField("part of the report", max_length=20, choices=Part.choices)
    meeting = optional_link("review.Meeting", "report_texts", "meeting", on_delete=models.CASCADE)
    recommendation = optional_link(
        "review.Recommendation", "report_texts", "recommendation or observation", on_delete=models.CASCADE
    )
    text = models.TextField("text")
    history = HistoricalRecords()

    class Meta:
        ordering = ["review", "part", "id"]
        verbose_name = "report text"
        constraints = [
            unique(
                ["review", "part"],
                "one_summary_and_acknowledgements_per_review",
                "The report already has this text.",
                when=Q(part__in=["summary", "acknowledgements"]),
            ),
            unique(
                ["meeting"],
                "one_report_text_per_meeting",
                "This meeting already has its paragraph.",
                when=Q(meeting__isnull=False),
            ),
            unique(
                ["recommendation"],
                "one_report_text_per_recommendation",
                "This recommendation already has its text.",
                when=Q(recommendation__isnull=False),
            ),
            choice_is_valid("part", ReportPart, "report_text_part_valid", "Choose a part of the report from the list."),
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
            not_blank("text", "report_text_not_empty", "Write the text."),
        ]

    def __str__(self):
        about = self.meeting or self.recommendation
        return f"{self.get_part_display()}{f': {about}' if about else ''}"
