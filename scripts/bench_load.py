"""Load on the public pages: each page in short slices alternating with the baseline view, with
`wrk` when it is installed and a built-in asyncio load generator otherwise."""

import asyncio
import re
import statistics
import subprocess
import time

from scripts.bench_report import say
from scripts.bench_targets import BASELINE
from tests.live_servers import Browser

FORWARDED = {"X-Forwarded-Proto": "https"}
# What the load generator sends: as from a browser behind the load balancer (browsers accept gzip).
LOAD_HEADERS = {**FORWARDED, "Accept-Encoding": "gzip"}


def visitor(port):
    """One client, as from behind the TLS-terminating load balancer."""
    return Browser(port, headers=FORWARDED)


def load_generator(wrk):
    return f"wrk ({wrk})" if wrk else "built-in asyncio load generator"


class PageLoad:
    """The load runs against one server: `connections` clients, `seconds` per page in `rounds` slices."""

    def __init__(self, port, *, connections, rounds, seconds, wrk):
        self.port, self.connections, self.rounds, self.seconds, self.wrk = port, connections, rounds, seconds, wrk

    def measure_pages(self, pages, one_at_a_time=False):
        """Each page in short slices alternating with the baseline (page, baseline, page, …): both
        see the same machine at the same moments, so other work on the machine moves both figures
        together and their ratio stays meaningful."""
        rounds = self.rounds
        slice_seconds = max(1, round(self.seconds / rounds))
        say(
            f"Load: {self.connections} connections, {rounds} × {slice_seconds} s per page alternating with "
            f"the baseline, {load_generator(self.wrk)}"
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
        client = Browser(self.port, headers=LOAD_HEADERS)
        timings = []
        for _ in range(count):
            started = time.perf_counter()
            client.get(path)
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    def wait_until_idle(self, limit=300):
        """After a slow page's slice, requests it left queued in the server finish first."""
        deadline = time.monotonic() + limit
        while time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                visitor(self.port).get(BASELINE[1])
            except OSError:
                continue  # still busy: the request timed out
            if time.perf_counter() - started < 0.2:
                return
            time.sleep(0.5)

    def check_page(self, path):
        response = visitor(self.port).get(path)
        if response.status != 200:
            raise SystemExit(f"{path} answered {response.status}, not 200:\n{response.body[:2000]!r}")

    def generate_load(self, path, *, seconds):
        if self.wrk:
            result = run_wrk(self.wrk, self.port, path, self.connections, seconds)
        else:
            result = asyncio.run(python_load(self.port, path, self.connections, seconds))
        return {**result, "seconds": seconds}


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


def percentile(values, percent):
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(percent / 100 * (len(ordered) - 1)))]


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
