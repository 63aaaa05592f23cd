"""Attachments of an appeal: which files are taken in, under what name, as what type.

An e-Otinish appeal may carry attachments (shared/domain/FACTS.md, "Citizen appeals"). The law sets no file
formats or sizes: the limits below are the platform's, chosen so that a scan or a typed annex fits and nothing
that a browser or a desktop could run gets through. Attachments may hold personal data, protected by the
Constitution (2026, Art. 21), so they are never published (the adapter enforces who may read them).

The type is read from the file's first bytes (its "magic"), never from the name or the client's header: a PNG named
``scan.pdf`` is a PNG, an ``.exe`` is refused whatever it is called. Plain text is accepted only as valid UTF-8
without control characters; it is always served as a download (``Content-Disposition: attachment``, nosniff), so an
HTML page with ``<script>`` sent as ``notes.txt`` is shown by no browser.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum

# Platform limits (not legal ones): see docs/security.md, "Attachments".
MAX_ATTACHMENTS = 5  # per proposal, counting those already attached
MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024  # 5 MiB each
MAX_NAME = 200  # characters of the stored file name
MIB = 1024 * 1024

PDF, PNG, JPEG, TEXT = "application/pdf", "image/png", "image/jpeg", "text/plain"
EXTENSIONS = {PDF: (".pdf",), PNG: (".png",), JPEG: (".jpg", ".jpeg"), TEXT: (".txt",)}
_MAGIC = ((b"%PDF-", PDF), (b"\x89PNG\r\n\x1a\n", PNG), (b"\xff\xd8\xff", JPEG))
# characters a text file may hold besides printable ones: tab, line feed, form feed, carriage return
_TEXT_CONTROLS = frozenset("\t\n\x0c\r")


class Rule(StrEnum):
    """Why a file is refused (the adapter words each one in the reader's language)."""

    TYPE = "type"  # not PDF, PNG, JPEG or UTF-8 text
    TOO_LARGE = "too_large"
    TOO_MANY = "too_many"
    EMPTY = "empty"


class Outcome(StrEnum):
    ACCEPTED = "accepted"
    ALREADY = "already attached"
    REFUSED = "refused"


@dataclass(frozen=True)
class AttachmentUpload:
    """A file as received. ``content`` is None when the adapter did not read it (it stops reading once
    MAX_ATTACHMENTS files have been read, so that a hundred files posted at once do not fill the memory); such a
    file is refused as one too many."""

    name: str
    size: int
    content: bytes | None


@dataclass(frozen=True)
class AttachmentVerdict:
    name: str  # sanitised
    outcome: Outcome
    size: int
    content_type: str = ""
    sha256: str = ""
    rule: Rule | None = None

    def __str__(self) -> str:
        if self.outcome is Outcome.REFUSED:
            return f"{self.name}: {rule_text(self)}"
        return f"{self.name}: {self.outcome.value}"


def rule_text(verdict: AttachmentVerdict) -> str:
    """The rule a refused file broke, in English (the console's and the log's language)."""
    if verdict.rule is Rule.TYPE:
        return "only PDF, PNG, JPEG or text files are accepted"
    if verdict.rule is Rule.TOO_LARGE:
        return f"too large: {mib(verdict.size)} MiB, the limit is {MAX_ATTACHMENT_BYTES // MIB} MiB"
    if verdict.rule is Rule.TOO_MANY:
        return f"at most {MAX_ATTACHMENTS} files"
    if verdict.rule is Rule.EMPTY:
        return "the file is empty"
    return ""


def mib(size: int) -> str:
    """A size in MiB with one decimal, for display (rounded half up on exact integers, not floats)."""
    tenths = (size * 10 + MIB // 2) // MIB
    return f"{tenths // 10}.{tenths % 10}"


def attachment_name_clean(raw: str) -> str:
    """The base name only: no directory (``/`` or ``\\``), no control or format characters (a right-to-left
    override can make ``exe.pdf`` read as ``fdp.exe``), at most MAX_NAME characters with the extension kept.
    A name that is nothing after that becomes ``attachment``."""
    name = unicodedata.normalize("NFC", raw)
    name = name.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] not in {"C", "Z"} or ch == " ")
    name = name.strip(" .")
    if not name:
        return "attachment"
    if len(name) > MAX_NAME:
        stem, dot, ext = name.rpartition(".")
        if dot and stem and len(ext) <= 16:
            name = stem[: MAX_NAME - len(ext) - 1].rstrip(" .") + "." + ext
        else:
            name = name[:MAX_NAME]
    return name


def content_type_sniff(content: bytes) -> str | None:
    """PDF, PNG or JPEG by magic bytes; otherwise plain text if the bytes are valid UTF-8 (a BOM allowed) with no
    control characters but tab, line and page breaks; otherwise None (refused)."""
    for magic, content_type in _MAGIC:
        if content.startswith(magic):
            return content_type
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return None
    if any(unicodedata.category(ch) == "Cc" and ch not in _TEXT_CONTROLS for ch in text):
        return None
    return TEXT


def download_name(name: str, content_type: str) -> str:
    """The name a file is downloaded under: it always ends with its sniffed type's extension, so that a text
    file sent as ``run.bat`` is saved as ``run.bat.txt`` and never opened as a script."""
    extensions = EXTENSIONS[content_type]
    if name.lower().endswith(extensions):
        return name
    return name[: MAX_NAME - len(extensions[0])] + extensions[0]


def attachments_check(
    uploads: Sequence[AttachmentUpload], *, present: Collection[str] = (),
) -> list[AttachmentVerdict]:  # fmt: skip
    """One verdict per upload, in order. ``present`` holds the sha256 of files the proposal already carries.

    Rules, for each file in turn: an empty file is refused; one over MAX_ATTACHMENT_BYTES is refused; a file whose
    bytes are not PDF, PNG, JPEG or UTF-8 text is refused; a file already attached (same sha256, here or earlier
    in ``uploads``) is "already attached" and changes nothing; a new file beyond MAX_ATTACHMENTS in all is refused.
    """
    seen = set(present)
    count = len(seen)
    verdicts = []
    for upload in uploads:
        name = attachment_name_clean(upload.name)

        def refused(rule: Rule, upload: AttachmentUpload = upload, name: str = name) -> AttachmentVerdict:
            return AttachmentVerdict(name=name, outcome=Outcome.REFUSED, size=upload.size, rule=rule)

        if upload.size == 0:
            verdicts.append(refused(Rule.EMPTY))
            continue
        if upload.size > MAX_ATTACHMENT_BYTES:
            verdicts.append(refused(Rule.TOO_LARGE))
            continue
        if upload.content is None:
            verdicts.append(refused(Rule.TOO_MANY))
            continue
        content_type = content_type_sniff(upload.content)
        if content_type is None:
            verdicts.append(refused(Rule.TYPE))
            continue
        digest = hashlib.sha256(upload.content).hexdigest()
        size = len(upload.content)
        if digest in seen:
            verdicts.append(AttachmentVerdict(name=name, outcome=Outcome.ALREADY, size=size,
                                              content_type=content_type, sha256=digest))  # fmt: skip
            continue
        if count >= MAX_ATTACHMENTS:
            verdicts.append(refused(Rule.TOO_MANY))
            continue
        seen.add(digest)
        count += 1
        verdicts.append(AttachmentVerdict(name=name, outcome=Outcome.ACCEPTED, size=size,
                                          content_type=content_type, sha256=digest))  # fmt: skip
    return verdicts
