"""The directory as open data: /partnerships.csv and /partnerships.json (and the same
under /zh-hans/, labels in Chinese), their schema and licence on /data/.

- Every published partnership, or those the directory's filters select (the same
  query parameters); a filter value that is not valid answers 400 with the reason,
  never a silently different file.
- One list of fields (FIELDS) makes the CSV columns, the JSON keys and the schema
  table on /data/, so the three cannot disagree.
- Other sites may fetch these two files and only these: OpenDataHeadersMiddleware
  gives them `Access-Control-Allow-Origin: *` and `Cross-Origin-Resource-Policy:
  cross-origin`, by path, so the headers are there on cached copies and 304s too
  (the page cache stores them like pages and empties them on every edit).
- CSV text cells that a spreadsheet would run as a formula start with "'"; numbers
  (coordinates such as -1.15) are written as numbers.
"""

import csv
import io
import json
from dataclasses import dataclass

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from tep_portal.fragment_cache import remember
from tep_portal.spreadsheets import spreadsheet_safe
from tep_portal.text import labelled
from tep_portal.views import PublicPageMixin

from .filters import TWIN_OR_SISTER_CITY, DirectoryFilterForm
from .views import published_partnerships

LICENCE_NAME = "Open Government Licence v3.0"
LICENCE_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
ATTRIBUTION = "Contains information from True Education Partnership, licensed under the Open Government Licence v3.0."
CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
DATA_URL_NAMES = ("partnerships:data-csv", "partnerships:data-json")


@dataclass(frozen=True)
class Field:
    name: str
    type: str  # as the schema table says it: text, number, integer, URL, date-time
    description: Promise
    value: object  # partnership → value
    codes: tuple = ()  # the values it takes (or examples), shown as code after the description


def _decimal(value):
    return None if value is None else float(value)


def _province(partnership):
    return partnership.chinese_place.province_level


def _round_km(partnership):
    km = partnership.distance_km
    return None if km is None else round(km)


FIELDS = [
    Field(
        "id",
        "text",
        _("The partnership's identifier, as in its page address."),
        lambda p: p.slug,
    ),
    Field(
        "url",
        "URL",
        _("The partnership's page, in the language of the file."),
        None,
    ),
    Field(
        "uk_name",
        "text",
        _("The UK council or authority, in English."),
        lambda p: p.council.name_en,
    ),
    Field(
        "uk_name_zh",
        "text",
        _("Its name in Chinese (empty when not known)."),
        lambda p: p.council.name_zh_hans,
    ),
    Field(
        "uk_kind",
        "text",
        _("Kind of UK authority"),
        lambda p: p.council.kind,
        ("city", "county", "borough", "unitary", "nation"),
    ),
    Field(
        "uk_region",
        "text",
        _("UK region code, for example"),
        lambda p: p.council.region,
        ("east-midlands", "wales", "scotland"),
    ),
    Field(
        "uk_region_label",
        "text",
        _("UK region, in the language of the file."),
        lambda p: p.council.get_region_display(),
    ),
    Field(
        "uk_nation",
        "text",
        _("UK nation code"),
        lambda p: p.council.nation,
        ("england", "wales", "scotland", "northern-ireland"),
    ),
    Field(
        "uk_latitude",
        "number",
        _("Latitude of the UK place, decimal degrees (WGS 84)."),
        lambda p: _decimal(p.council.latitude),
    ),
    Field(
        "uk_longitude",
        "number",
        _("Longitude of the UK place, decimal degrees, east positive."),
        lambda p: _decimal(p.council.longitude),
    ),
    Field(
        "china_name",
        "text",
        _("The Chinese place, in English or pinyin."),
        lambda p: p.chinese_place.name_en,
    ),
    Field(
        "china_name_zh",
        "text",
        _("Its name in Chinese characters (empty when not known)."),
        lambda p: p.chinese_place.name_zh_hans,
    ),
    Field(
        "china_kind",
        "text",
        _("Kind of Chinese place"),
        lambda p: p.chinese_place.kind,
        ("city", "municipality", "province", "autonomous-region"),
    ),
    Field(
        "china_province",
        "text",
        _("The province-level place it belongs to (itself for a province or municipality), in English."),
        lambda p: _province(p) and _province(p).name_en,
    ),
    Field(
        "china_province_zh",
        "text",
        _("The same in Chinese characters."),
        lambda p: _province(p) and _province(p).name_zh_hans,
    ),
    Field(
        "china_latitude",
        "number",
        _("Latitude of the Chinese place, decimal degrees (WGS 84)."),
        lambda p: _decimal(p.chinese_place.latitude),
    ),
    Field(
        "china_longitude",
        "number",
        _("Longitude of the Chinese place, decimal degrees, east positive."),
        lambda p: _decimal(p.chinese_place.longitude),
    ),
    Field(
        "kind",
        "text",
        _("Kind of link"),
        lambda p: p.kind,
        ("twin-city", "sister-city", "friendship-city", "friendship-agreement", "province-link"),
    ),
    Field(
        "kind_label",
        "text",
        _("Kind of link, in the language of the file."),
        lambda p: p.get_kind_display(),
    ),
    Field(
        "status",
        "text",
        _("Status"),
        lambda p: p.status,
        ("active", "dormant", "ended"),
    ),
    Field(
        "status_label",
        "text",
        _("Status, in the language of the file."),
        lambda p: p.get_status_display(),
    ),
    Field(
        "year_established",
        "integer",
        _("Year the partnership was established (empty when no source confirms it)."),
        lambda p: p.year_established,
    ),
    Field(
        "year_ended",
        "integer",
        _("Year an ended partnership ended."),
        lambda p: p.year_ended,
    ),
    Field(
        "distance_km",
        "integer",
        _("Great-circle distance between the two places, in kilometres."),
        _round_km,
    ),
    Field(
        "last_updated",
        "date-time",
        _("When the record was last changed (ISO 8601, UTC)."),
        lambda p: p.updated_at.isoformat(),
    ),
]


