"""The Django admin still works under the strict Content-Security-Policy, in a real Chromium.

Django 5.2's admin templates have no inline script or style, but its JavaScript
(select2 autocompletes, calendars, inline rows) builds markup at run time: a
blocked inline style or script would show as a console error, so every step
below asserts there are none.
"""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from playwright.sync_api import expect

from partnerships.models import Partnership, TimelineEvent
from tests.browser.staff import PASSWORD, sign_in

pytestmark = pytest.mark.django_db(transaction=True)


def csp_errors(page):
    return [error for error in page.errors if "Content Security Policy" in error or "Refused to" in error]


@pytest.fixture
def staff_page(site, new_page):
    get_user_model().objects.create_superuser("curator", "curator@example.org", PASSWORD)
    page = new_page("desktop")
    sign_in(page, site, "curator", PASSWORD)
    expect(page.locator("#site-name")).to_contain_text("TEP Portal administration")
    return page


def test_sign_in_and_dashboard_have_no_csp_errors(staff_page):
    assert staff_page.url.endswith(reverse("admin:index"))
    expect(staff_page.get_by_role("link", name="Partnerships").first).to_be_visible()
    assert staff_page.errors == []


def test_partnership_change_form_works_under_the_csp(site, staff_page):
    page = staff_page
    partnership = Partnership.objects.get(slug="nottingham-ningbo")
    page.goto(site + reverse("admin:partnerships_partnership_change", args=[partnership.pk]))
    expect(page.locator("#content h2, #content-main").first).to_be_visible()

    # select2 autocomplete: opening it fetches results from /admin/autocomplete/ (connect-src 'self').
    page.locator(".field-council .select2-selection").click()
    page.keyboard.type("Leeds")
    expect(page.locator(".select2-results__option", has_text="Leeds")).to_be_visible()
    page.keyboard.press("Escape")

    # An inline row added by inlines.js, then removed again.
    inline = page.locator("#quotes-group")
    inline.locator(".add-row a").click()
    expect(inline.locator(".dynamic-quotes")).to_have_count(1)
    inline.locator(".dynamic-quotes .inline-deletelink").click()

    # Save: the form posts to the same origin (form-action 'self') and comes back with a message.
    with page.expect_navigation():
        page.locator("input[name=_continue]").first.click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    assert csp_errors(page) == []
    assert page.errors == []


def test_date_widgets_work_under_the_csp(site, staff_page):
    page = staff_page
    event = TimelineEvent.objects.order_by("pk").first()
    page.goto(site + reverse("admin:partnerships_timelineevent_change", args=[event.pk]))
    # DateTimeShortcuts adds the "Today" link and a calendar that it shows by script.
    page.locator(".datetimeshortcuts a", has_text="Today").click()
    page.locator(".datetimeshortcuts .date-icon").click()
    calendar = page.locator(".calendarbox").first
    expect(calendar).to_be_visible()
    calendar.get_by_role("link", name="Cancel").click()
    expect(calendar).to_be_hidden()
    assert csp_errors(page) == []
    assert page.errors == []


def test_changelist_filters_and_actions_work_under_the_csp(site, staff_page):
    page = staff_page
    page.goto(site + reverse("admin:partnerships_partnership_changelist"))
    page.locator("#action-toggle").check()  # actions.js ticks every row
    expect(page.locator(".action-counter")).to_contain_text("selected")
    page.goto(site + reverse("admin:partnerships_partnership_changelist") + "?q=Ningbo")
    expect(page.locator("#result_list")).to_contain_text("Ningbo")
    assert csp_errors(page) == []
    assert page.errors == []
