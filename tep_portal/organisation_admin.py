"""The organisation details in the admin: one record, edited on one screen, never deleted."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from .images import clean_image_upload, image_upload_help_text
from .models import SINGLETON_ID, Organisation


class OrganisationForm(forms.ModelForm):
    class Meta:
        model = Organisation
        fields = "__all__"  # noqa: DJ007 - staff-only form; the admin's fieldsets choose what shows

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["wechat_qr"].help_text = image_upload_help_text()

    def _compact_upper(self, name):
        # "sc 123456" and "za123456" are what people type for SC123456 and ZA123456.
        return "".join(self.data.get(self.add_prefix(name), "").split()).upper()

    def clean_wechat_qr(self):
        image = self.cleaned_data.get("wechat_qr")
        if isinstance(image, UploadedFile):  # a new upload; an unchanged image is the stored file
            return clean_image_upload(image)
        return image

    def full_clean(self):
        if self.is_bound:
            self.data = self.data.copy()
            for name in ("company_number", "ico_number"):
                self.data[self.add_prefix(name)] = self._compact_upper(name)
        super().full_clean()


@admin.register(Organisation)
class OrganisationAdmin(TranslationAdmin):
    form = OrganisationForm
    fieldsets = [
        (None, {"fields": ["name"]}),
        (
            _("Legal details"),
            {
                "fields": ["legal_name", "company_number", "ico_number", "address"],
                "description": _(
                    "Shown in the privacy notice and the footer. `manage.py check --deploy` warns "
                    "while any of these or the email address is empty."
                ),
            },
        ),
        (_("Contact"), {"fields": ["email", "telephone", "wechat_id", "wechat_qr"]}),
    ]

    def has_add_permission(self, request):
        # The one record exists from the first migration on; no query here, every admin page asks.
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """One record: the list goes straight to its form (making the record, with its defaults,
        in a database that lost it)."""
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        if not Organisation.objects.filter(pk=SINGLETON_ID).exists():
            Organisation.objects.current().save()
        return redirect(reverse("admin:tep_portal_organisation_change", args=[SINGLETON_ID]))
