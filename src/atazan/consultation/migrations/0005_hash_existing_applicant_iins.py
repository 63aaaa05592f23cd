"""Data: replace every stored clear IIN by its keyed hash (accounts.services.iin_hash) and masked form.

Runs in batches so that 100,000 proposals never sit in memory at once. It cannot be undone: the clear numbers are
gone once 0006 drops their column (going back leaves the old column empty).
"""

import re

from django.db import migrations

BATCH = 2000
TWELVE_DIGITS = re.compile(r"(?<!\d)\d{12}(?!\d)")


def hash_iins(apps, schema_editor):  # type: ignore[no-untyped-def]
    from atazan.accounts.domain.iin import iin_mask
    from atazan.accounts.services import iin_hash

    Proposal = apps.get_model("consultation", "Proposal")
    ImportRejection = apps.get_model("consultation", "ImportRejection")
    pending = Proposal.objects.exclude(applicant_iin="").filter(applicant_iin_hash="").order_by("pk")
    last = 0
    while True:
        rows = list(pending.filter(pk__gt=last).only("pk", "applicant_iin")[:BATCH])
        if not rows:
            break
        for row in rows:
            clear = "".join(ch for ch in row.applicant_iin if not ch.isspace())
            row.applicant_iin_hash = iin_hash(clear)
            row.applicant_iin_masked = iin_mask(clear)[:12]
            row.applicant_iin = ""
        Proposal.objects.bulk_update(rows, ["applicant_iin_hash", "applicant_iin_masked", "applicant_iin"])
        last = rows[-1].pk
    # rows kept for review carried the raw import row, IIN included
    for rejection in list(ImportRejection.objects.all()):
        changed = False
        if isinstance(rejection.raw, dict) and rejection.raw.get("iin"):
            rejection.raw = {**rejection.raw, "iin": iin_mask(str(rejection.raw["iin"]))}
            changed = True
        masked_rule = TWELVE_DIGITS.sub(lambda m: iin_mask(m.group()), rejection.rule)
        if masked_rule != rejection.rule:
            rejection.rule = masked_rule
            changed = True
        if changed:
            rejection.save(update_fields=["raw", "rule"])


class Migration(migrations.Migration):
    dependencies = [
        ("consultation", "0004_applicant_iin_hash_and_mask"),
    ]

    operations = [
        migrations.RunPython(hash_iins, migrations.RunPython.noop),
    ]
