"""Which address a request came from, believing X-Forwarded-For only from our own proxies.

Behind a reverse proxy every request arrives from the proxy's address, and the client's own
is in X-Forwarded-For. That header is written by whoever sends the request, so it is read only
when the connection comes from a proxy the operator named (SELFTRUST_TRUSTED_PROXIES), and
then from the right: the first address that is not one of our proxies is the client.
"""

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _networks(spec: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(item, strict=False) for item in spec)


def _is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request) -> str | None:
    remote = request.META.get("REMOTE_ADDR")
    if not remote or not _is_trusted_proxy(remote):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([hop for hop in hops if hop]):
        if not _is_trusted_proxy(hop):
            return hop
    return remote
