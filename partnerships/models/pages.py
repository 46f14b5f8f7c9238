"""Site copy staff edit: quotes, statistics, process steps, benefits and standing pages."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from tep_portal.publishing import PublishableQuerySet
from tep_portal.rich_text import RichTextField
from tep_portal.validators import year_in_range, year_validators

from .links import Partnership


class QuoteQuerySet(PublishableQuerySet):
    def published(self):
        """A quote is public when it is published and so is its partnership, if it has one."""
        return self.filter(is_published=True).filter(
            Q(partnership__isnull=True) | Q(partnership__in=Partnership.objects.published())
        )


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
    is_published = models.BooleanField(_("published"), default=False)

    objects = QuoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        ordering = ["speaker", "id"]

    def __str__(self):
        return f"{self.speaker}: {self.text[:60]}"


class OrderedContent(models.Model):
    """Short pieces of site copy that staff reorder: steps, benefits, statistics."""

    position = models.PositiveSmallIntegerField(_("position"), default=0, help_text=_("Lower numbers come first."))
    is_published = models.BooleanField(_("published"), default=False)

    objects = PublishableQuerySet.as_manager()

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
    body = RichTextField(_("body"), blank=True, help_text=_("Subheadings, paragraphs, lists and links."))
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("page")
        verbose_name_plural = _("pages")
        ordering = ["slug"]

    def __str__(self):
        return self.title
