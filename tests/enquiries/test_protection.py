"""Bots, floods, refreshes and double clicks: nothing stored twice, nothing stored for a bot."""

import re
from http import HTTPStatus

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from enquiries.models import PartnershipEnquiry
from enquiries.protection import TOKEN_MAX_AGE_SECONDS, RateLimit, parse_rate_limit
from enquiries.views import SESSION_REFERENCE_KEY

from .support import REGISTER_URL, THANKS_URL, answers, form_token, post_enquiry

pytestmark = pytest.mark.django_db


def test_honeypot_filled_gets_the_thanks_page_but_nothing_is_stored_or_sent(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post_enquiry(client, website="http://spam.example")
    assertRedirects(response, THANKS_URL, fetch_redirect_response=False)
    assert PartnershipEnquiry.objects.count() == 0
    assert callbacks == [] and mailoutbox == []
    thanks = client.get(THANKS_URL)
    assert thanks.status_code == HTTPStatus.OK
    assertNotContains(thanks, "Your reference number")


def test_post_faster_than_a_person_can_type_is_discarded_silently(client, mailoutbox):
    response = post_enquiry(client, form_token=form_token(seconds_ago=1))
    assertRedirects(response, THANKS_URL, fetch_redirect_response=False)
    assert PartnershipEnquiry.objects.count() == 0
    assert mailoutbox == []


def test_minimum_fill_time_is_configurable(client, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 10
    post_enquiry(client, form_token=form_token(seconds_ago=8))
    assert PartnershipEnquiry.objects.count() == 0
    post_enquiry(client, form_token=form_token(seconds_ago=11))
    assert PartnershipEnquiry.objects.count() == 1


def test_minimum_fill_time_zero_disables_the_check(client, settings):
    settings.ENQUIRY_MIN_FILL_SECONDS = 0
    post_enquiry(client, form_token=form_token(seconds_ago=0))
    assert PartnershipEnquiry.objects.count() == 1


@pytest.mark.parametrize("token", [None, "", "garbage", "eyJpZCI6ICJ4In0:1abc:forged", "a" * 1000])
def test_missing_or_forged_token_asks_to_send_again_keeping_answers(client, token):
    response = post_enquiry(client, form_token=token)
    assert response.status_code == HTTPStatus.OK
    assertContains(response, "Check your answers and send the form again")
    assertContains(response, 'value="Nottinghamshire County Council"')
    assert PartnershipEnquiry.objects.count() == 0
    # A fresh, valid token to send it with.
    new_token = re.search(r'name="form_token" value="([^"]+)"', response.content.decode()).group(1)
    assert new_token != token
    # Sent back at once, it is too fast for a person: ignored like a bot's.
    assert client.post(REGISTER_URL, answers(form_token=new_token)).status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.count() == 0


def test_form_left_open_more_than_a_day_asks_to_send_again(client):
    response = post_enquiry(client, form_token=form_token(seconds_ago=TOKEN_MAX_AGE_SECONDS + 60))
    assertContains(response, "This page was open for too long")
    assert response.content.decode().startswith("<!DOCTYPE html>")
    assert PartnershipEnquiry.objects.count() == 0


def test_refresh_or_double_click_stores_one_enquiry_and_shows_the_same_reference(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    data = answers()
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(REGISTER_URL, data)
        second = client.post(REGISTER_URL, data)
    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert second["Location"] == THANKS_URL
    enquiry = PartnershipEnquiry.objects.get()
    assert len(mailoutbox) == 2  # one staff notification, one acknowledgement: not four
    assertContains(client.get(THANKS_URL), enquiry.reference)


def test_replayed_submission_from_another_browser_still_stores_nothing_new(client):
    data = answers()
    client.post(REGISTER_URL, data)
    other = Client()
    response = other.post(REGISTER_URL, data)
    assertRedirects(response, THANKS_URL, fetch_redirect_response=False)
    assert PartnershipEnquiry.objects.count() == 1


def test_thanks_page_shows_only_the_reference_kept_in_this_browser_session(client):
    post_enquiry(client)
    reference = PartnershipEnquiry.objects.get().reference
    stranger = Client()
    response = stranger.get(THANKS_URL)
    assert response.status_code == HTTPStatus.OK
    assertNotContains(response, reference)
    assert client.session[SESSION_REFERENCE_KEY] == reference
    assert "no-store" in response["Cache-Control"]


def test_rate_limit_refuses_the_sixth_enquiry_with_429_and_keeps_the_answers(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "5/10m"
    for _ in range(5):
        assert post_enquiry(client).status_code == HTTPStatus.FOUND
    response = post_enquiry(client, organisation_name="Sixth Council")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assertContains(response, "Your enquiry has not been sent", status_code=429)
    assertContains(response, 'value="Sixth Council"', status_code=429)
    assert 0 < int(response["Retry-After"]) <= 600
    assert PartnershipEnquiry.objects.count() == 5


def test_rate_limit_counts_per_client_address(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    assert post_enquiry(client, REMOTE_ADDR="192.0.2.1").status_code == HTTPStatus.FOUND
    assert post_enquiry(client, REMOTE_ADDR="192.0.2.1").status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert post_enquiry(client, REMOTE_ADDR="192.0.2.2").status_code == HTTPStatus.FOUND


def test_forged_forwarded_for_header_does_not_escape_the_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 0
    post_enquiry(client, HTTP_X_FORWARDED_FOR="198.51.100.1")
    response = post_enquiry(client, HTTP_X_FORWARDED_FOR="198.51.100.2")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_behind_a_trusted_proxy_the_forwarded_client_address_is_limited(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.5"}
    assert post_enquiry(client, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy).status_code == HTTPStatus.FOUND
    # A forged left-hand entry does not help: the proxy's own entry (right-most) counts.
    forged = "203.0.113.9, 198.51.100.1"
    assert post_enquiry(client, HTTP_X_FORWARDED_FOR=forged, **proxy).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert post_enquiry(client, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy).status_code == HTTPStatus.FOUND


def test_rate_limit_off_disables_it(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "off"
    for _ in range(8):
        assert post_enquiry(client).status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.count() == 8


def test_invalid_posts_do_not_use_up_the_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    for _ in range(3):
        assert post_enquiry(client, email="wrong").status_code == HTTPStatus.OK
    assert post_enquiry(client).status_code == HTTPStatus.FOUND


def test_bots_do_use_up_the_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "2/h"
    post_enquiry(client, website="spam")
    post_enquiry(client, website="spam")
    assert post_enquiry(client).status_code == HTTPStatus.TOO_MANY_REQUESTS


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("5/10m", RateLimit(5, 600)),
        ("20/d", RateLimit(20, 86400)),
        ("3/30s", RateLimit(3, 30)),
        (" 2/1H ", RateLimit(2, 3600)),
        ("off", None),
        ("OFF", None),
    ],
)
def test_rate_limit_setting_is_parsed(value, expected):
    assert parse_rate_limit(value) == expected


@pytest.mark.parametrize("value", ["", "5", "five/10m", "5/10x", "0/10m", "5/0m", "-1/m", "5/m10"])
def test_malformed_rate_limit_setting_is_refused(value):
    with pytest.raises(ImproperlyConfigured):
        parse_rate_limit(value)


def test_system_check_reports_a_malformed_rate_limit(settings):
    settings.ENQUIRY_RATE_LIMIT = "lots"
    with pytest.raises(SystemCheckError, match="ENQUIRY_RATE_LIMIT"):
        call_command("check")
