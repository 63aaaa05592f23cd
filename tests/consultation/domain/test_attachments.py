import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from atazan.consultation.domain.attachments import (
    JPEG,
    MAX_ATTACHMENT_BYTES,
    MAX_ATTACHMENTS,
    MAX_NAME,
    PDF,
    PNG,
    TEXT,
    AttachmentUpload,
    Outcome,
    Rule,
    attachment_name_clean,
    attachments_check,
    content_type_sniff,
    download_name,
    mib,
)
from tests.consultation.files import PDF_13_BYTES, jpeg_tiny, png_tiny

PDF_BYTES = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG_BYTES = png_tiny()
JPEG_BYTES = jpeg_tiny()
EXE_BYTES = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"


def upload(name: str, content: bytes) -> AttachmentUpload:
    return AttachmentUpload(name=name, size=len(content), content=content)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (PDF_BYTES, PDF),
        (PNG_BYTES, PNG),
        (JPEG_BYTES, JPEG),
        ("Қазақша мәтін\r\nрусский текст\tand English\n".encode(), TEXT),
        ("\ufeffс BOM".encode(), TEXT),
        (EXE_BYTES, None),
        (b"\x00\x01\x02binary", None),
        ("Latin-1 caf\xe9".encode("latin-1"), None),  # not UTF-8
        (b"text with an escape \x1b[31m", None),  # a terminal control sequence is not plain text
        (b"%PDX-1.4", TEXT),  # almost a PDF: only text
    ],
)
def test_type_is_read_from_the_bytes(content, expected):
    assert content_type_sniff(content) == expected


def test_a_png_renamed_pdf_is_a_png_and_downloads_as_one():
    [verdict] = attachments_check([upload("scan.pdf", PNG_BYTES)])
    assert verdict.outcome is Outcome.ACCEPTED and verdict.content_type == PNG
    assert verdict.name == "scan.pdf"
    assert download_name(verdict.name, verdict.content_type) == "scan.pdf.png"


def test_html_with_a_script_named_txt_is_plain_text_served_as_txt():
    page = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
    [verdict] = attachments_check([upload("notes.txt", page)])
    # valid UTF-8 text: accepted, but only ever as text/plain and as a download (views add nosniff)
    assert verdict.outcome is Outcome.ACCEPTED and verdict.content_type == TEXT
    assert download_name("notes.txt", TEXT) == "notes.txt"
    assert download_name("run.bat", TEXT) == "run.bat.txt"
    assert download_name("photo.JPEG", JPEG) == "photo.JPEG"


def test_an_exe_is_refused_naming_the_file_and_the_rule():
    [verdict] = attachments_check([upload("scan.exe", EXE_BYTES)])
    assert verdict.outcome is Outcome.REFUSED and verdict.rule is Rule.TYPE
    assert str(verdict) == "scan.exe: only PDF, PNG, JPEG or text files are accepted"


def test_a_file_over_the_limit_is_refused_with_its_size_without_reading_it():
    size = int(7.2 * 1024 * 1024)
    [verdict] = attachments_check([AttachmentUpload(name="big.pdf", size=size, content=None)])
    assert verdict.rule is Rule.TOO_LARGE
    assert str(verdict) == "big.pdf: too large: 7.2 MiB, the limit is 5 MiB"


def test_exactly_the_limit_is_accepted():
    padding = b"%" + b"0" * (MAX_ATTACHMENT_BYTES - len(PDF_BYTES) - 2) + b"\n"  # a PDF comment line
    content = PDF_BYTES[:9] + padding + PDF_BYTES[9:]
    assert len(content) == MAX_ATTACHMENT_BYTES
    [verdict] = attachments_check([upload("max.pdf", content)])
    assert verdict.outcome is Outcome.ACCEPTED and verdict.size == MAX_ATTACHMENT_BYTES


def test_an_empty_file_is_refused():
    [verdict] = attachments_check([upload("empty.txt", b"")])
    assert verdict.rule is Rule.EMPTY and "empty" in str(verdict)


def test_at_most_five_files_counting_those_already_attached():
    files = [upload(f"p{i}.txt", f"page {i}".encode()) for i in range(7)]
    verdicts = attachments_check(files)
    assert [v.outcome for v in verdicts] == [Outcome.ACCEPTED] * MAX_ATTACHMENTS + [Outcome.REFUSED] * 2
    assert str(verdicts[-1]) == "p6.txt: at most 5 files"
    present = [hashlib.sha256(b"earlier %d" % i).hexdigest() for i in range(4)]
    verdicts = attachments_check(files[:3], present=present)
    assert [v.outcome for v in verdicts] == [Outcome.ACCEPTED, Outcome.REFUSED, Outcome.REFUSED]


