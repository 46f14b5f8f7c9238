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

Usage: make bench    (or .venv/bin/python scripts/bench.py --help)
"""

import argparse
import asyncio
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from tests.html_forms import form_data  # noqa: E402 - after the path is set
from tests.live_servers import AppServer, Browser, server_environment  # noqa: E402

# (name, path, target ratio to the baseline with the page cache, and without it); {partnership} and
# {school} come from the data set.
PAGES = [
    ("home", "/", 0.5, 0.05),
    ("directory", "/partnerships/", 0.5, 0.05),
    ("directory, search", "/partnerships/?q=Benchford+12", 0.5, 0.05),
    ("partnership", "/partnerships/{partnership}/", 0.5, 0.05),
    ("schools", "/schools/", 0.5, 0.05),
    ("school", "/schools/{school}/", 0.5, 0.05),
    ("timeline", "/timeline/", 0.5, 0.03),
    ("partnership map", "/partnerships/map/", 0.5, 0.01),
    ("open data, CSV", "/partnerships.csv", 0.5, 0.01),
    ("home, Chinese", "/zh-hans/", 0.5, 0.05),
    ("register form", "/register/", 0.25, 0.05),
    ("register form, from a partnership", "/register/?partnership={partnership}", 0.25, 0.05),
]
# Without the page cache, each page one request at a time: the median must stay under this.
COLD_ONE_AT_A_TIME_MS = 50
BASELINE = ("minimal view", "/bench/minimal/")
INBOX = "/admin/enquiries/partnershipenquiry/"
INBOX_VIEWS = [
    ("inbox", INBOX),
    ("inbox, status new", INBOX + "?status__exact=new"),
    ("inbox, search", INBOX + "?q=Llewelyn"),
    ("inbox, page 500", INBOX + "?p=500"),
]
INBOX_TARGET_MS = 300
# The content admin with the large data set (issue 11): the lists staff work from and the change
# forms with the most inline rows. The {…} are filled from what bench_data.generate returns.
ADMIN_VIEWS = [
    ("admin index (dashboard)", "/admin/"),
    ("partnerships", "/admin/partnerships/partnership/"),
    ("partnerships, search", "/admin/partnerships/partnership/?q=Benchford+12"),
    ("partnerships, missing Chinese", "/admin/partnerships/partnership/?chinese=missing"),
    ("partnership change form", "/admin/partnerships/partnership/{partnership_pk}/change/"),
    ("timeline events", "/admin/partnerships/timelineevent/"),
    ("timeline events, one partnership", "/admin/partnerships/timelineevent/?partnerships__id__exact={partnership_pk}"),
    ("timeline event change form", "/admin/partnerships/timelineevent/{event_pk}/change/"),
    ("UK schools", "/admin/schools/ukschool/"),
    ("UK school change form", "/admin/schools/ukschool/{school_pk}/change/"),
    ("sister-school links", "/admin/schools/sisterschoollink/"),
    ("UK councils", "/admin/partnerships/council/"),
    ("quotes", "/admin/partnerships/quote/"),
]
FORWARDED = {"X-Forwarded-Proto": "https"}
# What the load generator sends: as from a browser behind the load balancer (browsers accept gzip).
LOAD_HEADERS = {**FORWARDED, "Accept-Encoding": "gzip"}
TOKEN_FIELD = "form_token"  # noqa: S105 - the enquiry form's hidden field (enquiries/views.py)


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
    parser.add_argument("--internal", choices=["generate", "tokens", "count", "map"], help=argparse.SUPPRESS)
    parser.add_argument("--marker", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.internal:
        return internal(args)
    Bench(args).run()


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
                self.report_admin(self.time_admin(INBOX_VIEWS), self.time_admin(ADMIN_VIEWS, info))
                return
            cached = self.measure_pages(pages)
            inbox = self.time_inbox()
            admin_pages = self.time_admin(ADMIN_VIEWS, info)
            enquiries = self.submit_enquiries()
            self.stop_server()

            uncached = None
            if not self.args.no_uncached:
                self.start_server(PAGE_CACHE_ENABLED="false")
                cold_pages = [(name, path.format(**info), cold) for name, path, _warm, cold in PAGES]
                uncached = self.measure_pages(cold_pages, one_at_a_time=True)
                self.stop_server()

            self.report(cached, uncached, inbox, enquiries, time.monotonic() - started)
            self.report_admin(inbox, admin_pages)
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

    # Measurements ---------------------------------------------------------------

    def measure_pages(self, pages, one_at_a_time=False):
        """Each page in short slices alternating with the baseline (page, baseline, page, …): both
        see the same machine at the same moments, so other work on the machine moves both figures
        together and their ratio stays meaningful."""
        rounds = self.args.rounds
        slice_seconds = max(1, round(self.args.seconds / rounds))
        say(
            f"Load: {self.args.connections} connections, {rounds} × {slice_seconds} s per page alternating with "
            f"the baseline, {self.load_generator()}"
        )
        results = []
        for name, path, target in pages:
            self.check_page(path)
            self.generate_load(path, seconds=2)  # warm-up: fills the page cache and each worker's caches
            page_runs, baseline_runs = [], []
            for _ in range(rounds):
                baseline_runs.append(self.generate_load(BASELINE[1], seconds=slice_seconds))
                page_runs.append(self.generate_load(path, seconds=slice_seconds))
                self.wait_until_idle()
            page, baseline = combine(page_runs), combine(baseline_runs)
            page.update(name=name, path=path, target=target, baseline=baseline, ratio=page["rps"] / baseline["rps"])
            if one_at_a_time:
                page["alone_p50"] = self.time_alone(path)
            results.append(page)
            say(
                f"  {name:<20} {page['rps']:7.0f} req/s  p50 {page['p50']:7.1f} ms  p99 {page['p99']:7.1f} ms  "
                f"(baseline {baseline['rps']:5.0f} req/s)  ratio {page['ratio']:.2f}"
                + (f"  ({page['errors']} errors)" if page["errors"] else "")
                + (f"  one at a time p50 {page['alone_p50']:.1f} ms" if one_at_a_time else "")
            )
        return {"pages": results, "baseline": combine([page["baseline"] for page in results])}

    def time_alone(self, path, count=21):
        """Median time of `count` requests one after another (no other load from the benchmark)."""
        visitor = Browser(self.port, headers=LOAD_HEADERS)
        timings = []
        for _ in range(count):
            started = time.perf_counter()
            visitor.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    def wait_until_idle(self, limit=300):
        """After a slow page's slice, requests it left queued in the server finish first."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                self.browser().get(BASELINE[1])
            except OSError:
                continue  # still busy: the request timed out
            if time.perf_counter() - started < 0.2:
                return
            time.sleep(0.5)

    def load_generator(self):
        return f"wrk ({self.wrk})" if self.wrk else "built-in asyncio load generator"

    def check_page(self, path):
        response = self.browser().get(path)
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}, not 200:\n{response.body[:2000]!r}")

    def generate_load(self, path, *, seconds):
        if self.wrk:
            result = run_wrk(self.wrk, self.port, path, self.args.connections, seconds)
        else:
            result = asyncio.run(python_load(self.port, path, self.args.connections, seconds))
        return {**result, "seconds": seconds}

    def browser(self):
        return Browser(self.port, headers=FORWARDED)

    def time_inbox(self):
        visitor = self.browser()
        timings = []
        for _ in range(5):
            started = time.perf_counter()
            visitor.get("/register/")
            timings.append((time.perf_counter() - started) * 1000)
        say(f"  register form, one request at a time: median {statistics.median(timings):.0f} ms of 5")
        self.register_ms = statistics.median(timings)
        return self.time_admin(INBOX_VIEWS)

    def time_admin(self, views, info=None):
        browser = self.browser()
        browser.login("bench-admin", self.admin_password)
        results = []
        for name, path in views:
            path = path.format(**(info or {}))
            response = browser.get(path)  # warm-up
            if response.status != 200 or "TEP Portal administration" not in response.text:
                raise SystemExit(f"The admin page {path} answered {response.status}:\n{response.text[:2000]}")
            timings = []
            for _ in range(10):
                started = time.perf_counter()
                response = browser.get(path)
                timings.append((time.perf_counter() - started) * 1000)
                assert response.status == 200, response.status
            result = {"name": name, "path": path, "median": statistics.median(timings), "max": max(timings)}
            results.append(result)
            say(f"  {name:<34} median {result['median']:6.0f} ms  (slowest of 10: {result['max']:.0f} ms)")
        return results

    def report_admin(self, inbox, admin_pages):
        say("")
        say("| admin, signed in (large data set) | median of 10 | slowest | target | met |")
        say("| --- | ---: | ---: | ---: | :---: |")
        for row in [*inbox, *admin_pages]:
            met = "yes" if row["median"] < INBOX_TARGET_MS else "NO"
            say(f"| {row['name']} | {row['median']:.0f} ms | {row['max']:.0f} ms | < {INBOX_TARGET_MS} ms | {met} |")

    def submit_enquiries(self):
        total, clients = self.args.enquiries, self.args.clients
        say(f"Enquiries: {total} from {clients} concurrent clients …")
        outcomes, latencies, problems = Counter(), [], []
        lock = threading.Lock()

        # Each client loads the form once (its CSRF cookie and the form's fields), then sends its share
        # back to back. A person loads the form for every enquiry; here each submission carries a form
        # token issued by the app's own signer a minute earlier, as that page load would have given it,
        # so the run measures the writes (the form page itself is measured above).
        tokens = run_django(self.env, "tokens", marker=str(total)).split()
        start_together = threading.Barrier(clients)

        def client(number):
            browser = self.browser()
            blank = None
            try:
                for _attempt in range(3):
                    try:
                        blank = form_data(browser.get("/register/").text)
                        break
                    except Exception as exc:
                        say(f"  ! client {number}: the form page failed ({type(exc).__name__}), trying again")
            finally:
                start_together.wait()
            if blank is None:
                with lock:
                    outcomes["form page failed"] += len(range(number, total, clients))
                return
            for n in range(number, total, clients):
                # One person each, from their own address (documentation ranges: never contacted).
                address = f"{('192.0.2', '198.51.100', '203.0.113')[n // 250]}.{n % 250 + 1}"
                data = {**blank, **enquiry_answers(n, self.run_id), TOKEN_FIELD: tokens[n]}
                started = time.perf_counter()
                try:
                    response = browser.post("/register/", data, headers={"X-Forwarded-For": address})
                    status = response.status
                except Exception as exc:
                    status, response = type(exc).__name__, None
                with lock:
                    latencies.append((time.perf_counter() - started) * 1000)
                    location = response.headers.get("location", "") if response else ""
                    stored = status == 302 and location.endswith("/register/thanks/")
                    outcomes["stored (302 to thanks)" if stored else f"status {status}"] += 1
                    if not stored and len(problems) < 3:
                        problems.append(f"{status}: {response.text[:600] if response else ''}")

        started = time.monotonic()
        threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        seconds = time.monotonic() - started
        rows = int(run_django(self.env, "count", marker=f"load-{self.run_id}-").strip().splitlines()[-1])
        server_errors = sum(count for outcome, count in outcomes.items() if outcome.startswith("status 5"))
        result = {
            "sent": total,
            "clients": clients,
            "rows": rows,
            "server_errors": server_errors,
            "outcomes": dict(outcomes),
            "seconds": seconds,
            "p50": percentile(latencies, 50),
            "p99": percentile(latencies, 99),
        }
        say(
            f"  {rows} rows stored, {server_errors} 5xx, outcomes {dict(outcomes)}, "
            f"POST p50 {result['p50']:.0f} ms p99 {result['p99']:.0f} ms, {seconds:.1f} s in all"
        )
        for problem in problems:
            say("  ! " + problem.replace("\n", " ")[:600])
        return result

    # Report -----------------------------------------------------------------------

    def report(self, cached, uncached, inbox, enquiries, seconds):
        say("")
        say(f"## Results ({time.strftime('%Y-%m-%d %H:%M')})")
        say("")
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        say(f"Load average at the end: {load:.2f} (other work on the machine slows every figure).")
        say(f"{os.cpu_count()} CPU cores; database {self.database.split(' (')[0]}; cache {self.cache.split(' (')[0]}; ")
        say(f"{self.args.connections} connections, {self.args.seconds} s per page, {self.load_generator()}.")
        say("")
        say(table(cached, "page cache on (production configuration)"))
        if uncached:
            say("")
            say(table(uncached, "page cache off (cold: after an edit, or a query the cache does not keep)"))
            say("")
            say(side_by_side(cached, uncached))
        say("")
        say(f"Register form, one request at a time (no other load from the benchmark): {self.register_ms:.0f} ms.")
        ok = enquiries["rows"] == enquiries["sent"] and enquiries["server_errors"] == 0
        say(
            f"Enquiries: {enquiries['sent']} sent by {enquiries['clients']} concurrent clients → "
            f"{enquiries['rows']} rows, {enquiries['server_errors']} responses 5xx "
            f"(POST p50 {enquiries['p50']:.0f} ms, p99 {enquiries['p99']:.0f} ms): {'met' if ok else 'NOT MET'}."
        )
        say("")
        say(map_table(self.map_figures))
        say(f"Data set built in {self.generation_seconds:.0f} s; whole run {seconds / 60:.1f} min.")


