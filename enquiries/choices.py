"""The fixed vocabularies of enquiries: sides, organisation types, interests, places and
statuses, and which of them each side's form offers. Migrations write the choices out in full,
so moving them here changed no migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from partnerships.choices import UKRegion


class EnquirySide(models.TextChoices):
    """Which side of a partnership the enquiry comes from: the form the person used."""

    UK = "uk", _("UK")
    CHINA = "china", _("China")


class OrganisationType(models.TextChoices):
    COUNCIL = "council", _("Council or local authority")
    GOVERNMENT = "government", _("People's government or foreign affairs office")
    EDUCATION_BUREAU = "education-bureau", _("Education bureau")
    SCHOOL = "school", _("School")
    UNIVERSITY = "university", _("University or college")
    BUSINESS = "business", _("Business")
    OTHER = "other", _("Other")


class EnquiryInterest(models.TextChoices):
    SISTER_CITY = "sister-city", _("Sister-city partnership")
    SISTER_SCHOOL = "sister-school", _("Sister-school partnership")
    DELEGATION = "delegation", _("Council delegation visit to China")
    VISIT_UK = "visit-uk", _("Visit or study tour to the UK")
    EDUCATION = "education", _("Education exchange")
    TRADE = "trade", _("Trade and investment")
    OTHER = "other", _("Other")


# What each side's form offers, in the choices' order: each side leaves out the other's own.
SIDE_ORGANISATION_TYPES = {
    EnquirySide.UK: [kind for kind in OrganisationType if kind not in ("government", "education-bureau")],
    EnquirySide.CHINA: [kind for kind in OrganisationType if kind != OrganisationType.COUNCIL],
}
SIDE_INTERESTS = {
    EnquirySide.UK: [interest for interest in EnquiryInterest if interest not in ("visit-uk", "education")],
    EnquirySide.CHINA: [interest for interest in EnquiryInterest if interest != EnquiryInterest.DELEGATION],
}

# One boolean column per interest: filters and counts are plain indexed
# lookups on SQLite and PostgreSQL alike (JSON containment is not portable).
INTEREST_FIELDS = {interest: "interest_" + interest.value.replace("-", "_") for interest in EnquiryInterest}

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


OPEN_ENQUIRY_STATUSES = [EnquiryStatus.NEW, EnquiryStatus.IN_REVIEW]
CLOSED_ENQUIRY_STATUSES = [EnquiryStatus.CONVERTED, EnquiryStatus.DECLINED, EnquiryStatus.SPAM]