def test_a_file_already_attached_changes_nothing_even_when_the_limit_is_reached():
    content = PDF_BYTES
    digest = hashlib.sha256(content).hexdigest()
    present = [digest] + [hashlib.sha256(b"other %d" % i).hexdigest() for i in range(4)]
    [again] = attachments_check([upload("annex-copy.pdf", content)], present=present)
    assert again.outcome is Outcome.ALREADY and again.sha256 == digest
    twice = attachments_check([upload("a.pdf", content), upload("b.pdf", content)])
    assert [v.outcome for v in twice] == [Outcome.ACCEPTED, Outcome.ALREADY]


def test_an_unread_file_beyond_the_limit_is_one_too_many():
    [verdict] = attachments_check([AttachmentUpload(name="sixth.pdf", size=10, content=None)])
    assert verdict.rule is Rule.TOO_MANY


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("scan.pdf", "scan.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Users\\Aidos\\Desktop\\өтініш.pdf", "өтініш.pdf"),
        ("bad\x00name\n.txt", "badname.txt"),
        ("invoice\u202efdp.exe", "invoicefdp.exe"),  # a right-to-left override that would show "exe.pdf"
        ("  .hidden.  ", "hidden"),
        ("/", "attachment"),
        ("..", "attachment"),
        ("Ұсыныс 2026 ж.txt", "Ұсыныс 2026 ж.txt"),
    ],
)
def test_names_are_sanitised(raw, clean):
    assert attachment_name_clean(raw) == clean


def test_a_long_name_is_cut_to_the_limit_keeping_its_extension():
    name = attachment_name_clean("ә" * 500 + ".pdf")
    assert len(name) == MAX_NAME and name.endswith(".pdf")
    assert len(attachment_name_clean("x" * 500)) == MAX_NAME


@given(st.text(max_size=400))
def test_a_clean_name_has_no_path_or_control_character_and_fits(raw):
    name = attachment_name_clean(raw)
    assert 0 < len(name) <= MAX_NAME
    assert "/" not in name and "\\" not in name
    assert not any(ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0 for ch in name)
    assert name not in {".", ".."}


def test_sizes_in_mib_are_exact_to_a_tenth():
    assert mib(5 * 1024 * 1024) == "5.0"
    assert mib(int(7.2 * 1024 * 1024)) == "7.2"
    assert mib(1) == "0.0"


# Issue 13: file types are checked by structure, not by their first bytes alone.
@pytest.mark.parametrize(
    ("content", "claimed"),
    [
        (PDF_13_BYTES, PDF),  # 13 bytes starting %PDF-
        (PDF_BYTES[: len(PDF_BYTES) // 2], PDF),  # cut short: no %%EOF
        (b"%PDF-1.4\n%%EOF\n", PDF),  # a header and a trailer, no object or cross-reference table
        (b"%PDF-9.9\n1 0 obj<<>>endobj\n%%EOF\n", PDF),  # no such version
        (png_tiny()[:-12], PNG),  # no IEND
        (png_tiny()[:19] + b"\x02" + png_tiny()[20:], PNG),  # width changed: IHDR's CRC does not match
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 30, PNG),
        (png_tiny() + b"<script>", PNG),  # bytes after IEND
        (jpeg_tiny()[:-2], JPEG),  # no end-of-image marker
    ],
)
def test_a_file_with_a_magic_but_not_its_structure_is_refused_as_damaged(content: bytes, claimed: str) -> None:
    assert content_type_sniff(content) is None
    [verdict] = attachments_check([upload("scan.bin", content)])
    assert verdict.outcome is Outcome.REFUSED and verdict.rule is Rule.DAMAGED and verdict.content_type == claimed
    assert "not a complete" in str(verdict) and "damaged or cut short" in str(verdict)


def test_the_13_byte_pdf_of_issue_13_is_named_as_such_and_real_files_still_pass() -> None:
    from atazan.consultation.demo import pdf_tiny

    [verdict] = attachments_check([upload("annex.pdf", PDF_13_BYTES)])
    assert str(verdict) == "annex.pdf: not a complete PDF (damaged or cut short)"
    assert [content_type_sniff(c) for c in (pdf_tiny("Annex"), png_tiny(), jpeg_tiny())] == [PDF, PNG, JPEG]
