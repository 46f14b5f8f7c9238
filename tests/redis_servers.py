"""Throwaway redis-server processes for tests that must fill a Redis up: each on
its own loopback port with a tiny maxmemory, no persistence, stopped after the test."""

import shutil
import subprocess
import time

import redis

from .live_servers import free_port


class RedisServer:
    def __init__(self, maxmemory="2mb", policy="noeviction"):
        binary = shutil.which("redis-server")
        if binary is None:
            raise AssertionError("redis-server is needed for this test: apt-get install redis-server")
        self.port = free_port()
        self.process = subprocess.Popen(  # noqa: S603 - a fixed command line
            [
                binary,
                "--port", str(self.port),
                "--bind", "127.0.0.1",
                "--save", "",
                "--appendonly", "no",
                "--maxmemory", maxmemory,
                "--maxmemory-policy", policy,
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.client = redis.Redis.from_url(self.url)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise AssertionError("redis-server did not start") from None
                time.sleep(0.05)

    def fill(self):
        """Write junk until Redis refuses more (noeviction) or has evicted for a while (LRU)."""
        junk = b"x" * 10_000
        for number in range(2_000):
            try:
                self.client.set(f"junk:{number}", junk)
            except redis.exceptions.OutOfMemoryError:
                return

    def cache_settings(self):
        return {"BACKEND": "tep_portal.cache.RedisCache", "LOCATION": self.url, "KEY_PREFIX": "tep-test"}

    def stop(self):
        self.client.close()
        self.process.terminate()
        self.process.wait(timeout=10)
