"""Time and peak memory of each upload path fed a hostile file, each in its own process.

    uv run --locked python bench/upload_bombs.py [case ...]

Cases: table, accounts, plan (the readers on a zip bomb) and body (a 400 MB upload streamed
to the web application, the way a browser sends it). Each child is capped at 4 GB of address
space and 300 s, so an unguarded path shows up as MemoryError or a timeout, not a dead machine.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time

CHILD = r"""
import json, os, resource, sys, time
os.environ["DJANGO_SETTINGS_MODULE"] = "workplan.settings.test"
resource.setrlimit(resource.RLIMIT_AS, (4 << 30, 4 << 30))
import django
django.setup()
from workplan.parsing.tests import badfiles
case = sys.argv[1]
outcome = ""
if case == "body":
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.db import connection
    setup_test_environment()
    connection.creation.create_test_db(verbosity=0)
    from workplan.accounts.models import User
    from workplan.core.roles import Role
    from workplan.plans.models import Plan
    user = User.objects.create_user("clerk", full_name="Clerk")
    user.role_grants.create(role=Role.SUPERVISOR)
    plan = Plan.objects.create(year=2024, title="t")
    client = Client()
    client.force_login(user)
    cookie = client.cookies["sessionid"].value
if case in {"table", "accounts"}:
    bomb = badfiles.xlsx_bomb()
elif case == "plan":
    bomb = badfiles.docx_bomb()
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
start = time.monotonic()
try:
    if case == "table":
        from workplan.plans.models import Plan
        from workplan.plans.table_import import read_table
        diff = read_table(bomb, "bomb.xlsx", Plan(year=2024))
        outcome = " / ".join(diff.errors)[:200]
    elif case == "accounts":
        from workplan.accounts.importing import read_account_sheet
        sheet = read_account_sheet(bomb, "bomb.xlsx")
        outcome = " / ".join(sheet.errors)[:200]
    elif case == "plan":
        from workplan.parsing import ParseError, parse_bytes
        try:
            parse_bytes(bomb, "bomb.docx")
        except ParseError as exc:
            outcome = str(exc)[:200]
    elif case == "body":
        from django.core.handlers.wsgi import WSGIHandler
        size = 400 << 20
        boundary = "bench"
        from django.middleware.csrf import _get_new_csrf_string
        csrf = _get_new_csrf_string()
        head = (
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"csrfmiddlewaretoken\"\r\n\r\n"
            f"{csrf}\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"sheet\"; filename=\"big.xlsx\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        tail = f"\r\n--{boundary}--\r\n".encode()

        class Body:
            # Sends the body in 64 KB pieces, as a socket would: nothing holds all of it.
            def __init__(self):
                self.parts = [head, None, tail]
                self.left = size
            def read(self, n=-1):
                while self.parts:
                    part = self.parts[0]
                    if part is None:
                        if self.left <= 0:
                            self.parts.pop(0)
                            continue
                        take = min(self.left, 65536 if n < 0 else min(n, 65536))
                        self.left -= take
                        return b"\0" * take
                    self.parts.pop(0)
                    return part
                return b""
            def readline(self, *a):
                return self.read(*a)

        environ = {
            "REQUEST_METHOD": "POST", "PATH_INFO": f"/plans/{plan.pk}/table/upload/",
            "SERVER_NAME": "testserver", "SERVER_PORT": "80", "wsgi.url_scheme": "http",
            "wsgi.input": Body(), "wsgi.errors": sys.stderr,
            "CONTENT_TYPE": f"multipart/form-data; boundary={boundary}",
            "CONTENT_LENGTH": str(len(head) + size + len(tail)),
            "HTTP_COOKIE": f"sessionid={cookie}; csrftoken={csrf}",
        }
        statuses = []
        body = b"".join(WSGIHandler()(environ, lambda status, headers: statuses.append(status)))
        outcome = statuses[0]
except MemoryError:
    outcome = "MemoryError"
elapsed = time.monotonic() - start
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"case": case, "seconds": round(elapsed, 1), "peak_mb": peak // 1024,
                  "growth_mb": (peak - before) // 1024, "outcome": outcome}, ensure_ascii=False))
"""


def run(case: str) -> dict:
    start = time.monotonic()
    try:
        done = subprocess.run(  # noqa: S603 — our own interpreter and script
            [sys.executable, "-c", CHILD, case], capture_output=True, text=True, timeout=300
        )
    except subprocess.TimeoutExpired:
        return {"case": case, "seconds": round(time.monotonic() - start), "outcome": "timeout"}
    lines = done.stdout.strip().splitlines()
    return json.loads(lines[-1]) if lines else {"case": case, "error": done.stderr[-600:]}


if __name__ == "__main__":
    for case in sys.argv[1:] or ["table", "accounts", "plan", "body"]:
        print(json.dumps(run(case), ensure_ascii=False), flush=True)
