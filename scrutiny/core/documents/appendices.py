"""The report's appendices, lettered A, B, C... in the order they are printed, as the 2012 report does:
the scoping document, the notes of each meeting, the conclusions against each action, then the answers
to the group's requests for information with their evidence."""

from string import ascii_uppercase


def letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA: enough letters however many meetings there are."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = ascii_uppercase[remainder] + letters
    return letters


class AppendixLetters:
    """Letters handed out in printing order, so the text can refer to an appendix before it is printed."""

    def __init__(self, meetings, *, has_answers: bool):
        names = ["scoping", *(("notes", meeting.pk) for meeting in meetings), "conclusions"]
        if has_answers:
            names.append("answers")
        self._letters = {name: f"Appendix {letter(index)}" for index, name in enumerate(names)}

    def scoping(self) -> str:
        return self._letters["scoping"]

    def notes(self, meeting) -> str:
        return self._letters[("notes", meeting.pk)]

    def conclusions(self) -> str:
        return self._letters["conclusions"]

    def answers(self) -> str:
        return self._letters.get("answers", "")


def add_answers(doc, requests, heading: str):
    """Each answered request: what was asked, of whom, when, the answer, and the evidence given with it."""
    doc.heading(f"{heading}: answers to the group's requests for information")
    for info_request in requests:
        raised = f"{info_request.raised_on:%-d %B %Y}"
        doc.heading(f"Asked of {info_request.asked_of} on {raised}", 2).paragraph(info_request.question)
        answered = f" on {info_request.answered_on:%-d %B %Y}" if info_request.answered_on else ""
        doc.heading(f"The answer{answered}", 3).paragraph(info_request.answer or "No answer has been recorded.")
        evidence = list(info_request.evidence.all())
        if evidence:
            doc.heading("Evidence given with the answer", 3)
            doc.bullets([f"{item.title} ({item.get_kind_display().lower()})" for item in evidence])
