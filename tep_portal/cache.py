"""Django's Redis cache backend, with one Redis client per process instead of one per call.

Django builds a new redis.Redis object for every cache operation; with redis-py 5
and later that fills a table of some 170 response callbacks each time, which
costs more CPU than a whole page-cache hit otherwise does. A client is
thread-safe (each command borrows a connection from the shared pool), so one per
server is enough.
"""

from django.core.cache.backends import redis


class ReusingRedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
