"""The address of the request being served, so actions can record it without a request."""

from contextvars import ContextVar

from workplan.core.net import client_ip

current_ip: ContextVar[str | None] = ContextVar("current_ip", default=None)


class AuditContextMiddleware:
    """Remember the client address for the audit records written while serving a request."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = current_ip.set(client_ip(request))
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
