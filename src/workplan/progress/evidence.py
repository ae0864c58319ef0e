"""Check an uploaded evidence file by its content, not its name, and store it out of reach."""

from __future__ import annotations

import hashlib
import secrets
import zipfile
from pathlib import Path

import filetype
from django.conf import settings
from django.utils.translation import gettext as _

from workplan.core.uploads import archive_refusal_text
from workplan.parsing.archive import ArchiveRefused, check_office_zip

MAX_EVIDENCE_BYTES = 20 * 1024 * 1024
# Files one report may carry: enough for a period's minutes, photos and scans; more belongs
# in one combined PDF. With the size limit this bounds a report's files at 400 MB.
MAX_EVIDENCE_FILES = 20
# What each accepted extension must turn out to be when its bytes are read.
ACCEPTED = {
    ".pdf": {"application/pdf"},
    ".docx": {
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/zip",
    },
    ".xlsx": {
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/zip",
    },
    ".jpg": {"image/jpeg"},
    ".jpeg": {"image/jpeg"},
    ".png": {"image/png"},
}
OFFICE_KINDS = {".docx": "docx", ".xlsx": "xlsx"}
SERVED_AS = {
    ".pdf": "application/pdf",
    ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
}


class EvidenceRefused(Exception):
    """The file is not acceptable evidence; the message says why."""


def evidence_dir() -> Path:
    path = Path(settings.MEDIA_ROOT) / "evidence"
    path.mkdir(parents=True, exist_ok=True)
    return path


def check_evidence(name: str, data: bytes) -> str:
    """Return the content type to serve the file as, or raise EvidenceRefused."""
    suffix = Path(name).suffix.lower()
    if suffix not in ACCEPTED:
        raise EvidenceRefused(
            _(
                "{name}: only PDF, Word (.docx), Excel (.xlsx) and JPEG or PNG images can be attached."
            ).format(name=name)
        )
    if not data:
        raise EvidenceRefused(_("{name}: the file is empty.").format(name=name))
    if len(data) > MAX_EVIDENCE_BYTES:
        raise EvidenceRefused(_("{name}: the file is larger than 20 MB.").format(name=name))
    kind = filetype.guess(data)
    actual = kind.mime if kind else None
    mislabelled = EvidenceRefused(
        _("{name}: the file's content is not a {kind} file, whatever its name says.").format(
            name=name, kind=suffix.lstrip(".").upper()
        )
    )
    if actual not in ACCEPTED[suffix]:
        raise mislabelled
    if suffix in OFFICE_KINDS:
        # The office opens these in Excel or Word: one that unpacks to gigabytes, or carries an
        # entity bomb, is refused like any other upload that would.
        try:
            check_office_zip(data, name, OFFICE_KINDS[suffix])
        except zipfile.BadZipFile:
            raise mislabelled from None
        except ArchiveRefused as refused:
            if refused.reason == "wrong_kind":
                raise mislabelled from None
            raise EvidenceRefused(archive_refusal_text(refused)) from None
    return SERVED_AS[suffix]


def store_evidence(data: bytes) -> tuple[str, str]:
    """Return (stored name, sha256) after writing `data` under a random name."""
    stored = secrets.token_hex(20)
    (evidence_dir() / stored).write_bytes(data)
    return stored, hashlib.sha256(data).hexdigest()
