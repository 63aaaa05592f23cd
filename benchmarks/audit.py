"""Benchmark: the audit log of a national referendum night — 10,459 protocols accepted one by one (one entry each,
with the protocol's digest, the path a territorial commission's upload takes) plus 100,000 other official actions —
then a signed checkpoint, a full verification (hash chain, Merkle root, every protocol re-read from its table),
verification against a kept checkpoint, and an inclusion proof of one precinct's protocol.

Baseline in the same run: reading every stored entry and hashing it once with SHA-256, the least any verifier of a
hash-chained log must do; and, for the proof, what a plain hash chain needs to show one entry is in the log (every
entry's hash from there to the end). Targets: full verification < 2 s; a proof < 1 KB.

Run: `.venv/bin/python benchmarks/audit.py` (or `make bench`). Times are the best of a few runs, wall clock and CPU
time of this process (the machine may be shared; CPU time does not count other load).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

OTHER_ENTRIES = 100_000


def best(fn: Callable[[], Any], repeat: int = 3) -> tuple[float, float, Any]:
    """(best wall seconds, CPU seconds of that run, last result)."""
    runs = []
    result = None
    for _ in range(repeat):
        w0, c0 = time.perf_counter(), time.process_time()
        result = fn()
        runs.append((time.perf_counter() - w0, time.process_time() - c0))
    wall, cpu = min(runs)
    return wall, cpu, result


def line(label: str, wall: float, cpu: float, target: float | None = None) -> None:
    verdict = ""
    if target is not None:
        verdict = f"  target < {target * 1000:.0f} ms: {'met' if wall < target else 'MISSED (wall)'}"
        if wall >= target and cpu < target:
            verdict += ", met on CPU time"
    print(f"{label:<62} {wall * 1000:9.1f} ms wall {cpu * 1000:9.1f} ms cpu{verdict}")


Action = tuple[str, str, dict[str, Any], list[tuple[str, str]]]  # action, target, payload, records


def _protocol_actions(slug: str) -> list[Action]:
    """One `referendum.protocol.accept` per stored protocol version, vouching for its digest."""
    from atazan.referendum.audit_records import protocol_record
    from atazan.referendum.models import ProtocolVersion
    from atazan.referendum.services import FIGURES

    actions: list[Action] = []
    rows = ProtocolVersion.objects.filter(question__slug=slug).values_list(
        "precinct__number", "version", "signature", "reason", *FIGURES
    )
    for number, version, signature, reason, *values in rows.order_by("id"):
        record = protocol_record(
            question=slug,
            precinct=number,
            version=version,
            figures=dict(zip(FIGURES, values, strict=True)),
            signature=signature,
            reason=reason,
        )
        actions.append(("referendum.protocol.accept", f"referendum/{slug}", {"accepted": 1}, [record]))
    return actions


def _other_actions(count: int) -> list[Action]:
    kinds = ("commission.vote.cast", "consultation.proposal.register", "legislature.bill.introduce")
    return [
        (kinds[i % len(kinds)], f"record/{i}", {"n": i, "region": "Astana", "note": "Иә — Да"}, [])
        for i in range(count)
    ]


def _append_bulk(start_seq: int, prev_hash: str, actions: list[Action]) -> str:
    """Append entries exactly as `audit_append` would (same content, hashes, leaves and records), in one
    transaction: appending 110,000 entries one call at a time would only measure SQLite's commits."""
    from django.db import transaction

    from atazan.audit.domain.chain import canonical_json, chain_hash, entry_content
    from atazan.audit.domain.log import records_root
    from atazan.audit.domain.merkle import leaf_hash
    from atazan.audit.models import AuditEntry, AuditRecord

    at0 = datetime(2026, 3, 16, tzinfo=UTC)
    rows, records = [], []
    for i, (action, target, raw_payload, entry_records) in enumerate(actions):
        seq = start_seq + i
        at = at0 + timedelta(seconds=seq)
        payload = json.loads(canonical_json(raw_payload))
        root = records_root(entry_records)
        content = entry_content(
            seq=seq, at=at.isoformat(), actor="bench", action=action, target=target, payload=payload, records_root=root
        )
        digest = chain_hash(prev_hash, content)
        rows.append(
            AuditEntry(
                seq=seq,
                at=at,
                actor="bench",
                action=action,
                target=target,
                payload=payload,
                prev_hash=prev_hash,
                hash=digest,
                records_root=root,
                leaf=leaf_hash(content).hex(),
            )
        )
        records.append(entry_records)
        prev_hash = digest
    with transaction.atomic():
        AuditEntry.objects.bulk_create(rows, batch_size=5000)
        ids = dict(AuditEntry.objects.filter(seq__gte=start_seq).values_list("seq", "id"))
        AuditRecord.objects.bulk_create(
            [
                AuditRecord(entry_id=ids[row.seq], position=k, key=key, digest=digest)
                for row, entry_records in zip(rows, records, strict=True)
                for k, (key, digest) in enumerate(entry_records)
            ],
            batch_size=5000,
        )
    return prev_hash


