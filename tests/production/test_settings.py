"""Production settings and checks, each read in a fresh process: settings are read once per
process, so each test starts manage.py (or `make serve`) with DJANGO_ENV=production."""

import json
import os
import subprocess

import pytest

from tests.live_servers import free_port

from .support import PYTHON, ROOT, manage, production_env, production_settings

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
            "staticfiles": {"BACKEND": "tep_portal.staticstorage.MinifiedStaticFilesStorage"},
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
