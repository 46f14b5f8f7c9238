"""Councils, Chinese places, the partnerships between them and their timeline.

Text that visitors read is translated with django-modeltranslation (see
translation.py): `summary` reads the active language's column and falls back
to English.
"""

import math

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Length, Upper
from django.db.models.lookups import GreaterThan, LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

MIN_YEAR, MAX_YEAR = 1900, 2100
year_validators = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
EARTH_RADIUS_KM = 6371.0
KM_PER_MILE = 1.609344


def year_in_range(field):
    """A CheckConstraint condition: the year column is empty or 1900–2100."""
    return Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": MIN_YEAR, f"{field}__lte": MAX_YEAR})


class UKRegion(models.TextChoices):
    NORTH_EAST = "north-east", _("North East")
    NORTH_WEST = "north-west", _("North West")
    YORKSHIRE = "yorkshire-humber", _("Yorkshire and the Humber")
    EAST_MIDLANDS = "east-midlands", _("East Midlands")
    WEST_MIDLANDS = "west-midlands", _("West Midlands")
    EAST = "east-of-england", _("East of England")
    LONDON = "london", _("London")
    SOUTH_EAST = "south-east", _("South East")
    SOUTH_WEST = "south-west", _("South West")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")


class UKNation(models.TextChoices):
    ENGLAND = "england", _("England")
    WALES = "wales", _("Wales")
    SCOTLAND = "scotland", _("Scotland")
    NORTHERN_IRELAND = "northern-ireland", _("Northern Ireland")


NATION_REGIONS = {
    UKNation.WALES: [UKRegion.WALES],
    UKNation.SCOTLAND: [UKRegion.SCOTLAND],
    UKNation.NORTHERN_IRELAND: [UKRegion.NORTHERN_IRELAND],
}
NATION_REGIONS[UKNation.ENGLAND] = [
    region for region in UKRegion if region not in {UKRegion.WALES, UKRegion.SCOTLAND, UKRegion.NORTHERN_IRELAND}
]


def nation_of(region):
    return next(nation for nation, regions in NATION_REGIONS.items() if region in regions)


class AuthorityKind(models.TextChoices):
    CITY = "city", _("City council")
    COUNTY = "county", _("County council")
    BOROUGH = "borough", _("Borough or district council")
    UNITARY = "unitary", _("Unitary authority")
    NATION = "nation", _("Devolved nation")


class ChinesePlaceKind(models.TextChoices):
    CITY = "city", _("City")
    MUNICIPALITY = "municipality", _("Municipality")
    PROVINCE = "province", _("Province")
    AUTONOMOUS_REGION = "autonomous-region", _("Autonomous region")


PROVINCE_LEVEL_KINDS = [ChinesePlaceKind.MUNICIPALITY, ChinesePlaceKind.PROVINCE, ChinesePlaceKind.AUTONOMOUS_REGION]


class LinkKind(models.TextChoices):
    TWIN_CITY = "twin-city", _("Twin city")
    SISTER_CITY = "sister-city", _("Sister city")
    FRIENDSHIP_CITY = "friendship-city", _("Friendship city")
    FRIENDSHIP_AGREEMENT = "friendship-agreement", _("Friendship agreement")
    PROVINCE_LINK = "province-link", _("Province link")


class LinkStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    DORMANT = "dormant", _("Dormant")
    ENDED = "ended", _("Ended")


class Confidence(models.TextChoices):
    HIGH = "high", _("High: an official source or two independent ones")
    MEDIUM = "medium", _("Medium: one non-official source or a disputed year")
    LOW = "low", _("Low: doubtful, to be confirmed")


class EventCategory(models.TextChoices):
    EDUCATION = "education", _("Education")
    TRADE = "trade", _("Trade and investment")
    CIVIC = "civic", _("Civic")
    CULTURE = "culture", _("Culture")


class DatePrecision(models.TextChoices):
    YEAR = "year", _("Year")
    MONTH = "month", _("Month")
    DAY = "day", _("Day")


