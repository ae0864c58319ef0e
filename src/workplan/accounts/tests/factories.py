"""Accounts for tests: `make_user`, made the way the application makes them."""

from itertools import count

from workplan.accounts.actions import do_create_user
from workplan.org.tests.factories import department_named

_serial = count(1)


def make_user(username: str | None = None, roles=(), departments=(), **fields):
    """Return a new account made through `do_create_user` (so it has its audit row); departments
    may be given by name."""
    username = username or f"user{next(_serial)}"
    return do_create_user(
        username=username,
        full_name=fields.pop("full_name", username),
        email=fields.pop("email", f"{username}@example.edu.cn"),
        departments=[department_named(d) for d in departments],
        roles=roles,
        password=fields.pop("password", f"pw-{username}-1"),
        by=fields.pop("by", None),
    )
