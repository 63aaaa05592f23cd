"""Proposals (citizen appeals on the Constitution), their supports, status history, articles and themes."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import LessThanOrEqual
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from atazan.consultation.domain import intake
from atazan.consultation.domain.synthetic import REGIONS


def lengths_bounded(model: str, fields: dict[str, int]) -> list[models.CheckConstraint]:
    """A check per text column that its length is within the limit: SQLite does not enforce a ``varchar(n)``, and
    a text column has none. The services refuse an over-long value first, naming the rule (domain.intake); these
    constraints make sure that no other door (a script, a shell, another context's code) stores one on either
    engine."""
    return [models.CheckConstraint(condition=LessThanOrEqual(Length(name), limit), name=f"{model}_{name}_len")
            for name, limit in fields.items()]  # fmt: skip


class AppealKind(models.TextChoices):
    # e-Otinish appeal types (shared/domain/FACTS.md, "Citizen appeals")
    PROPOSAL = "proposal", _("Proposal")
    APPLICATION = "application", _("Application")
    COMPLAINT = "complaint", _("Complaint")
    REQUEST = "request", _("Request")
    RESPONSE = "response", _("Response")


class Status(models.TextChoices):
    REGISTERED = "registered", _("Registered")
    UNDER_REVIEW = "under_review", _("Under review")
    ACCEPTED = "accepted", _("Accepted")
    PARTLY_ACCEPTED = "partly_accepted", _("Partly accepted")
    REJECTED = "rejected", _("Rejected")
    MERGED = "merged", _("Merged into another")
    OUT_OF_SCOPE = "out_of_scope", _("Out of scope")


class Visibility(models.TextChoices):
    VISIBLE = "visible", _("Visible")
    FLAGGED = "flagged", _("Flagged")
    HIDDEN = "hidden", _("Hidden")


class Language(models.TextChoices):
    KK = "kk", _("Kazakh")
    RU = "ru", _("Russian")
    EN = "en", _("English")


REGION_CHOICES = [(r, r) for r in REGIONS] + [("abroad", _("Abroad"))]


class Theme(models.Model):
    number = models.PositiveIntegerField(unique=True)
    label = models.CharField(max_length=200)
    size = models.PositiveIntegerField(default=0)
    representatives = models.JSONField(default=list)  # registration numbers
    engine = models.CharField(max_length=120)
    computed_at = models.DateTimeField()

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number}: {self.label}"


class Proposal(models.Model):
    registration_number = models.CharField(max_length=40, unique=True)
    kind = models.CharField(max_length=20, choices=AppealKind.choices, default=AppealKind.PROPOSAL)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals"
    )
    applicant_surname = models.CharField(max_length=100)
    applicant_name = models.CharField(max_length=100)
    applicant_patronymic = models.CharField(max_length=100, blank=True)
    # The IIN is never stored in clear (docs/security.md): its keyed hash (accounts.services.iin_hash, HMAC-SHA256
    # under IIN_HASH_KEY) finds every appeal of one person, and a masked form (last two digits) lets the working
    # group tell applicants apart on screen. Set both through the ``applicant_iin`` property.
    applicant_iin_hash = models.CharField(max_length=64, blank=True, db_index=True, editable=False)
    applicant_iin_masked = models.CharField(max_length=12, blank=True, editable=False)
    applicant_address = models.CharField(max_length=300, blank=True)
    applicant_phone = models.CharField(max_length=40, blank=True)
    region = models.CharField(max_length=40, choices=REGION_CHOICES)
    language = models.CharField(max_length=2, choices=Language.choices)
    text = models.TextField(max_length=intake.TEXT.limit)
    normal_text = models.TextField(editable=False)  # lower-cased, courtesies cut: for similarity search
    submitted_at = models.DateTimeField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REGISTERED)
    answer = models.TextField(blank=True, max_length=intake.ANSWER.limit)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)
    merged_into = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="merged")
    visibility = models.CharField(max_length=10, choices=Visibility.choices, default=Visibility.VISIBLE)
    moderation_note = models.CharField(max_length=300, blank=True)
    duplicate_group = models.CharField(max_length=40, blank=True)  # registration number of the group's first member
    theme = models.ForeignKey(Theme, null=True, blank=True, on_delete=models.SET_NULL, related_name="proposals")
    # the working-group member who prepares the answer (review queue, bulk "assign"); no one until assigned
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    support_count = models.PositiveIntegerField(default=0)
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["visibility", "-submitted_at", "-id"], name="cons_list_idx"),
            models.Index(fields=["status", "-submitted_at"], name="cons_status_idx"),
            models.Index(fields=["region", "-submitted_at"], name="cons_region_idx"),
            models.Index(fields=["duplicate_group"], name="cons_dupgroup_idx"),
            models.Index(fields=["theme", "-submitted_at"], name="cons_theme_idx"),
        ]
        constraints = lengths_bounded("cons_proposal", {
            "registration_number": intake.REGISTRATION_NUMBER_MAX, "applicant_surname": intake.SURNAME.limit,
            "applicant_name": intake.NAME.limit, "applicant_patronymic": intake.PATRONYMIC.limit,
            "applicant_address": intake.ADDRESS.limit, "applicant_phone": intake.PHONE.limit, "region": 40,
            "text": intake.TEXT.limit, "answer": intake.ANSWER.limit, "moderation_note": intake.NOTE.limit,
            "duplicate_group": 40,
        })  # fmt: skip

    def __str__(self) -> str:
        return self.registration_number

    def get_absolute_url(self) -> str:
        return reverse("consultation:detail", args=[self.registration_number])

    @property
    def applicant_iin(self) -> str:
        """The applicant's IIN as it may be shown: masked (``**********21``). The clear number is not kept."""
        return self.applicant_iin_masked

    @applicant_iin.setter
    def applicant_iin(self, value: str) -> None:
        """Keep only the keyed hash and the masked form of ``value`` (``Proposal(applicant_iin=...)`` works too)."""
        from atazan.accounts.domain.iin import iin_mask
        from atazan.accounts.services import iin_hash

        clear = "".join(ch for ch in str(value) if not ch.isspace())
        self.applicant_iin_hash = iin_hash(clear) if clear else ""
        self.applicant_iin_masked = iin_mask(clear)[:12] if clear else ""


class ProposalArticle(models.Model):
    """A link to an article; the article is named by number and Constitution year (texts owns the text)."""

    class Source(models.TextChoices):
        MENTIONED = "mentioned", _("Named in the proposal")
        SUGGESTED = "suggested", _("Suggested by similarity")
        CONFIRMED = "confirmed", _("Confirmed by the working group")

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="articles")
    constitution = models.CharField(max_length=4, default="2026")
    article = models.CharField(max_length=8)
    source = models.CharField(max_length=10, choices=Source.choices)
    score = models.FloatField(null=True, blank=True)  # similarity, display only

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["proposal", "constitution", "article"], name="cons_article_once")
        ]
        indexes = [models.Index(fields=["article", "constitution"], name="cons_article_num_idx")]

    def __str__(self) -> str:
        return f"{self.proposal_id} → {self.constitution} art. {self.article}"


