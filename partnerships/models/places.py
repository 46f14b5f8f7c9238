"""UK councils, Chinese places and the areas partnerships are grouped by."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tep_portal.rich_text import RichTextField

from ..choices import PROVINCE_LEVEL_KINDS, AuthorityKind, ChinesePlaceKind, UKNation, UKRegion, nation_of


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
    introduction = RichTextField(
        _("introduction"), blank=True, help_text=_("Shown on the pages of the partnerships in this area.")
    )

    class Meta:
        verbose_name = _("area")
        verbose_name_plural = _("areas")
        ordering = ["name"]

    def __str__(self):
        return self.name
