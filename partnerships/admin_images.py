"""The hero image in the admin: a thumbnail beside the upload and in the list, and a
multi-line box for its description."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminFileWidget
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import renditions

SHOWN_WIDTH = 120


def shown_thumbnail(field_file):
    """url, width and height of the image's thumbnail as the admin shows it, or None."""
    made = renditions.thumbnail(field_file)
    if made is None:
        return None
    return {"url": made.url, "width": SHOWN_WIDTH, "height": max(1, round(made.height * SHOWN_WIDTH / made.width))}


class ThumbnailFileInput(AdminFileWidget):
    """The admin's file input, with the current image shown small above "Currently: …"."""

    template_name = "admin/widgets/thumbnail_file_input.html"

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["thumbnail"] = shown_thumbnail(value) if self.is_initial(value) else None
        return context


def thumbnail_html(field_file):
    shown = shown_thumbnail(field_file)
    if shown is None:
        return "—"
    return format_html('<img class="admin-thumbnail" src="{url}" width="{width}" height="{height}" alt="">', **shown)


class HeroImageAdminMixin:
    """For the partnership admin: add "hero_thumbnail" to list_display."""

    image_field = "hero_image"
    description_field = "hero_image_alt"

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == self.image_field:
            kwargs["widget"] = ThumbnailFileInput
        elif db_field.name.startswith(self.description_field):  # hero_image_alt_en, _zh_hans
            kwargs["widget"] = forms.Textarea(attrs={"rows": 3, "cols": 60})
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("image"))
    def hero_thumbnail(self, obj):
        return thumbnail_html(getattr(obj, self.image_field))
