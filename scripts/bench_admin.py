"""The register form and the admin: the form one request at a time, the admin signed in (the
enquiry inbox and the content admin on the large data set), and a burst of enquiries from
concurrent clients, each from its own address behind the load balancer."""

import statistics
import threading
import time
from collections import Counter

from scripts.bench_django import run_django
from scripts.bench_load import percentile, visitor
from scripts.bench_report import say
from tests.html_forms import form_data

TOKEN_FIELD = "form_token"  # noqa: S105 - the enquiry form's hidden field (enquiries/views.py)


def time_register(port):
    """The register form's median of 5 requests one after another, in ms."""
    client = visitor(port)
    timings = []
    for _ in range(5):
        started = time.perf_counter()
        client.get("/register/")
        timings.append((time.perf_counter() - started) * 1000)
    say(f"  register form, one request at a time: median {statistics.median(timings):.0f} ms of 5")
    return statistics.median(timings)


def time_admin(port, password, views, info=None):
    """Each admin page signed in: one warm-up, then the median and the slowest of 10."""
    browser = visitor(port)
    browser.login("bench-admin", password)
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


def submit_enquiries(port, env, run_id, total, clients):
    """`total` enquiries from `clients` concurrent clients; counts the rows stored and the answers."""
    say(f"Enquiries: {total} from {clients} concurrent clients …")
    outcomes, latencies, problems = Counter(), [], []
    lock = threading.Lock()

    # Each client loads the form once (its CSRF cookie and the form's fields), then sends its share
    # back to back. A person loads the form for every enquiry; here each submission carries a form
    # token issued by the app's own signer a minute earlier, as that page load would have given it,
    # so the run measures the writes (the form page itself is measured above).
    tokens = run_django(env, "tokens", str(total)).split()
    start_together = threading.Barrier(clients)

    def client(number):
        browser = visitor(port)
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
            data = {**blank, **enquiry_answers(n, run_id), TOKEN_FIELD: tokens[n]}
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
    rows = int(run_django(env, "count", f"load-{run_id}-").strip().splitlines()[-1])
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
