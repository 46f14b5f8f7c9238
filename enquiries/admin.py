"""The enquiry inbox in the Django admin: list, filter, review, notes, history, CSV export.

What the person submitted is read-only; staff change the owner, move the status
along the workflow (through services.enquiry_change_status, never a bulk update)
and add notes, which cannot be edited afterwards.
"""

import csv
import logging

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Count, Exists, OuterRef, Q
from django.http import HttpResponse
from django.utils import timezone
from django.utils.timesince import timesince
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from tep_portal.spreadsheets import spreadsheet_safe

from . import services
from .models import (
    INTEREST_FIELDS,
    EnquiryInterest,
    EnquiryNote,
    EnquiryStatus,
    EnquiryStatusChange,
    PartnershipEnquiry,
)

logger = logging.getLogger(__name__)


class ConditionFilter(admin.SimpleListFilter):
    """A filter whose choices are plain conditions on the enquiry row.

    Django counts a SimpleListFilter's choices through `id IN (subquery)`, one
    subquery per choice; counting the condition itself lets the database count
    every choice in one pass (the inbox with 50,000 enquiries: see README).
    """

    def condition(self, value):
        """The Q() for one of the lookups' values, or None for anything else."""
        raise NotImplementedError

    def queryset(self, request, queryset):
        condition = self.condition(self.value()) if self.value() else None
        return queryset.filter(condition) if condition is not None else queryset

    def get_facet_counts(self, pk_attname, filtered_qs):
        counts = {}
        for i, (value, _label) in enumerate(self.lookup_choices):
            condition = self.condition(value)
            if condition is not None:
                counts[f"{i}__c"] = Count(pk_attname, filter=condition)
        return counts


class InterestFilter(ConditionFilter):
    title = _("interest")
    parameter_name = "interest"

    def lookups(self, request, model_admin):
        return EnquiryInterest.choices

    def condition(self, value):
        field = INTEREST_FIELDS.get(value)
        return Q(**{field: True}) if field else None


class OwnerFilter(ConditionFilter):
    title = _("owner")
    parameter_name = "owner"

    def lookups(self, request, model_admin):
        # The admin builds its filters again for every facet count: read the owners once per request.
        if not hasattr(request, "_enquiry_owners"):
            # EXISTS probes the owner index once per user, where a join with DISTINCT reads every enquiry.
            owners = (
                get_user_model()
                .objects.filter(Exists(PartnershipEnquiry.objects.filter(owner=OuterRef("pk"))))
                .order_by("username")
            )
            request._enquiry_owners = [(str(user.pk), user.get_full_name() or user.get_username()) for user in owners]
        return [("me", _("My enquiries")), ("none", _("Unassigned")), *request._enquiry_owners]

    def condition(self, value):
        if value == "me":
            return Q(owner=self.request.user)
        if value == "none":
            return Q(owner__isnull=True)
        if value and value.isdigit():
            return Q(owner_id=int(value))
        return None


