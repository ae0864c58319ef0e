"""The client's address, the same for the audit trail and the sign-in lock-out."""

from django.conf import settings


def client_ip(request) -> str | None:
    """Return the address of the person making `request`.

    Behind a reverse proxy every request comes from the proxy, so with WORKPLAN_PROXY_COUNT=N
    the address is taken from X-Forwarded-For, N entries from the right (the ones the
    trusted proxies appended); a client cannot forge those.
    """
    proxies = settings.WORKPLAN_PROXY_COUNT
    if proxies:
        forwarded = [
            a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
        ]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None
