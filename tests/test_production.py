"""Production mode, tested as it runs: settings are read once per process, so each test here
starts real processes with DJANGO_ENV=production (manage.py, and `make serve` itself) and talks
HTTP to them on the loopback interface.

The production servers use their own SQLite file, whatever DATABASE_URL the suite runs with.
"""

import http.client
import json
import os
import re
import secrets
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from .live_servers import ServerProcess, free_port
from .security_headers import EXPECTED_CSP, EXPECTED_HEADERS, HSTS, parse_csp

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "portal.example.org"
STAFF = {"username": "curator", "password": "a long staff passphrase 9"}
PAGE_HEADERS = {"Strict-Transport-Security": HSTS, **EXPECTED_HEADERS}
FAR_FUTURE = "max-age=315360000, public, immutable"


def policy(response):
    return parse_csp(response.headers["Content-Security-Policy"])


def production_env(**overrides):
    """This process's environment with production switched on and nothing of the suite's own configuration."""
    env = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(("DJANGO_", "DATABASE_", "CACHE_", "SQLITE_", "GUNICORN_", "AXES_", "AWS_"))
        and name not in {"PORT", "HOST", "WEB_CONCURRENCY", "MEDIA_ROOT", "MEDIA_STORAGE", "EMAIL_BACKEND"}
    }
    env.update(
        DJANGO_ENV="production",
        DJANGO_SETTINGS_MODULE="tep_portal.settings",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS=HOST,
    )
    env.update({name: str(value) for name, value in overrides.items() if value is not None})
    for name, value in overrides.items():
        if value is None:
            env.pop(name, None)
    return env


def manage(*args, env):
    return subprocess.run(  # noqa: S603 - our own manage.py with fixed arguments
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )


def production_settings(*names, **env):
    """The values of `names` in a fresh process with production settings and `env`."""
    code = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{n: getattr(settings, n, None) for n in {list(names)!r}}}, default=str))"
    )
    result = subprocess.run(  # noqa: S603
        [PYTHON, "-c", code], cwd=ROOT, env=production_env(**env), capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


class Response:
    def __init__(self, raw):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()

    @property
    def text(self):
        return self.body.decode()

    def cookies(self):
        jar = SimpleCookie()
        for header in self.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return jar


def fetch(port, path, *, method="GET", https=True, host=HOST, headers=None, body=None):
    """One request as the TLS-terminating proxy would pass it on (https=False: a plain-HTTP client)."""
    sent = {"Host": host}
    if https:
        sent["X-Forwarded-Proto"] = "https"
    sent.update(headers or {})
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=20)
    try:
        connection.request(method, path, body=body, headers=sent)
        return Response(connection.getresponse())
    finally:
        connection.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """`make serve` on a loopback port, with the demo content and one staff account."""
    root = tmp_path_factory.mktemp("production")
    env = production_env(
        SQLITE_PATH=root / "db.sqlite3",
        DJANGO_STATIC_ROOT=root / "static",
        MEDIA_ROOT=root / "media",
        PORT=free_port(),
        WEB_CONCURRENCY=2,
        GUNICORN_THREADS=2,
    )
    for args in (["migrate", "--noinput"], ["load_demo_content"]):
        result = manage(*args, env=env)
        assert result.returncode == 0, result.stderr
    staff = {
        "DJANGO_SUPERUSER_USERNAME": STAFF["username"],
        "DJANGO_SUPERUSER_PASSWORD": STAFF["password"],
        "DJANGO_SUPERUSER_EMAIL": "curator@example.org",
    }
    result = manage("createsuperuser", "--noinput", env={**env, **staff})
    assert result.returncode == 0, result.stderr
    server = ServerProcess(["make", "--no-print-directory", "serve"], env, root / "serve.log")
    server.static_root = root / "static"
    try:
        yield server.wait_until_up(timeout=180)
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site_without_database(site, tmp_path_factory):
    """The same production configuration, but PostgreSQL is unreachable (nothing listens on port 9)."""
    root = tmp_path_factory.mktemp("production-no-db")
    env = production_env(
        DATABASE_URL="postgres://tep@127.0.0.1:9/tep",
        DJANGO_STATIC_ROOT=site.static_root,  # collected by `make serve` above
        PORT=free_port(),
        WEB_CONCURRENCY=1,
        GUNICORN_THREADS=2,
    )
    gunicorn = [GUNICORN, "--config", "tep_portal/gunicorn.conf.py", "tep_portal.wsgi"]
    server = ServerProcess(gunicorn, env, root / "serve.log")
    try:
        yield server.wait_until_up(timeout=180)
    finally:
        server.stop()


