"""The public enquiry forms: "Register for a China Partnership" (EnquiryForm, UK organisations)
and its Chinese side (ChinaEnquiryForm, Chinese organisations seeking a UK partner). The
Chinese side is the same form with its own choices, place and wording: one set of rules.

Messages follow the GOV.UK Design System wording; every one says what to do.
The HTML5 `required` and `maxlength` attributes are left out on purpose: the
server's messages (and the error summary) are clearer than browser pop-ups or
text that silently stops at a limit.
"""

import re
import unicodedata

from crispy_forms.helper import FormHelper
from crispy_forms.layout import Fieldset, Layout
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, slug_re
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from partnerships.choices import ChineseProvince
from partnerships.models import Partnership

from .choices import (
    ENQUIRY_REGION_CHOICES,
    SIDE_INTERESTS,
    SIDE_ORGANISATION_TYPES,
    EnquiryInterest,
    EnquirySide,
    OrganisationType,
)
from .models import SUBMITTED_FIELDS, PartnershipEnquiry
from .validators import StrictEmailValidator, plain_text, single_line, strip_invisible

PHONE_CHARACTERS = re.compile(r"\+?[0-9 ()\-]+")
PHONE_MESSAGE = _("Enter a telephone number, like 0115 496 0000 or +44 115 496 0000")
# Where the organisation is: a UK region, or a Chinese province and city (each form asks for its own).
PLACE_FIELDS = {EnquirySide.UK: ["region"], EnquirySide.CHINA: ["china_province", "city"]}


def validate_phone(value, message=PHONE_MESSAGE):
    """UK and international numbers: digits, spaces, brackets, hyphens, a leading +; 7 to 15 digits (E.164)."""
    digits = sum(char in "0123456789" for char in value)
    if not PHONE_CHARACTERS.fullmatch(value) or not 7 <= digits <= 15:
        raise ValidationError(message, code="invalid_phone")


class AgreementCheckbox(forms.CheckboxInput):
    """Ticked only when the posted value is exactly the box's own value.

    Django's CheckboxInput treats any value except "false" as ticked, so a
    crafted post with "0" or "off" would count as agreement.
    """

    checked_value = "yes"

    def format_value(self, value):
        return self.checked_value

    def value_from_datadict(self, data, files, name):
        return data.get(name) == self.checked_value


class CameFromCheckbox(forms.CheckboxInput):
    """One box for the partnership whose page the visitor came from: ticked, it posts that slug."""

    def __init__(self, slug, attrs=None):
        super().__init__(attrs, check_test=bool)
        self.slug = slug

    def format_value(self, value):
        return self.slug

    def value_from_datadict(self, data, files, name):
        return data.get(name, "")


class CameFromField(forms.Field):
    """That box's answer: the partnership already looked up for it (None when it is no longer
    published), so validating the answer costs no second query."""

    default_error_messages = {
        "invalid_choice": _("That partnership is no longer listed. Untick the box to send your enquiry without it")
    }

    def __init__(self, *, partnership=None, slug="", **kwargs):
        super().__init__(required=False, widget=CameFromCheckbox(slug), **kwargs)
        self.partnership = partnership

    def to_python(self, value):
        if not value:
            return None
        if self.partnership is None or value != self.partnership.slug:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return self.partnership


def _messages(required, max_length=None, **others):
    messages = {"required": required, **others}
    if max_length:
        messages["max_length"] = max_length
    return messages


