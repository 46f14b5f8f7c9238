"""Security headers, staff sign-in, sessions, the health check and the 503 page, in-process.

Production-only behaviour (HTTPS redirect, HSTS, Secure __Host- cookies, check --deploy)
is tested against a real production server in tests/production/.
"""

import logging
from http import HTTPStatus
from unittest import mock

import pytest
from django.conf import global_settings, settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, connection
from django.test import RequestFactory
from django.urls import reverse
from django.utils import translation
from django.utils.log import AdminEmailHandler

from tep_portal.client_ip import client_ip
from tep_portal.middleware import DatabaseUnavailableMiddleware

from .security_headers import EXPECTED_CSP, EXPECTED_HEADERS, parse_csp

pytestmark = pytest.mark.django_db

DISABLED_FEATURES = ["camera", "microphone", "geolocation", "payment", "usb", "interest-cohort", "browsing-topics"]
PUBLIC_URLS = [
    "/",
    "/partnerships/",
    "/partnerships/nottingham-ningbo/",
    "/schools/",
    "/timeline/",
    "/register/",
    "/zh-hans/register/uk-partner/",
    "/zh-hans/",
    "/zh-hans/partnerships/nottingham-ningbo/",
    # The map is inline SVG with no script or inline style: the same policy, nothing unsafe.
    "/partnerships/map/",
    "/zh-hans/partnerships/map/",
    "/data/",
]
STAFF_PASSWORD = "a long staff passphrase 9"


def assert_security_headers(response):
    for name, value in EXPECTED_HEADERS.items():
        assert response.headers.get(name) == value, name
    policy = parse_csp(response.headers["Content-Security-Policy"])
    assert policy == EXPECTED_CSP
    assert "unsafe" not in response.headers["Content-Security-Policy"]
    permissions = dict(item.split("=", 1) for item in response.headers["Permissions-Policy"].split(", "))
    for feature in DISABLED_FEATURES:
        assert permissions[feature] == "()", feature
    assert "X-XSS-Protection" not in response.headers


@pytest.fixture
def staff_user(db):
    return get_user_model().objects.create_user(
        "curator", "curator@example.org", STAFF_PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, password, username="curator", address="203.0.113.7", **extra):
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": reverse("admin:index")},
        REMOTE_ADDR=address,
        **extra,
    )


# Headers -------------------------------------------------------------------------------


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_public_pages_send_every_security_header(client, demo_content, url):
    response = client.get(url)
    assert response.status_code == HTTPStatus.OK
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert_security_headers(response)


def test_not_found_page_sends_every_security_header(client, demo_content):
    response = client.get("/no-such-page/")
    assert response.status_code == HTTPStatus.NOT_FOUND
    assert_security_headers(response)


def test_admin_pages_send_every_security_header_and_are_never_cached(admin_client, demo_content):
    for url in [reverse("admin:index"), reverse("admin:partnerships_partnership_changelist")]:
        response = admin_client.get(url)
        assert response.status_code == HTTPStatus.OK
        assert_security_headers(response)
        assert "no-store" in response["Cache-Control"]


def test_admin_login_page_sends_every_security_header(client):
    response = client.get(reverse("admin:login"))
    assert response.status_code == HTTPStatus.OK
    assert_security_headers(response)


def test_health_check_sends_security_headers(client):
    assert_security_headers(client.get("/healthz/"))


def test_development_does_not_force_https(client):
    # Tests run with the development settings: no redirect, no HSTS (tests/production/ covers both).
    response = client.get("/healthz/")
    assert response.status_code == HTTPStatus.OK
    assert "Strict-Transport-Security" not in response.headers
    assert settings.SECURE_SSL_REDIRECT is False


# Staff sign-in ---------------------------------------------------------------------------


def test_staff_sign_in_with_the_right_password_works(client, staff_user):
    response = sign_in(client, STAFF_PASSWORD)
    assert response.status_code == HTTPStatus.FOUND
    assert response.url == reverse("admin:index")
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.OK


