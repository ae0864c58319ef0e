"""Opening workbooks that people upload."""

import zipfile

from openpyxl.utils.exceptions import InvalidFileException

# What openpyxl raises on a file that is not a sound workbook: a bad zip, a missing part, or
# broken XML inside it (lxml's XMLSyntaxError and ElementTree's ParseError are SyntaxErrors).
UNREADABLE_WORKBOOK = (
    InvalidFileException,
    zipfile.BadZipFile,
    KeyError,
    ValueError,
    TypeError,
    IndexError,
    OSError,
    SyntaxError,
)
