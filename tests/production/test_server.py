"""The production server (`make serve`, started by conftest.py) over HTTP on the loopback
interface: redirects, the health check, headers, cookies, static files and the access log, and
what it answers when its database or its cache is gone."""

import json
import re
import secrets
import sqlite3
import time
from urllib.parse import urlencode

import pytest

from tests.enquiries.support import VALID_ANSWERS
from tests.html_forms import form_data
from tests.live_servers import Browser
from tests.security_headers import EXPECTED_CSP, HSTS

from .support import FAR_FUTURE, HOST, PAGE_HEADERS, STAFF, fetch, policy


def test_plain_http_is_redirected_to_https_on_the_same_host(site):
    response = fetch(site.port, "/partnerships/?q=ningbo", https=False)
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/partnerships/?q=ningbo"


def test_health_check_answers_the_load_balancer_over_plain_http(site):
    response = fetch(site.port, "/healthz/", https=False)
    assert response.status == 200
    assert json.loads(response.body) == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response.headers["Cache-Control"]


def test_unknown_hosts_are_refused(site):
    assert fetch(site.port, "/", host="evil.example").status == 400


@pytest.mark.parametrize(
    "path", ["/", "/partnerships/", "/partnerships/nottingham-ningbo/", "/zh-hans/timeline/", "/admin/login/"]
)
def test_pages_send_the_full_header_set(site, path):
    response = fetch(site.port, path)
    assert response.status == 200, response.text[:500]
    for name, value in PAGE_HEADERS.items():
        assert response.headers[name] == value, name
    assert policy(response) == EXPECTED_CSP
    assert "camera=()" in response.headers["Permissions-Policy"]
    assert re.fullmatch(r"[a-z]+", response.headers["Server"])  # no version number
    assert "X-XSS-Protection" not in response.headers


def test_not_found_page_sends_the_full_header_set(site):
    response = fetch(site.port, "/no-such-page/")
    assert response.status == 404
    assert "Page not found" in response.text
    for name, value in PAGE_HEADERS.items():
        assert response.headers[name] == value, name
    assert policy(response) == EXPECTED_CSP


def test_staff_cookies_are_secure_host_only_and_the_session_ends_with_the_browser(site):
    login = fetch(site.port, "/admin/login/")
    csrf = login.cookies()["__Host-csrftoken"]
    assert csrf["secure"] is True
    assert csrf["samesite"] == "Lax"
    assert csrf["path"] == "/"
    assert csrf["domain"] == ""
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)

    signed_in = fetch(
        site.port,
        "/admin/login/?next=/admin/",
        method="POST",
        headers={
            "Cookie": f"__Host-csrftoken={csrf.value}",
            "Origin": f"https://{HOST}",
            "Content-Type": "application/x-www-form-urlencoded",
        },
        body=urlencode({"csrfmiddlewaretoken": token, **STAFF, "next": "/admin/"}),
    )
    assert signed_in.status == 302, signed_in.text[:500]
    session = signed_in.cookies()["__Host-sessionid"]
    assert session["secure"] is True
    assert session["httponly"] is True
    assert session["samesite"] == "Lax"
    assert session["path"] == "/"
    assert session["domain"] == ""
    assert session["expires"] == "" and session["max-age"] == ""  # gone when the browser closes

    index = fetch(site.port, "/admin/", headers={"Cookie": f"__Host-sessionid={session.value}"})
    assert index.status == 200
    assert "Site administration" in index.text
    assert policy(index) == EXPECTED_CSP
    assert index.headers["Strict-Transport-Security"] == HSTS
    assert "no-store" in index.headers["Cache-Control"]


