#!/usr/bin/env python3
"""`make bench`: how fast the production server is with a large data set.

1. Builds a fresh database (a new SQLite file, or the PostgreSQL database named
   in BENCH_DATABASE_URL, which is dropped and created again: its name must
   contain "bench") and fills it with scripts/bench_data.py: 2,000
   partnerships, 20,000 timeline events, 2,000 schools, 50,000 enquiries.
2. Starts the production server exactly as `make serve` does (gunicorn with
   tep_portal/gunicorn.conf.py, DJANGO_ENV=production, WhiteNoise) on a free
   loopback port, with the shared cache in Redis when Redis answers, and the
   minimal baseline view /bench/minimal/ switched on (TEP_BENCH=1).
3. For each public page type and the register form: 2 s of warm-up, then
   BENCH_SECONDS (10) of load at 16 connections in 5 slices, each after a slice
   of the baseline view, with `wrk` when it is installed and a built-in asyncio
   load generator otherwise. Prints requests/s, p50 and p99 latency and the
   ratio to the baseline measured in the slices alongside it (so other work on
   the machine moves both figures together).
4. Times the admin signed in, median of 10: the enquiry inbox (50,000 enquiries) and the
   main content changelists and change forms (--admin-only: only this step).
5. Sends 500 enquiries from 20 concurrent clients (each from its own address,
   as behind a load balancer) and counts the stored rows and any 5xx.
6. Runs every page again with the page cache off ("cold": as after a staff
   edit, or for a query string the cache does not keep), under the same load and
   one request at a time, against the cold targets. Choice lists, counts and
   shared fragments are still kept per content generation (tep_portal/fragment_cache.py),
   as in production; the warm-up fills them as the first visitors after an edit
   would.

Requests carry X-Forwarded-Proto: https, as the TLS-terminating load balancer
would send, so production's HTTPS redirect and Secure cookies behave as in real
use. Everything started is stopped at the end, and the Redis keys it wrote
(under its own key prefix) are deleted.

The modules beside this one: bench_targets.py (what is measured, and the targets),
bench_data.py (the data set), bench_django.py (what runs inside Django), bench_load.py
(the public pages under load), bench_admin.py (the register form, the admin and the
enquiry burst) and bench_report.py (the progress lines and the tables).

Usage: make bench    (or .venv/bin/python scripts/bench.py --help)
"""

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import sys
import tempfile
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

