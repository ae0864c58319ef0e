"""The two refusals every action may raise, whatever its app."""

from django.core.exceptions import PermissionDenied


class NotAllowed(PermissionDenied):
    """`by` may not do this to this object. Its message says why, in the reader's language.

    A PermissionDenied, so a view that lets it through answers 403 with that message."""


class WrongState(Exception):
    """The object is not in a state that allows this (an accepted report approved again, a
    closed notice answered); the message says what state it is in."""


class TooLong(ValueError):
    """A text is longer than its limit; the message names the field and the limit."""
