"""Helpers for the admin tests: staff in each group, and a change form read back as a browser
would submit it."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse

from tests.html_forms import form_data

CONTENT_EDITORS = "Content editors"
ENQUIRY_REVIEWERS = "Enquiry reviewers"


def staff_user(django_user_model, group_name, username=None):
    call_command("create_staff_groups", stdout=io.StringIO())
    user = django_user_model.objects.create_user(username or group_name.split()[0].lower(), password="x", is_staff=True)
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
