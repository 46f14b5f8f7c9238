"""Signing staff in to the admin in the browser tests."""

from django.urls import reverse

PASSWORD = "a long staff passphrase 9"


def sign_in(page, site, username, password=PASSWORD):
    """Open the admin's sign-in page, sign in as `username` and wait for the next page."""
    page.goto(site + reverse("admin:login"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.click("input[type=submit]")
    return page
