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


def build(*, console: Console) -> None:
    from atazan.consultation.domain.themes import embedder_available
    from atazan.consultation.services import analysis_apply

    started = time.perf_counter()
    added = load(console=console)
    if added or not Proposal.objects.exclude(theme=None).exists():
        # the bundled multilingual model clusters a sample; the rest follow by nearest theme (see themes_for_corpus)
        summary = analysis_apply(embedder=embedder_available("auto"), max_embedded=300)
        console.print(f"  {summary.groups} duplicate groups, {summary.themes} themes ({summary.engine})")
    console.print(f"  consultation demo ready in {time.perf_counter() - started:.1f} s — SYNTHETIC data, labelled so")
