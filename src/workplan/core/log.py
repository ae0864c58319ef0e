"""Logging adjustments shared by every environment."""

import logging


class ForeignHostAsWarning(logging.Filter):
    """Log a request naming a host the site does not serve as a one-line warning.

    Django logs it as an error with a traceback, but such a request (a scanner, a misconfigured
    proxy) is answered 400 and is no fault of the server, so it must not alarm anyone."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        record.exc_info = record.exc_text = None
        return True


class RefusalWithoutTraceback(logging.Filter):
    """Log a refused request (403: a role or a state said no) as one line.

    Django attaches the PermissionDenied's traceback, but a refusal is the server working as
    meant: a stack per refusal would bury real errors and let anyone fill the log cheaply."""

    def filter(self, record: logging.LogRecord) -> bool:
        if getattr(record, "status_code", None) == 403:
            record.exc_info = record.exc_text = None
        return True
