"""The organisation's own details: one record, edited in the admin, shown site-wide
(footer, contact page, privacy notice, schema.org data) and in the enquiry emails."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

# Companies House: 8 characters, digits or a two-letter prefix and 6 digits (SC123456, NI123456).
COMPANY_NUMBER = RegexValidator(
    r"^(?:\d{8}|[A-Z]{2}\d{6})$",
    _("A UK company number has 8 characters, e.g. 01234567 or SC123456."),
)
# The ICO's data protection register: a registration number such as ZA123456 or Z1234567.
ICO_NUMBER = RegexValidator(
    r"^Z[A-Z0-9]\d{6}$",
    _("An ICO registration number starts with Z and has 8 characters, e.g. ZA123456."),
)
TELEPHONE_CHARACTERS = re.compile(r"^\+?[\d ()-]+$")


def validate_telephone(value):
    """Digits with spaces, brackets or hyphens, an optional leading +; 7 to 15 digits (ITU E.164)."""
    digits = sum(character.isdigit() for character in value)
    if not TELEPHONE_CHARACTERS.match(value) or not 7 <= digits <= 15:
        raise ValidationError(
            _("Write the telephone number with digits, spaces and an optional leading +, e.g. +44 115 496 0000."),
            code="invalid_telephone",
        )


# WeChat's own rule for a WeChat ID: 6–20 letters, digits, _ or -, starting with a letter.
WECHAT_ID = RegexValidator(
    r"^[A-Za-z][A-Za-z0-9_-]{5,19}$",
    _("A WeChat ID has 6–20 letters, digits, _ or -, and starts with a letter."),
)

# What check --deploy requires before launch (the privacy notice and the footer name them).
REQUIRED_FIELDS = ("legal_name", "company_number", "ico_number", "address", "email")

SINGLETON_ID = 1


class OrganisationQuerySet(models.QuerySet):
    def current(self):
        """The one record; an unsaved record with the defaults if it does not exist (yet)."""
        return self.filter(pk=SINGLETON_ID).first() or self.model(pk=SINGLETON_ID, name_en=settings.SITE_NAME)


class Organisation(models.Model):
    """True Education Partnership's own details. There is only ever one record."""

    name = models.CharField(
        _("name"),
        max_length=120,
        help_text=_("The name the site shows; the Chinese column holds the organisation's Chinese name."),
    )
    legal_name = models.CharField(
        _("registered name"), max_length=160, blank=True, help_text=_("As on the Companies House register.")
    )
    company_number = models.CharField(
        _("company number"), max_length=8, blank=True, validators=[COMPANY_NUMBER], help_text=_("e.g. 01234567")
    )
    ico_number = models.CharField(
        _("ICO registration number"),
        max_length=8,
        blank=True,
        validators=[ICO_NUMBER],
        help_text=_("From the Information Commissioner's data protection register, e.g. ZA123456."),
    )
    address = models.TextField(
        _("address"), blank=True, help_text=_("The registered office or postal address, one part per line.")
    )
    email = models.EmailField(_("email"), blank=True, help_text=_("The public contact address."))
    telephone = models.CharField(
        _("telephone"), max_length=24, blank=True, validators=[validate_telephone], help_text=_("e.g. +44 115 496 0000")
    )
    wechat_id = models.CharField(_("WeChat ID"), max_length=20, blank=True, validators=[WECHAT_ID])
    wechat_qr = models.ImageField(
        _("WeChat QR code"),
        upload_to="organisation/",
        blank=True,
        help_text=_("The QR code a visitor scans to add the WeChat account."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisation details")
        verbose_name_plural = _("organisation details")

    def __str__(self):
        return str(_("Organisation details"))

    def save(self, *args, **kwargs):
        self.pk = SINGLETON_ID
        super().save(*args, **kwargs)

    @property
    def contact_email(self):
        """Where visitors write to: the record's address, else the enquiry team's."""
        return self.email or (settings.ENQUIRY_NOTIFY_EMAILS or [""])[0]

    @property
    def telephone_uri(self):
        """The number for a tel: link (RFC 3966): the digits and a leading +, no spaces."""
        return ("+" if self.telephone.startswith("+") else "") + "".join(c for c in self.telephone if c.isdigit())

    @property
    def address_lines(self):
        return [line.strip() for line in self.address.splitlines() if line.strip()]

    @property
    def has_contact_details(self):
        return bool(self.contact_email or self.telephone or self.wechat_id or self.address)

    def missing_fields(self):
        """Verbose names of the required details still empty (for check --deploy)."""
        return [str(self._meta.get_field(name).verbose_name) for name in REQUIRED_FIELDS if not getattr(self, name)]
