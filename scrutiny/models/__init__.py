from .people import Person, Role, User
from .review import Review, ReviewArea, ReviewMembership
from .meetings import Attendance, Meeting, NoteItem
from .records import Conclusion, InformationRequest, Recommendation

__all__ = [
    "Attendance",
    "Conclusion",
    "InformationRequest",
    "Meeting",
    "NoteItem",
    "Person",
    "Recommendation",
    "Review",
    "ReviewArea",
    "ReviewMembership",
    "Role",
    "User",
]