class Place(models.Model):
    """What UK authorities and Chinese places share: names, slug, coordinates."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Decimal degrees, north positive (Nottingham: 52.95)."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Decimal degrees, east positive (Nottingham: -1.15)."),
    )

    class Meta:
        abstract = True

    def __str__(self):
        return self.name

    @property
    def has_coordinates(self):
        return self.latitude is not None and self.longitude is not None

    @classmethod
    def coordinate_constraints(cls, prefix):
        return [
            models.CheckConstraint(
                condition=Q(latitude__isnull=True) | Q(latitude__gte=-90, latitude__lte=90),
                name=f"{prefix}_latitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(longitude__isnull=True) | Q(longitude__gte=-180, longitude__lte=180),
                name=f"{prefix}_longitude_in_range",
            ),
            models.CheckConstraint(
                condition=Q(latitude__isnull=True, longitude__isnull=True)
                | Q(latitude__isnull=False, longitude__isnull=False),
                name=f"{prefix}_coordinates_both_or_neither",
            ),
        ]


class Council(Place):
    """A UK council or other authority that holds (or may hold) a China link."""

    kind = models.CharField(_("kind"), max_length=16, choices=AuthorityKind, default=AuthorityKind.CITY)
    region = models.CharField(_("UK region"), max_length=20, choices=UKRegion)
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("UK council")
        verbose_name_plural = _("UK councils")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=AuthorityKind.values), name="council_kind_valid"),
            models.CheckConstraint(condition=Q(region__in=UKRegion.values), name="council_region_valid"),
            *Place.coordinate_constraints("council"),
        ]

    @property
    def nation(self):
        return nation_of(self.region)

    def get_nation_display(self):
        return UKNation(self.nation).label


class ChinesePlace(Place):
    """A Chinese city, municipality or province that is (or may be) a partner."""

    kind = models.CharField(_("kind"), max_length=20, choices=ChinesePlaceKind, default=ChinesePlaceKind.CITY)
    province = models.ForeignKey(
        "self",
        verbose_name=_("province"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="places",
        limit_choices_to={"kind__in": PROVINCE_LEVEL_KINDS},
        help_text=_("The province the city lies in. Leave empty for provinces and municipalities."),
    )

    class Meta:
        verbose_name = _("Chinese place")
        verbose_name_plural = _("Chinese places")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=ChinesePlaceKind.values), name="chineseplace_kind_valid"),
            *Place.coordinate_constraints("chineseplace"),
        ]

    def clean(self):
        if self.kind in PROVINCE_LEVEL_KINDS and self.province_id:
            raise ValidationError({"province": _("A province-level place does not lie in another province.")})

    @property
    def province_level(self):
        """The province-level place this one belongs to (itself for a province)."""
        return self if self.kind in PROVINCE_LEVEL_KINDS else self.province


class Area(models.Model):
    """A UK area whose partnerships are shown together, e.g. Nottingham & Nottinghamshire."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=120, unique=True)
    introduction = models.TextField(_("introduction"), blank=True)

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]

    def __str__(self):
        return self.name


class PartnershipQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def active(self):
        return self.filter(status=LinkStatus.ACTIVE)

    def with_places(self):
        return self.select_related("council", "chinese_place__province", "area")

    def in_nation(self, nation):
        return self.filter(council__region__in=NATION_REGIONS[nation])

    def in_chinese_province(self, province):
        """Partnerships with the province itself or with any place inside it."""
        return self.filter(Q(chinese_place=province) | Q(chinese_place__province=province))

    def search(self, text):
        """Match UK or Chinese names, in English or Chinese characters."""
        query = Q()
        for field in (
            "council__name_en",
            "council__name_zh_hans",
            "chinese_place__name_en",
            "chinese_place__name_zh_hans",
            "chinese_place__province__name_en",
            "chinese_place__province__name_zh_hans",
        ):
            query |= Q(**{f"{field}__icontains": text})
        return self.filter(query)

    def headline_figures(self):
        """Counts for the home page, in one query: partnerships, UK regions and
        Chinese provinces (a city counts as its province; a province or
        municipality as itself)."""
        return self.aggregate(
            partnerships=models.Count("pk"),
            uk_regions=models.Count("council__region", distinct=True),
            chinese_provinces=models.Count(Coalesce("chinese_place__province_id", "chinese_place_id"), distinct=True),
        )


