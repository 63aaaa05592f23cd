"""Topics and the tags that put paragraphs of the Constitutions under them.

A tag names a paragraph by stable keys (the Constitution's year and the paragraph's Akoma Ntoso eId, shared by the
Russian and Kazakh texts), so tags outlive a re-import of the texts. Rules and the similarity model only *propose*
tags; an editor confirms or rejects each one, and the tag keeps who decided and when.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Topic(models.Model):
    key = models.SlugField(max_length=60, unique=True)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="children")
    order = models.PositiveIntegerField()
    name_en = models.CharField(max_length=200)
    name_ru = models.CharField(max_length=200)
    name_kk = models.CharField(max_length=200)
    constitute = models.JSONField(default=list, blank=True)  # Constitute Project topic keys (unchecked, see YAML)

    class Meta:
        ordering = ["order"]

    def __str__(self) -> str:
        return self.key

    def get_absolute_url(self) -> str:
        return reverse("topics:topic", kwargs={"key": self.key})

    @property
    def name(self) -> str:
        """The name in the active interface language."""
        lang = (get_language() or "en")[:2]
        return {"kk": self.name_kk, "ru": self.name_ru}.get(lang, self.name_en)


class Tag(models.Model):
    class Origin(models.TextChoices):
        RULE = "rule", _("rule")
        SIMILARITY = "similarity", _("similarity suggestion")
        EDITOR = "editor", _("editor")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("proposed")
        CONFIRMED = "confirmed", _("confirmed")
        REJECTED = "rejected", _("rejected")

    topic = models.ForeignKey(Topic, on_delete=models.PROTECT, related_name="tags")
    year = models.PositiveSmallIntegerField()  # the Constitution: 1995 or 2026
    eid = models.CharField(max_length=120)  # paragraph eId ("art_21__para_1") or "preamble"
    article_num = models.CharField(max_length=20, blank=True)  # "21", "83-1"; "" for the preamble
    origin = models.CharField(max_length=12, choices=Origin.choices)
    reason = models.TextField(blank=True)  # which rules fired, or the similarity score
    score_permille = models.PositiveSmallIntegerField(null=True, blank=True)  # similarity suggestions only
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PROPOSED)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["year", "id"]
        constraints = [models.UniqueConstraint(fields=["topic", "year", "eid"], name="topics_tag_unique")]
        indexes = [models.Index(fields=["year", "eid"], name="topics_tag_paragraph")]

    def __str__(self) -> str:
        return f"{self.year}:{self.eid}→{self.topic_id}"

    @property
    def ref(self) -> str:
        """The stable key used in the audit log and the export: "2026:art_21__para_1:personal-data"."""
        return f"{self.year}:{self.eid}:{self.topic.key}"
