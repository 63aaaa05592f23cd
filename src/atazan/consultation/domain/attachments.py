"""Attachments of an appeal: which files are taken in, under what name, as what type.

An e-Otinish appeal may carry attachments (shared/domain/FACTS.md, "Citizen appeals"). The law sets no file
formats or sizes: the limits below are the platform's, chosen so that a scan or a typed annex fits and nothing
that a browser or a desktop could run gets through. Attachments may hold personal data, protected by the
Constitution (2026, Art. 21), so they are never published (the adapter enforces who may read them).

The type is read from the file's bytes, never from the name or the client's header: a PNG named ``scan.pdf`` is a
PNG, an ``.exe`` is refused whatever it is called. The first bytes (the "magic") say what a file claims to be and its
structure must then bear it out, so that 13 bytes starting ``%PDF-`` are not a PDF: a PDF has its header
(``%PDF-1.x`` or ``%PDF-2.0``), at least one object or cross-reference table and ``%%EOF`` in its last kilobyte
(ISO 32000-1, 7.5); a PNG is its signature, an IHDR chunk first and an IEND chunk last, every chunk's length and CRC
in order (ISO/IEC 15948, 5); a JPEG runs from its start-of-image marker FFD8 to its end-of-image marker FFD9
(ITU-T T.81, B.2). A file with a magic but not the structure is refused as damaged, not taken for text.
Plain text is accepted only as valid UTF-8
without control characters; it is always served as a download (``Content-Disposition: attachment``, nosniff), so an
HTML page with ``<script>`` sent as ``notes.txt`` is shown by no browser.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
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
_PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_MAGIC = ((b"%PDF-", PDF), (_PNG_SIGNATURE, PNG), (b"\xff\xd8\xff", JPEG))
_PDF_VERSION = re.compile(rb"%PDF-(?:1\.[0-7]|2\.0)\s")
_PDF_BODY = re.compile(rb"(?<![0-9])[0-9]{1,10}\s{1,4}[0-9]{1,5}\s{1,4}obj\b|\bxref\b")  # bounded: linear on 5 MiB
# characters a text file may hold besides printable ones: tab, line feed, form feed, carriage return
_TEXT_CONTROLS = frozenset("\t\n\x0c\r")


class Rule(StrEnum):
    """Why a file is refused (the adapter words each one in the reader's language)."""

    TYPE = "type"  # not PDF, PNG, JPEG or UTF-8 text
    DAMAGED = "damaged"  # starts like a PDF, PNG or JPEG but lacks its structure
    TOO_LARGE = "too_large"
    TOO_MANY = "too_many"
    EMPTY = "empty"


KIND_NAMES = {PDF: "PDF", PNG: "PNG image", JPEG: "JPEG image"}


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
    if verdict.rule is Rule.DAMAGED:
        return f"not a complete {KIND_NAMES.get(verdict.content_type, 'file')} (damaged or cut short)"
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


def content_type_claimed(content: bytes) -> str | None:
    """The type a file's first bytes claim (PDF, PNG or JPEG), before its structure is checked."""
    for magic, content_type in _MAGIC:
        if content.startswith(magic):
            return content_type
    return None


def structure_complete(content: bytes, content_type: str) -> bool:
    """Whether ``content`` has the structure of ``content_type`` (see the module's docstring)."""
    if content_type == PDF:
        tail = content[-1024:]
        return (_PDF_VERSION.match(content) is not None and b"%%EOF" in tail
                and _PDF_BODY.search(content) is not None)  # fmt: skip
    if content_type == PNG:
        return _png_chunks_complete(content)
    if content_type == JPEG:
        return content.startswith(b"\xff\xd8\xff") and content.rstrip(b"\x00\r\n").endswith(b"\xff\xd9")
    return True


def _png_chunks_complete(content: bytes) -> bool:
    """Signature, IHDR (13 bytes) first, then chunks (length, type, data, CRC-32 of type and data) up to IEND, which
    ends the file."""
    at = len(_PNG_SIGNATURE)
    first = True
    while at + 12 <= len(content):
        length = int.from_bytes(content[at : at + 4], "big")
        kind = content[at + 4 : at + 8]
        end = at + 12 + length
        if end > len(content) or not kind.isalpha():
            return False
        if zlib.crc32(content[at + 4 : end - 4]) != int.from_bytes(content[end - 4 : end], "big"):
            return False
        if first and (kind != b"IHDR" or length != 13):
            return False
        if kind == b"IEND":
            return end == len(content)
        first = False
        at = end
    return False


def content_type_sniff(content: bytes) -> str | None:
    """PDF, PNG or JPEG by magic bytes and structure; otherwise plain text if the bytes are valid UTF-8 (a BOM
    allowed) with no control characters but tab, line and page breaks; otherwise None (refused). A file whose magic
    claims a type its structure does not bear out is None too (attachments_check says "damaged")."""
    claimed = content_type_claimed(content)
    if claimed is not None:
        return claimed if structure_complete(content, claimed) else None
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

    Rules, for each file in turn: an empty file is refused; one over MAX_ATTACHMENT_BYTES is refused; a file that
    starts like a PDF, PNG or JPEG without its structure is refused as damaged; a file whose bytes are not PDF, PNG,
    JPEG or UTF-8 text is refused; a file already attached (same sha256, here or earlier
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
            claimed = content_type_claimed(upload.content)
            if claimed is not None:
                verdicts.append(AttachmentVerdict(name=name, outcome=Outcome.REFUSED, size=upload.size,
                                                  content_type=claimed, rule=Rule.DAMAGED))  # fmt: skip
            else:
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