def table(measured, title):
    baseline = measured["baseline"]
    lines = [
        f"| {title} | req/s | p50 | p99 | ratio to minimal | target | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
        f"| minimal view `{BASELINE[1]}` (all slices) | {baseline['rps']:.0f} | {baseline['p50']:.1f} ms | "
        f"{baseline['p99']:.1f} ms | 1 | | |",
    ]
    for row in measured["pages"]:
        met = "yes" if row["ratio"] >= row["target"] else "NO"
        lines.append(
            f"| {row['name']} `{row['path']}` | {row['rps']:.0f} | {row['p50']:.1f} ms | {row['p99']:.1f} ms | "
            f"{row['ratio']:.2f} | ≥ {row['target']} | {met} |"
        )
    return "\n".join(lines)


MAP_SIZE_TARGET = 60_000
MAP_RENDER_TARGET_MS = 5


def map_table(figures):
    lines = [
        "| partnership map SVG (in-process, median of 20) | lines drawn | read (query) | SVG render | "
        "SVG + land, gzip | target | met |",
        "| --- | ---: | ---: | ---: | ---: | ---: | :---: |",
    ]
    for row in figures:
        met = row["gzip_bytes"] <= MAP_SIZE_TARGET and row["render_ms"] <= MAP_RENDER_TARGET_MS
        lines.append(
            f"| {row['name']} ({row['partnerships']} partnerships) | {row['lines']} | {row['read_ms']:.1f} ms | "
            f"{row['render_ms']:.1f} ms | {row['gzip_bytes'] / 1000:.1f} kB | ≤ {MAP_RENDER_TARGET_MS} ms, "
            f"≤ {MAP_SIZE_TARGET // 1000} kB | {'yes' if met else 'NO'} |"
        )
    return "\n".join(lines)