# Settings and checks, in fresh processes ------------------------------------------------------


# What TEP fills in before launch: the organisation details and a privacy notice with nothing "[to confirm]".
CONFIRM_DETAILS = """
from partnerships.models import Page
from tep_portal.models import Organisation
Organisation(name_en="True Education Partnership", legal_name="True Education Partnership Ltd",
             company_number="01234567", ico_number="ZA123456", address_en="1 Example Street",
             email="hello@tep.example").save()
page = Page.objects.get(slug="privacy")
page.body_en = page.body_en.replace(" [to confirm: names of these providers]", "")
page.body_zh_hans = page.body_zh_hans.replace("［待确认：相关服务商名称］", "")
page.save()
"""


def test_check_deploy_passes_with_no_warnings_once_tep_has_confirmed_its_details(tmp_path):
    env = production_env(SQLITE_PATH=str(tmp_path / "db.sqlite3"))
    migrated = manage("migrate", "--no-input", env=env)
    assert migrated.returncode == 0, migrated.stderr
    # A fresh database: the organisation details and the privacy notice are still to confirm.
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode != 0
    assert "tep_portal.W001" in result.stderr and "enquiries.W013" in result.stderr

    assert manage("shell", "-c", CONFIRM_DETAILS, env=env).returncode == 0
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_check_deploy_notices_a_weakened_setting():
    # The same check fails CI if someone turns HSTS off.
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=production_env(DJANGO_SECURE_HSTS_SECONDS=0))
    assert result.returncode != 0
    assert "security.W004" in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("DJANGO_SECRET_KEY", "DJANGO_SECRET_KEY must be set in production."),
        ("DJANGO_ALLOWED_HOSTS", "DJANGO_ALLOWED_HOSTS must be set in production."),
    ],
)
def test_production_refuses_to_start_without(missing, message):
    result = manage("check", env=production_env(**{missing: None}))
    assert result.returncode != 0
    assert message in result.stderr


def test_make_serve_refuses_to_start_without_a_secret_key():
    env = production_env(DJANGO_SECRET_KEY=None, PORT=free_port())
    result = subprocess.run(
        ["make", "--no-print-directory", "serve"],  # noqa: S607
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode != 0
    assert "make serve: set DJANGO_SECRET_KEY" in result.stderr


def test_production_settings():
    values = production_settings(
        "DEBUG",
        "SECURE_SSL_REDIRECT",
        "SECURE_REDIRECT_EXEMPT",
        "SECURE_PROXY_SSL_HEADER",
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_INCLUDE_SUBDOMAINS",
        "SECURE_HSTS_PRELOAD",
        "SESSION_COOKIE_NAME",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "SESSION_COOKIE_AGE",
        "SESSION_EXPIRE_AT_BROWSER_CLOSE",
        "CSRF_COOKIE_NAME",
        "CSRF_COOKIE_SECURE",
        "CSRF_COOKIE_SAMESITE",
        "LANGUAGE_COOKIE_NAME",
        "LANGUAGE_COOKIE_SECURE",
        "STORAGES",
        "EMAIL_BACKEND",
        "ADMINS",
    )
    assert values == {
        "DEBUG": False,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_REDIRECT_EXEMPT": [r"^healthz/$"],
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_HSTS_SECONDS": 63072000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_HSTS_PRELOAD": True,
        "SESSION_COOKIE_NAME": "__Host-sessionid",
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_AGE": 8 * 60 * 60,
        "SESSION_EXPIRE_AT_BROWSER_CLOSE": True,
        "CSRF_COOKIE_NAME": "__Host-csrftoken",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "LANGUAGE_COOKIE_NAME": "__Host-language",
        "LANGUAGE_COOKIE_SECURE": True,
        "STORAGES": {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
        },
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "ADMINS": [],
    }


def test_proxy_ssl_header_can_be_switched_off_or_renamed():
    assert production_settings("SECURE_PROXY_SSL_HEADER", DJANGO_SECURE_PROXY_SSL_HEADER="") == {
        "SECURE_PROXY_SSL_HEADER": None
    }
    assert production_settings("SECURE_PROXY_SSL_HEADER", DJANGO_SECURE_PROXY_SSL_HEADER="X-Forwarded-Scheme") == {
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_SCHEME", "https"]
    }


def test_media_storage_switches_to_an_s3_bucket():
    values = production_settings(
        "STORAGES",
        "CONTENT_SECURITY_POLICY",
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="tep-media",
        AWS_S3_REGION_NAME="eu-west-2",
        AWS_S3_CUSTOM_DOMAIN="media.example.org",
    )
    assert values["STORAGES"]["default"] == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "tep-media",
            "endpoint_url": None,
            "region_name": "eu-west-2",
            "custom_domain": "media.example.org",
            "location": "media",
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=31536000"},
        },
    }
    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", "https://media.example.org"]
    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["default-src"] == ["'none'"]