def main() -> None:
    workdir = Path(tempfile.mkdtemp(prefix="atazan-bench-audit-"))
    os.environ["ATAZAN_VAR_DIR"] = str(workdir)
    os.environ["ATAZAN_AUDIT_KEY_FILE"] = str(workdir / "audit-signing.key")
    os.environ.pop("DATABASE_URL", None)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "atazan.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)
    from django.db import connection

    from atazan.audit.domain.chain import GENESIS_HASH
    from atazan.audit.domain.proof import proof_verify
    from atazan.audit.keys import audit_key_create, audit_public_key
    from atazan.audit.models import AuditEntry, AuditRecord
    from atazan.audit.selectors import audit_checkpoint, audit_prove, audit_verify
    from atazan.referendum import services
    from atazan.referendum.domain.protocol_io import ParsedProtocols
    from atazan.referendum.domain.synthetic import model_precincts

    audit_key_create()
    protocols = [m.protocol for m in model_precincts()]
    question = services.question_ensure(
        slug="bench",
        title="bench",
        voting_date=date(2026, 3, 15),
        kind="constitution",
        text_ru="?",
        synthetic=True,
        actor="bench",
    )
    print(f"{len(protocols):,} protocols, {OTHER_ENTRIES:,} other entries ({os.cpu_count()} CPUs visible)")
    # The protocols are stored by the real import; its audit entries (one per chunk) are replaced by one entry per
    # protocol, as when each precinct's protocol is uploaded on its own on voting night.
    from atazan.referendum.domain.register import register_from_protocols

    with mock.patch.object(services, "audit_append"):
        # the model's precincts on the register first: a protocol is counted only for a registered precinct
        services.register_load(precincts=register_from_protocols(protocols), actor="bench", source="model")
        report = services.protocols_import(
            question=question,
            parsed=ParsedProtocols(protocols=protocols, lines=list(range(2, len(protocols) + 2))),
            source="bench",
            actor="bench",
        )
    assert report.accepted == len(protocols)
    w0, c0 = time.perf_counter(), time.process_time()
    seq, last = AuditEntry.objects.order_by("-seq").values_list("seq", "hash").first() or (0, GENESIS_HASH)
    last = _append_bulk(seq + 1, last, _protocol_actions(question.slug))
    last = _append_bulk(seq + len(protocols) + 1, last, _other_actions(OTHER_ENTRIES))
    line("write the log (same hashes as audit_append, bulk insert)", time.perf_counter() - w0, time.process_time() - c0)
    entries = AuditEntry.objects.count()
    print(f"log: {entries:,} entries, {AuditRecord.objects.count():,} protocol digests")

    def baseline() -> int:
        # read every stored entry and hash it once: the floor for any verifier of a hash-chained log
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT seq, at, actor, action, target, payload, prev_hash FROM audit_auditentry ORDER BY seq"
            )
            n = 0
            for row in cursor.fetchall():
                hashlib.sha256("|".join(map(str, row)).encode()).digest()
                n += 1
        return n

    base_wall, base_cpu, n = best(baseline)
    assert n == entries
    line("baseline: read every entry and SHA-256 it once", base_wall, base_cpu)

    from django.core.cache import cache

    def cold_checkpoint() -> Any:
        cache.clear()
        return audit_checkpoint()

    wall, cpu, cp = best(cold_checkpoint)
    assert cp.size == entries
    line("signed checkpoint (recompute every leaf, Merkle root, sign)", wall, cpu)
    print(f"{'  ratio checkpoint / baseline':<62} {wall / base_wall:9.2f} x")
    wall, cpu, _ = best(audit_checkpoint, repeat=5)
    line("  the same checkpoint asked again (remembered per log state)", wall, cpu)

    wall, cpu, verdict = best(lambda: audit_verify())
    assert verdict.intact, [f.render() for f in verdict.findings[:5]]
    line("full verify (chain, every leaf, every protocol re-read)", wall, cpu, 2.0)
    print(f"{'  ratio verify / baseline':<62} {wall / base_wall:9.2f} x")
    wall, cpu, verdict = best(lambda: audit_verify(checkpoint=cp, public_key=audit_public_key()))
    assert verdict.intact
    line("verify --checkpoint (the above + root of the signed prefix)", wall, cpu, 2.0)

    target = f"referendum.protocol:bench/{protocols[len(protocols) // 2].precinct}"
    wall, cpu, proof = best(lambda: audit_prove(target, checkpoint=cp))
    line("inclusion proof of one precinct's protocol", wall, cpu)
    wall, cpu, problems = best(lambda: proof_verify(proof, public_key=audit_public_key()), repeat=20)
    assert problems == []
    line("  checking it offline (signature + Merkle path)", wall, cpu)
    document = json.dumps(proof.as_dict(), ensure_ascii=False).encode()
    chain_bytes = 32 * (entries - int(proof.entry["seq"]) + 1)
    print(
        f"{'  proof size':<62} {proof.hashes} hashes = {proof.hash_bytes} bytes"
        f"  target < 1024 bytes: {'met' if proof.hash_bytes < 1024 else 'MISSED'}"
        f" (whole JSON document with entry and checkpoint: {len(document):,} bytes)"
    )
    print(
        f"{'  baseline: a plain hash chain shows it with':<62} {chain_bytes:,} bytes"
        f" (every later entry's hash); ratio {proof.hash_bytes / chain_bytes:.5f} x"
    )


if __name__ == "__main__":
    main()
