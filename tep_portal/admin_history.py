"""Revision history for site content (django-reversion): who changed what, old and new
values side by side, restore a previous version, recover a deleted record.

Content admins inherit HistoryAdmin; each content app registers its models with the
relations saved alongside them in its versioning.py. Enquiries are never registered:
they hold personal data, and erasure must not leave copies in old versions.
"""

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.urls import reverse
from django.utils.formats import localize
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import NotRegistered, translator
from reversion.admin import VersionAdmin
from reversion.errors import RevertError
from reversion.models import Version

IGNORED_FIELDS = {"updated_at"}  # stamped on every save: never news
EMPTY = "—"


def register(model, follow=()):
    """Register a model once (the admin's VersionAdmin would otherwise register it itself,
    without the relations to follow)."""
    import reversion

    if not reversion.is_registered(model):
        reversion.register(model, follow=[name for name in follow if hasattr(model, name)])


def _untranslated_base_fields(model):
    """modeltranslation keeps a base column beside title_en and title_zh_hans that mirrors one of
    them; the history shows the per-language fields only."""
    try:
        return set(translator.get_options_for_model(model).all_fields)
    except NotRegistered:
        return set()


def _fields_by_attname(model):
    fields = {}
    for field in model._meta.concrete_fields + model._meta.many_to_many:
        fields[field.attname] = field
    return fields


def display_value(field, value):
    """A stored value as staff read it: labels for choices, names for related records."""
    if value in (None, "", []):
        return EMPTY
    if field is None:
        return str(value)
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if isinstance(field, models.BooleanField):
        return str(_("Yes") if value else _("No"))
    if field.many_to_many:
        related = field.related_model._default_manager.filter(pk__in=value)
        return "; ".join(sorted(str(obj) for obj in related)) or EMPTY
    if field.many_to_one:
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj is not None else _("deleted record #%(pk)s") % {"pk": value}
    if isinstance(value, list):
        return "; ".join(map(str, value))
    return localize(value) if not isinstance(value, str) else value


def compare(model, older, newer):
    """[(label, old, new)] for each field whose value differs between two field dicts."""
    fields = _fields_by_attname(model)
    skip = IGNORED_FIELDS | _untranslated_base_fields(model) | {model._meta.pk.attname}
    changes = []
    for name, new in newer.items():
        old = older.get(name) if older is not None else None
        if name in skip or old == new or (older is None and new in (None, "", [], False)):
            continue
        field = fields.get(name)
        label = field.verbose_name if field is not None else name
        try:
            field = model._meta.get_field(field.name) if field is not None else None
        except FieldDoesNotExist:
            field = None
        changes.append(
            (str(label), display_value(field, old) if older is not None else EMPTY, display_value(field, new))
        )
    return changes


class HistoryAdmin(VersionAdmin):
    """VersionAdmin whose history page lists, for every version, the fields it changed with
    the old and the new value side by side, and a link to restore it."""

    object_history_template = "admin/tep_object_history.html"
    history_latest_first = True

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        versions = list(
            self._reversion_order_version_queryset(
                request,
                Version.objects.get_for_object_reference(self.model, unquote(object_id)).select_related(
                    "revision__user"
                ),
            )
        )
        rows = []
        for index, version in enumerate(versions):
            older = versions[index + 1] if index + 1 < len(versions) else None
            try:
                changes = compare(self.model, older.field_dict if older else None, version.field_dict)
            except RevertError:  # stored before a field was removed from the model
                changes = None
            rows.append(
                {
                    "version": version,
                    "revision": version.revision,
                    "changes": changes,
                    "is_current": index == 0,
                    "url": reverse(
                        f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                        args=(quote(version.object_id), version.id),
                    ),
                }
            )
        return super().history_view(request, object_id, {"version_rows": rows, **(extra_context or {})})
