"""Attachments of proposals: stored with the proposal in one transaction, read only by the author and the working
group, served as downloads only (docs/security.md, "Attachments")."""

from __future__ import annotations

import hashlib
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError
from django.urls import reverse
from typer.testing import CliRunner

from atazan.accounts.services import PermissionRefused
from atazan.audit.models import AuditEntry
from atazan.consultation import services
from atazan.consultation.cli import app
from atazan.consultation.demo import pdf_tiny
from atazan.consultation.domain.attachments import AttachmentUpload, Outcome, Rule
from atazan.consultation.models import Attachment, Proposal
from tests.consultation.files import PDF_13_BYTES, png_tiny
from tests.consultation.helpers import citizen, moderator, secretary, submit, valid_iin

pytestmark = pytest.mark.django_db

PDF = pdf_tiny("Annex 1")
PNG = png_tiny()
EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
TEXT = "Предлагаю изменить статью 53: Курултай из 100 депутатов."


def upload(name: str, content: bytes) -> AttachmentUpload:
    return AttachmentUpload(name=name, size=len(content), content=content)


def submit_with(*files: AttachmentUpload, author=None, serial: int = 1) -> Proposal:
    return services.proposal_submit(
        author=author,
        applicant=services.Applicant(surname="Серiков", name="Айдос", iin=valid_iin(serial)),
        region="Astana",
        language="ru",
        text=TEXT,
        attachments=list(files),
    )


def form(**extra):
    return {"kind": "proposal", "surname": "Серiков", "name": "Айдос", "iin": valid_iin(9), "region": "Astana",
            "language": "ru", "text": TEXT, **extra}  # fmt: skip


# services


def test_a_proposal_is_registered_with_its_attachments():
    proposal = submit_with(upload("annex.pdf", PDF), upload("photo.png", PNG), upload("note.txt", "Ескерту".encode()))
    rows = list(proposal.attachments.order_by("id"))
    assert [(a.name, a.content_type, a.size) for a in rows] == [
        ("annex.pdf", "application/pdf", len(PDF)), ("photo.png", "image/png", len(PNG)),
        ("note.txt", "text/plain", len("Ескерту".encode())),
    ]  # fmt: skip
    assert bytes(rows[0].content) == PDF and rows[0].sha256 == hashlib.sha256(PDF).hexdigest()
    entry = AuditEntry.objects.get(action="consultation.proposal.register", target=proposal.registration_number)
    assert entry.payload["attachments"] == 3


def test_one_refused_file_stores_nothing():
    with pytest.raises(services.AttachmentsRefused) as refused:
        submit_with(upload("annex.pdf", PDF), upload("scan.exe", EXE))
    assert [v.rule for v in refused.value.verdicts] == [Rule.TYPE]
    assert "scan.exe: only PDF, PNG, JPEG or text files are accepted" in str(refused.value)
    assert not Proposal.objects.exists() and not Attachment.objects.exists()


def test_six_files_at_submission_are_refused_whole():
    files = [upload(f"p{i}.txt", f"page {i}".encode()) for i in range(6)]
    with pytest.raises(services.AttachmentsRefused, match="p5.txt: at most 5 files"):
        submit_with(*files)
    assert not Proposal.objects.exists()


def test_proposal_and_attachments_are_one_transaction(monkeypatch):
    def failing_bulk_create(rows, *args, **kwargs):
        raise IntegrityError("disk full while writing attachments")

    monkeypatch.setattr(Attachment.objects, "bulk_create", failing_bulk_create)
    with pytest.raises(IntegrityError):
        submit_with(upload("annex.pdf", PDF))
    assert not Proposal.objects.exists()


def test_the_same_file_twice_at_submission_is_stored_once():
    proposal = submit_with(upload("annex.pdf", PDF), upload("annex (1).pdf", PDF))
    assert proposal.attachments.count() == 1


def test_attaching_later_is_idempotent_and_keeps_the_limit():
    proposal = submit("Прошу закрепить светский характер образования (ст. 33).")
    first = services.attachments_add(proposal=proposal, uploads=[upload("a.pdf", PDF)], actor="console:test")
    assert [v.outcome for v in first] == [Outcome.ACCEPTED]
    again = services.attachments_add(proposal=proposal, uploads=[upload("copy.pdf", PDF)], actor="console:test")
    assert [v.outcome for v in again] == [Outcome.ALREADY]
    assert proposal.attachments.count() == 1
    more = [upload(f"p{i}.txt", f"page {i}".encode()) for i in range(5)]
    verdicts = services.attachments_add(proposal=proposal, uploads=more, actor="console:test")
    assert [v.outcome for v in verdicts] == [Outcome.ACCEPTED] * 4 + [Outcome.REFUSED]
    assert proposal.attachments.count() == 5
    assert AuditEntry.objects.filter(action="consultation.attachments.add").count() == 2


