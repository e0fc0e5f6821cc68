from scrutiny.people.models import Person, Role, User

from .meetings import Attendance, Meeting, NoteItem
from .recommendation import MonitoringUpdate, Recommendation
from .records import Conclusion, InformationRequest
from .reminders import ReminderSent
from .review import Review, ReviewArea, ReviewMembership

__all__ = [
    "Attendance",
    "Conclusion",
    "InformationRequest",
    "Meeting",
    "MonitoringUpdate",
    "NoteItem",
    "Person",
    "Recommendation",
    "ReminderSent",
    "Review",
    "ReviewArea",
    "ReviewMembership",
    "Role",
    "User",
]