def test_fingerprinted_static_files_are_compressed_and_cached_for_ever(site):
    manifest = json.loads((site.static_root / "staticfiles.json").read_text())["paths"]
    hashed_css = manifest["admin/css/base.css"]
    assert re.fullmatch(r"admin/css/base\.[0-9a-f]{12}\.css", hashed_css)

    response = fetch(site.port, f"/static/{hashed_css}", headers={"Accept-Encoding": "gzip"})
    assert response.status == 200
    assert response.headers["Cache-Control"] == FAR_FUTURE
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Content-Type"].startswith("text/css")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"

    # The un-hashed name is still served, but only cached briefly: it can change with a deploy.
    plain = fetch(site.port, "/static/admin/css/base.css")
    assert plain.status == 200
    assert "immutable" not in plain.headers["Cache-Control"]


def test_pages_link_the_fingerprinted_static_files(site):
    page = fetch(site.port, "/").text
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page)
    assert stylesheets
    for href in stylesheets:
        assert re.search(r"\.[0-9a-f]{12}\.css$", href), href
        assert fetch(site.port, href).headers["Cache-Control"] == FAR_FUTURE


def test_access_log_has_no_query_strings_or_client_addresses(site):
    canary = f"canary-{secrets.token_hex(8)}"
    fetch(site.port, f"/partnerships/?q={canary}", headers={"X-Forwarded-For": "198.51.100.77"})
    time.sleep(0.5)  # the access log line is written after the response
    log = site.output()
    assert '"GET /partnerships/ HTTP/1.1" 200' in log
    assert canary not in log
    assert "198.51.100.77" not in log


# When the database is gone -------------------------------------------------------------------------


def test_health_check_answers_503_when_the_database_is_unreachable(site_without_database):
    started = time.monotonic()
    response = fetch(site_without_database.port, "/healthz/", https=False)
    assert response.status == 503
    assert json.loads(response.body)["status"] == "unavailable"
    assert json.loads(response.body)["database"] == "unavailable"
    assert "no-store" in response.headers["Cache-Control"]
    assert time.monotonic() - started < 10  # connect_timeout, not a hung load balancer probe


def test_public_pages_answer_a_friendly_503_when_the_database_is_unreachable(site_without_database):
    response = fetch(site_without_database.port, "/partnerships/nottingham-ningbo/")
    assert response.status == 503
    assert response.headers["Retry-After"] == "120"
    assert "Sorry, the service is unavailable" in response.text
    assert re.search(r'href="/static/css/site\.[0-9a-f]{12}\.css"', response.text)  # in the site's design
    assert "127.0.0.1" not in response.text and "postgres" not in response.text
    for name, value in PAGE_HEADERS.items():
        assert response.headers[name] == value, name
    assert policy(response) == EXPECTED_CSP


# When Redis is gone ---------------------------------------------------------------------------------


def test_with_a_dead_cache_url_an_enquiry_is_stored_and_the_health_check_says_degraded(site, site_without_cache):
    """Issue 12 point 6: a cache outage never loses an enquiry, and the load balancer keeps the server."""
    organisation = f"Redis Outage Council {secrets.token_hex(4)}"
    visitor = Browser(site_without_cache.port, headers={"Host": HOST, "X-Forwarded-Proto": "https"}, timeout=20)
    form = visitor.get("/register/")
    assert form.status == 200
    sent = visitor.post("/register/", {**form_data(form.text), **VALID_ANSWERS, "organisation_name": organisation})
    assert sent.status == 302, sent.text[:1000]
    assert sent.headers["Location"] == "/register/thanks/"
    thanks = visitor.get("/register/thanks/")
    assert re.search(r"TEP-\d{4}-\d{4,}", thanks.text)
    with sqlite3.connect(site.database) as database:
        stored = database.execute(
            "SELECT count(*) FROM partnerships_partnershipenquiry WHERE organisation_name = ?", [organisation]
        ).fetchone()[0]
    assert stored == 1

    health = fetch(site_without_cache.port, "/healthz/", https=False)
    assert health.status == 200
    assert json.loads(health.body) == {"status": "degraded", "database": "ok", "cache": "unavailable"}
    time.sleep(0.5)
    log = site_without_cache.output()
    assert "Enquiry rate limit not applied, cache unavailable" in log
    assert VALID_ANSWERS["email"] not in log and organisation not in log