def test_database_refuses_the_same_file_twice_on_one_proposal():
    proposal = submit_with(upload("annex.pdf", PDF))
    existing = proposal.attachments.get()
    with pytest.raises(IntegrityError):
        Attachment.objects.create(proposal=proposal, name="x.pdf", content_type="application/pdf", size=len(PDF),
                                  sha256=existing.sha256, content=PDF, uploaded_at=existing.uploaded_at)  # fmt: skip


def test_only_the_secretary_attaches_files_from_an_export():
    proposal = submit(TEXT)
    with pytest.raises(PermissionRefused, match="consultation.attachments.import"):
        services.attachments_add(proposal=proposal, uploads=[upload("a.pdf", PDF)], actor=citizen())
    assert not Attachment.objects.exists()
    services.attachments_add(proposal=proposal, uploads=[upload("a.pdf", PDF)], actor=secretary())
    assert proposal.attachments.count() == 1


# pages


def test_upload_through_the_form_then_author_and_secretary_download(client, english):
    author = citizen("aidos")
    client.force_login(author)
    response = client.post(reverse("consultation:submit"), form(attachments=[
        SimpleUploadedFile("annex.pdf", PDF, content_type="application/pdf"),
        SimpleUploadedFile("notes.txt", b"<html><script>alert(1)</script></html>", content_type="text/html"),
    ]))  # fmt: skip
    assert response.status_code == 302
    proposal = Proposal.objects.get()
    pdf, note = proposal.attachments.order_by("id")
    assert note.content_type == "text/plain" and pdf.uploaded_by == author

    page = client.get(proposal.get_absolute_url())
    assert b"annex.pdf" in page.content and b"notes.txt" in page.content
    url = reverse("consultation:attachment", args=[proposal.registration_number, note.pk])
    download = client.get(url)
    assert download.status_code == 200 and download.content == bytes(note.content)
    assert download["Content-Type"] == "text/plain; charset=utf-8"
    assert download["Content-Disposition"] == 'attachment; filename="notes.txt"'
    assert download["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in download["Content-Security-Policy"]

    client.force_login(secretary())
    got = client.get(reverse("consultation:attachment", args=[proposal.registration_number, pdf.pk]))
    assert got.status_code == 200 and got.content == PDF and got["Content-Type"] == "application/pdf"
    assert b"annex.pdf" in client.get(proposal.get_absolute_url()).content


def test_strangers_get_404_and_see_only_the_count(client, english):
    proposal = submit_with(upload("медицинская справка Иванова.pdf", PDF), author=citizen("aidos"))
    attachment = proposal.attachments.get()
    url = reverse("consultation:attachment", args=[proposal.registration_number, attachment.pk])
    missing = reverse("consultation:attachment", args=[proposal.registration_number, attachment.pk + 1000])
    for who in (None, citizen("other"), moderator()):
        client.logout()
        if who:
            client.force_login(who)
        assert client.get(url).status_code == 404
        assert client.get(missing).status_code == 404
        page = client.get(proposal.get_absolute_url()).content.decode()
        assert "справка" not in page and "1 attachment" in page
    # a file of one proposal is not reachable through another proposal's address
    other = submit("Прошу закрепить светский характер образования (ст. 33).", serial=2)
    client.force_login(secretary())
    assert client.get(reverse("consultation:attachment", args=[other.registration_number, attachment.pk])).status_code \
        == 404  # fmt: skip


def test_a_png_named_pdf_downloads_as_png(client):
    author = citizen("aidos")
    proposal = submit_with(upload("scan.pdf", PNG), author=author)
    client.force_login(author)
    got = client.get(reverse("consultation:attachment", args=[proposal.registration_number,
                                                             proposal.attachments.get().pk]))  # fmt: skip
    assert got["Content-Type"] == "image/png" and got["Content-Disposition"] == 'attachment; filename="scan.pdf.png"'


def test_a_refused_file_keeps_the_typed_text_and_names_file_and_rule(client, english):
    client.force_login(citizen("aidos"))
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * int(7.2 * 1024 * 1024), content_type="application/pdf")
    response = client.post(reverse("consultation:submit"), form(attachments=[
        SimpleUploadedFile("scan.exe", EXE, content_type="application/pdf"), big,
    ]))  # fmt: skip
    assert response.status_code == 422
    page = response.content.decode()
    assert "scan.exe: only PDF, PNG, JPEG or text files are accepted" in page
    assert "big.pdf: too large: 7.2 MiB, the limit is 5 MiB" in page
    assert TEXT in page  # the proposal's text comes back in the form
    assert not Proposal.objects.exists()