def side_by_side(warm, cold):
    """Warm and cold figures of each page in one table, with the cold one-request-at-a-time median."""
    lines = [
        "| page | ratio, page cache on | ratio, page cache off | target off | one at a time, off (p50) "
        f"| ≤ {COLD_ONE_AT_A_TIME_MS} ms |",
        "| --- | ---: | ---: | ---: | ---: | :---: |",
    ]
    warm_rows = {row["path"]: row for row in warm["pages"]}
    for row in cold["pages"]:
        on = warm_rows.get(row["path"])
        fast = "yes" if row["alone_p50"] <= COLD_ONE_AT_A_TIME_MS else "NO"
        met = "yes" if row["ratio"] >= row["target"] else "NO"
        lines.append(
            f"| {row['name']} | {on['ratio']:.2f} | {row['ratio']:.3f} ({met}) | ≥ {row['target']} | "
            f"{row['alone_p50']:.1f} ms | {fast} |"
        )
    return "\n".join(lines)


def map_figures():
    """Inside Django on the bench database: the whole map and a filtered one."""
    import gzip

    from django.conf import settings
    from django.test import RequestFactory

    from partnerships import map_views, maps
    from partnerships.map_insets import INSETS
    from partnerships.models import Partnership, UKRegion

    land = sum(
        len(gzip.compress((Path(settings.BASE_DIR) / "static" / inset.land_file).read_bytes())) for inset in INSETS
    )
    cases = [
        ("whole map", Partnership.objects.published().with_places()),
        ("one region", Partnership.objects.published().filter(council__region=UKRegion.EAST_MIDLANDS)),
    ]
    figures = []
    for name, queryset in cases:
        reads, renders = [], []
        urls = map_views.FilteredMapUrls(RequestFactory().get("/partnerships/map/"))
        for _ in range(20):
            started = time.perf_counter()
            data = maps.map_data(queryset)
            read = time.perf_counter()
            svg = maps.render_svg(data, title=name, urls=urls)
            renders.append((time.perf_counter() - read) * 1000)
            reads.append((read - started) * 1000)
        figures.append(
            {
                "name": name,
                "partnerships": data.count,
                "lines": svg.count("map__line "),
                "read_ms": statistics.median(reads),
                "render_ms": statistics.median(renders),
                "gzip_bytes": len(gzip.compress(svg.encode())) + land,
            }
        )
    return figures


