"""The Constitutional Commission as stored: members, sessions with their agenda, attendance and votes, decisions
with the article changes they make, draft versions of the new Constitution, and public comments on a published draft.

Proposals (consultation) and articles (texts) are linked by stable keys: a proposal's registration number, an
article's number as printed in the 2026 Constitution. Official rows are never edited silently: a vote is cast once,
a decision is recorded once, a draft version is frozen when created; each of these goes into the audit chain.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import get_language, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from .domain.composition import Category, MemberRole
from .domain.drafting import ChangeKind
from .domain.regions import REGIONS
from .domain.voting import Choice

WORK_2026 = "/akn/kz/act/2026-03-15/constitution"

# Codes shown through labels in the reader's language (issue 15); the English labels are the codes themselves, as the
# migrations recorded them, so the schema is unchanged.
CHOICE_LABELS = {
    Choice.FOR.value: pgettext_lazy("commission vote", "for"),
    Choice.AGAINST.value: pgettext_lazy("commission vote", "against"),
    Choice.ABSTAIN.value: pgettext_lazy("commission vote", "abstain"),
}
CHANGE_LABELS = {
    ChangeKind.AMEND.value: pgettext_lazy("change to an article", "amend"),
    ChangeKind.INSERT.value: pgettext_lazy("change to an article", "insert"),
    ChangeKind.REPEAL.value: pgettext_lazy("change to an article", "repeal"),
}


def _in_language(default: str, variants: dict[str, str]) -> str:
    """The variant for the page's language ("kk", "ru"), else the title as recorded."""
    language = (get_language() or "").split("-")[0]
    return str(variants.get(language) or default)


class Member(models.Model):
    class Role(models.TextChoices):
        CHAIR = MemberRole.CHAIR.value, _("Chair")
        DEPUTY_CHAIR = MemberRole.DEPUTY_CHAIR.value, _("Deputy chair")
        SECRETARY = MemberRole.SECRETARY.value, _("Secretary")
        MEMBER = MemberRole.MEMBER.value, _("Member")

    class Category(models.TextChoices):
        KURULTAI = Category.KURULTAI.value, _("National Kurultai member")
        LEGAL_SCHOLAR = Category.LEGAL_SCHOLAR.value, _("Legal scholar")
        GOVERNMENT = Category.GOVERNMENT.value, _("Central government official")
        MEDIA = Category.MEDIA.value, _("Media leader")
        MASLIKHAT = Category.MASLIKHAT.value, _("Maslikhat chair")
        PUBLIC_COUNCIL = Category.PUBLIC_COUNCIL.value, _("Regional public council")
        EXPERT = Category.EXPERT.value, _("Expert and academic community")

    seat = models.PositiveSmallIntegerField(unique=True)  # the member's number in the decree's list
    full_name = models.CharField(max_length=200)
    role = models.CharField(max_length=12, choices=Role.choices, default=Role.MEMBER)
    category = models.CharField(max_length=16, choices=Category.choices)
    region = models.CharField(max_length=20, choices=[(r.code, r.name_en) for r in REGIONS])
    position = models.CharField(max_length=300, blank=True)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="commission_member"
    )
    synthetic = models.BooleanField(default=False)  # demo people, labelled as such wherever shown
    appointed = models.DateField()
    # The position in the other languages (issue 15): {"kk": {"position": …}, "ru": {…}} (names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["seat"]

    def __str__(self) -> str:
        return f"{self.seat}. {self.full_name}"


class Session(models.Model):
    number = models.PositiveSmallIntegerField(unique=True)
    date = models.DateField()
    title = models.CharField(max_length=300)
    titles = models.JSONField(default=dict, blank=True)  # the title in other languages: {"kk": …, "ru": …}
    broadcast_url = models.URLField(blank=True)  # the live broadcast (YouTube): embedded via youtube-nocookie
    minutes = models.TextField(blank=True)
    synthetic = models.BooleanField(default=False)
    # The minutes in the other languages (issue 15): {"kk": {"minutes": …}, "ru": {…}} (names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Session {self.number} ({self.date.isoformat()})"

    def get_absolute_url(self) -> str:
        return reverse("commission:session", kwargs={"number": self.number})

    @property
    def local_title(self) -> str:
        return _in_language(self.title, self.titles)


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="attendance")
    present = models.BooleanField(default=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["session", "member"], name="commission_attendance_once")]

    def __str__(self) -> str:
        return f"{self.member_id} at session {self.session_id}: {'present' if self.present else 'absent'}"


class Speaker(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="speakers")
    order = models.PositiveSmallIntegerField()
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.PROTECT)
    name = models.CharField(max_length=200, blank=True)  # a guest speaker who is not a member
    topic = models.CharField(max_length=300, blank=True)
    # The texts in the other languages (issue 15): {"kk": {field: …}, "ru": {…}} (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["session", "order"]

    def __str__(self) -> str:
        return self.member.full_name if self.member else self.name


class AgendaItem(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="agenda")
    order = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=500)
    titles = models.JSONField(default=dict, blank=True)  # the title in other languages: {"kk": …, "ru": …}
    articles = models.JSONField(default=list, blank=True)  # article numbers of the 2026 Constitution: ["53", "54"]
    theme = models.CharField(max_length=300, blank=True)  # the proposal theme discussed
    proposals = models.JSONField(default=list, blank=True)  # registration numbers of proposals (consultation)
    # The texts in the other languages (issue 15): {"kk": {field: …}, "ru": {…}} (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["session", "order"]
        constraints = [models.UniqueConstraint(fields=["session", "order"], name="commission_agenda_order")]

    def __str__(self) -> str:
        return f"{self.session.number}.{self.order} {self.title}"

    @property
    def local_title(self) -> str:
        return _in_language(self.title, self.titles)