def test_too_many_files_through_the_form(client, english):
    client.force_login(citizen("aidos"))
    files = [SimpleUploadedFile(f"p{i}.txt", f"page {i}".encode()) for i in range(7)]
    response = client.post(reverse("consultation:submit"), form(attachments=files))
    assert response.status_code == 422
    assert (
        "p5.txt: at most 5 files" in response.content.decode()
        and "p6.txt: at most 5 files" in response.content.decode()
    )


def test_refusals_are_translated(client):
    client.force_login(citizen("aidos"))
    for language, words in (("ru", "принимаются только"), ("kk", "қабылданады")):
        response = client.post(reverse("consultation:submit"), form(attachments=[SimpleUploadedFile("scan.exe", EXE)]),
                               HTTP_ACCEPT_LANGUAGE=language)  # fmt: skip
        refusal = response.content.decode()
        assert "scan.exe: " in refusal and words in refusal, language


def test_a_13_byte_pdf_is_refused_through_the_form_in_three_languages(client):
    client.force_login(citizen("aidos"))
    refusals = (("en", "annex.pdf: not a complete PDF file (damaged or cut short)"),
                ("ru", "annex.pdf: неполный файл PDF"), ("kk", "annex.pdf: толық емес PDF файлы"))  # fmt: skip
    for language, words in refusals:
        fake = SimpleUploadedFile("annex.pdf", PDF_13_BYTES, content_type="application/pdf")
        response = client.post(reverse("consultation:submit"), form(attachments=[fake]),
                               HTTP_ACCEPT_LANGUAGE=language)  # fmt: skip
        assert response.status_code == 422 and words in response.content.decode(), language
    assert not Proposal.objects.exists()


def test_open_data_carries_no_attachment(client):
    submit_with(upload("справка-Иванова.pdf", PDF))
    for name in ("consultation:export_csv", "consultation:export_json"):
        body = b"".join(client.get(reverse(name)).streaming_content)
        assert "справка".encode() not in body and b"%PDF" not in body and b"attachment" not in body.lower()
    rows = json.loads(b"".join(client.get(reverse("consultation:export_json")).streaming_content))
    assert len(rows) == 1


# console


def test_cli_attach_reports_each_file_and_is_idempotent(tmp_path):
    proposal = submit(TEXT)
    (tmp_path / "annex.pdf").write_bytes(PDF)
    (tmp_path / "scan.exe").write_bytes(EXE)
    (tmp_path / "note.txt").write_text("Ескерту", encoding="utf-8")
    files = [str(tmp_path / n) for n in ("annex.pdf", "scan.exe", "note.txt")]
    result = CliRunner().invoke(app, ["attach", proposal.registration_number, *files])
    assert result.exit_code == 2, result.output
    assert "annex.pdf: accepted" in result.stdout and "note.txt: accepted" in result.stdout
    assert "scan.exe: only PDF, PNG, JPEG or text files are accepted" in result.stdout
    assert "2 accepted, 0 already attached, 1 refused" in result.stdout
    again = CliRunner().invoke(app, ["attach", proposal.registration_number, files[0], files[2]])
    assert again.exit_code == 0, again.output
    assert "annex.pdf: already attached" in again.stdout and "0 accepted, 2 already attached" in again.stdout
    assert proposal.attachments.count() == 2


def test_cli_attach_unknown_proposal_exits_2(tmp_path):
    (tmp_path / "annex.pdf").write_bytes(PDF)
    result = CliRunner().invoke(app, ["attach", "EO-NOPE", str(tmp_path / "annex.pdf")])
    assert result.exit_code == 2 and "EO-NOPE: no proposal" in result.stderr


# demo


def test_demo_annexes_are_valid_small_and_added_once():
    from atazan.consultation.demo import DEMO_ATTACHED, attachments_load, load

    load(count=20)
    assert attachments_load() == 2 * DEMO_ATTACHED
    assert attachments_load() == 0  # idempotent: the same bytes every run
    pdf = Attachment.objects.filter(content_type="application/pdf").first()
    content = bytes(pdf.content)
    assert content.startswith(b"%PDF-1.4") and content.rstrip().endswith(b"%%EOF") and len(content) < 1024
    startxref = int(content.rsplit(b"startxref\n", 1)[1].split(b"\n", 1)[0])
    assert content[startxref:].startswith(b"xref")  # the cross-reference table is where the trailer says


def test_a_hidden_proposal_s_files_are_for_the_secretary_only(client):
    author = citizen("aidos")
    proposal = submit_with(upload("annex.pdf", PDF), author=author)
    url = reverse("consultation:attachment", args=[proposal.registration_number, proposal.attachments.get().pk])
    client.force_login(author)
    assert client.get(url).status_code == 200
    Proposal.objects.filter(pk=proposal.pk).update(visibility="hidden")
    assert client.get(url).status_code == 404
    client.force_login(secretary())
    assert client.get(url).status_code == 200
