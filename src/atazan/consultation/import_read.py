"""Reading an e-Otinish export from disk: a CSV through domain.import_file, an XLSX workbook through openpyxl.

Whatever the file holds, the answer is a table or ``FileUnreadable`` naming the file and what is wrong with it
(the import command exits 2), never a traceback: a file over the size limit, text renamed ``.xlsx``, a ZIP that
is not a workbook, a workbook that unpacks to gigabytes, a damaged sheet.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

from atazan.consultation.domain.import_file import (
    MAX_IMPORT_BYTES,
    FileUnreadable,
    ImportTable,
    file_record,
    table_from_csv,
    table_from_rows,
)
from atazan.consultation.domain.messages import msg

# A workbook is a ZIP of XML parts: what it unpacks to is bounded too (a "ZIP bomb" of a few kilobytes can unpack to
# gigabytes of XML).
MAX_XLSX_UNPACKED = 2 * MAX_IMPORT_BYTES
_WORKBOOK_PARTS = ("[Content_Types].xml", "xl/workbook.xml")


def import_table_read(path: Path) -> ImportTable:
    """The export at ``path`` as a table; FileUnreadable (or OSError when the file cannot be opened at all)."""
    size = path.stat().st_size
    if size > MAX_IMPORT_BYTES:
        raise FileUnreadable(record=file_record(path.name), rule=msg(
            "file_too_large", "the file has {size} bytes, more than the {limit} one import reads; split it",
            size=size, limit=MAX_IMPORT_BYTES,
        ))  # fmt: skip
    if path.suffix.lower() == ".xlsx":
        return _workbook_read(path)
    return table_from_csv(path.read_bytes(), file=path.name)


def _not_a_workbook(path: Path, reason: str) -> FileUnreadable:
    return FileUnreadable(record=file_record(path.name), rule=msg(
        "not_xlsx", "the file is not a readable XLSX workbook: {reason}", reason=reason,
    ))  # fmt: skip


def _workbook_read(path: Path) -> ImportTable:
    if not zipfile.is_zipfile(path):
        raise _not_a_workbook(path, "an XLSX file is a ZIP archive and this one is not (text renamed .xlsx?)")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise _not_a_workbook(path, f"a damaged ZIP archive ({error})") from None
    names = {m.filename for m in members}
    missing = [part for part in _WORKBOOK_PARTS if part not in names]
    if missing:
        raise _not_a_workbook(path, f"a ZIP archive without {', '.join(missing)}")
    unpacked = sum(m.file_size for m in members)
    if unpacked > MAX_XLSX_UNPACKED:
        raise _not_a_workbook(path, f"it unpacks to {unpacked} bytes, more than {MAX_XLSX_UNPACKED}")
    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            sheet = book.worksheets[0] if book.worksheets else None
            if sheet is None:
                raise _not_a_workbook(path, "the workbook has no sheet")
            records = [[_cell_text(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        finally:
            book.close()
    except FileUnreadable:
        raise
    except Exception as error:  # noqa: BLE001 - openpyxl and lxml raise many kinds for a damaged workbook
        raise _not_a_workbook(path, f"{type(error).__name__}: {str(error)[:200]}") from None
    return table_from_rows(records, encoding="XLSX", file=path.name)


def _cell_text(value: object) -> str:
    """A cell as the text an export means: a whole number without ``.0``, a date-time in ISO 8601."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
