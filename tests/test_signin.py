"""Issue 12: the staff sign-in lockout counts people, not spellings of their address, and one
username attacked from many addresses slows down without ever being locked for good."""

import datetime
from http import HTTPStatus

import pytest
from axes.models import AccessAttempt, AccessFailureLog
from django.db.models import Sum
from django.urls import reverse
from django.utils import timezone

from tep_portal.signin import username_pause

from .test_security import STAFF_PASSWORD, sign_in, staff_user  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def signed_in(client):
    return "_auth_user_id" in client.session


def test_addresses_in_one_ipv6_64_share_one_lockout(client, staff_user):  # noqa: F811
    for host in range(1, 6):
        sign_in(client, "wrong password", address=f"2001:db8:7:7::{host}")
    response = sign_in(client, STAFF_PASSWORD, address="2001:db8:7:7:abcd::99")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert not signed_in(client)


def test_spellings_of_one_address_share_one_lockout(client, staff_user):  # noqa: F811
    for spelling in ["192.0.2.8", "::ffff:192.0.2.8", "::ffff:c000:208", " 192.0.2.8", "[::ffff:192.0.2.8]"]:
        sign_in(client, "wrong password", address=spelling)
    assert sign_in(client, STAFF_PASSWORD, address="192.0.2.8").status_code == HTTPStatus.TOO_MANY_REQUESTS


def test_one_username_attacked_from_many_networks_is_slowed_down_but_never_locked_for_good(
    client,
    staff_user,  # noqa: F811
):
    # 32 wrong passwords from 8 different /64s, 4 from each (under the per-address limit of 5).
    for network in range(8):
        for host in range(4):
            sign_in(client, "wrong password", address=f"2001:db8:{network}:1::{host + 1}")
    # Now the account itself is paused, from any new address, even with the right password.
    refused = sign_in(client, STAFF_PASSWORD, address="2001:db8:99:1::1")
    assert refused.status_code == HTTPStatus.OK
    assert "Too many failed sign-ins for this account" in refused.content.decode()
    assert not signed_in(client)
    # The pause is limited: 15 minutes after the last failure the right password works again.
    sixteen_minutes_earlier = AccessFailureLog.objects.latest("attempt_time").attempt_time - datetime.timedelta(
        minutes=16
    )
    for model in (AccessAttempt, AccessFailureLog):
        model.objects.update(attempt_time=sixteen_minutes_earlier)
    assert sign_in(client, STAFF_PASSWORD, address="2001:db8:99:1::1").status_code == HTTPStatus.FOUND
    assert signed_in(client)


def test_failures_count_for_the_hour_though_axes_forgets_them_after_its_cool_off(client, staff_user):  # noqa: F811
    """django-axes deletes its per-client attempts 15 minutes (AXES_COOLOFF_TIME) after the last
    one, at the next failure; the username's failures must still count for the whole hour, or an
    attacker who waits a quarter of an hour starts again with ten free guesses."""
    for network in range(10):
        sign_in(client, "wrong password", address=f"198.51.{network}.1")
    twenty_minutes_ago = timezone.now() - datetime.timedelta(minutes=20)  # the first pause is long over
    for model in (AccessAttempt, AccessFailureLog):
        model.objects.update(attempt_time=twenty_minutes_ago)
    sign_in(client, "wrong password", address="198.51.50.1")  # the 11th in the hour
    refused = sign_in(client, STAFF_PASSWORD, address="198.51.51.1")
    assert "Too many failed sign-ins for this account. Try again in 2 minutes." in refused.content.decode()
    assert not signed_in(client)


def test_the_pause_doubles_with_each_further_failure_up_to_the_maximum():
    now = timezone.now()
    pauses = []
    for failures in (9, 10, 11, 12, 13, 14, 30):
        while AccessFailureLog.objects.count() < failures:
            AccessFailureLog.objects.create(username="curator", ip_address="198.51.100.1", user_agent="x")
        AccessFailureLog.objects.update(attempt_time=now)
        pause = username_pause("curator", "203.0.113.200", now=now)
        pauses.append(pause and pause.total_seconds() / 60)
    assert pauses == [None, 1, 2, 4, 8, 15, 15]
    # An hour after the last failure, the failures no longer count.
    assert username_pause("curator", "203.0.113.200", now=now + datetime.timedelta(minutes=61)) is None


def test_sign_ins_refused_during_a_pause_are_not_counted(client, staff_user):  # noqa: F811
    for network in range(10):
        sign_in(client, "wrong password", address=f"198.51.100.{network + 1}")
    counted = AccessFailureLog.objects.count()
    for network in range(10):
        response = sign_in(client, "wrong password", address=f"192.0.2.{network + 1}")
        assert "Too many failed sign-ins for this account. Try again in 1 minute." in response.content.decode()
    assert AccessFailureLog.objects.count() == counted == 10
    assert AccessAttempt.objects.aggregate(total=Sum("failures_since_start"))["total"] == 10


def test_a_staff_member_signs_in_from_their_usual_address_while_the_account_is_under_attack(
    client,
    staff_user,  # noqa: F811
):
    assert sign_in(client, STAFF_PASSWORD, address="203.0.113.50").status_code == HTTPStatus.FOUND
    client.logout()
    for network in range(12):
        sign_in(client, "wrong password", address=f"198.51.{network}.1")
    assert sign_in(client, STAFF_PASSWORD, address="198.51.99.1").status_code == HTTPStatus.OK  # paused
    assert sign_in(client, STAFF_PASSWORD, address="203.0.113.50").status_code == HTTPStatus.FOUND  # the office


@pytest.mark.parametrize("header", ["not-an-ip", "198.51.100.1\x00", "::1::2", "1.2.3.4/8"])
def test_a_malformed_forwarded_address_never_turns_a_sign_in_into_a_500(client, staff_user, settings, header):  # noqa: F811
    settings.TRUSTED_PROXY_COUNT = 1
    wrong = sign_in(client, "wrong password", address="10.0.0.2", HTTP_X_FORWARDED_FOR=header)
    assert wrong.status_code == HTTPStatus.OK
    right = sign_in(client, STAFF_PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR=header)
    assert right.status_code == HTTPStatus.FOUND
    assert right.url == reverse("admin:index")
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) <= {"10.0.0.2"}
