import re
from http import HTTPStatus

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.admin.support import NO_PARTNERSHIP_INLINE_ROWS

pytestmark = pytest.mark.django_db

ADMIN_MODELS = [
    model
    for model in apps.get_models()
    if model in admin.site._registry and model._meta.app_label in {"partnerships", "schools"}
]


@pytest.mark.parametrize("model", ADMIN_MODELS, ids=lambda m: m._meta.label)
def test_changelist_add_and_change_pages_open(admin_client, demo_content, model):
    opts = model._meta
    changelist = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))
    assert changelist.status_code == HTTPStatus.OK
    searched = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"), {"q": "Ningbo"})
    assert searched.status_code == HTTPStatus.OK
    if admin.site._registry[model].has_add_permission(changelist.wsgi_request):
        add = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_add"))
        assert add.status_code == HTTPStatus.OK
    obj = model._default_manager.first()
    if obj is not None:
        change = admin_client.get(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk]))
        assert change.status_code == HTTPStatus.OK


def test_every_content_model_is_in_the_admin():
    content_models = set(apps.get_app_config("partnerships").get_models()) | set(
        apps.get_app_config("schools").get_models()
    )
    missing = {m.__name__ for m in content_models if m not in admin.site._registry}
    # EventPartnership is edited inline on the partnership's and the event's pages.
    assert missing <= {"SeedRecord", "PartnershipEnquiry", "EnquiryNote", "EnquiryStatusChange", "EventPartnership"}


def test_partnership_admin_makes_slug_from_names_and_shows_view_on_site(admin_client, demo_content):
    from partnerships.models import ChinesePlace, Council, Partnership

    council, place = Council.objects.get(slug="leeds"), ChinesePlace.objects.get(slug="ningbo")
    response = admin_client.post(
        reverse("admin:partnerships_partnership_add"),
        {
            "council": council.pk,
            "chinese_place": place.pk,
            "slug": "",
            "kind": "friendship-city",
            "year_established": "2030",
            "status": "active",
            "confidence": "high",
            "summary_en": "Planned.",
            **NO_PARTNERSHIP_INLINE_ROWS,
        },
    )
    assert response.status_code == HTTPStatus.FOUND, response.context["adminform"].form.errors
    created = Partnership.objects.get(slug="leeds-ningbo")
    change = admin_client.get(reverse("admin:partnerships_partnership_change", args=[created.pk]))
    view_on_site = re.search(r'href="([^"]+)" class="viewsitelink"', change.content.decode()).group(1)
    assert admin_client.get(view_on_site).url.endswith(created.get_absolute_url())


def test_publish_action_publishes_drafts(admin_client, demo_content):
    from partnerships.models import Partnership

    draft = Partnership.objects.get(slug="guildford-dongying")
    response = admin_client.post(
        reverse("admin:partnerships_partnership_changelist"),
        {"action": "publish", "_selected_action": [draft.pk]},
        follow=True,
    )
    assert "1 item updated." in response.content.decode()
    draft.refresh_from_db()
    assert draft.is_published
