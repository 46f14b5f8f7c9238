"""Preview and history in a real Chromium, as a member of "Content editors" (#11)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.urls import reverse
from playwright.sync_api import expect

from partnerships.models import Partnership
from tests.browser.staff import sign_in

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "a long editor passphrase 7"


@pytest.fixture
def editor_page(site, new_page):
    call_command("create_staff_groups", stdout=io.StringIO())
    user = get_user_model().objects.create_user("editor", "editor@example.org", PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Content editors"))
    page = new_page("desktop")
    sign_in(page, site, "editor", PASSWORD)
    expect(page.locator("#user-tools")).to_contain_text("editor")
    return page


def test_an_editor_opens_view_on_site_for_a_draft_and_a_visitor_gets_404(site, editor_page, new_page, axe, tmp_path):
    draft = Partnership.objects.get(slug="guildford-dongying")
    assert not draft.is_published
    page = editor_page
    page.goto(site + reverse("admin:partnerships_partnership_change", args=[draft.pk]))
    with page.expect_navigation():
        page.get_by_role("link", name="View on site").click()
    assert page.url.endswith(draft.get_absolute_url())
    banner = page.get_by_role("status").filter(has_text="Draft — not public")
    expect(banner).to_be_visible()
    expect(page.locator('meta[name="robots"]')).to_have_attribute("content", "noindex")
    page.screenshot(path=str(tmp_path / "preview.png"), full_page=True)
    assert axe(page) == []
    assert page.errors == []

    visitor = new_page("phone")
    response = visitor.goto(site + draft.get_absolute_url())
    assert response.status == 404
    expect(visitor.get_by_text("Draft — not public")).to_have_count(0)


def test_an_editor_sees_an_edit_in_the_history_and_restores_it(site, editor_page):
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    page = editor_page
    change_url = site + reverse("admin:partnerships_partnership_change", args=[partnership.pk])
    page.goto(change_url)
    page.locator("input[name=_continue]").first.click()  # a first version, as the record stands
    original = partnership.summary_en
    page.fill("#id_summary_en", "A mistaken summary.")
    with page.expect_navigation():
        page.locator("input[name=_continue]").first.click()

    page.goto(site + reverse("admin:partnerships_partnership_history", args=[partnership.pk]))
    row = page.locator("#change-history tr", has_text="summary [en]").first
    expect(row.locator(".history-diff__old")).to_contain_text(original[:40])
    expect(row.locator(".history-diff__new")).to_contain_text("A mistaken summary.")

    with page.expect_navigation():
        page.get_by_role("link", name="Restore this version").first.click()
    expect(page.locator("#id_summary_en")).to_have_value(original)
    with page.expect_navigation():
        page.locator("input[name=_save]").first.click()
    partnership.refresh_from_db()
    assert partnership.summary_en == original
    assert page.errors == []
