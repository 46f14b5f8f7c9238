"""Enquiries from "Register for a China Partnership" (UK organisations seeking a partner in
China) and from Chinese organisations seeking a UK partner, and their review.

The model holds the review's state machine; enquiries/services.py saves, emails
and erases. The tables keep the names they were made with in the partnerships
app (migration 0001 moved the models here without touching the data).
"""

from functools import reduce
from operator import or_

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length, Upper
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.choices import ChineseProvince
from partnerships.models import Partnership

from .choices import (
    CLOSED_ENQUIRY_STATUSES,
    ENQUIRY_REGION_CHOICES,
    ENQUIRY_REGION_VALUES,
    INTEREST_FIELDS,
    OPEN_ENQUIRY_STATUSES,
    SIDE_INTERESTS,
    SIDE_ORGANISATION_TYPES,
    EnquiryInterest,
    EnquirySide,
    EnquiryStatus,
    OrganisationType,
)

# Which status may follow which. Spam can be undone (back to new) because "mark as
# spam" is a bulk action and mistakes happen; converted and declined can be reopened
# (back to in review), with the reason recorded, because a mis-click must be undoable.
ENQUIRY_TRANSITIONS = {
    EnquiryStatus.NEW: [EnquiryStatus.IN_REVIEW, EnquiryStatus.CONTACTED, EnquiryStatus.SPAM],
    EnquiryStatus.IN_REVIEW: [EnquiryStatus.CONTACTED, EnquiryStatus.DECLINED, EnquiryStatus.SPAM],
    EnquiryStatus.CONTACTED: [EnquiryStatus.CONVERTED, EnquiryStatus.DECLINED],
    EnquiryStatus.CONVERTED: [EnquiryStatus.IN_REVIEW],
    EnquiryStatus.DECLINED: [EnquiryStatus.IN_REVIEW],
    EnquiryStatus.SPAM: [EnquiryStatus.NEW],
}
# Leaving one of these is a reopening: it needs a reason, kept in the status history.
REOPENABLE_STATUSES = [EnquiryStatus.CONVERTED, EnquiryStatus.DECLINED]
ENQUIRY_MESSAGE_MAX_LENGTH = 5000


# What the person submits, in the form's order (the form asks for them, the service stores them).
SUBMITTED_FIELDS = [
    "organisation_name",
    "organisation_type",
    "region",
    "china_province",
    "city",
    "contact_name",
    "job_title",
    "email",
    "phone",
    "partnership",
    "message",
]
# Those that can name or reach a person: emptied when an enquiry is anonymised. The place (UK
# region, or Chinese province and city) stays with the figures, as an organisation's type does.
PERSONAL_FIELDS = ["organisation_name", "contact_name", "job_title", "email", "phone", "message"]

# The constraints' conditions (PartnershipEnquiry.Meta): each side has its own place, types and interests.
PLACE_FITS_SIDE = Q(side=EnquirySide.UK.value, region__in=ENQUIRY_REGION_VALUES, china_province="", city="") | Q(
    side=EnquirySide.CHINA.value, region="", china_province__in=ChineseProvince.values
)
ORGANISATION_TYPE_FITS_SIDE = reduce(
    or_,
    (
        Q(side=side.value, organisation_type__in=[k.value for k in kinds])
        for side, kinds in SIDE_ORGANISATION_TYPES.items()
    ),
)
INTERESTS_FIT_SIDE = reduce(
    or_,
    (
        Q(side=side.value, **{field: False for interest, field in INTEREST_FIELDS.items() if interest not in offered})
        for side, offered in SIDE_INTERESTS.items()
    ),
)


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

    def acknowledged_since(self, email, moment):
        """Enquiries from this address whose acknowledgement went out after `moment`."""
        return self.for_email(email).filter(acknowledged_at__gte=moment)

    def awaiting_email(self):
        """Enquiries whose staff notification or acknowledgement has not gone out yet."""
        return (
            self.filter(anonymised_at__isnull=True)
            .exclude(status=EnquiryStatus.SPAM)
            .filter(Q(staff_notified_at__isnull=True) | Q(acknowledged_at__isnull=True, acknowledgement_withheld=False))
        )


