"""Entries written before the log became a Merkle tree get their leaf hash, computed from their content."""

from django.db import migrations


def backfill(apps, schema_editor):  # type: ignore[no-untyped-def]
    from atazan.audit.domain.chain import entry_content
    from atazan.audit.domain.merkle import leaf_hash

    AuditEntry = apps.get_model("audit", "AuditEntry")
    for row in AuditEntry.objects.filter(leaf="").order_by("seq").iterator(chunk_size=2000):
        content = entry_content(
            seq=row.seq,
            at=row.at.isoformat(),
            actor=row.actor,
            action=row.action,
            target=row.target,
            payload=row.payload,
            records_root=row.records_root,
        )
        row.leaf = leaf_hash(content).hex()
        row.save(update_fields=["leaf"])


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_entry_records")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