class Vote(models.Model):
    item = models.ForeignKey(AgendaItem, on_delete=models.CASCADE, related_name="votes")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="votes")
    choice = models.CharField(max_length=8, choices=[(c.value, CHOICE_LABELS[c.value]) for c in Choice])
    cast_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["item", "member"], name="commission_vote_once")]

    def __str__(self) -> str:
        return f"{self.member_id} on item {self.item_id}: {self.choice}"


class Decision(models.Model):
    class Kind(models.TextChoices):
        ACCEPT = "accept", _("Proposal accepted")
        MODIFY = "modify", _("Proposal accepted with modifications")
        REJECT = "reject", _("Proposal rejected")

    item = models.OneToOneField(AgendaItem, on_delete=models.PROTECT, related_name="decision")
    number = models.CharField(max_length=20, unique=True)  # "3/2": session 3, item 2
    kind = models.CharField(max_length=8, choices=Kind.choices)
    summary = models.TextField()
    adopted = models.BooleanField()  # whether the vote carried (with quorum)
    votes_for = models.PositiveSmallIntegerField()
    votes_against = models.PositiveSmallIntegerField()
    abstained = models.PositiveSmallIntegerField()
    present = models.PositiveSmallIntegerField()
    members_total = models.PositiveSmallIntegerField()
    explanation = models.TextField()
    rule_source = models.TextField()
    recorded_by = models.CharField(max_length=200)
    recorded_at = models.DateTimeField(auto_now_add=True)
    # The texts in the other languages (issue 15): {"kk": {field: …}, "ru": {…}} (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["item__session__number", "item__order"]

    def __str__(self) -> str:
        return f"Decision {self.number}"

    def get_absolute_url(self) -> str:
        return f"{self.item.session.get_absolute_url()}#item-{self.item.order}"


class ArticleChange(models.Model):
    decision = models.ForeignKey(Decision, on_delete=models.PROTECT, related_name="changes")
    order = models.PositiveSmallIntegerField()
    kind = models.CharField(max_length=8, choices=[(k.value, CHANGE_LABELS[k.value]) for k in ChangeKind])
    article = models.CharField(max_length=20)
    wording = models.TextField(blank=True)
    after = models.CharField(max_length=20, blank=True)

    class Meta:
        ordering = ["decision", "order"]

    def __str__(self) -> str:
        return f"{self.kind} Art. {self.article}"


class DraftVersion(models.Model):
    class Status(models.TextChoices):
        WORKING = "working", _("Working draft")
        PUBLISHED = "published", _("Published for comment")
        FINAL = "final", _("Final text")

    number = models.PositiveSmallIntegerField(unique=True)
    date = models.DateField()
    language = models.CharField(max_length=3, default="rus")
    title = models.CharField(max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices)
    base = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="successors")
    decisions = models.ManyToManyField(Decision, blank=True, related_name="draft_versions")  # applied to the base
    expression = models.ForeignKey(
        "texts.Expression", null=True, blank=True, on_delete=models.PROTECT, related_name="commission_drafts"
    )  # the official text this version is
    synthetic = models.BooleanField(default=False)  # reconstructed by atazan, not a published draft text
    note = models.TextField(blank=True)
    # The texts in the other languages (issue 15): {"kk": {field: …}, "ru": {…}} (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)
    created_by = models.CharField(max_length=200)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Draft {self.number} of {self.date.isoformat()}"

    def get_absolute_url(self) -> str:
        return reverse("commission:draft", kwargs={"number": self.number})

    @property
    def uri(self) -> str:
        """The draft as a dated expression of the 2026 work (Akoma Ntoso FRBR expression URI)."""
        return f"{WORK_2026}/{self.language}@{self.date.isoformat()}"


class DraftArticle(models.Model):
    version = models.ForeignKey(DraftVersion, on_delete=models.CASCADE, related_name="articles")
    order = models.PositiveSmallIntegerField()
    num = models.CharField(max_length=20)
    wording = models.TextField()

    class Meta:
        ordering = ["version", "order"]
        constraints = [models.UniqueConstraint(fields=["version", "num"], name="commission_draft_article_once")]

    def __str__(self) -> str:
        return f"{self.version} Art. {self.num}"


class Comment(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Published")
        REJECTED = "rejected", _("Rejected")

    version = models.ForeignKey(DraftVersion, on_delete=models.PROTECT, related_name="comments")
    article = models.CharField(max_length=20)
    paragraph = models.CharField(max_length=20, blank=True)  # "" = the article as a whole
    author = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    author_name = models.CharField(max_length=200)
    text = models.TextField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    moderated_by = models.CharField(max_length=200, blank=True)
    moderated_at = models.DateTimeField(null=True, blank=True)
    moderation_reason = models.CharField(max_length=300, blank=True)
    synthetic = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["article", "status"], name="commission_comment_art")]

    def __str__(self) -> str:
        return f"Comment {self.pk} on Art. {self.article}"
