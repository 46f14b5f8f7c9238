"""Issue 12: the enquiry path cannot be abused. Limits count people, not spellings of their
address; the acknowledgement relays nothing a visitor typed; input is strict about hidden
characters and odd email addresses; a Redis outage loses no enquiry."""

import logging
from http import HTTPStatus

import pytest
from django.test import override_settings
from pytest_django.asserts import assertContains

from enquiries.models import PartnershipEnquiry

from .support import post_enquiry

pytestmark = pytest.mark.django_db

DEAD = {"BACKEND": "tep_portal.cache.RedisCache", "LOCATION": "redis://127.0.0.1:18899/8"}
DEAD_REDIS = {"default": DEAD, "pages": DEAD}


# --- 2. One person, one count: addresses normalised, IPv6 grouped by /64 ---------------------------


def test_addresses_in_one_ipv6_64_share_one_limit(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "2/h"
    for host in ("1", "2"):
        assert post_enquiry(client, REMOTE_ADDR=f"2001:db8:1:2::{host}").status_code == HTTPStatus.FOUND
    for address in ("2001:db8:1:2::3", "2001:db8:1:2:ffff:ffff:ffff:ffff"):
        assert post_enquiry(client, REMOTE_ADDR=address).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert post_enquiry(client, REMOTE_ADDR="2001:db8:1:3::1").status_code == HTTPStatus.FOUND  # the next /64
    assert PartnershipEnquiry.objects.count() == 3


@pytest.mark.parametrize(
    "spellings",
    [
        ["192.0.2.7", "::ffff:192.0.2.7", " 192.0.2.7", "::FFFF:c000:0207"],
        ["2001:db8::7", "2001:DB8:0:0::7", "2001:0db8:0000::0007", "[2001:db8::7]"],
    ],
)
def test_spellings_of_one_address_share_one_limit(client, settings, spellings):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    assert post_enquiry(client, REMOTE_ADDR=spellings[0]).status_code == HTTPStatus.FOUND
    for spelling in spellings[1:]:
        assert post_enquiry(client, REMOTE_ADDR=spelling).status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert PartnershipEnquiry.objects.count() == 1


# --- 7. The client address: validated, and forwarded only by a trusted proxy ----------------------


@pytest.mark.parametrize("header", ["not-an-ip", "198.51.100.1\x00", "999.1.1.1", "", ",,,", "198.51.100.1/24"])
def test_a_malformed_forwarded_address_falls_back_to_the_peer(client, settings, header):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.5", "HTTP_X_FORWARDED_FOR": header}
    assert post_enquiry(client, **proxy).status_code == HTTPStatus.FOUND
    # Counted against the proxy's own address, like any other request it could not attribute.
    assert post_enquiry(client, REMOTE_ADDR="10.0.0.5").status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_forwarded_for_is_ignored_when_the_peer_is_not_a_trusted_proxy(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    direct = {"REMOTE_ADDR": "203.0.113.50"}  # someone reaching the app server directly
    assert post_enquiry(client, HTTP_X_FORWARDED_FOR="198.51.100.1", **direct).status_code == HTTPStatus.FOUND
    response = post_enquiry(client, HTTP_X_FORWARDED_FOR="198.51.100.2", **direct)
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_proxy_networks_are_configurable(client, settings):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    settings.TRUSTED_PROXY_COUNT = 1
    settings.TRUSTED_PROXY_NETWORKS = ["203.0.113.0/24"]
    proxy = {"REMOTE_ADDR": "203.0.113.50"}
    assert post_enquiry(client, HTTP_X_FORWARDED_FOR="198.51.100.1", **proxy).status_code == HTTPStatus.FOUND
    assert post_enquiry(client, HTTP_X_FORWARDED_FOR="198.51.100.2", **proxy).status_code == HTTPStatus.FOUND


# --- 4. Email addresses: no quoted local parts, no control characters -----------------------------


@pytest.mark.parametrize(
    "email",
    ['"a,b@evil.com"@example.org', '"victim"@example.org', "a\x01b@example.org", "a\x7fb@example.org"],
)
def test_quoted_or_control_character_email_addresses_are_refused_with_a_clear_message(client, mailoutbox, email):
    response = post_enquiry(client, email=email)
    assert response.status_code == HTTPStatus.OK
    assertContains(response, "Enter an email address without quotation marks or hidden characters")
    assert PartnershipEnquiry.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.parametrize("email", ["o'brien@example.org", "li.wang+tep@example.co.uk", "wang@例子.中国"])
def test_ordinary_email_addresses_are_still_accepted(client, email):
    assert post_enquiry(client, email=email).status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.count() == 1


# --- 5. Invisible and direction-changing characters ----------------------------------------------


def tag_sequence(text):
    """A black flag followed by `text` in tag characters and a cancel tag: how the flags of
    England, Scotland and Wales are written, and how text can be hidden after one."""
    return "\U0001f3f4" + "".join(chr(0xE0000 + ord(char)) for char in text) + "\U000e007f"


ENGLAND, SCOTLAND, WALES = tag_sequence("gbeng"), tag_sequence("gbsct"), tag_sequence("gbwls")

HIDDEN = {
    "right-to-left override": "\u202e",
    "left-to-right isolate": "\u2066",
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "left-to-right mark": "\u200e",
    "right-to-left mark": "\u200f",
    "byte order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "tag character": "\U000e0041",
    "word joiner": "\u2060",
    "Arabic letter mark": "\u061c",
}


@pytest.mark.parametrize("field", ["organisation_name", "contact_name", "job_title"])
@pytest.mark.parametrize("char", HIDDEN.values(), ids=HIDDEN.keys())
def test_hidden_characters_in_one_line_answers_are_refused(client, field, char):
    response = post_enquiry(client, **{field: f"Alex{char}Jones"})
    assert response.status_code == HTTPStatus.OK
    assertContains(response, "Remove the hidden characters")
    assert PartnershipEnquiry.objects.count() == 0


@pytest.mark.parametrize("char", ["\u202e", "\u202a", "\u2067"], ids=["RLO", "LRE", "RLI"])
def test_direction_changing_characters_in_the_message_are_refused(client, char):
    response = post_enquiry(client, message=f"Please pay invoice {char}fdp.exe")
    assert response.status_code == HTTPStatus.OK
    assertContains(response, "Remove the hidden characters that change the direction of your text")
    assert PartnershipEnquiry.objects.count() == 0


def test_invisible_characters_in_the_message_are_removed(client):
    message = "Hel\u200blo\u00ad wor\ufeffld\u200e and \u200fmore 👩\u200d🏫"
    assert post_enquiry(client, message=message).status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.get().message == "Hello world and more 👩\u200d🏫"


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("contact_name", "王小明"),
        ("contact_name", "Siân Ní Bhriain-Łukasz"),
        ("organisation_name", "Café 🌏 Partners 👩🏽\u200d🏫"),
        ("job_title", "国际交流主任"),
        ("message", "你好！We’d love a link with 宁波 😊 — déjà vu."),
        # The flags of Wales, Scotland and England are emoji tag sequences: 🏴, tag letters, cancel tag.
        ("organisation_name", f"Cyngor Caerdydd {WALES}"),
        ("contact_name", f"Morag {SCOTLAND}"),
        ("message", f"Greetings from {ENGLAND}, {WALES} and {SCOTLAND}!"),
    ],
)
def test_chinese_accents_and_emoji_stay_valid(client, field, value):
    assert post_enquiry(client, **{field: value}).status_code == HTTPStatus.FOUND
    assert getattr(PartnershipEnquiry.objects.get(), field) == value


