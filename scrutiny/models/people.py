"""People named in the work, and the user accounts that may stand for them."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords


class Person(models.Model):
    """Someone named in the review: a councillor, an officer, a foster carer, a witness.

    Most people never sign in; a user account may stand for one."""

    name = models.CharField("name", max_length=200)
    job_title = models.CharField("job title or capacity", max_length=200, blank=True)
    organisation = models.CharField("organisation", max_length=200, blank=True)
    agency = models.ForeignKey(
        "actionplan.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="people", verbose_name="agency"
    )
    email = models.EmailField("email address", blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "person"
        verbose_name_plural = "people"

    def __str__(self):
        return self.name

    @property
    def described(self) -> str:
        """“Jenny Butlin-Moran, Service Manager, Safeguarding, WCC” as the report writes it."""
        return ", ".join(part for part in (self.name, self.job_title, self.organisation) if part)


class Role(models.TextChoices):
    """What a user may do. Capabilities live here, not scattered through views."""

    OFFICER = "officer", "Officer"
    MEMBER = "member", "Task & finish member"
    CLERK = "clerk", "Clerk"
    ADMIN = "admin", "Administrator"

    @property
    def sees_every_agency(self) -> bool:
        return self in (Role.MEMBER, Role.CLERK, Role.ADMIN)

    @property
    def works_for_one_agency(self) -> bool:
        """Officers: their pages start from, and are limited to, what their agency leads."""
        return self == Role.OFFICER

    @property
    def can_edit_any_action(self) -> bool:
        return self == Role.ADMIN

    @property
    def can_update_own_agency_actions(self) -> bool:
        return self in (Role.OFFICER, Role.ADMIN)

    @property
    def can_write_review_records(self) -> bool:
        """Conclusions, information requests, recommendations."""
        return self in (Role.MEMBER, Role.CLERK, Role.ADMIN)

    @property
    def can_run_meetings(self) -> bool:
        return self in (Role.CLERK, Role.ADMIN)

    @property
    def can_export(self) -> bool:
        return self in (Role.MEMBER, Role.CLERK, Role.ADMIN)

    @property
    def can_import(self) -> bool:
        return self == Role.ADMIN

    @property
    def can_administer(self) -> bool:
        return self == Role.ADMIN


class ScrutinyUserManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        extra_fields.setdefault("role", Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """A sign-in. Users are deactivated, never deleted, so that history keeps its authors."""

    role = models.CharField("role", max_length=20, choices=Role.choices, default=Role.OFFICER)
    agency = models.ForeignKey(
        "actionplan.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="users",
        verbose_name="agency", help_text="Officers update the actions this agency leads.",
    )
    person = models.OneToOneField(
        Person, on_delete=models.SET_NULL, null=True, blank=True, related_name="user", verbose_name="person",
        help_text="The person in the review this sign-in stands for, if any.",
    )
    # History holds no secrets: a password change is recorded (who, when, a reason), its hash is not.
    history = HistoricalRecords(excluded_fields=["password"])

    objects = ScrutinyUserManager()

    class Meta:
        ordering = ["username"]
        verbose_name = "user"
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=Role.values), name="user_role_valid",
                violation_error_message="Choose a role from the list.",
            ),
            models.CheckConstraint(
                condition=~Q(role=Role.OFFICER) | Q(agency__isnull=False),
                name="officer_belongs_to_agency",
                violation_error_message="An officer must belong to an agency.",
            ),
        ]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.person_id:
            return self.person.name
        return self.get_full_name() or self.username

    @property
    def role_obj(self) -> Role:
        return Role(self.role)

    # Capability checks on objects: the one place that answers "may this user ...?"

    def can_view_agency(self, agency) -> bool:
        return self.is_active and (self.role_obj.sees_every_agency or self.agency_id == getattr(agency, "pk", agency))

    def can_edit_action(self, action) -> bool:
        if not self.is_active:
            return False
        if self.role_obj.can_edit_any_action:
            return True
        return self.role == Role.OFFICER and self.agency_id is not None and action.lead_agency_id == self.agency_id

    def is_on_review(self, review) -> bool:
        if not self.person_id:
            return False
        return review.memberships.filter(person_id=self.person_id).exists()

    def can_write_review(self, review) -> bool:
        """Members and clerks write into the reviews they sit on; administrators into any."""
        if not self.is_active or not self.role_obj.can_write_review_records:
            return False
        return self.role == Role.ADMIN or self.is_on_review(review)

    def can_run_meetings_of(self, review) -> bool:
        if not self.is_active or not self.role_obj.can_run_meetings:
            return False
        return self.role == Role.ADMIN or self.is_on_review(review)

    def delete(self, *args, **kwargs):
        raise PermissionError("Users are deactivated, never deleted: their history must keep its author.")
