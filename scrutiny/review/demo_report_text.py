"""The demo's report narrative: the final report's own words for its executive summary, each meeting's
section, the reasoning before each recommendation, the observations and the acknowledgements, saved as
the clerk would have saved them (fixtures/demo.json, "report_text")."""

from .models import Recommendation, ReportText

Part = ReportText.Part


def load_report_text(loader) -> None:
    """`loader` is the demo's loader: its review, meetings by date, and save() that dates the history."""
    spec = loader.data.get("report_text")
    if not spec:
        return
    review, when = loader.review, spec["history_date"]
    why = "Written for the final report."
    recommendations = {(r.kind, str(r.number)): r for r in Recommendation.objects.filter(review=review)}
    texts = [ReportText(review=review, part=Part.SUMMARY, text=spec["summary"])]
    texts += [
        ReportText(review=review, part=Part.MEETING, meeting=loader.meetings[date], text=text)
        for date, text in spec["meetings"].items()
    ]
    for kind, part in (("recommendations", Part.RECOMMENDATION), ("observations", Part.OBSERVATION)):
        texts += [
            ReportText(review=review, part=part, recommendation=recommendations[(part.value, number)], text=text)
            for number, text in spec[kind].items()
        ]
    texts.append(ReportText(review=review, part=Part.ACKNOWLEDGEMENTS, text=spec["acknowledgements"]))
    for text in texts:
        loader.save(text, when, reason=why)
