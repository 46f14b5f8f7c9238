"""The whole enquiry journey in Chromium: a council officer registers (correcting a
mistake on the way), then a member of staff finds the enquiry in the admin and
progresses it."""

import io
import re

from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import expect

from enquiries.models import PartnershipEnquiry


def test_council_officer_registers_and_staff_progress_the_enquiry(site, new_page, django_user_model):
    # --- The council officer, on a phone, arrives from a partnership page --------------------
    page = new_page("phone")
    page.goto(f"{site}/partnerships/nottingham-ningbo/")
    page.get_by_role("main").get_by_role("link", name="Register for a China Partnership").last.click()
    page.wait_for_url(re.compile(r"/register/\?partnership=nottingham-ningbo$"))
    came_from = page.get_by_label(re.compile(r"My enquiry is about Nottingham"))
    assert came_from.is_checked() and came_from.get_attribute("value") == "nottingham-ningbo"

    page.get_by_label("Organisation name").fill("Rushcliffe Borough Council")
    page.get_by_label("Council or local authority").check()
    page.get_by_label("Where is your organisation based?").select_option(label="East Midlands")
    page.get_by_label("Full name").fill("Siân O'Brien")
    page.get_by_label("Job title").fill("Economic Growth Officer")
    page.get_by_label("Email address").fill("sian.obrien@rushcliffe")  # a mistake: no top-level domain
    page.get_by_label("Telephone number (optional)").fill("+44 115 981 9911")
    page.get_by_label("Sister-city partnership").check()
    page.get_by_label("Trade and investment").check()
    page.get_by_label("Tell us about your organisation").fill(
        "We would like to join the Ningbo link.\nWho should we talk to?"
    )
    page.get_by_label("I have read the privacy notice").check()
    page.get_by_role("button", name="Send enquiry").click()

    # GOV.UK error pattern: title, focused summary linking to the field, answers kept.
    page.wait_for_selector("#error-summary")
    assert page.title().startswith("Error: Register for a China Partnership")
    expect(page.locator("#error-summary")).to_be_focused()  # by the deferred script, once it has run
    summary_link = page.locator("#error-summary a", has_text="Enter an email address in the correct format")
    summary_link.click()
    expect(page.locator("#id_email")).to_be_focused()
    assert page.get_by_label("Organisation name").input_value() == "Rushcliffe Borough Council"
    assert page.get_by_label("Trade and investment").is_checked()
    assert page.get_by_label("I have read the privacy notice").is_checked()
    assert PartnershipEnquiry.objects.count() == 0

    page.get_by_label("Email address").fill("sian.obrien@rushcliffe.example.gov.uk")
    page.get_by_role("button", name="Send enquiry").click()
    page.wait_for_url(re.compile(r"/register/thanks/$"))
    assert page.get_by_role("heading", level=1).inner_text() == "Enquiry sent"
    reference = page.locator(".confirmation-panel__reference strong").inner_text()
    assert re.fullmatch(r"TEP-\d{4}-\d{4,}", reference)
    assert page.get_by_role("heading", name="What happens next").is_visible()
    # A refresh of the thanks page shows the same enquiry and stores nothing new.
    page.reload()
    assert reference in page.content()
    enquiry = PartnershipEnquiry.objects.get()
    assert (enquiry.reference, enquiry.contact_name, enquiry.partnership.slug) == (
        reference,
        "Siân O'Brien",
        "nottingham-ningbo",
    )
    assert page.errors == []

    # --- A member of staff, on a laptop, reviews it -------------------------------------------
    call_command("create_staff_groups", stdout=io.StringIO())
    reviewer = django_user_model.objects.create_user(
        "mei.reviewer", password="a long staff password 7", is_staff=True, first_name="Mei", last_name="Chen"
    )
    reviewer.groups.add(Group.objects.get(name="Enquiry reviewers"))

    staff = new_page("desktop")
    staff.goto(f"{site}/admin/")
    staff.get_by_label("Username").fill("mei.reviewer")
    staff.get_by_label("Password").fill("a long staff password 7")
    staff.get_by_role("button", name="Log in").click()
    staff.get_by_role("link", name="Partnership enquiries").click()
    staff.get_by_role("searchbox").fill("Rushcliffe")
    staff.get_by_role("searchbox").press("Enter")
    staff.get_by_role("link", name=reference).click()

    staff.get_by_label("Change status to").select_option(label="In review")
    staff.get_by_label("Owner").select_option(label="Mei Chen")  # reviewers, by full name
    staff.get_by_role("textbox", name="Note").fill("Phoned Siân: call booked for Thursday.")
    staff.get_by_role("button", name="Save and continue editing").click()
    staff.wait_for_selector(".messagelist .success")

    history = staff.get_by_role("group", name="Status history")
    assert "In review" in history.inner_text()
    assert "Mei Chen" in history.inner_text()  # by full name, not linked to a user page she cannot open
    assert history.get_by_role("link").count() == 0
    notes = staff.locator("fieldset", has_text="Internal notes")
    assert "Phoned Siân: call booked for Thursday." in notes.inner_text()
    assert "Mei Chen" in notes.inner_text()
    enquiry.refresh_from_db()
    assert (enquiry.status, enquiry.owner) == ("in-review", reviewer)
    assert enquiry.notes.get().author == reviewer
    assert staff.errors == []
