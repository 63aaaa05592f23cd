"""Demo data: a deterministic SYNTHETIC corpus of 10,000 proposals (kk/ru/en) with copy-paste campaigns.

Every row is flagged ``synthetic`` and every consultation page says so. Loaded with bulk_create; running it again
changes nothing.
"""

from __future__ import annotations

import time

from django.db import transaction
from rich.console import Console

from atazan.consultation.domain.articles import article_mentions
from atazan.consultation.domain.normalize import normalize_text
from atazan.consultation.domain.synthetic import synthetic_proposals
from atazan.consultation.models import AppealKind, Proposal, ProposalArticle

DEMO_COUNT = 10_000


def load(*, count: int = DEMO_COUNT, console: Console | None = None) -> int:
    """Insert the synthetic corpus (idempotent by registration number); returns how many rows were added."""
    existing = set(Proposal.objects.filter(synthetic=True).values_list("registration_number", flat=True))
    rows, mentions = [], {}
    for p in synthetic_proposals(count):
        number = f"SYN-{p.key}"
        if number in existing:
            continue
        rows.append(Proposal(
            registration_number=number, kind=AppealKind.PROPOSAL, applicant_surname=p.surname,
            applicant_name=p.name, applicant_iin=p.iin, region=p.region, language=p.language, text=p.text,
            normal_text=normalize_text(p.text), submitted_at=p.submitted_at, synthetic=True,
        ))  # fmt: skip
        mentions[number] = article_mentions(p.text)
    with transaction.atomic():
        Proposal.objects.bulk_create(rows, batch_size=2000)
        ids = dict(Proposal.objects.filter(registration_number__in=list(mentions)).values_list("registration_number",
                                                                                              "id"))  # fmt: skip
        ProposalArticle.objects.bulk_create(
            [ProposalArticle(proposal_id=ids[n], constitution=m.constitution, article=m.number,
                             source=ProposalArticle.Source.MENTIONED)
             for n, ms in mentions.items() for m in ms],
            batch_size=2000, ignore_conflicts=True,
        )  # fmt: skip
    if console:
        console.print(f"  {len(rows)} synthetic proposals added ({len(existing)} were already there)")
    return len(rows)


def pdf_tiny(line: str) -> bytes:
    """A valid one-page PDF showing ``line`` (ASCII), built in code with a correct cross-reference table."""
    safe = "".join(ch for ch in line if 32 <= ord(ch) < 127 and ch not in "()\\")
    stream = f"BT /F1 12 Tf 72 720 Td ({safe}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


DEMO_ATTACHED = 5  # the first few synthetic proposals carry a small generated PDF and a text annex


def attachments_load(*, console: Console | None = None) -> int:
    """Attach a tiny generated PDF and a text note to the first DEMO_ATTACHED synthetic proposals (idempotent:
    the same bytes are attached once)."""
    from atazan.consultation.domain.attachments import AttachmentUpload
    from atazan.consultation.services import attachments_add

    added = 0
    for proposal in Proposal.objects.filter(synthetic=True).order_by("registration_number")[:DEMO_ATTACHED]:
        number = proposal.registration_number
        pdf = pdf_tiny(f"Annex to appeal {number} (synthetic demo data)")
        note = f"Annex to appeal {number}: synthetic demo data, not a real appeal.\n".encode()
        verdicts = attachments_add(proposal=proposal, actor="demo", uploads=[
            AttachmentUpload(name=f"annex-{number}.pdf", size=len(pdf), content=pdf),
            AttachmentUpload(name=f"note-{number}.txt", size=len(note), content=note),
        ])  # fmt: skip
        added += sum(v.outcome == "accepted" for v in verdicts)
    if console:
        console.print(f"  {added} demo attachments added")
    return added


def build(*, console: Console) -> None:
    from atazan.consultation.domain.themes import embedder_available
    from atazan.consultation.services import analysis_apply

    started = time.perf_counter()
    added = load(console=console)
    attachments_load(console=console)
    if added or not Proposal.objects.exclude(theme=None).exists():
        # the bundled multilingual model clusters a sample; the rest follow by nearest theme (see themes_for_corpus)
        summary = analysis_apply(embedder=embedder_available("auto"), max_embedded=300)
        console.print(f"  {summary.groups} duplicate groups, {summary.themes} themes ({summary.engine})")
    console.print(f"  consultation demo ready in {time.perf_counter() - started:.1f} s — SYNTHETIC data, labelled so")
