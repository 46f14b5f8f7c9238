"""GET forms that validate the directory's and the timeline's query strings.

A value the form rejects is reported next to its field and left out of the
filtering; the page still answers 200 with the other filters applied. Choice
lists are read in one query each, so validating a value never costs another.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from tep_portal.fragment_cache import remember
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

# One filter value for twin and sister cities together: Chinese names both 友好城市
# (docs/zh-glossary.md), so a Chinese page offers them as this one choice.
TWIN_OR_SISTER_CITY = "twin-or-sister-city"
TWIN_AND_SISTER = (LinkKind.TWIN_CITY, LinkKind.SISTER_CITY)


def _with_blank(label, choices):
    return [("", label), *choices]


def kind_choices(selected=None):
    """The kinds of link to filter by, one option for each name the visitor can tell apart.

    Where the language names twin and sister cities alike (Chinese), they are one option,
    twin-or-sister-city. A shared URL asking for one of them (an English page's choice) keeps
    its value in that option: it selects what it selected where it was made, shows as chosen,
    and stays so when the form is sent again.
    """
    both = (TWIN_OR_SISTER_CITY, _("Twin or sister city"))
    others = [(kind.value, kind.label) for kind in LinkKind if kind not in TWIN_AND_SISTER]
    if str(LinkKind.TWIN_CITY.label) != str(LinkKind.SISTER_CITY.label):
        return [*((kind.value, kind.label) for kind in TWIN_AND_SISTER), both, *others]
    value = selected if selected in TWIN_AND_SISTER else TWIN_OR_SISTER_CITY
    return [(value, both[1]), *others]


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

    @property
    def cache_key(self):
        """What the rendered form depends on besides content: the values asked for, as given."""
        return tuple((name, self.data.get(name)) for name in self.fields) if self.is_bound else ()

    @property
    def results_key(self):
        """What the matching results depend on: the values that validated, as filter() reads them,
        so a bad value or another spelling of one (?year_from=02000) keeps no results of its own."""
        return tuple(sorted((name, str(value)) for name, value in self.valid_data().items()))

    @property
    def shared_key(self):
        """cache_key when the query string holds nothing but these filters (what a page drawn for
        these filters may be shared under); None when it holds anything else."""
        return self.cache_key if set(self.data) <= set(self.fields) else None


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
        # The same for every visitor until content changes: read once per content generation.
        self.provinces, self.areas = remember("directory-choices", self.choice_records)
        self.fields["nation"].choices = _with_blank(_("All nations"), UKNation.choices)
        self.fields["region"].choices = _with_blank(_("All regions"), UKRegion.choices)
        self.fields["province"].choices = _with_blank(
            _("All provinces"), [(slug, place_label(place)) for slug, place in self.provinces.items()]
        )
        selected_kind = self.data.get("kind") if self.is_bound else None
        self.fields["kind"].choices = _with_blank(_("All kinds"), kind_choices(selected_kind))
        self.fields["status"].choices = _with_blank(_("Any status"), LinkStatus.choices)
        self.fields["area"].choices = _with_blank(
            _("All areas"), [(slug, area.name) for slug, area in self.areas.items()]
        )
        for name in ("year_from", "year_to"):
            self.fields[name].widget.attrs.update({"inputmode": "numeric", "maxlength": 4, "autocomplete": "off"})

    @staticmethod
    def choice_records():
        """The provinces and areas that have published partnerships, by slug."""
        with_partnership = Partnership.objects.published().filter(
            Q(chinese_place=OuterRef("pk")) | Q(chinese_place__province=OuterRef("pk"))
        )
        provinces = {
            place.slug: place
            for place in ChinesePlace.objects.filter(kind__in=PROVINCE_LEVEL_KINDS)
            .filter(Exists(with_partnership))
            .order_by("name_en")
        }
        in_area = Partnership.objects.published().filter(area=OuterRef("pk"))
        areas = {area.slug: area for area in Area.objects.filter(Exists(in_area))}
        return provinces, areas

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
        if data.get("kind") == TWIN_OR_SISTER_CITY:
            queryset = queryset.filter(kind__in=TWIN_AND_SISTER)
        elif "kind" in data:
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
    # A search, not a list: there can be thousands of partnerships with events (a select of 1,800
    # options made the page 212 kB). A partnership's slug (an older link) still picks that one.
    partnership = forms.CharField(
        label=_("Partnership"),
        required=False,
        max_length=SEARCH_MAX_LENGTH,
        help_text=_("A UK or Chinese place of the partnership, in English or Chinese characters, e.g. Ningbo or 宁波."),
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off", "spellcheck": "false"}),
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        years = remember("timeline-years", self.years)
        self.fields["year"].choices = _with_blank(_("All years"), [(year, year_display(year)) for year in years])
        self.fields["category"].choices = _with_blank(_("All categories"), EventCategory.choices)

    @staticmethod
    def years():
        return [d.year for d in TimelineEvent.objects.published().dates("date", "year", order="DESC")]

    def clean_partnership(self):
        text = self.cleaned_data["partnership"].strip()
        if text and not self.matching_partnerships(text).exists():
            raise ValidationError(
                _("No partnership matches “%(text)s”. Try the name of a UK or Chinese place."),
                code="no_match",
                params={"text": text},
            )
        return text

    @staticmethod
    def matching_partnerships(text):
        published = Partnership.objects.published()
        return published.filter(slug=text) | published.search(text)

    def filter(self, queryset):
        data = self.valid_data()
        if "year" in data:
            queryset = queryset.filter(date__year=data["year"])
        if "category" in data:
            queryset = queryset.filter(category=data["category"])
        if "partnership" in data:
            links = TimelineEvent.partnerships.through.objects.filter(
                timelineevent=OuterRef("pk"),
                partnership__in=self.matching_partnerships(data["partnership"]).values("pk"),
            )
            queryset = queryset.filter(Exists(links))
        return queryset