def test_repeated_failures_lock_the_account_even_against_the_right_password(client, staff_user):
    assert settings.AXES_FAILURE_LIMIT == 5
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        response = sign_in(client, "wrong password")
        assert response.status_code == HTTPStatus.OK  # the form again, with Django's message
        assert "Please enter the correct username and password" in response.content.decode()
    locked = sign_in(client, "wrong password")
    assert locked.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "Sign-in locked" in locked.content.decode()

    refused = sign_in(client, STAFF_PASSWORD)
    assert refused.status_code == HTTPStatus.TOO_MANY_REQUESTS
    assert "_auth_user_id" not in client.session
    assert client.get(reverse("admin:index")).status_code == HTTPStatus.FOUND  # back to the login page


def test_lockout_is_per_username_and_address_so_others_can_still_sign_in(client, staff_user):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong password", address="198.51.100.1")
    assert sign_in(client, STAFF_PASSWORD, address="198.51.100.1").status_code == HTTPStatus.TOO_MANY_REQUESTS
    # The same account from the office is not locked out by a stranger's attempts.
    assert sign_in(client, STAFF_PASSWORD, address="203.0.113.50").status_code == HTTPStatus.FOUND


def test_lockout_ends_after_the_cool_off(client, staff_user):
    from axes.models import AccessAttempt

    assert settings.AXES_COOLOFF_TIME.total_seconds() == 15 * 60
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong password")
    # 16 minutes later (the attempt row is what axes compares the cool-off with).
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - settings.AXES_COOLOFF_TIME)
    assert sign_in(client, STAFF_PASSWORD).status_code == HTTPStatus.FOUND


