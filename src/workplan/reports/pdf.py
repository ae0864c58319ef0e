"""Render a .docx as PDF on the server with LibreOffice, using free stand-ins for official fonts.

Each conversion runs in its own temporary LibreOffice profile, so conversions may run side by
side (LibreOffice refuses to share a profile between processes). The fonts the document names
(方正小标宋简体, 仿宋_GB2312, 黑体, 楷体_GB2312) are mapped by `fonts.conf` to Debian's Noto CJK
and AR PL KaitiM GB fonts, so the PDF shows every character.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.utils.translation import gettext as _

FONTS_CONF = Path(__file__).with_name("fonts.conf")
TIMEOUT_SECONDS = 120


class PdfUnavailable(Exception):
    """The PDF could not be made; the message says why in words a user can act on."""


def soffice() -> str | None:
    """Return the LibreOffice program to run, or None when the server has none."""
    return (
        os.environ.get("WORKPLAN_SOFFICE") or shutil.which("soffice") or shutil.which("libreoffice")
    )


def docx_to_pdf(docx: bytes) -> bytes:
    """Return the PDF of the Word document `docx`."""
    return _convert(docx, "report.docx", "pdf:writer_pdf_Export")


def workbook_to_pdf(xlsx: bytes) -> bytes:
    """Return the PDF of the workbook `xlsx`, printed as its page setup says."""
    return _convert(xlsx, "report.xlsx", "pdf:calc_pdf_Export")


def _convert(content: bytes, name: str, export_filter: str) -> bytes:
    program = soffice()
    if program is None:
        raise PdfUnavailable(
            _(
                "This server cannot make PDF files: LibreOffice is not installed "
                "(on Debian: apt-get install libreoffice-writer-nogui fonts-noto-cjk "
                "fonts-arphic-gkai00mp). Download the Word file instead."
            )
        )
    with tempfile.TemporaryDirectory(prefix="workplan-pdf-") as work:
        folder = Path(work)
        source = folder / name
        source.write_bytes(content)
        environment = {
            **os.environ,
            "FONTCONFIG_FILE": str(FONTS_CONF),
            "HOME": str(folder),  # LibreOffice writes caches under HOME
        }
        command = [
            program,
            f"-env:UserInstallation={(folder / 'profile').as_uri()}",
            "--headless",
            "--norestore",
            "--nolockcheck",
            "--convert-to",
            export_filter,
            "--outdir",
            str(folder),
            str(source),
        ]
        try:
            subprocess.run(  # noqa: S603 -- fixed arguments; the program is the admin's
                command,
                env=environment,
                capture_output=True,
                timeout=TIMEOUT_SECONDS,
                check=False,
                stdin=subprocess.DEVNULL,
            )
        except OSError as problem:
            raise PdfUnavailable(
                _("LibreOffice could not be started (%(problem)s). Download the Word file.")
                % {"problem": problem.strerror or problem}
            ) from None
        except subprocess.TimeoutExpired:
            raise PdfUnavailable(
                _("LibreOffice took longer than %(seconds)d seconds to make the PDF.")
                % {"seconds": TIMEOUT_SECONDS}
            ) from None
        result = folder / "report.pdf"
        if not result.exists():
            raise PdfUnavailable(
                _("LibreOffice could not turn the report into a PDF. Download the Word file.")
            )
        return result.read_bytes()
