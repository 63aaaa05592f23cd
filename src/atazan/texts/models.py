"""The Constitutions as stored: a work, its dated language expressions, and their provisions as rows.

An expression is imported once from the official text and never edited: a changed text for the same work, language
and date is refused by `services.expression_import` (a correction would be a new expression with its own date).
"""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Language(models.TextChoices):
    """Languages of the official texts (ISO 639-2/B, as Akoma Ntoso URIs spell them)."""

    RUS = "rus", _("Russian")
    KAZ = "kaz", _("Kazakh")


class Work(models.Model):
    uri = models.CharField(max_length=200, unique=True)  # /akn/kz/act/1995-08-30/constitution
    year = models.PositiveSmallIntegerField(unique=True)  # the short name used in URLs: 1995, 2026
    adopted = models.DateField()

    class Meta:
        ordering = ["year"]

    def __str__(self) -> str:
        return self.uri

    def get_absolute_url(self) -> str:
        return reverse("texts:index")


class Expression(models.Model):
    work = models.ForeignKey(Work, on_delete=models.PROTECT, related_name="expressions")
    language = models.CharField(max_length=3, choices=Language.choices)
    date = models.DateField()  # the revision's date (1995) or the date of entry into force (2026)
    title = models.CharField(max_length=300)
    source = models.CharField(max_length=500, blank=True)
    preamble = models.TextField(blank=True)
    notes = models.JSONField(default=list, blank=True)  # [{"kind": ..., "text": ...}] for the whole document
    text_sha256 = models.CharField(max_length=64)  # digest of the official text it was parsed from
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["work__year", "language", "date"]
        constraints = [
            models.UniqueConstraint(fields=["work", "language", "date"], name="texts_expression_unique_version"),
        ]

    def __str__(self) -> str:
        return self.uri

    def get_absolute_url(self) -> str:
        return reverse("texts:expression", kwargs={"year": self.work.year, "lang": self.language})

    @property
    def uri(self) -> str:
        return f"{self.work.uri}/{self.language}@{self.date.isoformat()}"


class Provision(models.Model):
    class Kind(models.TextChoices):
        SECTION = "section", _("Section")
        ARTICLE = "article", _("Article")
        PARAGRAPH = "paragraph", _("Paragraph")
        SUBPARAGRAPH = "subparagraph", _("Subparagraph")

    expression = models.ForeignKey(Expression, on_delete=models.CASCADE, related_name="provisions")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    eid = models.CharField(max_length=120)  # Akoma Ntoso eId: art_53__para_1
    num = models.CharField(max_length=20, blank=True)  # as printed: "IV", "83-1", "3-1", "10-1)"
    heading = models.TextField(blank=True)  # a section's heading; a subparagraph's lead-in (1995 Art. 52(5))
    text = models.TextField(blank=True)  # normative text only; an article's and a paragraph's include their parts
    order = models.PositiveIntegerField()  # document order within the expression
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.CASCADE, related_name="children")
    article_num = models.CharField(max_length=20, blank=True)  # the article it belongs to ("" for a section)
    repealed = models.BooleanField(default=False)
    notes = models.JSONField(default=list, blank=True)  # footnotes and Court notes printed with it

    class Meta:
        ordering = ["expression", "order"]
        constraints = [
            models.UniqueConstraint(fields=["expression", "eid"], name="texts_provision_unique_eid"),
        ]
        indexes = [models.Index(fields=["expression", "kind", "article_num"], name="texts_prov_kind_art")]

    def __str__(self) -> str:
        return f"{self.expression_id}:{self.eid}"

    def get_absolute_url(self) -> str:
        expr = self.expression
        url = reverse("texts:article", kwargs={"year": expr.work.year, "lang": expr.language, "num": self.article_num})
        return url if self.kind == self.Kind.ARTICLE else f"{url}#{self.eid}"