def records(request, partnerships):
    """One dict per partnership, keyed by field name, values as JSON types."""
    out = []
    for partnership in partnerships:
        record = {}
        for field in FIELDS:
            if field.name == "url":
                record["url"] = request.build_absolute_uri(partnership.get_absolute_url())
            else:
                value = field.value(partnership)
                record[field.name] = str(value) if isinstance(value, Promise) else (value if value != "" else None)
        out.append(record)
    return out


def _selected(request):
    """(partnerships, None, key), or (None, {field: [messages]}, None) when a filter value is not
    valid. key: what the file may be shared under (the filters' shared_key, None when the query
    string holds anything else), from the same form, so it is built once per request."""
    form = DirectoryFilterForm(request.GET)
    if form.is_bound and not form.is_valid():
        return None, {name: [str(message) for message in errors] for name, errors in form.errors.items()}, None
    queryset = form.filter(published_partnerships()).order_by("council__name_en", "chinese_place__name_en", "pk")
    return queryset, None, form.shared_key


def partnerships_csv(request):
    partnerships, errors, key = _selected(request)
    if errors:
        lines = [labelled(name, " ".join(messages)) for name, messages in errors.items()]
        body = "\n".join([str(_("Some filters could not be used:")), *lines, ""])
        return HttpResponse(body, status=400, content_type="text/plain; charset=utf-8")
    body = _remembered(request, "open-data-csv", key, lambda: _csv(request, partnerships))
    response = HttpResponse(body, content_type=CSV_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="partnerships.csv"'
    return response


def _csv(request, partnerships):
    out = io.StringIO()
    out.write("\ufeff")  # lets Excel read UTF-8, so Chinese names survive
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([field.name for field in FIELDS])
    for record in records(request, partnerships):
        writer.writerow(
            [value if isinstance(value, int | float) else spreadsheet_safe(value) for value in record.values()]
        )
    return out.getvalue()


def _remembered(request, name, key, build):
    """A data file built once per content generation for each address and set of filters (2,000
    partnerships take 0.4 s to write out); with any other query parameter (key None), built for
    this request."""
    return build() if key is None else remember(name, build, request.build_absolute_uri("/"), key)


def partnerships_json(request):
    partnerships, errors, key = _selected(request)
    if errors:
        return JsonResponse({"errors": errors}, status=400, json_dumps_params={"ensure_ascii": False})
    return HttpResponse(
        _remembered(request, "open-data-json", key, lambda: _json(request, partnerships)),
        content_type="application/json",
    )


def _json(request, partnerships):
    data = records(request, partnerships)
    body = {
        "licence": {"name": LICENCE_NAME, "url": LICENCE_URL},
        "attribution": ATTRIBUTION,
        "schema": request.build_absolute_uri(reverse("partnerships:data")),
        "count": len(data),
        "partnerships": data,
    }
    return json.dumps(body, ensure_ascii=False, indent=1)


# The query parameters the files read (the directory's filters): the page cache stores a filtered
# file like a filtered directory page; any other parameter keeps it out.
partnerships_csv.page_cache_parameters = partnerships_json.page_cache_parameters = tuple(
    DirectoryFilterForm.base_fields
)


class OpenDataView(PublicPageMixin, TemplateView):
    """/data/: what the files hold, how to filter them, and the licence."""

    template_name = "partnerships/data.html"
    page_title = _("Open data: UK–China partnerships")
    meta_description = _(
        "Download every UK–China sister-city partnership as CSV or JSON, free to reuse under the "
        "Open Government Licence: places in English and Chinese, coordinates, kind, status and years."
    )

    def get_breadcrumbs(self):
        return [(_("Open data"), reverse("partnerships:data"))]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            fields=FIELDS,
            filters=[(name, field.label) for name, field in DirectoryFilterForm.base_fields.items()],
            twin_or_sister_city=TWIN_OR_SISTER_CITY,
            licence_name=LICENCE_NAME,
            licence_url=LICENCE_URL,
            attribution=ATTRIBUTION,
            **kwargs,
        )


def data_paths():
    """The paths of the two data files in every language."""
    from django.conf import settings

    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths.update(reverse(name) for name in DATA_URL_NAMES)
    return frozenset(paths)


class OpenDataHeadersMiddleware:
    """Lets other sites read the two data files (and nothing else) from their pages.

    By path rather than in the view, so a page-cache hit and a 304 carry the headers too.
    Sits inside SecurityHeadersMiddleware, whose same-origin default then leaves the
    cross-origin policy set here alone.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.paths = None

    def __call__(self, request):
        response = self.get_response(request)
        if self.paths is None:
            self.paths = data_paths()
        if request.path in self.paths:
            response["Access-Control-Allow-Origin"] = "*"
            response["Cross-Origin-Resource-Policy"] = "cross-origin"
        return response
