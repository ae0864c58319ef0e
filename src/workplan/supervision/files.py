"""Files sent with a notice's reply or an instruction's answer: checked by their content as
evidence files are (progress.evidence), stored out of reach under a random name."""

from __future__ import annotations

import hashlib
import secrets
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from workplan.progress.evidence import MAX_EVIDENCE_BYTES, EvidenceRefused, check_evidence

# Files one reply or answer may carry; more belong in one combined PDF.
MAX_REPLY_FILES = 10
MAX_REPLY_FILE_BYTES = MAX_EVIDENCE_BYTES


class FileRefused(EvidenceRefused):
    """The file cannot go with the reply; the message says why."""


def reply_files_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "replies"
    path.mkdir(parents=True, exist_ok=True)
    return path


def check_reply_files(files: list[tuple[str, bytes]]) -> list[str]:
    """Return each file's content type to serve it as; FileRefused for the first bad one."""
    if len(files) > MAX_REPLY_FILES:
        raise FileRefused(
            _("At most {limit} files can go with one reply; combine them into one PDF.").format(
                limit=MAX_REPLY_FILES
            )
        )
    try:
        return [check_evidence(name, data) for name, data in files]
    except EvidenceRefused as refused:
        raise FileRefused(str(refused)) from None


def store_reply_file(data: bytes) -> tuple[str, str]:
    """Return (stored name, sha256) after writing `data` under a random name."""
    stored = secrets.token_hex(20)
    (reply_files_dir() / stored).write_bytes(data)
    return stored, hashlib.sha256(data).hexdigest()
