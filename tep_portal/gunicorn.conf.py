"""gunicorn settings for `make serve` and for each app server behind a load balancer.

Every value can be changed from the environment without editing this file:

  HOST, PORT                 where to listen (127.0.0.1:8000; 0.0.0.0 behind a load balancer)
  WEB_CONCURRENCY            worker processes (2 × cores + 1, at most 9)
  GUNICORN_THREADS           threads per worker (4): requests waiting on PostgreSQL overlap
  GUNICORN_TIMEOUT           seconds before a stuck worker is killed and replaced (30)
  GUNICORN_KEEPALIVE         seconds an idle keep-alive connection from the proxy stays open (5)
  GUNICORN_MAX_REQUESTS      recycle a worker after this many requests (20000, with jitter; 0 = never)
  GUNICORN_ACCESS_LOG        "false" turns the access log off (e.g. for benchmarks)
  FORWARDED_ALLOW_IPS        proxies trusted to say the request came over HTTPS (127.0.0.1,::1)
"""

import multiprocessing
import os


def _int(name, default):
    return int(os.environ.get(name) or default)  # empty, as in .env.example, means the default


bind = f"{os.environ.get('HOST') or '127.0.0.1'}:{_int('PORT', 8000)}"

# Processes for the CPU-bound template rendering, threads to overlap database waits. Capped so a
# large machine does not open more PostgreSQL connections than the server allows
# (workers × threads per app server, with persistent connections).
workers = _int("WEB_CONCURRENCY", min(2 * multiprocessing.cpu_count() + 1, 9))
threads = _int("GUNICORN_THREADS", 4)
worker_class = "gthread"
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 30)
keepalive = _int("GUNICORN_KEEPALIVE", 5)
# A safety net against slow leaks, not a routine: with cached pages a worker serves a few hundred
# requests a second, and each restart re-imports Django (about a second of CPU).
max_requests = _int("GUNICORN_MAX_REQUESTS", 20000)
max_requests_jitter = max_requests // 10
# Heartbeat files in memory: a slow or full disk must not get healthy workers killed.
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None  # noqa: S108 - gunicorn uses mkstemp there

# Only these peers may set X-Forwarded-Proto and friends (gunicorn ignores them from anyone else).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# No request header may set SCRIPT_NAME or PATH_INFO, not even from a trusted proxy (gunicorn's
# default lets one do both). The portal is served at the root; a SCRIPT_NAME header sent through a
# proxy that passes headers with "_" would render one page under another page's URL, and the page
# cache would keep it there for every visitor.
forwarder_headers = ""

# Logs: errors to stderr, access to stdout, both collected by the process manager. The access
# line has the path without its query string (searches can hold names) and no client address
# beyond the proxy's: personal data stays out of the logs.
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
accesslog = "-" if os.environ.get("GUNICORN_ACCESS_LOG", "true").lower() not in {"0", "false", "no", "off"} else None
access_log_format = '%(t)s "%(m)s %(U)s %(H)s" %(s)s %(B)s %(M)sms'

# Not gunicorn's control socket: nothing here manages workers at run time, and it would be a
# file in $HOME that two servers on one machine fight over.
control_socket_disable = True