class EnquiryReviewForm(forms.ModelForm):
    """Staff edit only the owner and the next status; the choices offered are the
    moves the workflow allows from the current status."""

    move_to = forms.ChoiceField(label=_("Change status to"), required=False)

    class Meta:
        model = PartnershipEnquiry
        fields = ["owner"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        allowed = self.instance.allowed_next_statuses() if self.instance.pk else []
        self.fields["move_to"].choices = [("", _("(keep the current status)"))] + [
            (status.value, status.label) for status in allowed
        ]
        self.fields["move_to"].help_text = _("Only the next steps the workflow allows are offered.")


class StatusHistoryInline(admin.TabularInline):
    model = EnquiryStatusChange
    fields = ["changed_at", "from_status", "to_status", "changed_by"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NoteInline(admin.TabularInline):
    """The notes written so far, read-only: a note is a record of what happened."""

    model = EnquiryNote
    fields = ["created_at", "author", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("internal notes")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NewNoteInline(admin.StackedInline):
    """One empty note to write; its author is the signed-in user (save_formset)."""

    model = EnquiryNote
    fields = ["text"]
    extra = 1
    max_num = 1
    can_delete = False
    verbose_name = _("new internal note")
    verbose_name_plural = _("add an internal note")

    def get_queryset(self, request):
        return super().get_queryset(request).none()

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(PartnershipEnquiry)
class PartnershipEnquiryAdmin(admin.ModelAdmin):
    form = EnquiryReviewForm
    list_display = [
        "created_at",
        "reference",
        "organisation_name",
        "contact_name",
        "region",
        "interests_display",
        "status",
        "owner",
        "waiting",
    ]
    list_display_links = ["reference", "organisation_name"]
    list_filter = [
        "status",
        InterestFilter,
        "region",
        "organisation_type",
        OwnerFilter,
        ("created_at", admin.DateFieldListFilter),
    ]
    list_select_related = ["owner"]
    # Counts beside every filter choice, always: cheap enough with ConditionFilter and no date hierarchy
    # (the "received" filter covers it, and its two queries per page read every row).
    show_facets = admin.ShowFacets.ALWAYS
    search_fields = ["reference", "organisation_name", "contact_name", "job_title", "email", "message"]
    search_help_text = _("Search by reference, organisation, name, job title, email address or message.")
    ordering = ["-created_at", "-id"]
    list_per_page = 50
    actions = ["mark_contacted", "mark_spam", "assign_to_me", "export_csv"]
    inlines = [StatusHistoryInline, NoteInline, NewNoteInline]
    fieldsets = [
        (_("Review"), {"fields": ["reference", "created_at", "status", "move_to", "owner", "closed_at"]}),
        (_("Organisation"), {"fields": ["organisation_name", "organisation_type", "region", "partnership"]}),
        (_("Contact"), {"fields": ["contact_name", "job_title", "email", "phone"]}),
        (_("Enquiry"), {"fields": ["interests_display", "message", "language", "privacy_agreed_at"]}),
        (
            _("Emails"),
            {
                "fields": ["staff_notified_at", "acknowledged_at", "email_attempts", "last_email_error"],
                "classes": ["collapse"],
            },
        ),
    ]
    # Everything shown is read-only but what the review changes (the owner, and the status through move_to).
    readonly_fields = [
        name for _title, options in fieldsets for name in options["fields"] if name not in ("move_to", "owner")
    ]

    def has_add_permission(self, request):
        return False  # enquiries only come from the public form

    def has_export_permission(self, request):
        return request.user.has_perm("enquiries.export_partnershipenquiry")

    @admin.display(description=_("interests"))
    def interests_display(self, obj):
        return ", ".join(str(interest.label) for interest in obj.interests)

    @admin.display(description=_("waiting"), ordering="created_at")
    def waiting(self, obj):
        """How long an open enquiry has waited since it arrived."""
        return timesince(obj.created_at) if obj.is_open else "–"

    def save_model(self, request, obj, form, change):
        # Only the owner is saved here: a full save could overwrite a status another reviewer just changed.
        if "owner" in form.changed_data:
            services.enquiry_assign(enquiry=obj, owner=form.cleaned_data["owner"])
        new_status = form.cleaned_data.get("move_to")
        if new_status:
            try:
                services.enquiry_change_status(enquiry=obj, status=new_status, by=request.user)
            except ValidationError as exc:
                self.message_user(request, " ".join(exc.messages), messages.ERROR)

    def save_formset(self, request, form, formset, change):
        if formset.model is not EnquiryNote:
            return super().save_formset(request, form, formset, change)
        for note in formset.save(commit=False):
            if note.pk is None:
                services.enquiry_add_note(enquiry=form.instance, author=request.user, text=note.text)

    def _move(self, request, queryset, status):
        moved, refused = 0, []
        for enquiry in queryset:  # one at a time, so the workflow rules and the history apply
            try:
                services.enquiry_change_status(enquiry=enquiry, status=status, by=request.user)
                moved += 1
            except ValidationError:
                refused.append(enquiry.reference)
        if moved:
            self.message_user(
                request,
                ngettext("%(count)d enquiry marked %(status)s.", "%(count)d enquiries marked %(status)s.", moved)
                % {"count": moved, "status": status.label.lower()},
                messages.SUCCESS,
            )
        if refused:
            self.message_user(
                request,
                _("Not changed, because the workflow does not allow it from their status: %(references)s")
                % {"references": ", ".join(refused)},
                messages.WARNING,
            )

    @admin.action(description=_("Mark selected enquiries as contacted"), permissions=["change"])
    def mark_contacted(self, request, queryset):
        self._move(request, queryset, EnquiryStatus.CONTACTED)

    @admin.action(description=_("Mark selected enquiries as spam"), permissions=["change"])
    def mark_spam(self, request, queryset):
        self._move(request, queryset, EnquiryStatus.SPAM)

    @admin.action(description=_("Assign selected enquiries to me"), permissions=["change"])
    def assign_to_me(self, request, queryset):
        count = 0
        for enquiry in queryset.exclude(owner=request.user):
            services.enquiry_assign(enquiry=enquiry, owner=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d enquiry assigned to you.", "%(count)d enquiries assigned to you.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Export selected enquiries as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        rows = queryset.select_related("owner", "partnership__council", "partnership__chinese_place").order_by(
            "-created_at", "-id"
        )
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response["Content-Disposition"] = f'attachment; filename="tep-enquiries-{stamp}.csv"'
        response.write("\ufeff")  # lets Excel read UTF-8, so Chinese and Welsh names survive
        writer = csv.writer(response)
        writer.writerow(CSV_HEADERS)
        count = 0
        for enquiry in rows:
            writer.writerow([spreadsheet_safe(value) for value in csv_row(enquiry)])
            count += 1
        # Who took personal data out of the system, without the data itself.
        logger.info("CSV export of %d enquiries by user %s", count, request.user.pk)
        return response


CSV_HEADERS = [
    "reference",
    "received",
    "status",
    "owner",
    "organisation",
    "organisation type",
    "region",
    "contact name",
    "job title",
    "email",
    "phone",
    "interests",
    "partnership",
    "message",
]


def csv_row(enquiry):
    return [
        enquiry.reference,
        timezone.localtime(enquiry.created_at).strftime("%Y-%m-%d %H:%M"),
        enquiry.get_status_display(),
        enquiry.owner.get_username() if enquiry.owner else "",
        enquiry.organisation_name,
        enquiry.get_organisation_type_display(),
        enquiry.get_region_display(),
        enquiry.contact_name,
        enquiry.job_title,
        enquiry.email,
        enquiry.phone,
        "; ".join(str(interest.label) for interest in enquiry.interests),
        str(enquiry.partnership) if enquiry.partnership else "",
        enquiry.message,
    ]
