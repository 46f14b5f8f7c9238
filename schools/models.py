"""UK schools, their Chinese partner schools and the sister-school links between them."""

from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from tep_portal.publishing import PublishableQuerySet
from tep_portal.text import join_phrase
from tep_portal.validators import year_in_range, year_validators


class SchoolPhase(models.TextChoices):
    PRIMARY = "primary", _("Primary")
    SECONDARY = "secondary", _("Secondary")
    ALL_THROUGH = "all-through", _("All-through")
    SIXTH_FORM = "sixth-form", _("Sixth form or college")
    SPECIAL = "special", _("Special school")


class UKSchoolQuerySet(PublishableQuerySet):
    def published(self):
        """A school is public when it is published and has at least one published sister-school link."""
        links = SisterSchoolLink.objects.filter(is_published=True, uk_school=OuterRef("pk"))
        return self.filter(Exists(links), is_published=True)


class SisterSchoolLinkQuerySet(PublishableQuerySet):
    def published(self):
        """A link is public when it and its UK school are both published."""
        return self.filter(is_published=True, uk_school__is_published=True)


class UKSchool(models.Model):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    council = models.ForeignKey(
        "partnerships.Council", verbose_name=_("council"), on_delete=models.PROTECT, related_name="schools"
    )
    town = models.CharField(_("town"), max_length=120, blank=True)
    phase = models.CharField(_("phase"), max_length=12, choices=SchoolPhase, default=SchoolPhase.SECONDARY)
    website = models.URLField(_("website"), blank=True)
    urn = models.CharField(
        _("DfE URN"),
        max_length=6,
        blank=True,
        validators=[RegexValidator(r"^\d{6}$", _("A URN is six digits."))],
        help_text=_("The Department for Education's unique reference number, where known."),
    )
    summary = models.TextField(_("summary"), blank=True)
    events = models.ManyToManyField(
        "partnerships.TimelineEvent",
        verbose_name=_("timeline events"),
        related_name="schools",
        blank=True,
        # Declared here, not on the event, so partnerships never depends on schools; the table is the
        # one made when the event held the relation (schools migration 0002 moved it without touching it).
        db_table="partnerships_timelineevent_schools",
    )
    is_published = models.BooleanField(_("published"), default=False)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = UKSchoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("UK school")
        verbose_name_plural = _("UK schools")
        # By the English name, which every school has (name_zh_hans may be empty): the same order,
        # and a stable one for pagination, in both languages.
        ordering = ["name_en", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["urn"], condition=~Q(urn=""), name="ukschool_unique_urn"),
            models.CheckConstraint(condition=Q(phase__in=SchoolPhase.values), name="ukschool_phase_valid"),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("schools:detail", kwargs={"slug": self.slug})

    @property
    def locality_parts(self):
        """(record, field) of the town and the council, or of the council alone when the town
        bears its name: what `locality` joins (`{% marked_phrase %}` marks each part's language)."""
        town = [(self, "town")] if self.town and self.town != self.council.name else []
        return [*town, (self.council, "name")]

    @property
    def locality(self):
        """Town and council in the active language: "Rainworth, Nottinghamshire" (雷恩沃思，诺丁汉郡),
        or the council alone when the town bears its name."""
        return join_phrase([getattr(record, field) for record, field in self.locality_parts])


class ChineseSchool(models.Model):
    name = models.CharField(_("name"), max_length=200)
    city = models.ForeignKey(
        "partnerships.ChinesePlace", verbose_name=_("city"), on_delete=models.PROTECT, related_name="schools"
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("Chinese partner school")
        verbose_name_plural = _("Chinese partner schools")
        ordering = ["name_en", "pk"]  # as UKSchool: one stable order in both languages

    def __str__(self):
        return self.name


class SisterSchoolLink(models.Model):
    uk_school = models.ForeignKey(UKSchool, verbose_name=_("UK school"), on_delete=models.CASCADE, related_name="links")
    chinese_school = models.ForeignKey(
        ChineseSchool, verbose_name=_("Chinese school"), on_delete=models.PROTECT, related_name="links"
    )
    partnership = models.ForeignKey(
        "partnerships.Partnership",
        verbose_name=_("city partnership"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="school_links",
        help_text=_("The sister-city partnership this link belongs to, if any."),
    )
    year_started = models.PositiveSmallIntegerField(
        _("year started"), null=True, blank=True, validators=year_validators
    )
    activities = models.TextField(
        _("activities"),
        blank=True,
        help_text=_("What the schools have done together. Blank lines separate paragraphs."),
    )
    is_published = models.BooleanField(_("published"), default=False)

    objects = SisterSchoolLinkQuerySet.as_manager()

    class Meta:
        verbose_name = _("sister-school link")
        verbose_name_plural = _("sister-school links")
        ordering = ["uk_school__name", "chinese_school__name"]
        constraints = [
            models.UniqueConstraint(fields=["uk_school", "chinese_school"], name="sisterschool_unique_pair"),
            models.CheckConstraint(condition=year_in_range("year_started"), name="sisterschool_year_in_range"),
        ]

    def __str__(self):
        return f"{self.uk_school} – {self.chinese_school}"