class PartnershipEnquiry(models.Model):
    """One enquiry (UK side: "Register for a China Partnership"; China side: a Chinese organisation
    seeking a UK partner) and where its review stands."""

    # What the person submitted (read-only in the admin).
    side = models.CharField(
        _("side"),
        max_length=8,
        choices=EnquirySide,
        default=EnquirySide.UK,
        editable=False,
        help_text=_(
            "UK: a UK organisation seeking a partner in China. China: a Chinese organisation seeking a UK partner."
        ),
    )
    reference = models.CharField(_("reference"), max_length=20, unique=True, null=True, editable=False)
    submission_token = models.UUIDField(_("submission token"), unique=True, editable=False)
    organisation_name = models.CharField(_("organisation"), max_length=200)
    organisation_type = models.CharField(_("type of organisation"), max_length=16, choices=OrganisationType)
    contact_name = models.CharField(_("contact name"), max_length=120)
    job_title = models.CharField(_("job title"), max_length=120)
    email = models.EmailField(_("email"), max_length=254)
    phone = models.CharField(_("phone"), max_length=32, blank=True)
    region = models.CharField(
        _("region"), max_length=20, choices=ENQUIRY_REGION_CHOICES, blank=True, help_text=_("UK side only.")
    )
    china_province = models.CharField(
        _("province"),
        max_length=20,
        choices=ChineseProvince,
        blank=True,
        help_text=_("China side only: the province, municipality or autonomous region."),
    )
    city = models.CharField(_("city"), max_length=60, blank=True, help_text=_("China side only."))
    interest_sister_city = models.BooleanField(EnquiryInterest.SISTER_CITY.label, default=False)
    interest_sister_school = models.BooleanField(EnquiryInterest.SISTER_SCHOOL.label, default=False)
    interest_delegation = models.BooleanField(EnquiryInterest.DELEGATION.label, default=False)
    interest_visit_uk = models.BooleanField(EnquiryInterest.VISIT_UK.label, default=False)
    interest_education = models.BooleanField(EnquiryInterest.EDUCATION.label, default=False)
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
    acknowledgement_withheld = models.BooleanField(
        _("acknowledgement withheld"),
        default=False,
        editable=False,
        help_text=_("Not sent: this address had already received the most acknowledgements allowed in a day."),
    )
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
            models.CheckConstraint(condition=Q(side__in=EnquirySide.values), name="enquiry_side_valid"),
            models.CheckConstraint(condition=ORGANISATION_TYPE_FITS_SIDE, name="enquiry_organisation_type_fits_side"),
            models.CheckConstraint(condition=PLACE_FITS_SIDE, name="enquiry_place_fits_side"),
            models.CheckConstraint(
                condition=reduce(or_, (Q(**{field: True}) for field in INTEREST_FIELDS.values())),
                name="enquiry_has_an_interest",
            ),
            models.CheckConstraint(condition=INTERESTS_FIT_SIDE, name="enquiry_interests_fit_side"),
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
        # The reference only: this is what the admin's history (LogEntry.object_repr) keeps,
        # and it must name nobody (issue 12).
        return self.reference or str(_("(no reference)"))

    @staticmethod
    def make_reference(year, number):
        return f"TEP-{year}-{number:04d}"

    @property
    def place(self):
        """Where the organisation is: its UK region, or its Chinese city and province."""
        if self.side == EnquirySide.CHINA:
            return _("%(city)s, %(province)s") % {"city": self.city, "province": self.get_china_province_display()}
        return self.get_region_display()

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

    def is_reopening(self, status):
        return self.status in REOPENABLE_STATUSES and status not in REOPENABLE_STATUSES

    def transition_to(self, status, *, by, reason=""):
        """Move to `status` if the workflow allows it and return the (unsaved)
        history row; raise ValidationError otherwise (also when reopening without
        a reason). Saving is the service's job."""
        if status not in self.allowed_next_statuses():
            raise ValidationError(
                _("An enquiry that is %(current)s cannot be marked %(new)s."),
                code="invalid_transition",
                params={
                    "current": EnquiryStatus(self.status).label.lower(),
                    "new": EnquiryStatus(status).label.lower() if status in EnquiryStatus.values else status,
                },
            )
        reason = " ".join(str(reason).split())
        if self.is_reopening(status) and not reason:
            raise ValidationError(_("Say why you are reopening this enquiry"), code="reason_required")
        change = EnquiryStatusChange(
            enquiry=self, from_status=self.status, to_status=status, changed_by=by, reason=reason
        )
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
        # Not the text: this is what the admin's history keeps ("Added internal note …").
        return str(_("note %(number)s")) % {"number": self.pk or "–"}


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
    reason = models.CharField(
        _("reason"), max_length=500, blank=True, help_text=_("Why a converted or declined enquiry was reopened.")
    )

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
