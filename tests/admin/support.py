"""Helpers for the admin tests: staff in each group, a change form read back as a browser
would submit it, and a partnership's change form built from the record."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from tests.html_forms import form_data

CONTENT_EDITORS = "Content editors"
ENQUIRY_REVIEWERS = "Enquiry reviewers"
# The partnership form's inlines (event links, quotes, school links) with no rows: what a post
# of the partnership's own fields needs besides them.
NO_PARTNERSHIP_INLINE_ROWS = {
    f"{prefix}-{count}": "0"
    for prefix in ("event_links", "quotes", "school_links")
    for count in ("TOTAL_FORMS", "INITIAL_FORMS")
}


def staff_user(django_user_model, group_name, username=None, **fields):
    """A member of staff in one of the groups `create_staff_groups` makes (`fields`: names and so on)."""
    call_command("create_staff_groups", stdout=io.StringIO())
    username = username or group_name.split()[0].lower()
    user = django_user_model.objects.create_user(username, password="x", is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def admin_url(model, view="changelist", *args):
    opts = model._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def submitted(client, model, url):
    """The data the admin form for `model` at `url` would submit unchanged."""
    response = client.get(url)
    assert response.status_code == 200, url
    data = form_data(response.content.decode(), form_id=f"{model._meta.model_name}_form")
    data.pop("_continue", None)
    data.pop("_addanother", None)
    return data


def change_form_data(partnership, **overrides):
    """The partnership's change form as staff would post it, with these changes; "" leaves a field out."""
    data = {
        "council": partnership.council_id,
        "chinese_place": partnership.chinese_place_id,
        "slug": partnership.slug,
        "kind": partnership.kind,
        "year_established": partnership.year_established or "",
        "status": partnership.status,
        "confidence": partnership.confidence,
        "summary_en": partnership.summary_en,
        "hero_image_alt_en": "The Council House in Nottingham's Old Market Square",
        **NO_PARTNERSHIP_INLINE_ROWS,
        "is_published": "on" if partnership.is_published else "",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value != ""}
