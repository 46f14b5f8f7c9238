"""The partnerships between UK councils and Chinese places, and their timeline."""

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from tep_portal.publishing import PublishableQuerySet
from tep_portal.rich_text import RichTextField
from tep_portal.validators import MAX_YEAR, MIN_YEAR, year_in_range, year_validators

from ..choices import NATION_REGIONS, Confidence, DatePrecision, EventCategory, LinkKind, LinkStatus
from ..place_names import without_administrative_suffix
from .places import Area, ChinesePlace, Council

EARTH_RADIUS_KM = 6371.0
KM_PER_MILE = 1.609344


class PartnershipQuerySet(PublishableQuerySet):
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
        """Match UK or Chinese names, in English or Chinese characters, written with or
        without a Chinese administrative suffix (宁波市 finds 宁波; 浙江 finds 浙江省)."""
        text = without_administrative_suffix(text)
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
        _("notes on sources"),
        blank=True,
        help_text=_(
            "Shown to visitors under Sources: a sentence or two for readers on what the sources say and how "
            "sure they are, in both languages. Internal research goes in the research notes."
        ),
    )
    research_note = models.TextField(
        _("research notes"),
        blank=True,
        help_text=_("For staff only, never shown on the site: where the facts come from, conflicts, what to check."),
    )
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences for lists and search results.")
    )
    body = RichTextField(
        _("story"), blank=True, help_text=_("The full story: subheadings, paragraphs, lists and links.")
    )
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

    @staticmethod
    def slug_for(council_name, chinese_place_name):
        """The page address made from the two English names, e.g. nottingham-ningbo."""
        return slugify(f"{council_name} {chinese_place_name}")

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


class TimelineEventQuerySet(PublishableQuerySet):
    def published(self):
        """An event reaches visitors when it is published, has happened (a future-dated event
        appears on its date, never as past news) and at least one of its partnerships is
        published. The EXISTS keeps this one query, and is_published stays the first condition
        so the partial index event_published_newest_idx still serves the newest-first pages."""
        public_partnerships = Partnership.objects.published().filter(events=OuterRef("pk"))
        return self.filter(is_published=True, date__lte=timezone.localdate()).filter(Exists(public_partnerships))

    def future(self):
        """Dated after today: staff are warned, visitors see them from their date."""
        return self.filter(date__gt=timezone.localdate())

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
    partnerships = models.ManyToManyField(
        Partnership, verbose_name=_("partnerships"), related_name="events", through="EventPartnership"
    )
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

    @property
    def is_future(self):
        return bool(self.date) and self.date > timezone.localdate()

    def clean(self):
        # Store a year or a month as its first day, so ordering and feeds agree.
        if self.date and self.precision == DatePrecision.YEAR:
            self.date = self.date.replace(month=1, day=1)
        elif self.date and self.precision == DatePrecision.MONTH:
            self.date = self.date.replace(day=1)
        if self.date and not (MIN_YEAR <= self.date.year <= MAX_YEAR):
            raise ValidationError({"date": _("Give a date between 1900 and 2100.")})


class EventPartnership(models.Model):
    """One partnership an event belongs to: the table behind TimelineEvent.partnerships, named so
    the partnership's admin page can list its events with readable labels."""

    timelineevent = models.ForeignKey(
        TimelineEvent, verbose_name=_("timeline event"), on_delete=models.CASCADE, related_name="partnership_links"
    )
    partnership = models.ForeignKey(
        Partnership, verbose_name=_("partnership"), on_delete=models.CASCADE, related_name="event_links"
    )

    class Meta:
        # The table Django made when the relation had no model of its own (migration 0009).
        db_table = "partnerships_timelineevent_partnerships"
        verbose_name = _("event of a partnership")
        verbose_name_plural = _("events of a partnership")
        unique_together = [("timelineevent", "partnership")]

    def __str__(self):
        return str(self.timelineevent)