# After the path is set: tests/live_servers.py starts the server; the modules beside this one measure.
from scripts.bench_admin import submit_enquiries, time_admin, time_register  # noqa: E402
from scripts.bench_django import run_django  # noqa: E402
from scripts.bench_load import PageLoad, load_generator  # noqa: E402
from scripts.bench_report import report, report_admin, say  # noqa: E402
from scripts.bench_targets import ADMIN_VIEWS, INBOX_VIEWS, PAGES  # noqa: E402
from tests.live_servers import AppServer, server_environment  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=int, default=int(os.environ.get("BENCH_SECONDS", 10)))
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--rounds", type=int, default=5, help="slices per page, alternating with the baseline")
    parser.add_argument(
        "--database-url",
        default=os.environ.get("BENCH_DATABASE_URL", "sqlite"),
        help='"sqlite" (a fresh file) or postgres://…/tep_bench (dropped and created again)',
    )
    parser.add_argument("--redis-url", default=os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13"))
    parser.add_argument("--enquiries", type=int, default=500)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--no-uncached", action="store_true", help="skip the run with the page cache off")
    parser.add_argument("--port", type=int, help="serve on this loopback port (default: any free one)")
    parser.add_argument(
        "--admin-only", action="store_true", help="only time the admin pages (no load test, no enquiries)"
    )
    parser.add_argument(
        "--python-load", action="store_true", help="use the built-in load generator even if wrk is there"
    )
    Bench(parser.parse_args()).run()


class Bench:
    def __init__(self, args):
        self.args = args
        self.tmp = Path(tempfile.mkdtemp(prefix="tep-bench-"))
        self.run_id = secrets.token_hex(4)
        self.cache_prefix = f"tep-bench-{self.run_id}"
        self.admin_password = secrets.token_urlsafe(18)
        self.server = None
        self.redis = None
        self.wrk = None if args.python_load else shutil.which("wrk")
        self.results = {}

    # Orchestration ---------------------------------------------------------------

    def run(self):
        started = time.monotonic()
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(1))
        try:
            self.env = self.environment()
            info = self.build_database()
            pages = [(name, path.format(**info), warm) for name, path, warm, _cold in PAGES]
            self.map_figures = self.measure_map()

            self.start_server()
            if self.args.admin_only:
                report_admin(self.time_admin(INBOX_VIEWS), self.time_admin(ADMIN_VIEWS, info))
                return
            cached = self.load().measure_pages(pages)
            self.register_ms = time_register(self.port)
            inbox = self.time_admin(INBOX_VIEWS)
            admin_pages = self.time_admin(ADMIN_VIEWS, info)
            enquiries = submit_enquiries(self.port, self.env, self.run_id, self.args.enquiries, self.args.clients)
            self.stop_server()

            uncached = None
            if not self.args.no_uncached:
                self.start_server(PAGE_CACHE_ENABLED="false")
                cold_pages = [(name, path.format(**info), cold) for name, path, _warm, cold in PAGES]
                uncached = self.load().measure_pages(cold_pages, one_at_a_time=True)
                self.stop_server()

            report(self, cached, uncached, enquiries, time.monotonic() - started)
            report_admin(inbox, admin_pages)
        finally:
            self.stop_server()
            self.clean_up()

    def environment(self):
        env = server_environment(
            DJANGO_ENV="production",
            DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
            DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
            DJANGO_STATIC_ROOT=str(self.tmp / "static"),
            MEDIA_ROOT=str(self.tmp / "media"),
            TEP_BENCH="1",
            GUNICORN_ACCESS_LOG="false",
            LOG_LEVEL="WARNING",
            # Emails are composed as for real but kept in memory: nothing leaves the machine.
            EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
            # One load balancer in front: the client address is the last X-Forwarded-For entry.
            DJANGO_TRUSTED_PROXY_COUNT="1",
            # Every worker keys pages by the same release, even if files change during the run.
            PAGE_CACHE_VERSION=f"bench-{self.run_id}",
            BENCH_ADMIN_PASSWORD=self.admin_password,
        )
        url = self.args.database_url
        if url == "sqlite":
            env["SQLITE_PATH"] = str(self.tmp / "bench.sqlite3")
            self.database = f"SQLite ({env['SQLITE_PATH']})"
        else:
            env["DATABASE_URL"] = url
            self.database = "PostgreSQL " + urllib.parse.urlsplit(url).path.lstrip("/")
        try:
            import redis

            self.redis = redis.Redis.from_url(self.args.redis_url)
            self.redis.ping()
            env["CACHE_URL"] = self.args.redis_url
            env["CACHE_KEY_PREFIX"] = self.cache_prefix
            self.cache = f"Redis ({self.args.redis_url}, key prefix {self.cache_prefix})"
        except Exception as exc:
            self.redis = None
            self.cache = "local memory per worker process (Redis did not answer)"
            say(f"! Redis at {self.args.redis_url} did not answer ({type(exc).__name__}): using local memory")
        return env

    def build_database(self):
        url = self.args.database_url
        if url != "sqlite":
            recreate_postgres_database(url)
        say(f"Building the data set in {self.database} …")
        started = time.monotonic()
        output = run_django(self.env, "generate")
        info = json.loads(output.rsplit("BENCH-INFO ", 1)[1].splitlines()[0])
        self.generation_seconds = time.monotonic() - started
        say(f"  done in {self.generation_seconds:.0f} s (migrations, demo content, bulk inserts, collectstatic)")
        return info

    def measure_map(self):
        """The partnership map's SVG built in-process on the bench data: size and render time."""
        say("Measuring the partnership map's SVG …")
        output = run_django(self.env, "map")
        return json.loads(output.rsplit("BENCH-MAP ", 1)[1].splitlines()[0])

    def start_server(self, **extra_env):
        if self.args.port:
            extra_env["SERVER_PORT"] = str(self.args.port)
        self.server = AppServer({**self.env, **extra_env}, self.tmp / "gunicorn.log", workers=None, threads=None)
        self.port = self.server.port
        try:
            self.server.wait_until_up(timeout=120)
        except AssertionError as exc:
            raise SystemExit(str(exc)) from None
        cache = "off" if extra_env.get("PAGE_CACHE_ENABLED") == "false" else "on"
        say(f"Server: gunicorn on 127.0.0.1:{self.port} (tep_portal/gunicorn.conf.py), page cache {cache}")

    def stop_server(self):
        if self.server is not None:
            self.server.stop()
            self.server = None

    def clean_up(self):
        if self.redis is not None:
            keys = list(self.redis.scan_iter(match=f"{self.cache_prefix}:*", count=1000))
            for start in range(0, len(keys), 1000):
                self.redis.delete(*keys[start : start + 1000])
        shutil.rmtree(self.tmp, ignore_errors=True)

    # Measuring, with the modules beside this one ------------------------------------------

    def load(self):
        args = self.args
        return PageLoad(self.port, connections=args.connections, rounds=args.rounds, seconds=args.seconds, wrk=self.wrk)

    def load_generator(self):
        return load_generator(self.wrk)

    def time_admin(self, views, info=None):
        return time_admin(self.port, self.admin_password, views, info)


def recreate_postgres_database(url):
    import psycopg2

    parts = urllib.parse.urlsplit(url)
    name = parts.path.lstrip("/")
    if "bench" not in name or not re.fullmatch(r"[a-z0-9_]+", name):
        raise SystemExit(f"Refusing to drop the database {name!r}: a benchmark database's name must contain 'bench'.")
    admin = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=urllib.parse.unquote(parts.username or "postgres"),
        password=urllib.parse.unquote(parts.password or "") or None,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


if __name__ == "__main__":
    main()
