"""GET forms that validate the directory's and the timeline's query strings.

A value the form rejects is reported next to its field and left out of the
filtering; the page still answers 200 with the other filters applied. Choice
lists are read in one query each, so validating a value never costs another.
"""

from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from tep_portal.text import year_display
from tep_portal.validators import MAX_YEAR, MIN_YEAR

from .models import (
    NATION_REGIONS,
    PROVINCE_LEVEL_KINDS,
    Area,
    ChinesePlace,
    EventCategory,
    LinkKind,
    LinkStatus,
    Partnership,
    TimelineEvent,
    UKNation,
    UKRegion,
)
from .presentation import place_label

SEARCH_MAX_LENGTH = 100


def _with_blank(label, choices):
    return [("", label), *choices]


class FilterForm(forms.Form):
    """Shared behaviour: Bootstrap classes on widgets, and the list of filters in use."""

    def __init__(self, data=None, **kwargs):
        # An empty query string is an unbound form: no errors on first visit.
        super().__init__(data or None, **kwargs)
        for field in self.fields.values():
            css = "form-select" if isinstance(field.widget, forms.Select) else "form-control"
            field.widget.attrs.setdefault("class", css)

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            bound = self[name]
            widget = self.fields[name].widget
            described_by = [f"{bound.auto_id}-error"]
            if self.fields[name].help_text:
                described_by.append(f"{bound.auto_id}_helptext")
            widget.attrs.update(
                {
                    "aria-invalid": "true",
                    "aria-describedby": " ".join(described_by),
                    "class": f"{widget.attrs.get('class', '')} is-invalid".strip(),
                }
            )

    def valid_data(self):
        """The fields that validated; a bad value in one field does not cancel the others."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: value for name, value in self.cleaned_data.items() if value not in (None, "")}

    @property
    def is_filtered(self):
        return bool(self.valid_data()) or bool(self.errors)


class DirectoryFilterForm(FilterForm):
    q = forms.CharField(
        label=_("Search by place name"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("A UK or Chinese place, in English or Chinese characters, e.g. Ningbo or 宁波."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )
    nation = forms.ChoiceField(label=_("UK nation"), required=False)
    region = forms.ChoiceField(label=_("UK region"), required=False)
    province = forms.ChoiceField(label=_("Chinese province"), required=False)
    kind = forms.ChoiceField(label=_("Kind of link"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    # Text inputs (inputmode numeric), not type=number: a rejected value such as
    # "abc" can be shown back to the visitor, and no spinner on a year.
    year_from = forms.IntegerField(
        label=_("Established from (year)"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.TextInput,
    )
    year_to = forms.IntegerField(
        label=_("Established to (year)"),
        required=False,
        min_value=MIN_YEAR,
        max_value=MAX_YEAR,
        widget=forms.TextInput,
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        published = Partnership.objects.published()
        self.provinces = {
            place.slug: place
            for place in ChinesePlace.objects.filter(kind__in=PROVINCE_LEVEL_KINDS)
            .filter(Q(partnerships__in=published) | Q(places__partnerships__in=published))
            .distinct()
            .order_by("name_en")
        }
        self.areas = {area.slug: area for area in Area.objects.filter(partnerships__in=published).distinct()}
        self.fields["nation"].choices = _with_blank(_("All nations"), UKNation.choices)
        self.fields["region"].choices = _with_blank(_("All regions"), UKRegion.choices)
        self.fields["province"].choices = _with_blank(
            _("All provinces"), [(slug, place_label(place)) for slug, place in self.provinces.items()]
        )
        self.fields["kind"].choices = _with_blank(_("All kinds"), LinkKind.choices)
        self.fields["status"].choices = _with_blank(_("Any status"), LinkStatus.choices)
        self.fields["area"].choices = _with_blank(
            _("All areas"), [(slug, area.name) for slug, area in self.areas.items()]
        )
        for name in ("year_from", "year_to"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "maxlength": 4, "autocomplete": "off"})

    def clean(self):
        data = super().clean()
        start, end = data.get("year_from"), data.get("year_to")
        if start and end and start > end:
            self.add_error("year_to", _("The end year must not be before the start year."))
        return data

    def filter(self, queryset):
        data = self.valid_data()
        if "q" in data:
            queryset = queryset.search(data["q"])
        if "nation" in data:
            queryset = queryset.filter(council__region__in=NATION_REGIONS[UKNation(data["nation"])])
        if "region" in data:
            queryset = queryset.filter(council__region=data["region"])
        if "province" in data:
            queryset = queryset.in_chinese_province(self.provinces[data["province"]])
        if "kind" in data:
            queryset = queryset.filter(kind=data["kind"])
        if "status" in data:
            queryset = queryset.filter(status=data["status"])
        if "area" in data:
            queryset = queryset.filter(area=self.areas[data["area"]])
        if "year_from" in data:
            queryset = queryset.filter(year_established__gte=data["year_from"])
        if "year_to" in data:
            queryset = queryset.filter(year_established__lte=data["year_to"])
        return queryset

    @property
    def has_filters(self):
        """A filter other than the search box is in use (the filter panel starts open)."""
        return any(name != "q" for name in self.valid_data())


class TimelineFilterForm(FilterForm):
    year = forms.TypedChoiceField(label=_("Year"), required=False, coerce=int, empty_value=None)
    category = forms.ChoiceField(label=_("Category"), required=False)
    partnership = forms.ChoiceField(label=_("Partnership"), required=False)

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        years = TimelineEvent.objects.published().dates("date", "year", order="DESC")
        self.fields["year"].choices = _with_blank(_("All years"), [(d.year, year_display(d.year)) for d in years])
        self.fields["category"].choices = _with_blank(_("All categories"), EventCategory.choices)
        # EXISTS and only the names, not a DISTINCT over the join with every event: with 20,000 events
        # the join made this the slowest query of the site (seconds rather than tens of milliseconds).
        with_events = TimelineEvent.objects.published().filter(partnerships=OuterRef("pk"))
        partnerships = (
            Partnership.objects.published()
            .filter(Exists(with_events))
            .select_related("council", "chinese_place")
            .only(
                "slug",
                "council__name_en",
                "council__name_zh_hans",
                "chinese_place__name_en",
                "chinese_place__name_zh_hans",
            )
        )
        self.fields["partnership"].choices = _with_blank(
            _("All partnerships"),
            [(p.slug, f"{p.council.name} – {place_label(p.chinese_place)}") for p in partnerships],
        )

    def filter(self, queryset):
        data = self.valid_data()
        if "year" in data:
            queryset = queryset.filter(date__year=data["year"])
        if "category" in data:
            queryset = queryset.filter(category=data["category"])
        if "partnership" in data:
            queryset = queryset.filter(
                partnerships__in=Partnership.objects.published().filter(slug=data["partnership"])
            )
        return queryset
