"""Several app servers behind a load balancer: two real gunicorn processes share
one database and one Redis, as production does. Cached pages, their
invalidation and the enquiry rate limit must hold across both."""

import io
import os
import re
import threading
import urllib.parse
import uuid
from collections import Counter

import pytest
import redis
from django.conf import global_settings
from django.core.management import call_command
from django.db import connection

from enquiries.models import PartnershipEnquiry

from .enquiries.support import VALID_ANSWERS
from .html_forms import form_data
from .live_servers import AppServer, server_environment

DETAIL = "/partnerships/nottingham-ningbo/"
EDITOR, EDITOR_PASSWORD = "editor", "a-long-test-password-for-staff"
# A database other tests do not use; only keys under this run's prefix are ever written or deleted.
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/11")
# What the load balancer passes on: the public host, whichever server it picks.
PUBLIC_HOST = "portal.example.org"


@pytest.fixture
def shared_database(transactional_db, django_user_model, settings):
    """The test database, committed to, so the servers see what the test wrote and the other way round."""
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    # Hashed as the servers will check it (the suite's fast MD5 hasher is unknown to them).
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    django_user_model.objects.create_superuser(EDITOR, "editor@example.org", EDITOR_PASSWORD)
    database = connection.settings_dict
    if connection.vendor == "sqlite":
        assert not connection.is_in_memory_db(), "the servers need the test database in a file"
        return {"SQLITE_PATH": database["NAME"]}
    credentials = urllib.parse.quote(database["USER"] or "postgres")
    if database["PASSWORD"]:
        credentials += ":" + urllib.parse.quote(database["PASSWORD"])
    host = f"{database['HOST'] or '127.0.0.1'}:{database['PORT'] or 5432}"
    return {"DATABASE_URL": f"postgres://{credentials}@{host}/{database['NAME']}"}


@pytest.fixture
def shared_redis():
    prefix = f"tep-test-{uuid.uuid4().hex[:12]}"
    client = redis.Redis.from_url(REDIS_URL)
    client.ping()
    yield {"CACHE_URL": REDIS_URL, "CACHE_KEY_PREFIX": prefix}
    keys = list(client.scan_iter(match=f"{prefix}:*", count=1000))
    if keys:
        client.delete(*keys)


@pytest.fixture
def two_servers(shared_database, shared_redis, tmp_path):
    env = server_environment(
        DJANGO_DEBUG="false",
        # Both run one release. (Said outright: a hash of the working tree could differ between the
        # two start-ups while files are being edited.)
        PAGE_CACHE_VERSION=uuid.uuid4().hex,
        # X-Page-Cache: hit/miss, which the tests read (off by default: it tells visitors about each other).
        PAGE_CACHE_STATUS_HEADER="true",
        DJANGO_ALLOWED_HOSTS=f"{PUBLIC_HOST},127.0.0.1",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
        ENQUIRY_RATE_LIMIT="3/10m",
        # The form is filled in by a program here; the time trap has its own tests.
        ENQUIRY_MIN_FILL_SECONDS="0",
        # Behind one load balancer: the visitor's address is the last X-Forwarded-For entry.
        DJANGO_TRUSTED_PROXY_COUNT="1",
        MEDIA_ROOT=str(tmp_path / "media"),
        **shared_database,
        **shared_redis,
    )
    servers = [AppServer(env, tmp_path / f"server-{name}.log", workers=1, host=PUBLIC_HOST) for name in ("a", "b")]
    try:
        for server in servers:
            server.wait_until_up()
        yield servers
    finally:
        for server in servers:
            server.stop()


def enquiry(number):
    return {**VALID_ANSWERS, "organisation_name": f"Borough council {number}", "email": f"officer{number}@example.org"}


def test_a_page_cached_by_one_server_is_served_by_the_other_until_an_edit_on_either(two_servers):
    a, b = two_servers
    visitor_a, visitor_b = a.browser(), b.browser()

    first = visitor_a.get(DETAIL)
    assert first.status == 200
    assert first.headers["x-page-cache"] == "miss"
    from_b = visitor_b.get(DETAIL)
    assert from_b.headers["x-page-cache"] == "hit"  # B serves the page A rendered
    assert from_b.body == first.body

    editor = a.browser()
    editor.login(EDITOR, EDITOR_PASSWORD)
    found = editor.get("/admin/partnerships/partnership/?q=nottingham-ningbo").text
    change_url = re.search(r'href="(/admin/partnerships/partnership/\d+/change/)', found).group(1)
    saved = editor.submit(change_url, {"summary_en": "Edited on server A a moment ago."}, form_id="partnership_form")
    assert saved.status == 302

    after = visitor_b.get(DETAIL)
    assert after.headers["x-page-cache"] == "miss"
    assert "Edited on server A a moment ago." in after.text
    again = visitor_a.get(DETAIL)
    assert again.headers["x-page-cache"] == "hit"  # and A now serves what B rendered
    assert "Edited on server A a moment ago." in again.text


def test_the_enquiry_rate_limit_counts_across_both_servers(two_servers):
    a, b = two_servers
    statuses = []
    for number in range(5):
        server = (a, b)[number % 2]  # the load balancer alternates; the visitor's address stays the same
        response = server.browser().submit("/register/", enquiry(number), headers={"X-Forwarded-For": "203.0.113.7"})
        statuses.append(response.status)
        if response.status == 429:
            assert "has not been sent" in response.text

    assert statuses == [302, 302, 302, 429, 429]
    assert PartnershipEnquiry.objects.count() == 3
    # Another visitor is not affected.
    other = b.browser().submit("/register/", enquiry(99), headers={"X-Forwarded-For": "198.51.100.20"})
    assert other.status == 302


def test_simultaneous_posts_from_one_address_across_both_servers_store_at_most_the_limit(two_servers):
    """Issue 12 point 1 as production runs: two app server processes, one Redis, twelve forms
    opened first, then sent at the same moment from one address. The slot is taken in Redis
    before anything is saved, so exactly the limit (3) get through, whichever server they reach."""
    posts = 12
    visitors = [two_servers[n % 2].browser(headers={"X-Forwarded-For": "203.0.113.99"}) for n in range(posts)]
    forms = [form_data(visitor.get("/register/").text) for visitor in visitors]
    start_together = threading.Barrier(posts)
    statuses = [None] * posts

    def send(n):
        start_together.wait(timeout=30)
        statuses[n] = visitors[n].post("/register/", {**forms[n], **enquiry(n)}).status

    threads = [threading.Thread(target=send, args=(n,)) for n in range(posts)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert sorted(statuses) == [302] * 3 + [429] * (posts - 3)
    assert PartnershipEnquiry.objects.count() == 3


def test_many_people_sending_the_form_at_once_across_both_servers(two_servers):
    """The issue's "500 enquiries from 20 concurrent clients", scaled down to stay quick
    (`make bench` sends all 500): every enquiry stored once, no server error."""
    total, clients = 100, 20
    outcomes, lock = Counter(), threading.Lock()

    def client(number):
        for n in range(number, total, clients):
            server = two_servers[n % 2]
            address = f"198.51.100.{n + 1}"  # one person each (a documentation address, never contacted)
            response = server.browser().submit("/register/", enquiry(n), headers={"X-Forwarded-For": address})
            ok = response.status == 302 and response.headers["location"].endswith("/register/thanks/")
            with lock:
                outcomes["stored" if ok else response.status] += 1

    threads = [threading.Thread(target=client, args=(number,)) for number in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert outcomes == {"stored": total}
    stored = PartnershipEnquiry.objects.all()
    assert stored.count() == total
    assert len(set(stored.values_list("reference", flat=True))) == total
