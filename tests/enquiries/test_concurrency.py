"""Many people sending the form at the same moment: every enquiry is stored, once, with its own reference."""

import http.cookiejar
import re
import threading
import time
import urllib.parse
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection

from enquiries.models import PartnershipEnquiry

from .support import VALID_ANSWERS

SUBMITTERS = 20


def test_the_test_database_is_not_a_shared_in_memory_one(db):
    # Otherwise the live server's threads would share one connection and this test would prove nothing.
    assert connection.vendor != "sqlite" or not connection.is_in_memory_db()


@pytest.mark.django_db(transaction=True)
def test_simultaneous_submissions_are_all_stored(live_server, settings, mailoutbox):
    settings.ENQUIRY_RATE_LIMIT = "off"  # they all come from 127.0.0.1
    settings.ENQUIRY_MIN_FILL_SECONDS = 0  # the form is filled in by a program
    start_together = threading.Barrier(SUBMITTERS)

    def submit(number):
        browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        form = browser.open(f"{live_server.url}/register/", timeout=30).read().decode()
        hidden = dict(re.findall(r'<input type="hidden" name="(csrfmiddlewaretoken|form_token)" value="([^"]+)"', form))
        data = {**VALID_ANSWERS, **hidden, "organisation_name": f"Council number {number}"}
        body = urllib.parse.urlencode(data, doseq=True).encode()
        start_together.wait(timeout=30)
        thanks = browser.open(f"{live_server.url}/register/", data=body, timeout=60)
        page = thanks.read().decode()
        assert thanks.url.endswith("/register/thanks/")
        return re.search(r"<strong>(TEP-\d{4}-\d{4,})</strong>", page).group(1)

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=SUBMITTERS) as pool:
        references = list(pool.map(submit, range(SUBMITTERS)))
    elapsed = time.monotonic() - started

    stored = PartnershipEnquiry.objects.all()
    assert stored.count() == SUBMITTERS
    assert {enquiry.organisation_name for enquiry in stored} == {f"Council number {n}" for n in range(SUBMITTERS)}
    assert sorted(references) == sorted(stored.values_list("reference", flat=True))
    assert len(set(references)) == SUBMITTERS
    # Each was committed before its emails went: one staff notification and one acknowledgement each.
    assert len(mailoutbox) == 2 * SUBMITTERS
    assert elapsed < 60, f"{SUBMITTERS} submissions took {elapsed:.1f} s"
