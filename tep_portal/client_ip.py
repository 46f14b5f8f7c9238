"""The address of the person making a request, for lockouts and rate limits.

The client is the TCP peer (REMOTE_ADDR) unless that peer is one of our own
proxies: only then is X-Forwarded-For read. Behind N trusted proxies each one
appends the address it received the request from, so the client is the N-th
entry from the right; anything further left was written by the client and can
be forged. A peer is a proxy when DJANGO_TRUSTED_PROXY_COUNT is above 0 and
its address is in DJANGO_TRUSTED_PROXY_NETWORKS (by default loopback and the
private ranges, where a load balancer sits), so a client that reaches an app
server directly cannot choose its own address.

Every address is parsed with the standard library's `ipaddress`: a value that
is not an address (`not-an-ip`, a NUL byte, a network) is ignored and the
peer's address used instead, so nothing malformed reaches the database
(PostgreSQL's inet column refuses it). IPv4-mapped IPv6 addresses count as
their IPv4 address.

For limits, `client_group` goes one step further: one IPv6 /64 is one
subscriber (RFC 6177 hands a home or office at least a /64, and its devices
pick any address inside it), so the whole /64 counts as one client.
"""

import ipaddress
import logging
from functools import lru_cache

from django.conf import settings

logger = logging.getLogger(__name__)

IPV6_GROUP_PREFIX = 64


def parse_ip(value):
    """An IPv4Address/IPv6Address for a textual address, or None. Surrounding spaces and
    [brackets] are allowed; zone ids (fe80::1%eth0) and anything else are not."""
    text = str(value or "").strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    if not text or len(text) > 45 or "%" in text:
        return None
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if address.version == 6 and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


@lru_cache(maxsize=8)
def _networks(networks):
    return tuple(ipaddress.ip_network(network, strict=False) for network in networks)


def is_trusted_proxy(address):
    return address is not None and any(
        address in network for network in _networks(tuple(settings.TRUSTED_PROXY_NETWORKS))
    )


def client_address(request):
    """The client's address as an ipaddress object, or None when not even the peer's is valid."""
    peer = parse_ip(request.META.get("REMOTE_ADDR"))
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0 or not is_trusted_proxy(peer):
        return peer
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if not forwarded:
        return peer
    # Fewer entries than proxies means a proxy did not append: the left-most one is the best we have.
    address = parse_ip(forwarded[-min(proxies, len(forwarded))])
    if address is None:
        logger.warning("X-Forwarded-For from a trusted proxy holds no valid address; using the proxy's")
        return peer
    return address


def client_ip(request):
    """The client's address as normalised text ('' when there is none)."""
    address = client_address(request)
    return str(address) if address is not None else ""


def group_of(address):
    """The address that stands for everyone sharing this one's limit: an IPv4 address
    itself, the first address of an IPv6 address's /64."""
    if address is None or address.version == 4:
        return address
    return ipaddress.ip_network(f"{address}/{IPV6_GROUP_PREFIX}", strict=False).network_address


def client_group(request):
    """The client for limits and lockouts, as text (a valid address, so it fits an inet column):
    the IPv4 address, or the IPv6 /64's first address. None when there is no valid address."""
    group = group_of(client_address(request))
    return str(group) if group is not None else None