class EnquiryForm(forms.ModelForm):
    # Bots fill in every field; people never see this one (see includes/form_body.html).
    HONEYPOT_FIELD = "website"
    AGREEMENT_FIELD = "privacy_agreed"

    # What differs between the sides (ChinaEnquiryForm sets its own); the rules do not.
    side = EnquirySide.UK
    choice_labels = {}  # an organisation type's or interest's label on this side's form, where not the model's
    field_texts = {}  # {field: {"label": …, "help_text": …}} on top of Meta's
    phone_message = PHONE_MESSAGE

    organisation_type = forms.ChoiceField(
        label=_("Type of organisation"),
        choices=OrganisationType.choices,
        widget=forms.RadioSelect,
        error_messages=_messages(
            _("Select the type of organisation"), invalid_choice=_("Select the type of organisation from the list")
        ),
    )
    interests = forms.MultipleChoiceField(
        label=_("What are you interested in?"),
        help_text=_("Select all that apply."),
        choices=EnquiryInterest.choices,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_messages(
            _("Select what you are interested in"), invalid_choice=_("Select only options from the list")
        ),
    )
    # Only when the visitor came from a partnership's page (see came_from_partnership).
    partnership = CameFromField()
    privacy_agreed = forms.BooleanField(
        widget=AgreementCheckbox,
        error_messages=_messages(_("Confirm that you have read the privacy notice")),
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False, max_length=200)

    use_required_attribute = False

    class Meta:
        model = PartnershipEnquiry
        fields = [*SUBMITTED_FIELDS, "interests"]  # the page's order is the layout's (see __init__)
        labels = {
            "organisation_name": _("Organisation name"),
            "region": _("Where is your organisation based?"),
            "china_province": _("Province, municipality or autonomous region"),
            "city": _("Your city"),
            "contact_name": _("Full name"),
            "job_title": _("Job title"),
            "email": _("Email address"),
            "phone": _("Telephone number (optional)"),
            "message": _("Tell us about your organisation and what you hope a partnership will achieve"),
        }
        help_texts = {
            # The model's notes for staff ("UK side only.") are not for the public form.
            "region": "",
            "china_province": "",
            "email": _("We will only use this to reply to your enquiry."),
            "city": _("For example, Ningbo"),
            "phone": _("For an international number, include the country code, like +86."),
            "message": _("For example, links you already have with China, or the timescale you are working to."),
        }
        widgets = {
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "contact_name": forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
            "job_title": forms.TextInput(attrs={"autocomplete": "organization-title"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
            "phone": forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }
        error_messages = {
            "organisation_name": _messages(
                _("Enter the name of your organisation"), _("Organisation name must be 200 characters or fewer")
            ),
            "region": _messages(_("Select where your organisation is based"), invalid_choice=_("Select a region")),
            "china_province": _messages(
                _("Select the province, municipality or autonomous region where your organisation is based"),
                invalid_choice=_("Select a province from the list"),
            ),
            "city": _messages(_("Enter your city"), _("City must be 60 characters or fewer")),
            "contact_name": _messages(_("Enter your full name"), _("Full name must be 120 characters or fewer")),
            "job_title": _messages(_("Enter your job title"), _("Job title must be 120 characters or fewer")),
            "email": _messages(
                _("Enter your email address"),
                _("Email address must be 254 characters or fewer"),
                invalid=_("Enter an email address in the correct format, like name@example.com"),
            ),
            "phone": {"max_length": _("Telephone number must be 32 characters or fewer")},
            "message": _messages(_("Enter your message"), _("Your message must be 5,000 characters or fewer")),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        fields = self.fields
        self.came_from = self.came_from_partnership()
        self.instance.side = self.side
        self.place_fields = PLACE_FIELDS[self.side]
        for name in {name for names in PLACE_FIELDS.values() for name in names} - set(self.place_fields):
            del fields[name]
        for name in self.place_fields:
            fields[name].required = True  # blank in the model: the other side leaves it empty
        for name, choices in (
            ("organisation_type", SIDE_ORGANISATION_TYPES[self.side]),
            ("interests", SIDE_INTERESTS[self.side]),
        ):
            fields[name].choices = [(choice.value, self.choice_labels.get(choice, choice.label)) for choice in choices]
        for name, texts in self.field_texts.items():
            for attribute, text in texts.items():
                setattr(fields[name], attribute, text)
        if "region" in fields:
            fields["region"].choices = [("", _("Choose a region")), *ENQUIRY_REGION_CHOICES]
        if "china_province" in fields:
            fields["china_province"].choices = [("", _("Choose a province")), *ChineseProvince.choices]
        fields["privacy_agreed"].label = format_html(
            '{} <a href="{}" target="_blank" rel="noopener">{}</a>',
            _("I have read the"),
            reverse("enquiries:privacy"),
            _("privacy notice (opens in a new tab)"),
        )
        for name in ("organisation_name", "contact_name", "job_title", "city"):
            if name in fields:
                fields[name].validators.append(single_line)
        fields["email"].validators = [
            *(v for v in fields["email"].validators if not isinstance(v, EmailValidator)),
            StrictEmailValidator(message=self.Meta.error_messages["email"]["invalid"]),
        ]
        fields["message"].validators.append(plain_text)
        for field in fields.values():
            field.widget.attrs.pop("maxlength", None)
        self.fields[self.HONEYPOT_FIELD].widget.attrs.update({"tabindex": "-1", "autocomplete": "off"})

        self.helper = FormHelper()
        self.helper.form_tag = False  # the template writes <form>, the error summary and the hidden fields
        self.helper.disable_csrf = True  # the template's {% csrf_token %} is the one
        self.helper.layout = Layout(
            Fieldset(_("Your organisation"), "organisation_name", "organisation_type", *self.place_fields),
            Fieldset(_("About you"), "contact_name", "job_title", "email", "phone"),
            Fieldset(_("Your enquiry"), "interests", *(["partnership"] if self.came_from else []), "message"),
            "privacy_agreed",
        )

    def came_from_partnership(self):
        """The slug of the partnership whose page led here, offered as one ticked box.

        Listing every partnership would make this page as heavy as the
        directory (2,000 of them cost 0.5 s and 170 kB a page), and a visitor
        who came straight here can name one in their message. The slug comes
        from `?partnership=` (the link on each partnership page), and once
        posted from the box itself or, when they untick it, from the hidden
        `came_from` field, so the box is still there if the page comes back
        with errors. Without a slug, with an unknown one before anything is
        posted, or with a value that is no slug at all, the question is left out.
        """
        if self.is_bound:
            slug = self.data.get("partnership") or self.data.get("came_from") or ""
        else:
            slug = self.initial.get("partnership") or ""
        slug = str(slug)[:140]
        # Not from our pages if it is no slug at all: ignored, never echoed into the page or sent to the
        # database (PostgreSQL refuses a NUL byte with a ValueError).
        well_formed = bool(slug_re.fullmatch(slug))
        partnership = None
        if well_formed:
            # Only what the box's label names, unordered: this runs on every view of the form.
            found = Partnership.objects.published().select_related("council", "chinese_place").filter(slug=slug)
            partnership = next(iter(found.order_by()[:1]), None)
        if partnership is None and not (self.is_bound and well_formed):
            del self.fields["partnership"]
            return ""
        if partnership:
            label = _("My enquiry is about %(partnership)s") % {"partnership": partnership}
            help_text = _("You came here from its page. Untick this if your enquiry is about something else.")
        else:
            label, help_text = _("My enquiry is about the partnership whose page I came from"), ""
        self.fields["partnership"] = CameFromField(partnership=partnership, slug=slug, label=label, help_text=help_text)
        return slug

    def clean(self):
        cleaned_data = super().clean()
        cleaned_data.setdefault("partnership", None)  # asked only of visitors who came from a partnership
        cleaned_data["side"] = self.side
        for names in PLACE_FIELDS.values():  # the other side's place: empty
            for name in names:
                cleaned_data.setdefault(name, "")
        return cleaned_data

    def clean_email(self):
        local, _at, domain = self.cleaned_data["email"].rpartition("@")
        return f"{local}@{domain.lower()}"

    def clean_message(self):
        # Refused already if it changes the text's direction (plain_text); zero-width characters,
        # BOMs and soft hyphens that come with pasted text are simply dropped.
        return strip_invisible(self.cleaned_data["message"])

    def clean_phone(self):
        # Full-width digits and symbols from Chinese keyboards become their ASCII forms.
        phone = " ".join(unicodedata.normalize("NFKC", self.cleaned_data["phone"]).split())
        if phone:
            validate_phone(phone, self.phone_message)
        return phone

    @property
    def is_honeypot_filled(self):
        return bool(self.data.get(self.HONEYPOT_FIELD, "").strip())

    def error_summary(self):
        """(message, field id) pairs in page order, for the GOV.UK error summary."""
        items = [(message, "") for message in self.non_field_errors()]
        for name in (pointer.name for pointer in self.helper.layout.get_field_names()):
            if name in self.errors:
                field = self[name]
                target = field.auto_id + ("_0" if name in ("organisation_type", "interests") else "")
                items.extend((message, target) for message in self.errors[name])
        return items


class ChinaEnquiryForm(EnquiryForm):
    """Chinese cities, education bureaus, schools and other organisations seeking a UK partner.

    EnquiryForm's fields, rules, messages and protection, with this side's organisation types,
    interests, place (province and city instead of a UK region) and wording."""

    side = EnquirySide.CHINA
    choice_labels = {
        OrganisationType.SCHOOL: _("Primary or secondary school"),
        OrganisationType.UNIVERSITY: pgettext_lazy("Chinese organisation type", "University or college"),
        EnquiryInterest.SISTER_CITY: _("Finding a UK sister city"),
        EnquiryInterest.SISTER_SCHOOL: _("Finding a UK sister school"),
        EnquiryInterest.TRADE: _("Trade and economic cooperation"),
    }
    field_texts = {
        "phone": {"help_text": _("Include the country code, for example +86 574 8718 0000.")},
        "message": {
            "label": _("Tell us about your organisation and the UK partner you are looking for"),
            "help_text": _(
                "For example, the kind of UK city or school you have in mind, the fields you would like to work "
                "in, or your timescale."
            ),
        },
    }
    phone_message = _("Enter a telephone number, like +86 574 8718 0000")
