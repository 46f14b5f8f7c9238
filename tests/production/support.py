"""Production mode as it runs: a clean environment with DJANGO_ENV=production, manage.py and
settings read in fresh processes, and requests as the TLS-terminating proxy passes them on.

The production servers use their own SQLite file, whatever DATABASE_URL the suite runs with.
"""

import json
import secrets
import subprocess
import sys
from pathlib import Path

from tests.live_servers import Browser, server_environment
from tests.security_headers import EXPECTED_HEADERS, HSTS, parse_csp

ROOT = Path(__file__).resolve().parent.parent.parent
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))
HOST = "portal.example.org"
STAFF = {"username": "curator", "password": "a long staff passphrase 9"}
PAGE_HEADERS = {"Strict-Transport-Security": HSTS, **EXPECTED_HEADERS}
FAR_FUTURE = "max-age=315360000, public, immutable"


def policy(response):
    return parse_csp(response.headers["Content-Security-Policy"])


def production_env(**overrides):
    """An app server's environment (tests/live_servers.py) with production switched on and nothing
    of the suite's own configuration, not even the server's size, storage or mail settings."""
    env = {
        name: value
        for name, value in server_environment().items()
        if not name.startswith(("GUNICORN_", "AXES_", "AWS_"))
        and name not in {"PORT", "HOST", "WEB_CONCURRENCY", "MEDIA_ROOT", "MEDIA_STORAGE", "EMAIL_BACKEND"}
    }
    env.update(
        DJANGO_ENV="production",
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


def fetch(port, path, *, method="GET", https=True, host=HOST, headers=None, body=None):
    """One request as the TLS-terminating proxy would pass it on (https=False: a plain-HTTP client)."""
    sent = {"Host": host}
    if https:
        sent["X-Forwarded-Proto"] = "https"
    sent.update(headers or {})
    client = Browser(port, headers=sent, timeout=20)
    try:
        return client.request(method, path, body=body)
    finally:
        client.close()
