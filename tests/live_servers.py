"""Real app servers for tests that need more than one process: gunicorn with the
project's configuration on a free loopback port, and a small HTTP client that
keeps cookies and fills in forms. scripts/bench.py uses the client too."""

import http.client
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from http.cookies import SimpleCookie
from pathlib import Path

from .html_forms import form_data

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


class Response:
    """An answer read whole: `headers` as http.client gives them (names in any case)."""

    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", errors="replace")

    def cookies(self):
        """The cookies this answer sets, with their attributes (Secure, SameSite, …)."""
        jar = SimpleCookie()
        for header in self.headers.get_all("Set-Cookie") or []:
            jar.load(header)
        return jar


class Browser:
    """One visitor: a keep-alive connection and a cookie jar. Cookies are kept
    whatever their Secure flag, so the same client works against a server that
    is told (X-Forwarded-Proto) it sits behind an HTTPS load balancer."""

    def __init__(self, port, headers=None, timeout=60):
        self.port = port
        self.headers = dict(headers or {})
        self.timeout = timeout
        self.cookies = {}
        self.connection = None

    def request(self, method, path, body=None, headers=None):
        all_headers = {**self.headers, **(headers or {})}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        for attempt in range(2):
            if self.connection is None:
                self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            try:
                self.connection.request(method, path, body=body, headers=all_headers)
                raw = self.connection.getresponse()
                data = raw.read()
                break
            except (http.client.RemoteDisconnected, ConnectionResetError, BrokenPipeError):
                # The server closed an idle keep-alive connection: open a new one, once.
                self.connection.close()
                self.connection = None
                if attempt:
                    raise
            except Exception:
                # A timeout or a half-read answer leaves the connection unusable: start afresh next time.
                self.connection.close()
                self.connection = None
                raise
        for header in raw.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return Response(raw.status, raw.headers, data)

    def get(self, path, headers=None):
        return self.request("GET", path, headers=headers)

    def post(self, path, data, headers=None):
        scheme = "https" if self.headers.get("X-Forwarded-Proto") == "https" else "http"
        origin = f"{scheme}://{self.headers.get('Host', f'127.0.0.1:{self.port}')}"
        headers = {
            "Content-Type": "application/x-www-form-urlencoded",
            "Origin": origin,
            "Referer": origin + path,
            **(headers or {}),
        }
        return self.request("POST", path, body=urllib.parse.urlencode(data, doseq=True), headers=headers)

    def submit(self, path, changes=None, form_id=None, headers=None):
        """GET the page, fill in its form with `changes`, POST it back."""
        page = self.get(path, headers=headers)
        data = form_data(page.text, form_id)
        data.update(changes or {})
        return self.post(path, data, headers=headers)

    def login(self, username, password):
        response = self.submit(
            "/admin/login/?next=/admin/", {"username": username, "password": password}, form_id="login-form"
        )
        if response.status != 302:
            raise AssertionError(f"Could not sign in ({response.status}): {response.text[:1000]}")

    def close(self):
        if self.connection is not None:
            self.connection.close()


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ServerProcess:
    """A server command (gunicorn, `make serve`) in its own process group on a loopback
    port, its output in a log file; stopping it stops everything it started."""

    def __init__(self, command, env, log_path):
        self.port = int(env["PORT"])
        self.log_path = Path(log_path)
        self.log = open(log_path, "ab")
        self.process = subprocess.Popen(  # noqa: S603 - our own commands, fixed arguments
            command, cwd=ROOT, env=env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )

    # Whether /healthz/ must say 200; otherwise any answer will do (a server started without
    # its database, or for another host name, is up when it answers at all).
    require_healthy = False

    def wait_until_up(self, timeout=90):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"server exited with {self.process.returncode}:\n{self.log_tail()}")
            try:
                if Browser(self.port).get("/healthz/").status == 200 or not self.require_healthy:
                    return self
            except OSError:
                pass
            time.sleep(0.2)
        raise AssertionError(f"server did not answer within {timeout} s:\n{self.log_tail()}")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log.close()

    def output(self):
        self.log.flush()
        return self.log_path.read_text(errors="replace")

    def log_tail(self):
        return self.output()[-4000:]


class AppServer(ServerProcess):
    """gunicorn with tep_portal/gunicorn.conf.py, as `make serve` runs it."""

    require_healthy = True

    def __init__(self, env, log_path, workers=1, threads=4, host=None):
        self.host = host
        environment = {
            **env,
            "HOST": "127.0.0.1",
            "PORT": env.get("SERVER_PORT") or str(free_port()),
            "GUNICORN_ACCESS_LOG": "false",
        }
        # None: as many as tep_portal/gunicorn.conf.py sizes for the machine.
        if workers is not None:
            environment["WEB_CONCURRENCY"] = str(workers)
        if threads is not None:
            environment["GUNICORN_THREADS"] = str(threads)
        super().__init__(
            [str(BIN / "gunicorn"), "--config", "tep_portal/gunicorn.conf.py", "tep_portal.wsgi"], environment, log_path
        )

    def browser(self, headers=None):
        """A visitor; with `host`, every request carries that Host header, as from the load balancer."""
        return Browser(self.port, headers={**({"Host": self.host} if self.host else {}), **(headers or {})})


def server_environment(**extra):
    """The environment an app server gets: this one, without anything that would point it at
    another database or cache or change its limits (tests/conftest.py PINNED_SETTINGS), plus `extra`."""
    keep = {
        name: value
        for name, value in os.environ.items()
        if not name.startswith(
            ("DJANGO_", "DATABASE_", "CACHE_", "SQLITE_", "PAGE_CACHE_", "ENQUIRY_", "SIGNIN_", "AXES_")
        )
    }
    return {**keep, "DJANGO_SETTINGS_MODULE": "tep_portal.settings", "PYTHONPATH": str(ROOT), **extra}
