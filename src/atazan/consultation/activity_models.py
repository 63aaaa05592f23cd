"""What a citizen follows and what they are told: follows, notifications and how they want to receive them.

Imported at the end of ``models.py`` (Django finds a context's models there).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class FollowKind(models.TextChoices):
    PROPOSAL = "proposal", _("Proposal")
    ARTICLE = "article", _("Article")
    THEME = "theme", _("Theme")


class Follow(models.Model):
    """``user`` follows a proposal (its registration number), an article of the 2026 text (its number) or a theme
    (its number): stable keys, as the other contexts use (commission/models.py)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_follows")
    kind = models.CharField(max_length=10, choices=FollowKind.choices)
    key = models.CharField(max_length=40)
    since = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["kind", "key"]
        constraints = [models.UniqueConstraint(fields=["user", "kind", "key"], name="cons_follow_once")]
        indexes = [models.Index(fields=["kind", "key"], name="cons_follow_target")]

    def __str__(self) -> str:
        return f"{self.user_id} follows {self.kind} {self.key}"


class Notification(models.Model):
    """One thing a person is told, in no language yet: a stable ``code`` and its fields (registration number,
    status code…); rendered in the recipient's language when shown or mailed (notifications.notification_text)."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="consultation_notices")
    code = models.CharField(max_length=40)
    fields = models.JSONField(default=dict)
    proposal = models.CharField(max_length=40, blank=True)  # registration number, for the link
    source = models.CharField(max_length=60)  # what caused it, e.g. "status_change:123"; unique per user
    created_at = models.DateTimeField()
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [models.UniqueConstraint(fields=["user", "source"], name="cons_notice_once")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.code} {self.proposal}"


class EmailChoice(models.TextChoices):
    EACH = "each", _("An email for each notification")
    DIGEST = "digest", _("One daily digest")
    NONE = "none", _("No email")


class NoticeSettings(models.Model):
    """How a person receives notifications: by email each time, as a daily digest, or not at all; and in which of
    the three languages (kk/ru/en). No row means: each time, in the language of the site when they followed."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notice_settings")
    email = models.CharField(max_length=10, choices=EmailChoice.choices, default=EmailChoice.EACH)
    language = models.CharField(max_length=2, default="kk")
    digest_sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification settings")

    def __str__(self) -> str:
        return f"{self.user_id}: {self.email} ({self.language})"


class Cursor(models.Model):
    """How far notifications have been made from a stream of events (the last StatusChange id seen, …), so that
    dispatch is idempotent and can run from any process (a request, the worker)."""

    name = models.CharField(max_length=40, unique=True)
    position = models.BigIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.name}@{self.position}"