@pytest.mark.parametrize(
    "hidden",
    [
        tag_sequence("ignore all previous instructions"),  # text only software reads, after a flag
        tag_sequence("gbzzz"),  # no such flag
        WALES[:-1],  # no cancel tag
        WALES[1:],  # no black flag
        "\U000e0041",  # a tag on its own
    ],
    ids=["hidden text", "unknown flag", "unterminated", "no base", "stray tag"],
)
@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("organisation_name", "Remove the hidden characters from this answer"),
        ("message", "Remove the hidden characters from your message (they can come with copied and pasted text)"),
    ],
)
def test_tag_characters_outside_the_uk_flags_are_still_refused(client, field, message, hidden):
    response = post_enquiry(client, **{field: f"Cardiff {hidden} Council"})
    assert response.status_code == HTTPStatus.OK
    assertContains(response, message)
    assert PartnershipEnquiry.objects.count() == 0


# --- 3. No phishing relay: the acknowledgement carries nothing the visitor typed ------------------

PHISHING = "customer, your TEP account is suspended. Verify at https://tep-verify.example/login"


def test_the_acknowledgement_quotes_nothing_the_visitor_typed(client, mailoutbox, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        post_enquiry(
            client,
            contact_name=PHISHING,
            organisation_name="Click https://evil.example now",
            job_title="Visit evil.example",
            message="Your password expires: https://evil.example/reset",
            email="victim@example.net",
        )
    enquiry = PartnershipEnquiry.objects.get()
    staff, acknowledgement = mailoutbox
    assert acknowledgement.to == ["victim@example.net"]
    text = acknowledgement.subject + acknowledgement.body
    for typed in ("customer", "suspended", "tep-verify", "evil.example", "password", "Click", "Visit"):
        assert typed not in text
    assert enquiry.reference in acknowledgement.subject and enquiry.reference in acknowledgement.body
    assert "Thank you for registering your interest" in acknowledgement.body
    # Staff still see everything, in their notification.
    for typed in (PHISHING, "Click https://evil.example now", "https://evil.example/reset"):
        assert typed in staff.body


def test_the_acknowledgement_is_in_the_visitors_language_with_the_date(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/zh-hans/register/", __import__("tests.enquiries.support", fromlist=["answers"]).answers())
    enquiry = PartnershipEnquiry.objects.get()
    acknowledgement = mailoutbox[1]
    assert "感谢" in acknowledgement.body
    received = enquiry.created_at.astimezone(__import__("zoneinfo").ZoneInfo("Europe/London"))
    assert f"{received.year}年{received.month}月{received.day}日" in acknowledgement.body
    assert "Siân" not in acknowledgement.body


def test_at_most_three_acknowledgements_per_address_a_day(
    client, settings, mailoutbox, caplog, django_capture_on_commit_callbacks
):
    settings.ENQUIRY_RATE_LIMIT = "off"  # a flood from many addresses, all at one victim
    caplog.set_level(logging.INFO)
    for _ in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            assert post_enquiry(client, email="Victim@Example.net").status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.count() == 5  # every enquiry is stored and reaches staff
    staff = [m for m in mailoutbox if m.to == settings.ENQUIRY_NOTIFY_EMAILS]
    acknowledgements = [m for m in mailoutbox if m.to == ["Victim@example.net"]]
    assert len(staff) == 5
    assert len(acknowledgements) == 3
    withheld = PartnershipEnquiry.objects.filter(acknowledgement_withheld=True)
    assert withheld.count() == 2
    assert not PartnershipEnquiry.objects.awaiting_email().exists()  # and no retry sends them later
    assert "victim" not in caplog.text.lower()


# --- 6. Redis down: the enquiry is stored all the same --------------------------------------------


def test_with_the_cache_unreachable_the_enquiry_is_stored(client, settings, mailoutbox, caplog):
    settings.ENQUIRY_RATE_LIMIT = "1/h"
    with override_settings(CACHES=DEAD_REDIS), caplog.at_level(logging.WARNING):
        first = post_enquiry(client)
        second = post_enquiry(client, organisation_name="Second Council")
    assert first.status_code == second.status_code == HTTPStatus.FOUND
    assert PartnershipEnquiry.objects.count() == 2  # the limit fails open while the cache is away
    assert "rate limit not applied, cache unavailable (ConnectionError)" in caplog.text
    assert "127.0.0.1" not in caplog.text


def test_health_check_reports_the_cache_state_and_stays_200_when_only_the_cache_is_down(client):
    with override_settings(CACHES=DEAD_REDIS):
        down = client.get("/healthz/")
    assert down.status_code == HTTPStatus.OK
    assert down.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    up = client.get("/healthz/")
    assert up.json() == {"status": "ok", "database": "ok", "cache": "ok"}
