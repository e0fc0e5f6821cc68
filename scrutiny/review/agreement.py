"""How agreed notes are described: the group agrees them at a meeting and the Chair signs them; the
clerk only records that it happened."""

from .models import Meeting, ReviewMembership


def agreement_statement(meeting, *, meetings=None, chair=None, chair_known=False) -> str:
    """ "Agreed at the meeting of 14 May 2012 and signed by the Chair, Cllr Bob Hicks; recorded by Richard
    Maybey." Pass the review's meetings and chair when already loaded (papers), to save the queries."""
    if not meeting.notes_locked:
        return ""
    day = f"{meeting.notes_agreed_on:%-d %B %Y}"
    if meetings is None:
        meetings = Meeting.objects.filter(review_id=meeting.review_id, date=meeting.notes_agreed_on)
    agreeing = next((m for m in meetings if m.date == meeting.notes_agreed_on and m.pk != meeting.pk), None)
    if not chair_known:
        chair = (
            ReviewMembership.objects.filter(review_id=meeting.review_id, role=ReviewMembership.Role.CHAIR)
            .select_related("person")
            .first()
        )
    where = f"at the meeting of {day}" if agreeing else f"on {day}"
    signed = f", signed by the Chair, {chair.person.name}" if chair else ", signed by the Chair"
    recorder = meeting.notes_agreed_by
    recorded = f"; recorded by {recorder.display_name}" if recorder else ""
    return f"These notes were agreed by the group {where}{signed}{recorded}."
