"""An e-Otinish export as a table: which encoding, which columns, which rows — or why it cannot be read.

A file that cannot be read at all is refused whole (``FileUnreadable``; the import command exits 2) with what was
found, never a traceback: a binary file, a ZIP under a ``.csv`` name, an encoding that cannot be told for sure, a
header without the columns an appeal needs. A readable file is returned row by row; each row is then checked on its
own (services.proposals_import), so one bad row never stops the others.

Encodings. Exports come from Excel and 1C in Kazakhstan, so besides UTF-8 (with or without a byte-order mark, and
UTF-16 with one) the Cyrillic single-byte code page windows-1251 turns up. It has no Kazakh letters (ә ғ қ ң ө ұ ү
һ); the Kazakh code page KZ-1048 puts them on the bytes where windows-1251 has Serbian, Macedonian and Ukrainian
letters. So a single-byte file is taken in only where both code pages read it the same (Russian text), and refused
naming both where they differ: the platform does not guess which letters the applicant wrote. A windows-1251 file
whose Kazakh letters were already lost on saving (``?аза?стан``) is refused too.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

from .errors import InputRefused
from .messages import Msg, msg, shown

__all__ = [
    "EXTRA_CELLS", "IMPORT_OPTIONAL", "IMPORT_REQUIRED", "MAX_IMPORT_BYTES", "FileUnreadable", "ImportTable",
    "file_record", "table_from_csv", "table_from_rows", "text_decode",
]  # fmt: skip

# A national consultation's export (hundreds of thousands of appeals of at most 20,000 characters) fits; a file
# beyond this is split before it is imported, so that one import never holds gigabytes in memory.
MAX_IMPORT_BYTES = 512 * 1024 * 1024
IMPORT_REQUIRED = ("registration_number", "surname", "name", "iin", "region", "language", "text")
IMPORT_OPTIONAL = ("kind", "patronymic", "submitted_at", "address", "phone")
EXTRA_CELLS = "(cells beyond the header)"  # the key under which a row's surplus cells are kept for review

_WIN1251_KZ1048_DIFFER = frozenset(b"\x8d\x8e\x9d\x9e\xa1\xa2\xa3\xa5\xaa\xaf\xb4\xba\xbc\xbd\xbe\xbf")
_LOST_LETTER = re.compile(r"(?<=[а-яёА-ЯЁ])\?(?=[а-яёА-ЯЁ])|(?<![^\s\"'«(])\?(?=[а-яёА-ЯЁ]{2})")
_MIXED_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[а-яёА-ЯЁ])\w+")


class FileUnreadable(InputRefused):
    """The whole file cannot be read (exit 2): nothing in it is imported."""


def file_record(name: str) -> Msg:
    return msg("record", "file {file}", file=shown(name, 120))


@dataclass(frozen=True)
class ImportTable:
    """A readable export: ``encoding`` as found, ``header`` as normalised (trimmed, lower case) and ``rows`` in file
    order, the header being row 1, blank rows kept (as empty dicts) so that row numbers match the spreadsheet."""

    encoding: str
    header: tuple[str, ...]
    rows: list[dict[str, str]] = field(default_factory=list)


def text_decode(data: bytes, *, file: str) -> tuple[str, str]:
    """(text, encoding name) of a CSV export; FileUnreadable naming what was found when it is not text in UTF-8,
    UTF-16 with a byte-order mark, or unambiguous windows-1251."""
    where = file_record(file)
    if data.startswith(b"PK\x03\x04"):
        raise FileUnreadable(record=where, rule=msg(
            "zip_not_csv", "the file is a ZIP archive (an XLSX workbook?), not CSV text; name it .xlsx if it is one",
        ))  # fmt: skip
    if data.startswith(b"\xef\xbb\xbf"):
        text, encoding = _decode(data[3:], "utf-8", where), "UTF-8 with a byte-order mark"
    elif data.startswith((b"\xff\xfe", b"\xfe\xff")):
        text, encoding = _decode(data, "utf-16", where), "UTF-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "UTF-8"
        except UnicodeDecodeError as error:
            text, encoding = _single_byte(data, error, where), "windows-1251"
    if (nul := text.find("\x00")) >= 0:
        raise FileUnreadable(record=where, rule=msg(
            "binary", "the file holds a NUL character (character {position}): it is binary, not CSV text",
            position=nul + 1,
        ))  # fmt: skip
    return text, encoding


def _decode(data: bytes, codec: str, where: Msg) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise FileUnreadable(record=where, rule=msg(
            "encoding", "the file is not valid {encoding}: byte 0x{byte} at offset {offset} cannot be read; save it "
            "as UTF-8", encoding=codec.upper(), byte=f"{data[error.start]:02X}", offset=error.start,
        )) from None  # fmt: skip


def _single_byte(data: bytes, error: UnicodeDecodeError, where: Msg) -> str:
    not_utf8: dict[str, str | int] = {"byte": f"{data[error.start]:02X}", "offset": error.start}
    differing = next((i for i, b in enumerate(data) if b in _WIN1251_KZ1048_DIFFER), None)
    if differing is not None:
        raise FileUnreadable(record=where, rule=msg(
            "encoding_ambiguous", "the file is not UTF-8 (byte 0x{byte} at offset {offset}), and byte 0x{other} at "
            "offset {other_offset} is a Kazakh letter in KZ-1048 but another letter in windows-1251; the encoding "
            "cannot be told for sure: save the file as UTF-8", other=f"{data[differing]:02X}",
            other_offset=differing, **not_utf8,
        ))  # fmt: skip
    try:
        text = data.decode("cp1251")
    except UnicodeDecodeError:
        text = ""
    lost = _LOST_LETTER.search(text)
    mixed = _MIXED_WORD.search(text)
    if not text or lost or mixed:
        raise FileUnreadable(record=where, rule=msg(
            "encoding_unknown", "the file is neither UTF-8 (byte 0x{byte} at offset {offset} cannot be read) nor "
            "Russian text in windows-1251; save it as UTF-8", **not_utf8,
        ))  # fmt: skip
    return text


def table_from_csv(data: bytes, *, file: str) -> ImportTable:
    """The export as a table; FileUnreadable for an unreadable encoding, a broken CSV or a header without the
    required columns."""
    text, encoding = text_decode(data, file=file)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        records = list(reader)
    except csv.Error as error:
        where = msg("record", "file {file}, line {line}", file=shown(file, 120), line=reader.line_num)
        raise FileUnreadable(record=where, rule=msg("csv", "not a readable CSV table ({reason})",
                                                    reason=str(error))) from None  # fmt: skip
    return table_from_rows(records, encoding=encoding, file=file)


def table_from_rows(records: list[list[str]], *, encoding: str, file: str) -> ImportTable:
    """A table from rows of cells (the first is the header), as read from CSV or a workbook's first sheet."""
    where = file_record(file)
    if not records:
        raise FileUnreadable(record=where, rule=msg("empty", "the file is empty: no header row"))
    header = tuple(cell.strip().lower() for cell in records[0])
    missing = [name for name in IMPORT_REQUIRED if name not in header]
    if missing:
        raise FileUnreadable(record=where, rule=msg(
            "header", "the header lacks the column(s) {missing}; an appeal needs {required}",
            missing=", ".join(missing), required=", ".join(IMPORT_REQUIRED),
        ))  # fmt: skip
    repeated = sorted({name for name in header if name and header.count(name) > 1})
    if repeated:
        raise FileUnreadable(record=where, rule=msg(
            "header_repeated", "the header names the column(s) {columns} more than once", columns=", ".join(repeated),
        ))  # fmt: skip
    rows: list[dict[str, str]] = []
    for cells in records[1:]:
        if not any(cell.strip() for cell in cells):
            rows.append({})
            continue
        row = {name: cell for name, cell in zip(header, cells, strict=False) if name}
        if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
            row[EXTRA_CELLS] = ", ".join(shown(cell) for cell in cells[len(header) :])
        rows.append(row)
    return ImportTable(encoding=encoding, header=header, rows=rows)
