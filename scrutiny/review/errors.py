"""Why a write to the review is refused, shared by the services (which raise these) and the
permission checks (which refuse before a form is even shown). Neither depends on the other.

A closed review is read-only until an administrator reopens it; a meeting whose notes are agreed is
locked until the clerk reopens the notes. Both are said to the user as a message, never a 500."""

from scrutiny.core.writes import WriteRefused

from .models import Review


class ReviewClosed(WriteRefused):
    def __init__(self, review):
        super().__init__(
            f"“{review}” is closed: its records, notes and papers can be read and downloaded, but not changed. "
            "An administrator can reopen it, giving a reason."
        )
        self.back_to = review.get_absolute_url()


class NotesLocked(WriteRefused):
    def __init__(self, meeting):
        agreed = f" on {meeting.notes_agreed_on:%-d %B %Y}" if meeting.notes_agreed_on else ""
        super().__init__(
            f"The notes of this meeting were agreed{agreed} and are locked. "
            "Reopen them, giving a reason, before changing anything."
        )
        self.back_to = meeting.get_absolute_url()


def ensure_open(review: Review) -> None:
    if review.state == Review.State.CLOSED:
        raise ReviewClosed(review)
