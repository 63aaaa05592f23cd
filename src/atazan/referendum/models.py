"""Referendum rows: questions, units, districts, precincts (with their commissions' keys), protocol versions and the
review queue. The rules live in `referendum.domain`; these models only store what the services decided."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from atazan.referendum.domain.adoption import QuestionKind
from atazan.referendum.domain.protocol import Protocol, ProtocolRule


class Question(models.Model):
    """A question put to a nationwide referendum (Referendum Law, Art. 18(1)(2))."""

    class Kind(models.TextChoices):
        CONSTITUTION = QuestionKind.CONSTITUTION.value, _("Constitution or constitutional amendment")
        ORDINARY = QuestionKind.ORDINARY.value, _("Ordinary question")

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=200)
    voting_date = models.DateField()
    kind = models.CharField(max_length=20, choices=Kind.choices)
    text_ru = models.TextField()
    text_kk = models.TextField(blank=True)
    text_en = models.TextField(blank=True)
    synthetic = models.BooleanField(
        default=False, help_text="Precinct protocols are a model, not official data (only the totals are official)."
    )
    source_note = models.TextField(blank=True)
    # The title and source note in the other languages (issue 15): {"kk": {"title": …, "source_note": …}, "ru": {…}}
    # (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)
    abroad_unit = models.CharField(max_length=40, default="astana")
    day_additions_limit_bp = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=(
            "How far (basis points of the published list) a protocol's entitled voters may exceed the list published "
            "before voting, for voters added on the day. A setting, not a rule from our legal sources: empty means "
            "differences are shown without a limit."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-voting_date", "slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("referendum:question", kwargs={"slug": self.slug})

    @property
    def question_kind(self) -> QuestionKind:
        return QuestionKind(self.kind)

    def text(self, language: str) -> str:
        if language.startswith("kk") and self.text_kk:
            return self.text_kk
        if language.startswith("en") and self.text_en:
            return self.text_en
        return self.text_ru


class Unit(models.Model):
    """One of the 20 regions and cities counted by Constitution 2026, Art. 92(3)."""

    code = models.SlugField(max_length=40, unique=True)
    name_en = models.CharField(max_length=100)
    name_kk = models.CharField(max_length=100)
    name_ru = models.CharField(max_length=100)
    kind = models.CharField(max_length=20)
    tile_col = models.PositiveSmallIntegerField()
    tile_row = models.PositiveSmallIntegerField()
    turnout_1800_bp = models.PositiveIntegerField(help_text="CEC's published turnout at 18:00, basis points")

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.name_en


class District(models.Model):
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="districts")
    name = models.CharField(max_length=120)

    class Meta:
        ordering = ["unit_id", "name"]
        constraints = [models.UniqueConstraint(fields=["unit", "name"], name="referendum_district_unique")]

    def __str__(self) -> str:
        return f"{self.unit.name_en} / {self.name}"


class Precinct(models.Model):
    """A polling station and its precinct commission, which signs protocols with `public_key` (Ed25519, hex).

    The precinct register (`atazan referendum register`, `services.register_load`) is the only way a precinct comes
    to exist: a protocol never creates one (`domain.register`). `number` is stored in normal form (`precinct_key`:
    NFKC, trimmed, lower case) and is what protocols are matched on. `registered` is the number of citizens the
    register lists for the precinct; a protocol may state no more. A row without it (made by a protocol before the
    register existed) is not on the register, and nothing more is counted for it. The lists published before voting
    for one question are `Electorate`, compared with the protocols, not a limit."""

    number = models.CharField(max_length=40, unique=True)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, related_name="precincts")
    district = models.ForeignKey(District, on_delete=models.PROTECT, related_name="precincts", null=True, blank=True)
    abroad = models.BooleanField(default=False)
    label = models.CharField(max_length=200, blank=True)
    country = models.CharField(max_length=80, blank=True)
    public_key = models.CharField(max_length=64, blank=True)
    registered = models.PositiveIntegerField(
        null=True, blank=True, help_text="Citizens the register lists for the precinct; empty: not on the register."
    )
    address = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["number"]
        # the register's size is counted on every read of a result (how final it is): an index of its rows alone
        indexes = [
            models.Index(
                fields=["registered"], condition=models.Q(registered__isnull=False), name="referendum_on_register"
            )
        ]

    def __str__(self) -> str:
        return self.number


class ProtocolVersion(models.Model):
    """One version of a precinct's protocol. Version 1 is the protocol as received; a recount's correction is a
    new version with a reason, an author and a time. Exactly one version per question and precinct is current."""

    class Signature(models.TextChoices):
        VALID = "valid", _("Signature valid")
        INVALID = "invalid", _("Signature invalid")
        UNSIGNED = "unsigned", _("Not signed")

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="protocol_versions")
    precinct = models.ForeignKey(Precinct, on_delete=models.PROTECT, related_name="protocol_versions")
    version = models.PositiveIntegerField()
    is_current = models.BooleanField(default=True)
    registered = models.PositiveIntegerField()
    took_part = models.PositiveIntegerField()
    yes = models.PositiveIntegerField()
    no = models.PositiveIntegerField()
    invalid = models.PositiveIntegerField()
    not_counted = models.PositiveIntegerField()
    ballots_received = models.PositiveIntegerField(null=True, blank=True)
    ballots_issued = models.PositiveIntegerField(null=True, blank=True)
    ballots_unused = models.PositiveIntegerField(null=True, blank=True)
    signature = models.CharField(max_length=128, blank=True)
    signature_status = models.CharField(max_length=10, choices=Signature.choices, default=Signature.UNSIGNED)
    reason = models.TextField(blank=True)
    author = models.CharField(max_length=150)
    source = models.CharField(max_length=200, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["question_id", "precinct_id", "version"]
        constraints = [
            models.UniqueConstraint(fields=["question", "precinct", "version"], name="referendum_protocol_version"),
            models.UniqueConstraint(
                fields=["question", "precinct"],
                condition=models.Q(is_current=True),
                name="referendum_protocol_one_current",
            ),
        ]
        indexes = [models.Index(fields=["question", "is_current"], name="referendum_pv_current")]

    def __str__(self) -> str:
        return f"{self.precinct_id} v{self.version}"

    def to_domain(self, *, unit: str, district: str, abroad: bool, number: str) -> Protocol:
        return Protocol(
            precinct=number,
            unit=unit,
            district=district,
            registered=self.registered,
            took_part=self.took_part,
            yes=self.yes,
            no=self.no,
            invalid=self.invalid,
            not_counted=self.not_counted,
            ballots_received=self.ballots_received,
            ballots_issued=self.ballots_issued,
            ballots_unused=self.ballots_unused,
            abroad=abroad,
        )


class ProtocolReview(models.Model):
    """A protocol that was not accepted: it broke a control relation or conflicts with an accepted one.
    Kept for a commission member to review; never silently dropped. An operator resolves it by accepting a
    corrected protocol (a new version, or the first one) or by dismissing it with a reason."""

    class Status(models.TextChoices):
        OPEN = "open", _("Awaiting review")
        RESOLVED = "resolved", _("Resolved")

    class Resolution(models.TextChoices):
        ACCEPTED = "accepted", _("Corrected protocol accepted")
        DISMISSED = "dismissed", _("Dismissed")

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="reviews")
    precinct_number = models.CharField(max_length=40, blank=True)
    rule = models.CharField(max_length=40, choices=[(r.value, r.value) for r in ProtocolRule])
    message = models.TextField()
    # The message as a template (referendum.domain.messages) where it has one, shown in the reader's language.
    message_code = models.CharField(max_length=40, blank=True)
    message_params = models.JSONField(default=dict, blank=True)
    record = models.JSONField(default=dict, blank=True)
    source = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField()
    # The same rejection of the same record from the same source is stored once: re-running an import (after a
    # crash, or by mistake) adds nothing to the queue.
    fingerprint = models.CharField(max_length=64, blank=True, default="")
    resolution = models.CharField(max_length=10, choices=Resolution.choices, blank=True)
    resolved_by = models.CharField(max_length=150, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolution_note = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question", "fingerprint"],
                condition=~models.Q(fingerprint=""),
                name="referendum_review_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.precinct_number}: {self.rule}"

    @property
    def message_shown(self) -> str:
        """The message in the reader's language where it was stored as a template, else as stored."""
        from atazan.referendum.translation import code_render

        return code_render(self.message_code, self.message_params or {}, self.message)


