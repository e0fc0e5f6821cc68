"""People and organisations: the agencies that lead actions, the people named in the work, and the
user accounts (with their roles) that may stand for them."""

from django.contrib.auth.models import AbstractUser, UserManager
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from scrutiny.core.model_declarations import choice_is_valid, optional_link

# Kept out of the user's history: a password hash is a secret, and a sign-in is not a change.
UNRECORDED_USER_FIELDS = ("password", "last_login")


class AgencyKind(models.TextChoices):
    COUNCIL = "council", "Council"
    NHS_CLUSTER = "nhs_cluster", "NHS cluster or commissioner"
    NHS_TRUST = "nhs_trust", "NHS trust or hospital"
    POLICE = "police", "Police"
    PARTNERSHIP = "partnership", "Partnership board"
    OTHER = "other", "Other"


class Agency(models.Model):
    Kind = AgencyKind

    name = models.CharField("name", max_length=200, unique=True)
    short_name = models.CharField("short name", max_length=40, unique=True)
    kind = models.CharField("kind of agency", max_length=20, choices=Kind.choices, default=AgencyKind.COUNCIL)
    other_names = models.CharField(
        "other names",
        max_length=500,
        blank=True,
        help_text="Other ways people write this agency's name, separated by semicolons.",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "agency"
        verbose_name_plural = "agencies"
        constraints = [
            choice_is_valid("kind", AgencyKind, "agency_kind_valid", "Choose a kind of agency from the list."),
        ]

    def __str__(self):
        return self.name


class Person(models.Model):
    """Someone named in the review: a councillor, an officer, a foster carer, a witness.

    Most people never sign in; a user account may stand for one."""

    name = models.CharField("name", max_length=200)
    job_title = models.CharField("job title or capacity", max_length=200, blank=True)
    organisation = models.CharField("organisation", max_length=200, blank=True)
    agency = optional_link(Agency, "people", "agency")
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
    def sees_every_review(self) -> bool:
        """Every inspection and review of the council, not only those the user works on."""
        return self == Role.ADMIN

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
    agency = optional_link(Agency, "users", "agency", help_text="Officers update the actions this agency leads.")
    person = models.OneToOneField(
        Person,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="user",
        verbose_name="person",
        help_text="The person in the review this sign-in stands for, if any.",
    )
    password_changed_at = models.DateTimeField("password last changed", null=True, blank=True, editable=False)
    history = HistoricalRecords(excluded_fields=list(UNRECORDED_USER_FIELDS))

    objects = ScrutinyUserManager()

    class Meta:
        ordering = ["username"]
        verbose_name = "user"
        constraints = [
            choice_is_valid("role", Role, "user_role_valid", "Choose a role from the list."),
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
        if not self.is_active or not self.role_obj.can_write_review_records or review.is_closed:
            return False
        return self.role == Role.ADMIN or self.is_on_review(review)

    def can_run_meetings_of(self, review) -> bool:
        if not self.is_active or not self.role_obj.can_run_meetings or review.is_closed:
            return False
        return self.role == Role.ADMIN or self.is_on_review(review)

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # The role is the only privilege: Django's staff and superuser flags follow it, never apart.
        self.is_staff = self.is_superuser = self.role == Role.ADMIN
        if update_fields is not None and "role" in update_fields:
            update_fields = kwargs["update_fields"] = {*update_fields, "is_staff", "is_superuser"}
        if self._password is not None:
            # set_password() was called: the history records when (and, by its user, who), not the hash.
            self.password_changed_at = timezone.now()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "password_changed_at"}
        elif update_fields is not None and set(update_fields) <= set(UNRECORDED_USER_FIELDS):
            # A sign-in (last_login) or a stronger hash of the same password: nothing to record.
            self.skip_history_when_saving = True
            try:
                return super().save(*args, **kwargs)
            finally:
                del self.skip_history_when_saving
        return super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise PermissionError("Users are deactivated, never deleted: their history must keep its author.")
