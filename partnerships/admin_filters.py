"""List filters for the partnerships admin that cost one query, whatever the number of rows."""

from django.contrib import admin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from .models import EventPartnership, Partnership

MAX_ID = 2**63 - 1


def valid_id(value):
    """The value as a database id, or None for anything else ("abc", "²", 99999999999999999999)."""
    if value is None or not value.isascii() or not value.isdigit():
        return None
    number = int(value)
    return number if 0 < number <= MAX_ID else None


class EventPartnershipFilter(admin.SimpleListFilter):
    """Events of one partnership, chosen with the admin's autocomplete (type part of a name).

    With 2,000 partnerships a list of links is too long to read or render (the built-in filter
    also ran two queries per partnership); this runs one query, only when one is chosen. The
    parameter name keeps links made for the old filter working."""

    title = _("partnership")
    parameter_name = "partnerships__id__exact"
    template = "admin/partnerships/autocomplete_filter.html"

    def __init__(self, request, params, model, model_admin):
        super().__init__(request, params, model, model_admin)
        ignored = {self.parameter_name, "p", "e"}
        self.preserved = [(name, value) for name, value in request.GET.items() if name not in ignored]

    def has_output(self):
        return True

    def lookups(self, request, model_admin):
        partnership_id = valid_id(self.value())
        if partnership_id is None:
            return []
        chosen = Partnership.objects.select_related("council", "chinese_place").filter(pk=partnership_id)
        return [(str(partnership.pk), str(partnership)) for partnership in chosen]

    @property
    def autocomplete(self):
        """What the admin's autocomplete.js needs to ask /admin/autocomplete/ for partnerships."""
        field = EventPartnership._meta.get_field("partnership")
        return {
            "app_label": field.model._meta.app_label,
            "model_name": field.model._meta.model_name,
            "field_name": field.name,
        }

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        partnership_id = valid_id(self.value())
        if partnership_id is None:
            return queryset.none()
        links = EventPartnership.objects.filter(timelineevent=OuterRef("pk"), partnership_id=partnership_id)
        return queryset.filter(Exists(links))
