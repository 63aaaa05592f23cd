"""The consultation's open data in the forms people open: CSV with a UTF-8 byte-order mark (so that a double click in
a spreadsheet on a Kazakh or Russian Windows reads Cyrillic), a ``;``-separated variant for the locales whose
spreadsheets expect it, XLSX, JSON, and a Frictionless Data Package (``datapackage.json``) describing each.

Every form carries the same rows (selectors.open_data_rows: no personal data, sign-offs redacted) and every cell
goes through csv_cell, so that no spreadsheet runs a citizen's text as a formula (docs/security.md, T3)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from atazan.accounts.domain.exports import csv_cell, csv_row
from atazan.consultation import selectors

BOM = "\ufeff"
NAME = "proposals-open-data"

# (type, description) of each field, for datapackage.json (Frictionless Table Schema types)
FIELDS: dict[str, tuple[str, str]] = {
    "registration_number": ("string", "e-Otinish registration number of the appeal"),
    "kind": ("string", "appeal type: proposal, application, complaint, request, response"),
    "region": ("string", "region of the applicant (one of the 20 units, or abroad)"),
    "language": ("string", "language of the appeal: kk, ru or en"),
    "submitted_at": ("datetime", "when the appeal was registered (ISO 8601)"),
    "status": ("string", "registered, under_review, accepted, partly_accepted, rejected, merged, out_of_scope"),
    "text": ("string", "the appeal's text; a signature at its end is replaced by […]"),
    "answer": ("string", "the working group's official answer"),
    "answered_at": ("datetime", "when the official answer was given (ISO 8601)"),
    "duplicate_group": ("string", "registration number of the first appeal of its duplicate group (campaign)"),
    "theme": ("string", "label of the theme the appeal was grouped into"),
    "articles": ("string", "articles of the Constitution the appeal concerns, separated by ';'"),
    "support_count": ("integer", "citizens who support the appeal"),
    "synthetic": ("boolean", "True for synthetic demonstration data, not a real appeal"),
    "text_redacted": ("boolean", "True where a signature was removed from the text"),
}

FORMATS = {
    "csv": ("open-data.csv", "text/csv", ","),
    "csv-semicolon": ("open-data-semicolon.csv", "text/csv", ";"),
    "xlsx": ("open-data.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", None),
    "json": ("open-data.json", "application/json", None),
}


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_lines(delimiter: str = ",") -> Iterator[str]:
    """The CSV, line by line, starting with the byte-order mark."""
    writer = csv.writer(_Echo(), delimiter=delimiter)  # type: ignore[arg-type]
    yield BOM + writer.writerow(csv_row(selectors.OPEN_DATA_FIELDS))  # type: ignore[operator]
    for row in selectors.open_data_rows():
        yield writer.writerow(csv_row(row[k] for k in selectors.OPEN_DATA_FIELDS))  # type: ignore[misc]


def xlsx_bytes() -> bytes:
    """The rows as one XLSX sheet (openpyxl's write-only mode: rows are not kept in memory as cells)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    book = Workbook(write_only=True)
    sheet = book.create_sheet("proposals")
    sheet.append(list(selectors.OPEN_DATA_FIELDS))
    for row in selectors.open_data_rows():
        cells: list[object] = []
        for key in selectors.OPEN_DATA_FIELDS:
            kind = FIELDS[key][0]
            value = row[key]
            if kind == "integer" and value.isdigit():
                cells.append(int(value))
            elif kind == "boolean":
                cells.append(value == "True")
            else:  # text as text: no formula, no control character XLSX cannot hold
                cells.append(ILLEGAL_CHARACTERS_RE.sub("", csv_cell(value)))
        sheet.append(cells)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def datapackage(base_url: str) -> dict[str, object]:
    """The Frictionless Data Package (https://specs.frictionlessdata.io/data-package/) of the open data: one resource
    per form, each with its path, media type, encoding, CSV dialect and the table schema."""
    schema = {
        "fields": [
            {"name": k, "type": t, "description": d, **({"trueValues": ["True"], "falseValues": ["False"]}
                                                          if t == "boolean" else {})}
            for k, (t, d) in FIELDS.items()
        ],
        "primaryKey": ["registration_number"],
    }  # fmt: skip
    resources: list[dict[str, object]] = []
    for name, (path, media, delimiter) in FORMATS.items():
        resource: dict[str, object] = {
            "name": f"proposals-{name}", "path": base_url + path, "format": path.rsplit(".", 1)[1],
            "mediatype": media, "profile": "tabular-data-resource" if name != "json" else "data-resource",
        }  # fmt: skip
        if delimiter:
            resource.update(encoding="utf-8-sig", dialect={"delimiter": delimiter, "header": True})
        if name != "json":
            resource["schema"] = schema
        else:
            resource["encoding"] = "utf-8"
        resources.append(resource)
    return {
        "profile": "tabular-data-package",
        "name": NAME,
        "title": "Public consultation on the Constitution: proposals and official answers",
        "description": "Every visible proposal without personal data: no applicant's name, IIN, address or phone; "
        "signatures at the end of the text redacted. Rows marked synthetic=True are demonstration data.",
        "licenses": [
            {
                "name": "CC-BY-4.0",
                "path": "https://creativecommons.org/licenses/by/4.0/",
                "title": "Creative Commons Attribution 4.0",
            }
        ],  # fmt: skip
        "resources": resources,
    }