class Electorate(models.Model):
    """The size of a precinct's list of citizens entitled to take part, as published before voting, with the date
    and the source it was taken from. The protocol's `registered` may differ: voters can be added on the day.
    Only precincts on the register (`Precinct.registered`) have one; the register, not this list, bounds what a
    protocol may state."""

    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="electorate")
    precinct = models.ForeignKey(Precinct, on_delete=models.PROTECT, related_name="electorate")
    voters = models.PositiveIntegerField()
    published_on = models.DateField()
    source = models.CharField(max_length=300)
    synthetic = models.BooleanField(default=False)
    recorded_by = models.CharField(max_length=150)
    recorded_at = models.DateTimeField()

    class Meta:
        ordering = ["question_id", "precinct_id"]
        constraints = [models.UniqueConstraint(fields=["question", "precinct"], name="referendum_electorate_once")]

    def __str__(self) -> str:
        return f"{self.precinct_id}: {self.voters}"


class ResultCounter(models.Model):
    """The running sums of a question's current protocol versions at one level: the nation, one unit (region or
    city, Constitution 2026 Art. 92(3)) or one district of a unit (`district` empty: precincts with no district).

    Kept by the services in the transaction that changes which version of a precinct's protocol is current (an
    acceptance, a correction, a review's resolution, the register moving a precinct): the version that stops
    counting is subtracted and the new one added with F() expressions, under a lock on the question's nation row.
    So every worker on every machine reads the same figures with one small query and nothing to catch up on.
    `atazan referendum recount` sums the current versions again from scratch and names any difference.

    `precincts` counts current versions that are counted; `uncounted` those that break a control relation (never
    stored by the services; only rows written behind them). The signature columns count both, by status."""

    class Level(models.TextChoices):
        NATION = "nation", _("Nation")
        UNIT = "unit", _("Unit")
        DISTRICT = "district", _("District")

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="counters")
    level = models.CharField(max_length=10, choices=Level.choices)
    unit = models.ForeignKey(Unit, on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    district = models.ForeignKey(District, on_delete=models.CASCADE, null=True, blank=True, related_name="+")
    registered = models.BigIntegerField(default=0)
    took_part = models.BigIntegerField(default=0)
    yes = models.BigIntegerField(default=0)
    no = models.BigIntegerField(default=0)
    invalid = models.BigIntegerField(default=0)
    not_counted = models.BigIntegerField(default=0)
    precincts = models.BigIntegerField(default=0)
    uncounted = models.BigIntegerField(default=0)
    signed_valid = models.BigIntegerField(default=0)
    signed_invalid = models.BigIntegerField(default=0)
    unsigned = models.BigIntegerField(default=0)
    changes = models.BigIntegerField(default=0, help_text="How many times the row was changed (a data version).")
    updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["question_id", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["question"], condition=models.Q(level="nation"), name="referendum_counter_nation"
            ),
            models.UniqueConstraint(
                fields=["question", "unit"], condition=models.Q(level="unit"), name="referendum_counter_unit"
            ),
            models.UniqueConstraint(
                fields=["question", "unit", "district"],
                condition=models.Q(level="district", district__isnull=False),
                name="referendum_counter_district",
            ),
            models.UniqueConstraint(
                fields=["question", "unit"],
                condition=models.Q(level="district", district__isnull=True),
                name="referendum_counter_no_district",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id} {self.level} {self.unit_id or ''}/{self.district_id or ''}"