class Support(models.Model):
    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="supports")
    citizen = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["proposal", "citizen"], name="cons_one_support_per_citizen")]

    def __str__(self) -> str:
        return f"{self.citizen_id} supports {self.proposal_id}"


class StatusChange(models.Model):
    """Every decision on a proposal, kept: the status never changes silently."""

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=20, choices=Status.choices)
    to_status = models.CharField(max_length=20, choices=Status.choices)
    answer = models.TextField(blank=True)
    decided_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    decided_at = models.DateTimeField()

    class Meta:
        ordering = ["decided_at", "id"]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.from_status} → {self.to_status}"


class ImportRejection(models.Model):
    """A row of an imported file that broke a rule, kept for the working group to review."""

    source = models.CharField(max_length=200)
    row = models.PositiveIntegerField()
    code = models.CharField(max_length=40, blank=True)  # the rule's stable code (domain.intake, import_file)
    rule = models.CharField(max_length=300)
    raw = models.JSONField()
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "row"]
        constraints = lengths_bounded("cons_rejection", {"source": 200, "rule": 300})

    def __str__(self) -> str:
        return f"{self.source} row {self.row}: {self.rule}"


class CampaignLink(models.Model):
    """Two duplicate groups that carry one campaign in different languages (found through the multilingual
    embedding; proposed for the working group, not merged)."""

    group_a = models.CharField(max_length=40, db_index=True)
    group_b = models.CharField(max_length=40, db_index=True)
    score = models.FloatField()  # cosine similarity, display only
    found_at = models.DateTimeField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["group_a", "group_b"], name="cons_campaign_link_once")]

    def __str__(self) -> str:
        return f"{self.group_a} ~ {self.group_b}"


class Attachment(models.Model):
    """A file sent with an appeal (FACTS.md, "Citizen appeals": e-Otinish appeals carry attachments).

    The bytes live in the database, so that backups, restores and the transaction that registers the proposal cover
    them. The type is the one read from the bytes (domain.attachments.content_type_sniff), never the client's. Seen
    only by the author and the working group: attachments may hold personal data (Constitution 2026, Art. 21).
    """

    proposal = models.ForeignKey(Proposal, on_delete=models.CASCADE, related_name="attachments")
    name = models.CharField(max_length=200)  # sanitised: base name, no control characters
    content_type = models.CharField(max_length=40)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    content = models.BinaryField()
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["uploaded_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "sha256"], name="cons_attachment_once"),
            *lengths_bounded("cons_attachment", {"name": 200}),
        ]

    def __str__(self) -> str:
        return f"{self.proposal_id}: {self.name}"


from atazan.consultation.activity_models import Cursor, Follow, NoticeSettings, Notification  # noqa: E402, F401
