"""The enquiry inbox in the Django admin: list, filter, review, notes, history, CSV export.

What the person submitted is read-only; staff change the owner, move the status
along the workflow (through services.enquiry_change_status, never a bulk update)
and add notes, which cannot be edited afterwards.
"""

import logging
from urllib.parse import quote

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext, ngettext, override
from django.utils.translation import gettext_lazy as _

from tep_portal.text import staff_name

from . import exports, services
from .admin_filters import (
    InterestFilter,
    OrganisationTypeFilter,
    OwnerFilter,
    RegionFilter,
    SideFilter,
    StatusFilter,
)
from .choices import EnquiryStatus
from .exports import spreadsheet_safe  # noqa: F401 - where the tests and older code find it
from .management.commands.create_staff_groups import ENQUIRY_REVIEWERS
from .models import EnquiryNote, EnquiryStatusChange, PartnershipEnquiry

logger = logging.getLogger(__name__)


class ReviewerChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return staff_name(obj)


class EnquiryReviewForm(forms.ModelForm):
    """Staff edit only the owner and the next status; the choices offered are the
    moves the workflow allows from the current status."""

    move_to = forms.ChoiceField(label=_("Change status to"), required=False)
    reopen_reason = forms.CharField(
        label=_("Reason for reopening"),
        required=False,
        max_length=500,
        help_text=_("Needed only to reopen a converted or declined enquiry; kept in its status history."),
    )

    class Meta:
        model = PartnershipEnquiry
        fields = ["owner"]
        field_classes = {"owner": ReviewerChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Owners: active staff in "Enquiry reviewers", or superusers (and whoever owns it now), by full name.
        reviewers = Q(is_active=True, is_staff=True) & (Q(groups__name=ENQUIRY_REVIEWERS) | Q(is_superuser=True))
        if self.instance.owner_id:
            reviewers |= Q(pk=self.instance.owner_id)
        self.fields["owner"].queryset = (
            get_user_model().objects.filter(reviewers).distinct().order_by("first_name", "last_name", "username")
        )
        allowed = self.instance.allowed_next_statuses() if self.instance.pk else []
        self.fields["move_to"].choices = [("", _("(keep the current status)"))] + [
            (status.value, status.label) for status in allowed
        ]
        self.fields["move_to"].help_text = _("Only the next steps the workflow allows are offered.")

    def clean(self):
        cleaned_data = super().clean()
        move_to = cleaned_data.get("move_to")
        if move_to and self.instance.is_reopening(move_to) and not cleaned_data.get("reopen_reason", "").strip():
            self.add_error("reopen_reason", _("Say why you are reopening this enquiry"))
        return cleaned_data


class StatusHistoryInline(admin.TabularInline):
    model = EnquiryStatusChange
    fields = ["changed_at", "from_status", "to_status", "by", "reason"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("status history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("changed_by")

    @admin.display(description=_("by"))
    def by(self, obj):
        # By name, not the admin's link to the user, which reviewers may not open.
        return staff_name(obj.changed_by)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class NoteInline(admin.TabularInline):
    """The notes written so far, read-only: a note is a record of what happened."""

    model = EnquiryNote
    fields = ["created_at", "written_by", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = _("internal notes")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    @admin.display(description=_("author"))
    def written_by(self, obj):
        return staff_name(obj.author)

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
        "side",
        "organisation_name",
        "contact_name",
        "place",
        "interests_display",
        "status",
        "owner_name",
        "waiting",
    ]
    list_display_links = ["reference", "organisation_name"]
    list_filter = [
        StatusFilter,
        SideFilter,
        InterestFilter,
        RegionFilter,
        OrganisationTypeFilter,
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
    actions = ["mark_contacted", "mark_spam", "assign_to_me", "export_csv", "export_xlsx"]
    inlines = [StatusHistoryInline, NoteInline, NewNoteInline]
    fieldsets = [
        (
            _("Review"),
            {"fields": ["reference", "created_at", "status", "move_to", "reopen_reason", "owner", "closed_at"]},
        ),
        (
            _("Organisation"),
            {
                "fields": [
                    "side",
                    "organisation_name",
                    "organisation_type",
                    "region",
                    "china_province",
                    "city",
                    "partnership",
                ]
            },
        ),
        (_("Contact"), {"fields": ["contact_name", "job_title", "email_link", "phone"]}),
        (_("Enquiry"), {"fields": ["interests_display", "message", "language", "privacy_agreed_at"]}),
        (
            _("Emails"),
            {
                "fields": [
                    "staff_notified_at",
                    "acknowledged_at",
                    "acknowledgement_withheld",
                    "email_attempts",
                    "last_email_error",
                ],
                "classes": ["collapse"],
            },
        ),
    ]
    # Everything shown is read-only but what the review changes (the owner, and the status through move_to).
    readonly_fields = [
        name
        for _title, options in fieldsets
        for name in options["fields"]
        if name not in ("move_to", "reopen_reason", "owner")
    ]

    def has_add_permission(self, request):
        return False  # enquiries only come from the public form

    def has_export_permission(self, request):
        return request.user.has_perm("enquiries.export_partnershipenquiry")

    @admin.display(description=_("email"))
    def email_link(self, obj):
        """A mailto: link, its subject the reference, in the language the person wrote in."""
        if not obj.email:
            return "–"
        with override(obj.language):
            subject = gettext("Your enquiry %(reference)s") % {"reference": obj.reference}
        local, _at, domain = obj.email.rpartition("@")
        href = f"mailto:{quote(local, safe='')}@{quote(domain, safe='')}?subject={quote(subject, safe='')}"
        return format_html('<a href="{}">{}</a>', href, obj.email)

    @admin.display(description=_("owner"), ordering="owner")
    def owner_name(self, obj):
        return staff_name(obj.owner) if obj.owner else "–"

    @admin.display(description=_("based in"))
    def place(self, obj):
        """The UK region, or the Chinese city and province."""
        return obj.place or "–"

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
                services.enquiry_change_status(
                    enquiry=obj, status=new_status, by=request.user, reason=form.cleaned_data.get("reopen_reason", "")
                )
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

    def _export(self, request, queryset, build, kind):
        rows = queryset.select_related("owner", "partnership__council", "partnership__chinese_place").order_by(
            "-created_at", "-id"
        )
        response, count = build(rows)
        # Who took personal data out of the system, without the data itself.
        logger.info("%s export of %d enquiries by user %s", kind, count, request.user.pk)
        return response

    @admin.action(description=_("Export selected enquiries as CSV"), permissions=["export"])
    def export_csv(self, request, queryset):
        return self._export(request, queryset, exports.csv_response, "CSV")

    @admin.action(description=_("Export selected enquiries for Excel (.xlsx)"), permissions=["export"])
    def export_xlsx(self, request, queryset):
        return self._export(request, queryset, exports.xlsx_response, "XLSX")