def combine(runs):
    """Several load runs as one: requests/s over their whole time; p50 the median of the runs'
    medians and p99 the worst of their p99s (wrk reports percentiles, not every latency)."""
    requests = sum(run["requests"] for run in runs)
    seconds = sum(run["seconds"] for run in runs)
    return {
        "rps": requests / seconds if seconds else 0.0,
        "p50": statistics.median(run["p50"] for run in runs),
        "p99": max(run["p99"] for run in runs),
        "requests": requests,
        "errors": sum(run["errors"] for run in runs),
        "seconds": seconds,
    }


def enquiry_answers(n, run_id):
    return {
        "organisation_name": f"Benchford Borough Council {n}",
        "organisation_type": "council",
        "region": "east-midlands",
        "contact_name": "Ffion Llewelyn-Zhāng",
        "job_title": "International officer",
        "email": f"load-{run_id}-{n}@example.org",
        "phone": "+44 115 496 0000",
        "interests": "sister-city",
        "message": "We would like to find a sister city in Zhejiang for our borough. 我们希望建立友好城市关系。",
        "privacy_agreed": "yes",
        "website": "",
    }


# The server side: runs inside Django with the benchmark's environment ---------------------


def internal(args):
    import django

    os.chdir(ROOT)
    django.setup()
    from django.core.management import call_command

    if args.internal == "generate":
        from scripts.bench_data import generate

        call_command("migrate", verbosity=0)
        info = generate(admin_username="bench-admin", admin_password=os.environ["BENCH_ADMIN_PASSWORD"])
        call_command("collectstatic", verbosity=0, interactive=False)
        print("BENCH-INFO " + json.dumps(info))  # noqa: T201
    elif args.internal == "map":
        from django.utils import translation

        translation.activate("en")
        print("BENCH-MAP " + json.dumps(map_figures()))  # noqa: T201
    elif args.internal == "tokens":
        from enquiries.protection import issue_form_token

        issued = time.time() - 60
        print(" ".join(issue_form_token(issued_at=issued) for _ in range(int(args.marker))))  # noqa: T201
    elif args.internal == "count":
        from enquiries.models import PartnershipEnquiry

        print(PartnershipEnquiry.objects.filter(email__startswith=args.marker).count())  # noqa: T201


