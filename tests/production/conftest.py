"""The production server, started as `make serve` runs it: once per test module, so each module
begins with a server whose page cache and log are its own."""

import pytest

from tests.live_servers import ServerProcess, free_port

from .support import GUNICORN, STAFF, manage, production_env


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
    server.database = root / "db.sqlite3"
    try:
        yield server.wait_until_up(timeout=180)
    finally:
        server.stop()


def gunicorn_beside(site, root, **env):
    """gunicorn in the production configuration with `site`'s static files and `env` on top."""
    environment = production_env(
        DJANGO_STATIC_ROOT=site.static_root,  # collected by `make serve` above
        PORT=free_port(),
        WEB_CONCURRENCY=1,
        GUNICORN_THREADS=2,
        **env,
    )
    gunicorn = [GUNICORN, "--config", "tep_portal/gunicorn.conf.py", "tep_portal.wsgi"]
    server = ServerProcess(gunicorn, environment, root / "serve.log")
    try:
        yield server.wait_until_up(timeout=180)
    finally:
        server.stop()


@pytest.fixture(scope="module")
def site_without_database(site, tmp_path_factory):
    """The same production configuration, but PostgreSQL is unreachable (nothing listens on port 9)."""
    root = tmp_path_factory.mktemp("production-no-db")
    yield from gunicorn_beside(site, root, DATABASE_URL="postgres://tep@127.0.0.1:9/tep")


@pytest.fixture(scope="module")
def site_without_cache(site, tmp_path_factory):
    """The same site and database, but CACHE_URL names a Redis that is not there (nothing listens
    on port 9): what every app server sees while Redis is down."""
    root = tmp_path_factory.mktemp("production-no-cache")
    yield from gunicorn_beside(
        site,
        root,
        SQLITE_PATH=site.database,
        CACHE_URL="redis://127.0.0.1:9/0",
        ENQUIRY_MIN_FILL_SECONDS=0,  # the form is filled in by a program
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",  # kept in the process, sent nowhere
    )