class Partnership(models.Model):
    """A formal link between a UK council and a Chinese place."""

    slug = models.SlugField(_("slug"), max_length=140, unique=True, help_text=_("Used in the page address."))
    council = models.ForeignKey(
        Council, verbose_name=_("UK council"), on_delete=models.PROTECT, related_name="partnerships"
    )
    chinese_place = models.ForeignKey(
        ChinesePlace, verbose_name=_("Chinese place"), on_delete=models.PROTECT, related_name="partnerships"
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="partnerships",
        help_text=_("Partnerships of one area are shown together on their pages."),
    )
    kind = models.CharField(_("kind of link"), max_length=24, choices=LinkKind)
    year_established = models.PositiveSmallIntegerField(
        _("year established"),
        null=True,
        blank=True,
        validators=year_validators,
        help_text=_("Leave empty when no source confirms the year."),
    )
    year_note = models.CharField(
        _("note on the year"),
        max_length=200,
        blank=True,
        help_text=_("Shown beside the year when sources disagree, e.g. “some sources say 2017”."),
    )
    status = models.CharField(_("status"), max_length=12, choices=LinkStatus, default=LinkStatus.ACTIVE)
    year_ended = models.PositiveSmallIntegerField(_("year ended"), null=True, blank=True, validators=year_validators)
    confidence = models.CharField(_("confidence"), max_length=8, choices=Confidence, default=Confidence.HIGH)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    source_note = models.TextField(
        _("notes on sources"), blank=True, help_text=_("Further sources and caveats, for staff and careful readers.")
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for lists and search results.")
    )
    body = models.TextField(_("story"), blank=True, help_text=_("The full story. Blank lines separate paragraphs."))
    hero_image = models.ImageField(_("hero image"), upload_to="partnerships/%Y/%m/", blank=True)
    hero_image_alt = models.CharField(
        _("hero image description"),
        max_length=250,
        blank=True,
        help_text=_("Describe the image for people who cannot see it."),
    )
    is_published = models.BooleanField(_("published"), default=False)
    is_featured = models.BooleanField(_("featured on the home page"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PartnershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("partnership")
        verbose_name_plural = _("partnerships")
        ordering = ["council__name", "chinese_place__name"]
        constraints = [
            models.UniqueConstraint(fields=["council", "chinese_place"], name="partnership_unique_pair"),
            models.CheckConstraint(condition=Q(kind__in=LinkKind.values), name="partnership_kind_valid"),
            models.CheckConstraint(condition=Q(status__in=LinkStatus.values), name="partnership_status_valid"),
            models.CheckConstraint(condition=Q(confidence__in=Confidence.values), name="partnership_confidence_valid"),
            models.CheckConstraint(
                condition=year_in_range("year_established"), name="partnership_established_in_range"
            ),
            models.CheckConstraint(condition=year_in_range("year_ended"), name="partnership_ended_in_range"),
            models.CheckConstraint(
                condition=Q(status=LinkStatus.ENDED, year_ended__isnull=False)
                | (~Q(status=LinkStatus.ENDED) & Q(year_ended__isnull=True)),
                name="partnership_end_year_iff_ended",
            ),
            models.CheckConstraint(
                condition=Q(year_ended__isnull=True)
                | Q(year_established__isnull=True)
                | Q(year_ended__gte=models.F("year_established")),
                name="partnership_end_not_before_start",
            ),
            models.CheckConstraint(
                condition=Q(hero_image="") | ~Q(hero_image_alt=""), name="partnership_image_has_alt"
            ),
        ]

    def __str__(self):
        return f"{self.council.name} – {self.chinese_place.name}"

    def get_absolute_url(self):
        return reverse("partnerships:detail", kwargs={"slug": self.slug})

    def clean(self):
        errors = {}
        if self.status == LinkStatus.ENDED and self.year_ended is None:
            errors["year_ended"] = _("Give the year an ended partnership ended.")
        if self.status != LinkStatus.ENDED and self.year_ended is not None:
            errors["year_ended"] = _("Only an ended partnership has a year ended.")
        if self.year_ended and self.year_established and self.year_ended < self.year_established:
            errors["year_ended"] = _("A partnership cannot end before the year it was established.")
        if self.hero_image and not self.hero_image_alt.strip():
            errors["hero_image_alt"] = _("Describe the image for people who cannot see it.")
        if errors:
            raise ValidationError(errors)

    @property
    def distance_km(self):
        """Great-circle distance between the two places (haversine), or None."""
        a, b = self.council, self.chinese_place
        if not (a.has_coordinates and b.has_coordinates):
            return None
        lat1, lon1, lat2, lon2 = map(math.radians, map(float, (a.latitude, a.longitude, b.latitude, b.longitude)))
        h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))

    @property
    def distance_miles(self):
        km = self.distance_km
        return None if km is None else km / KM_PER_MILE


class TimelineEventQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True)

    def newest_first(self):
        return self.order_by("-date", "-id")


class TimelineEvent(models.Model):
    """Something that happened in a partnership, dated as precisely as the sources allow."""

    date = models.DateField(
        _("date"), help_text=_("For a year or a month, enter its first day and pick the precision.")
    )
    precision = models.CharField(_("date precision"), max_length=5, choices=DatePrecision, default=DatePrecision.DAY)
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("text"), blank=True)
    category = models.CharField(_("category"), max_length=12, choices=EventCategory)
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    partnerships = models.ManyToManyField(Partnership, verbose_name=_("partnerships"), related_name="events")
    schools = models.ManyToManyField("schools.UKSchool", verbose_name=_("schools"), related_name="events", blank=True)
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TimelineEventQuerySet.as_manager()

    class Meta:
        verbose_name = _("timeline event")
        verbose_name_plural = _("timeline events")
        ordering = ["date", "id"]
        indexes = [
            # The home page's latest events and the timeline's first pages: with 20,000 events an
            # index scan that stops after 20 rows, instead of sorting every published event.
            models.Index(fields=["-date", "-id"], condition=Q(is_published=True), name="event_published_newest_idx"),
        ]
        constraints = [
            models.CheckConstraint(condition=Q(precision__in=DatePrecision.values), name="event_precision_valid"),
            models.CheckConstraint(condition=Q(category__in=EventCategory.values), name="event_category_valid"),
            models.CheckConstraint(
                condition=Q(date__gte="1900-01-01", date__lte="2100-12-31"), name="event_date_in_range"
            ),
        ]

    def __str__(self):
        return f"{self.date.year}: {self.title}"

    def get_absolute_url(self):
        return f"{reverse('partnerships:timeline')}#event-{self.pk}"

    def clean(self):
        # Store a year or a month as its first day, so ordering and feeds agree.
        if self.date and self.precision == DatePrecision.YEAR:
            self.date = self.date.replace(month=1, day=1)
        elif self.date and self.precision == DatePrecision.MONTH:
            self.date = self.date.replace(day=1)
        if self.date and not (MIN_YEAR <= self.date.year <= MAX_YEAR):
            raise ValidationError({"date": _("Give a date between 1900 and 2100.")})