def run_django(env, command, **options):
    argv = [sys.executable, __file__, "--internal", command]
    for name, value in options.items():
        argv += [f"--{name}", value]
    done = subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True)  # noqa: S603
    if done.returncode:
        raise SystemExit(f"{command} failed:\n{done.stdout[-3000:]}\n{done.stderr[-5000:]}")
    return done.stdout


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


# Load generation ---------------------------------------------------------------------


def run_wrk(wrk, port, path, connections, seconds):
    headers = [arg for name, value in LOAD_HEADERS.items() for arg in ("-H", f"{name}: {value}")]
    threads = str(min(2, connections))
    # A slow page counts as slow, not as a timeout error (wrk gives up after 2 s by default).
    argv = [wrk, "-t", threads, "-c", str(connections), "-d", f"{seconds}s", "--timeout", "30s", "--latency", *headers]
    done = subprocess.run([*argv, f"http://127.0.0.1:{port}{path}"], capture_output=True, text=True)  # noqa: S603
    out = done.stdout
    if done.returncode or "Requests/sec" not in out:
        raise SystemExit(f"wrk failed:\n{out}\n{done.stderr}")

    def latency(percent):
        value, unit = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\b", out, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(int(n) for n in re.findall(r"Non-2xx or 3xx responses: (\d+)", out))
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    if socket_errors:
        errors += sum(int(n) for n in socket_errors.groups())
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1)),
        "p50": latency(50),
        "p99": latency(99),
        "requests": int(re.search(r"(\d+) requests in", out).group(1)),
        "errors": errors,
    }


async def python_load(port, path, connections, seconds):
    """A small HTTP/1.1 keep-alive load generator: `connections` clients, each
    sending its next request as soon as the last answer is read."""
    extra = "".join(f"{name}: {value}\r\n" for name, value in LOAD_HEADERS.items())
    request = f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{extra}\r\n".encode()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    latencies, errors = [], 0

    async def client():
        nonlocal errors
        reader = writer = None
        while loop.time() < deadline:
            try:
                if writer is None:
                    reader, writer = await asyncio.open_connection("127.0.0.1", port)
                started = time.perf_counter()
                writer.write(request)
                head = await reader.readuntil(b"\r\n\r\n")
                lowered = head.lower()
                length = re.search(rb"content-length:\s*(\d+)", lowered)
                if length:
                    await reader.readexactly(int(length.group(1)))
                else:
                    await reader.read()
                latencies.append((time.perf_counter() - started) * 1000)
                if head[9:10] not in (b"2", b"3"):
                    errors += 1
                if not length or b"connection: close" in lowered:
                    writer.close()
                    writer = None
            except (OSError, asyncio.IncompleteReadError):
                errors += 1
                writer = None

    started = loop.time()
    await asyncio.gather(*(client() for _ in range(connections)))
    elapsed = loop.time() - started
    return {
        "rps": len(latencies) / elapsed,
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
        "requests": len(latencies),
        "errors": errors,
    }


# Helpers ----------------------------------------------------------------------------


def percentile(values, percent):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


def say(text):
    print(text, flush=True)  # noqa: T201


if __name__ == "__main__":
    main()