def test_forged_forwarded_for_does_not_escape_the_lockout_behind_a_proxy(client, staff_user, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(settings.AXES_FAILURE_LIMIT):
        # The attacker varies the left part of X-Forwarded-For; the proxy appends the real address.
        sign_in(client, "wrong password", address="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, 198.51.100.9")
    response = sign_in(client, STAFF_PASSWORD, address="10.0.0.2", HTTP_X_FORWARDED_FOR="192.0.2.99, 198.51.100.9")
    assert response.status_code == HTTPStatus.TOO_MANY_REQUESTS


@pytest.mark.parametrize(
    ("proxies", "forwarded_for", "expected"),
    [
        (0, "192.0.2.1", "10.0.0.2"),  # no trusted proxy: the header is the client's word, ignored
        (1, "192.0.2.1", "192.0.2.1"),
        (1, "6.6.6.6, 192.0.2.1", "192.0.2.1"),  # a forged left part is skipped
        (2, "6.6.6.6, 192.0.2.1, 10.0.0.1", "192.0.2.1"),
        (2, "192.0.2.1", "192.0.2.1"),  # fewer entries than proxies: the left-most
        (1, "", "10.0.0.2"),
    ],
)
def test_client_ip_trusts_only_the_configured_proxies(settings, proxies, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = proxies
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded_for)
    assert client_ip(request) == expected


@pytest.mark.parametrize(
    "password",
    ["elevenchars", "password1234", "123456789012345", "curator-curator"],
    ids=["11 characters", "common", "numeric", "like the username"],
)
def test_weak_staff_passwords_are_refused(password):
    user = get_user_model()(username="curator-curator", email="curator@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


def test_long_passphrases_are_accepted():
    sixty_four = "a quiet river runs past the old mill near Ningbo harbour in May!"
    assert len(sixty_four) == 64
    validate_password(sixty_four)
    validate_password(sixty_four * 2)
    validate_password("诺丁汉和宁波二零零五年结为友好城市")  # characters are counted, not bytes


def test_staff_session_is_short_and_ends_with_the_browser(client, staff_user):
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    response = sign_in(client, STAFF_PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["expires"] == "" and cookie["max-age"] == ""  # a browser-session cookie
    assert cookie["httponly"] is True
    assert cookie["samesite"] == "Lax"
    assert client.session.get_expiry_age() <= 8 * 60 * 60


def test_sign_in_gives_a_new_session_key(client, staff_user):
    # Session fixation: a session key known before signing in must not carry the staff session.
    session = client.session
    session["seen_banner"] = True
    session.save()
    before = session.session_key
    sign_in(client, STAFF_PASSWORD)
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != before


def test_signing_out_ends_the_session_on_the_server(client, staff_user):
    sign_in(client, STAFF_PASSWORD)
    old_session = client.cookies[settings.SESSION_COOKIE_NAME].value
    client.post(reverse("admin:logout"))
    client.cookies[settings.SESSION_COOKIE_NAME] = old_session  # replaying the old cookie
    response = client.get(reverse("admin:index"))
    assert response.status_code == HTTPStatus.FOUND
    assert response.url.startswith(reverse("admin:login"))


def test_passwords_are_stored_with_pbkdf2_at_django_s_work_factor(settings):
    from django.contrib.auth.hashers import make_password

    # The suite uses a fast hasher (conftest); production keeps Django's default list.
    settings.PASSWORD_HASHERS = global_settings.PASSWORD_HASHERS
    assert make_password("a long staff passphrase 9").startswith("pbkdf2_sha256$1000000$")


# Health check and database outage -------------------------------------------------------


def test_health_check_reports_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz/")
    assert response.status_code == HTTPStatus.OK
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_health_check_answers_503_when_the_database_is_down(client, caplog, error):
    # The database server going away is an external failure: simulated at the driver boundary.
    with mock.patch.object(connection, "cursor", side_effect=error("connection to server at 10.9.9.9 refused")):
        response = client.get("/healthz/")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]
    assert "10.9.9.9" not in caplog.text  # the driver's message (host, user) stays out of the logs


@pytest.mark.parametrize("url", ["/", "/partnerships/nottingham-ningbo/", "/zh-hans/timeline/"])
def test_public_pages_answer_a_friendly_503_when_the_database_is_down(client, demo_content, url):
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("server closed the connection")):
        response = client.get(url)
    body = response.content.decode()
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert response["Retry-After"] == "120"
    assert response["Cache-Control"] == "no-store"
    language = "zh-hans" if url.startswith("/zh-hans/") else "en"
    with translation.override(language):
        assert translation.gettext("Sorry, the service is unavailable") in body  # in the visitor's language
    assert 'href="/static/css/site.css"' in body  # in the site's design
    assert "server closed the connection" not in body
    assert "has not been saved" not in body  # nothing was being sent
    assert_security_headers(response)


def test_503_page_is_rendered_without_touching_the_database(client, demo_content):
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(1)
        raise OperationalError("could not connect")

    with mock.patch.object(connection, "cursor", side_effect=refuse):
        response = client.get("/partnerships/")
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert len(attempts) == 1  # the view's own query; the 503 page asked for nothing more


def test_a_form_sent_during_an_outage_is_told_it_was_not_saved(admin_client, demo_content):
    from partnerships.models import Council

    council = Council.objects.get(slug="nottingham")
    url = reverse("admin:partnerships_council_change", args=[council.pk])
    with mock.patch.object(connection, "cursor", side_effect=OperationalError("gone")):
        response = admin_client.post(url, {"name_en": "Nottingham"})
    assert response.status_code == HTTPStatus.SERVICE_UNAVAILABLE
    assert "What you sent has not been saved" in response.content.decode()


def test_other_errors_are_left_to_the_500_handler():
    # The 503 is for the database only; a programming error is not dressed up as an outage.
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = RequestFactory().get("/")
    assert middleware.process_exception(request, RuntimeError("bug")) is None
    assert middleware.process_exception(request, OperationalError("gone")).status_code == 503


# Logging -------------------------------------------------------------------------------


def test_errors_are_never_mailed():
    assert settings.ADMINS == []
    assert settings.LOGGING["loggers"]["django"]["handlers"] == ["console"]
    for name in ["django", "django.request", "django.security"]:
        logger = logging.getLogger(name)
        while logger:
            assert not any(isinstance(handler, AdminEmailHandler) for handler in logger.handlers), logger.name
            logger = logger.parent if logger.propagate else None


def test_logs_go_to_stdout():
    assert settings.LOGGING["handlers"]["console"]["stream"] == "ext://sys.stdout"
