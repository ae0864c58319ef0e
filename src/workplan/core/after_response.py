"""Work that must not lengthen the answer (sending a mail) runs once the answer has gone.

The demo runs no `workplan worker`, so this does not queue a task: the job runs in a thread
of its own, started when the WSGI server closes the response (Django's request_finished),
in the language of the request. Outside a request it starts at once."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from django.core.signals import request_finished, request_started
from django.db import connections
from django.utils import translation

logger = logging.getLogger(__name__)
_pending = threading.local()


def after_response(job: Callable[[], None]) -> None:
    """Run `job` in a thread once the current request's answer is finished."""
    language = translation.get_language()

    def run() -> None:
        try:
            with translation.override(language):
                job()
        except Exception:
            logger.exception("Work done after the answer failed")
        finally:
            connections.close_all()

    jobs = getattr(_pending, "jobs", None)
    if jobs is None:
        _start([run])
    else:
        jobs.append(run)


def _start(jobs: list[Callable[[], None]]) -> None:
    for run in jobs:
        threading.Thread(target=run, name="after-response").start()


def _request_started(**kwargs) -> None:
    _start(getattr(_pending, "jobs", None) or [])  # left by a request that was never closed
    _pending.jobs = []


def _request_finished(**kwargs) -> None:
    jobs, _pending.jobs = getattr(_pending, "jobs", None) or [], None
    _start(jobs)


def connect() -> None:
    """Follow requests starting and finishing (called once, by CoreConfig.ready)."""
    request_started.connect(_request_started, dispatch_uid="workplan.after_response.started")
    request_finished.connect(_request_finished, dispatch_uid="workplan.after_response.finished")
