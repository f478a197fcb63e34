"""The visitor's address, as every per-address limit of the site counts it.

Behind nginx (docs/deploy) every request reaches the app from nginx's own address, so REMOTE_ADDR alone
would put all visitors in one bucket. The visitor's address is then in X-Forwarded-For, which nginx sets
(overwrites) itself; but a request that did not come through our proxy carries whatever header its sender
chose. So the header counts only when REMOTE_ADDR is one of `settings.TRUSTED_PROXIES` (empty by default),
and then its right-most address, the one our proxy wrote. django-ipware reads and checks it (ports,
brackets, IPv6, IPv4-mapped forms); anything unreadable leaves the proxy's own address.

Used by the registration rate limit (registrations/ratelimit.py) and, through AXES_CLIENT_IP_CALLABLE, by
the sign-in lockout.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest
from ipware import get_client_ip


def is_trusted_proxy(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in settings.TRUSTED_PROXIES)


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(remote):
        return remote
    # proxy_count=0, not strict: of a chain "a, b, c" the last, the address our proxy saw the request from.
    forwarded, _routable = get_client_ip(
        request, proxy_count=0, strict=False, request_header_order=["HTTP_X_FORWARDED_FOR"]
    )
    return forwarded or remote
