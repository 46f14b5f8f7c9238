"""Enquiries from "Register for a China Partnership" and their review.

The model holds the review's state machine; enquiries/services.py saves, emails
and erases. The tables keep the names they were made with in the partnerships
app (migration 0001 moved the models here without touching the data).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Upper
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.models import Partnership, UKRegion


class OrganisationType(models.TextChoices):
    COUNCIL = "council", _("Council or local authority")
    SCHOOL = "school", _("School")
    UNIVERSITY = "university", _("University or college")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class EnquiryInterest(models.TextChoices):
    SISTER_CITY = "sister-city", _("Sister-city partnership")
    SISTER_SCHOOL = "sister-school", _("Sister-school partnership")
    DELEGATION = "delegation", _("Council delegation visit to China")
    TRADE = "trade", _("Trade and investment")
    OTHER = "other", _("Other")


# One boolean column per interest: filters and counts are plain indexed
# lookups on SQLite and PostgreSQL alike (JSON containment is not portable).
INTEREST_FIELDS = {
    EnquiryInterest.SISTER_CITY: "interest_sister_city",
    EnquiryInterest.SISTER_SCHOOL: "interest_sister_school",
    EnquiryInterest.DELEGATION: "interest_delegation",
    EnquiryInterest.TRADE: "interest_trade",
    EnquiryInterest.OTHER: "interest_other",
}

OUTSIDE_UK = "outside-uk"
ENQUIRY_REGION_CHOICES = [*UKRegion.choices, (OUTSIDE_UK, _("Outside the UK"))]
ENQUIRY_REGION_VALUES = [value for value, _label in ENQUIRY_REGION_CHOICES]


class EnquiryStatus(models.TextChoices):
    NEW = "new", _("New")
    IN_REVIEW = "in-review", _("In review")
    CONTACTED = "contacted", _("Contacted")
    CONVERTED = "converted", _("Converted")
    DECLINED = "declined", _("Declined")
    SPAM = "spam", _("Spam")


# Which status may follow which. Converted and declined are final; spam can be
# undone (back to new) because "mark as spam" is a bulk action and mistakes happen.
ENQUIRY_TRANSITIONS = {
    EnquiryStatus.NEW: [EnquiryStatus.IN_REVIEW, EnquiryStatus.CONTACTED, EnquiryStatus.SPAM],
    EnquiryStatus.IN_REVIEW: [EnquiryStatus.CONTACTED, EnquiryStatus.DECLINED, EnquiryStatus.SPAM],
    EnquiryStatus.CONTACTED: [EnquiryStatus.CONVERTED, EnquiryStatus.DECLINED],
    EnquiryStatus.CONVERTED: [],
    EnquiryStatus.DECLINED: [],
    EnquiryStatus.SPAM: [EnquiryStatus.NEW],
}
OPEN_ENQUIRY_STATUSES = [EnquiryStatus.NEW, EnquiryStatus.IN_REVIEW]
CLOSED_ENQUIRY_STATUSES = [EnquiryStatus.CONVERTED, EnquiryStatus.DECLINED, EnquiryStatus.SPAM]
ENQUIRY_MESSAGE_MAX_LENGTH = 5000


# What the person submits, in the form's order (the form asks for them, the service stores them).
SUBMITTED_FIELDS = [
    "organisation_name",
    "organisation_type",
    "region",
    "contact_name",
    "job_title",
    "email",
    "phone",
    "partnership",
    "message",
]
# Those that can name or reach a person: emptied when an enquiry is anonymised.
PERSONAL_FIELDS = ["organisation_name", "contact_name", "job_title", "email", "phone", "message"]


class PartnershipEnquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_ENQUIRY_STATUSES)

    def closed_before(self, cutoff):
        """Closed (converted, declined, spam) enquiries that were closed before `cutoff`."""
        return self.filter(status__in=CLOSED_ENQUIRY_STATUSES, closed_at__lt=cutoff)

    def past_retention(self, cutoff, *, delete=False):
        """What the retention rule acts on: enquiries closed before `cutoff`; those still to
        anonymise, or with delete=True all of them."""
        expired = self.closed_before(cutoff)
        return expired if delete else expired.filter(anonymised_at__isnull=True)

    def for_submission(self, submission_id):
        """The enquiry stored for this form submission (a refresh or a second click sends it again), or None."""
        return self.filter(submission_token=submission_id).first()

    def for_email(self, email):
        """Every enquiry sent from this address, whatever its letter case."""
        return self.filter(email__iexact=email.strip())

    def awaiting_email(self):
        """Enquiries whose staff notification or acknowledgement has not gone out yet."""
        return (
            self.filter(anonymised_at__isnull=True)
            .exclude(status=EnquiryStatus.SPAM)
            .filter(Q(staff_notified_at__isnull=True) | Q(acknowledged_at__isnull=True))
        )


class PartnershipEnquiry(models.Model):
    """One "Register for a China Partnership" submission and where its review stands."""

    # What the person submitted (read-only in the admin).
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, editable=False)
    submission_token = models.UUIDField(_("submission token"), unique=True, editable=False)
    organisation_name = models.CharField(_("organisation"), max_length=200)
    organisation_type = models.CharField(_("type of organisation"), max_length=16, choices=OrganisationType)
    contact_name = models.CharField(_("contact name"), max_length=120)
    job_title = models.CharField(_("job title"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    region = models.CharField(_("region"), max_length=20, choices=ENQUIRY_REGION_CHOICES)
    interest_sister_city = models.BooleanField(EnquiryInterest.SISTER_CITY.label, default=False)
    interest_sister_school = models.BooleanField(EnquiryInterest.SISTER_SCHOOL.label, default=False)
    interest_delegation = models.BooleanField(EnquiryInterest.DELEGATION.label, default=False)
    interest_trade = models.BooleanField(EnquiryInterest.TRADE.label, default=False)
    interest_other = models.BooleanField(EnquiryInterest.OTHER.label, default=False)
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership they came from"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="enquiries",
    )
    message = models.TextField(_("message"), max_length=ENQUIRY_MESSAGE_MAX_LENGTH)
    language = models.CharField(
        _("language"), max_length=10, default="en", help_text=_("The language they used; emails to them use it too.")
    )
    privacy_agreed_at = models.DateTimeField(_("agreed to the privacy notice"))
    created_at = models.DateTimeField(_("received"), default=timezone.now, editable=False)

    # The review.
    status = models.CharField(_("status"), max_length=12, choices=EnquiryStatus, default=EnquiryStatus.NEW)
    status_changed_at = models.DateTimeField(_("status changed"), null=True, blank=True, editable=False)
    closed_at = models.DateTimeField(
        _("closed"), null=True, blank=True, editable=False, help_text=_("When it became converted, declined or spam.")
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_enquiries",
        db_index=False,  # enquiry_owner_status_idx starts with owner
        limit_choices_to={"is_staff": True, "is_active": True},
        help_text=_("The staff member following this enquiry up."),
    )

    # Email delivery: recorded so a failed send is visible and retried (manage.py retry_enquiry_emails).
    staff_notified_at = models.DateTimeField(_("staff notified"), null=True, blank=True, editable=False)
    acknowledged_at = models.DateTimeField(_("acknowledgement sent"), null=True, blank=True, editable=False)
    email_attempts = models.PositiveSmallIntegerField(_("email attempts"), default=0, editable=False)
    last_email_error = models.CharField(
        _("last email error"), max_length=100, blank=True, editable=False, help_text=_("The kind of error only.")
    )
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True, editable=False)

    objects = PartnershipEnquiryQuerySet.as_manager()

    class Meta:
        db_table = "partnerships_partnershipenquiry"
        verbose_name = _("partnership enquiry")
        verbose_name_plural = _("partnership enquiries")
        ordering = ["-created_at", "-id"]
        permissions = [("export_partnershipenquiry", _("Can export enquiries as CSV"))]
        indexes = [
            models.Index(fields=["-created_at", "-id"], name="enquiry_received_idx"),
            models.Index(fields=["status", "-created_at"], name="enquiry_status_received_idx"),
            models.Index(fields=["owner", "status"], name="enquiry_owner_status_idx"),
            models.Index(fields=["status", "closed_at"], name="enquiry_status_closed_idx"),
            models.Index(Upper("email"), name="enquiry_email_upper_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(status__in=EnquiryStatus.values), name="enquiry_status_valid"),
            models.CheckConstraint(
                condition=Q(organisation_type__in=OrganisationType.values), name="enquiry_organisation_type_valid"
            ),
            models.CheckConstraint(condition=Q(region__in=ENQUIRY_REGION_VALUES), name="enquiry_region_valid"),
            models.CheckConstraint(
                condition=Q(interest_sister_city=True)
                | Q(interest_sister_school=True)
                | Q(interest_delegation=True)
                | Q(interest_trade=True)
                | Q(interest_other=True),
                name="enquiry_has_an_interest",
            ),
            models.CheckConstraint(
                condition=Q(status__in=CLOSED_ENQUIRY_STATUSES, closed_at__isnull=False)
                | (~Q(status__in=CLOSED_ENQUIRY_STATUSES) & Q(closed_at__isnull=True)),
                name="enquiry_closed_at_iff_closed",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("message"), ENQUIRY_MESSAGE_MAX_LENGTH),
                name="enquiry_message_not_too_long",
            ),
        ]

    def __str__(self):
        return f"{self.reference or _('(no reference)')} – {self.organisation_name}"

    @staticmethod
    def make_reference(year, number):
        return f"TEP-{year}-{number:04d}"

    @property
    def interests(self):
        """The interests ticked, as EnquiryInterest members in form order."""
        return [interest for interest, field in INTEREST_FIELDS.items() if getattr(self, field)]

    def set_interests(self, values):
        for interest, field in INTEREST_FIELDS.items():
            setattr(self, field, interest in values)

    @property
    def is_open(self):
        return self.status in OPEN_ENQUIRY_STATUSES

    def allowed_next_statuses(self):
        return list(ENQUIRY_TRANSITIONS[EnquiryStatus(self.status)])

    def transition_to(self, status, *, by):
        """Move to `status` if the workflow allows it and return the (unsaved)
        history row; raise ValidationError otherwise. Saving is the service's job."""
        if status not in self.allowed_next_statuses():
            raise ValidationError(
                _("An enquiry that is %(current)s cannot be marked %(new)s."),
                code="invalid_transition",
                params={
                    "current": EnquiryStatus(self.status).label.lower(),
                    "new": EnquiryStatus(status).label.lower() if status in EnquiryStatus.values else status,
                },
            )
        change = EnquiryStatusChange(enquiry=self, from_status=self.status, to_status=status, changed_by=by)
        now = timezone.now()
        self.status = status
        self.status_changed_at = now
        self.closed_at = now if status in CLOSED_ENQUIRY_STATUSES else None
        change.changed_at = now
        return change


