from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditEntry(models.Model):
    """One official action. Rows are only ever appended (see services.audit_append)."""

    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField()
    actor = models.CharField(max_length=200)
    action = models.CharField(max_length=100, db_index=True)
    target = models.CharField(max_length=300, db_index=True)
    payload = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)
    # The Merkle root of the entry's records (hex, "" when none) and the entry's RFC 9162 leaf hash, both kept so
    # that checkpoints and proofs need not re-read every record; `verify` recomputes both from content.
    records_root = models.CharField(max_length=64, blank=True, default="")
    leaf = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        ordering = ["seq"]
        verbose_name = _("audit entry")
        verbose_name_plural = _("audit entries")

    def __str__(self) -> str:
        return f"#{self.seq} {self.action} {self.target}"


class AuditRecord(models.Model):
    """An official record an entry vouches for: its key (`<kind>:<locator>`, e.g.
    `referendum.protocol:2026-03-15/ABAI-0001/v1`) and the digest of its content when the entry was written.
    The entry's hash and Merkle leaf cover the root of its records, so none can be changed or removed unseen."""

    entry = models.ForeignKey(AuditEntry, on_delete=models.PROTECT, related_name="records")
    position = models.PositiveIntegerField()
    key = models.CharField(max_length=300, db_index=True)
    digest = models.CharField(max_length=64)

    class Meta:
        ordering = ["entry_id", "position"]
        constraints = [models.UniqueConstraint(fields=["entry", "position"], name="audit_record_position")]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")

    def __str__(self) -> str:
        return f"{self.key} {self.digest[:12]}"