@pytest.mark.parametrize(
    ("env", "origin"),
    [
        ({"AWS_S3_ENDPOINT_URL": "https://s3.eu-west-2.example.net/"}, "https://s3.eu-west-2.example.net"),
        ({}, "https://tep-media.s3.amazonaws.com"),
    ],
)
def test_images_from_the_bucket_are_allowed_by_the_csp(env, origin):
    values = production_settings(
        "CONTENT_SECURITY_POLICY", MEDIA_STORAGE="s3", AWS_STORAGE_BUCKET_NAME="tep-media", **env
    )
    assert values["CONTENT_SECURITY_POLICY"]["DIRECTIVES"]["img-src"] == ["'self'", origin]


def test_s3_media_storage_refuses_to_start_without_a_bucket():
    result = manage("check", env=production_env(MEDIA_STORAGE="s3"))
    assert result.returncode != 0
    assert "MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME." in result.stderr


def test_postgresql_connections_are_persistent_health_checked_and_time_out():
    values = production_settings("DATABASES", DATABASE_URL="postgres://tep:secret@db.internal:5432/tep")
    database = values["DATABASES"]["default"]
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["OPTIONS"]["connect_timeout"] == 5


def test_gunicorn_configuration_is_sized_for_the_machine():
    code = (
        "import runpy, json; c = runpy.run_path('tep_portal/gunicorn.conf.py'); "
        "print(json.dumps({k: c.get(k) for k in ['bind', 'workers', 'threads', 'worker_class', 'timeout', "
        "'accesslog', 'access_log_format', 'forwarded_allow_ips', 'max_requests']}))"
    )

    def config(**env):
        clean = production_env(**env)
        result = subprocess.run([PYTHON, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True)  # noqa: S603
        assert result.returncode == 0, result.stderr
        return json.loads(result.stdout)

    default = config()
    assert default["bind"] == "127.0.0.1:8000"
    assert default["workers"] == min(2 * os.cpu_count() + 1, 9)
    assert default["threads"] == 4
    assert default["worker_class"] == "gthread"
    assert default["timeout"] == 30
    assert default["accesslog"] == "-"
    assert "%(U)s" in default["access_log_format"]  # the path without its query string
    assert "%(r)s" not in default["access_log_format"] and "%(q)s" not in default["access_log_format"]
    assert "%(h)s" not in default["access_log_format"]  # no client address
    assert default["forwarded_allow_ips"] == "127.0.0.1,::1"
    assert default["max_requests"] == 20000

    tuned = config(HOST="0.0.0.0", PORT=9000, WEB_CONCURRENCY=3, GUNICORN_ACCESS_LOG="false")  # noqa: S104
    assert tuned["bind"] == "0.0.0.0:9000"
    assert tuned["workers"] == 3
    assert tuned["accesslog"] is None


# The production server (`make serve`) over HTTP ---------------------------------------------------


def test_plain_http_is_redirected_to_https_on_the_same_host(site):
    response = fetch(site.port, "/partnerships/?q=ningbo", https=False)
    assert response.status == 301
    assert response.headers["Location"] == f"https://{HOST}/partnerships/?q=ningbo"


def test_health_check_answers_the_load_balancer_over_plain_http(site):
    response = fetch(site.port, "/healthz/", https=False)
    assert response.status == 200
    assert json.loads(response.body) == {"status": "ok", "database": "ok"}
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
    assert json.loads(response.body) == {"status": "unavailable", "database": "unavailable"}
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