class EnquiryNote(models.Model):
    """An internal note on an enquiry. Notes are a log: they cannot be edited once saved."""

    enquiry = models.ForeignKey(
        PartnershipEnquiry, verbose_name=_("enquiry"), on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        editable=False,
        related_name="+",
    )
    text = models.TextField(_("note"), max_length=5000)
    created_at = models.DateTimeField(_("written"), default=timezone.now, editable=False)

    class Meta:
        db_table = "partnerships_enquirynote"
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=GreaterThan(Length("text"), 0), name="enquirynote_text_not_empty"),
        ]

    def __str__(self):
        return f"{self.text[:60]}"


class EnquiryStatusChange(models.Model):
    """Who moved an enquiry from which status to which, and when."""

    enquiry = models.ForeignKey(
        PartnershipEnquiry, verbose_name=_("enquiry"), on_delete=models.CASCADE, related_name="status_changes"
    )
    from_status = models.CharField(_("from"), max_length=12, choices=EnquiryStatus)
    to_status = models.CharField(_("to"), max_length=12, choices=EnquiryStatus)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("by"), on_delete=models.SET_NULL, null=True, related_name="+"
    )
    changed_at = models.DateTimeField(_("when"), default=timezone.now)

    class Meta:
        db_table = "partnerships_enquirystatuschange"
        verbose_name = _("status change")
        verbose_name_plural = _("status changes")
        ordering = ["changed_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(from_status__in=EnquiryStatus.values) & Q(to_status__in=EnquiryStatus.values),
                name="enquirystatuschange_statuses_valid",
            ),
            models.CheckConstraint(condition=~Q(from_status=models.F("to_status")), name="enquirystatuschange_moves"),
        ]

    def __str__(self):
        return f"{self.get_from_status_display()} → {self.get_to_status_display()}"