class Quote(models.Model):
    text = models.TextField(_("quote"))
    speaker = models.CharField(_("speaker"), max_length=120)
    role = models.CharField(_("speaker's role"), max_length=200, blank=True)
    partnership = models.ForeignKey(
        Partnership,
        verbose_name=_("partnership"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="quotes",
    )
    source_url = models.URLField(_("source"), max_length=500, blank=True)
    is_paraphrase = models.BooleanField(
        _("reported speech"), default=False, help_text=_("Tick when the text reports what was said, not the words.")
    )
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["speaker", "id"]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"


class OrderedContent(models.Model):
    """Short pieces of site copy that staff reorder: steps, benefits, statistics."""

    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))
    is_published = models.BooleanField(_("published"), default=True)

    class Meta:
        abstract = True
        ordering = ["position", "id"]


class Statistic(OrderedContent):
    value = models.CharField(_("figure"), max_length=40, help_text=_("As displayed, e.g. 52 or 2,000+."))
    label = models.CharField(_("what it counts"), max_length=200)
    source_name = models.CharField(_("source"), max_length=200)
    source_url = models.URLField(_("source link"), max_length=500, blank=True)
    as_of_year = models.PositiveSmallIntegerField(
        _("year of the figure"), null=True, blank=True, validators=year_validators
    )
    is_approximate_date = models.BooleanField(
        _("year is approximate"), default=False, help_text=_("Shown as “c. 2014”.")
    )

    class Meta(OrderedContent.Meta):
        verbose_name = _("statistic")
        verbose_name_plural = _("statistics")
        constraints = [models.CheckConstraint(condition=year_in_range("as_of_year"), name="statistic_year_in_range")]

    def __str__(self):
        return f"{self.value} {self.label}"


class ProcessStep(OrderedContent):
    """One step of the Sister City Partnership Process."""

    title = models.CharField(_("title"), max_length=120)
    text = models.TextField(_("text"))

    class Meta(OrderedContent.Meta):
        verbose_name = _("partnership process step")
        verbose_name_plural = _("partnership process steps")

    def __str__(self):
        return self.title


class Benefit(OrderedContent):
    """One benefit of a sister-city partnership, as listed on the benefits page."""

    text = models.CharField(_("benefit"), max_length=200)

    class Meta(OrderedContent.Meta):
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")

    def __str__(self):
        return self.text


class Page(models.Model):
    """Editable copy for the site's standing pages (about, process, benefits, home)."""

    slug = models.SlugField(
        _("slug"),
        max_length=60,
        unique=True,
        help_text=_("Which page this is: home, about, process, benefits or privacy."),
    )
    title = models.CharField(_("title"), max_length=200)
    introduction = models.TextField(_("introduction"), blank=True)
    body = models.TextField(
        _("body"), blank=True, help_text=_("Blank lines separate paragraphs; a line starting with ## is a subheading.")
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["slug"]

    def __str__(self):
        return self.title


class SeedRecord(models.Model):
    """Remembers which demo-content record made which row, so loading it again
    neither duplicates rows nor undoes what staff changed or deleted."""

    key = models.CharField(max_length=200, unique=True)
    content_type = models.ForeignKey("contenttypes.ContentType", on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("demo content record")
        verbose_name_plural = _("demo content records")
        ordering = ["key"]

    def __str__(self):
        return self.key


# ==============================================================================
# Enquiries from "Register for a China Partnership" (issue 4) and their review.
# The model holds the state machine; partnerships/services.py saves and emails.
# ==============================================================================


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


class PartnershipEnquiryQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status__in=OPEN_ENQUIRY_STATUSES)

    def closed_before(self, cutoff):
        """Closed (converted, declined, spam) enquiries that were closed before `cutoff`."""
        return self.filter(status__in=CLOSED_ENQUIRY_STATUSES, closed_at__lt=cutoff)

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
