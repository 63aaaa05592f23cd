"""Bills, their steps and votes; the People's Council; the Vice President. Thin rows around ``domain/``."""

from __future__ import annotations

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from atazan.legislature.domain.process import Action, Stage
from atazan.legislature.labels import (
    ACTION_DONE_LABELS,
    INITIATOR_LABELS,
    KIND_LABELS,
    STAGE_LABELS,
    VOTE_RESULT_LABELS,
    VOTE_SUBJECT_LABELS,
    label,
)
from atazan.legislature.translation import note_render
from atazan.rules.domain.bill import BillKind

# Codes shown through their labels in the reader's language (labels.py); the English labels are the ones the
# migrations recorded, so the schema is unchanged.
STAGE_CHOICES = [(stage.value, STAGE_LABELS[stage.value]) for stage in Stage]
ACTION_CHOICES = [(action.value, ACTION_DONE_LABELS[action.value]) for action in Action]


class Bill(models.Model):
    class Initiator(models.TextChoices):
        PRESIDENT = "president", _("President")
        DEPUTY = "deputy", _("Kurultai deputies")
        GOVERNMENT = "government", _("Government")
        PEOPLES_COUNCIL = "peoples_council", _("People's Council")
        KURULTAI = "kurultai", _("Kurultai")
        OTHER = "other", _("Other")

    number = models.CharField(max_length=40, unique=True)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    initiator = models.CharField(max_length=40)
    initiator_detail = models.CharField(max_length=300, blank=True)
    kind = models.CharField(max_length=20, choices=[(k.value, KIND_LABELS[k.value]) for k in BillKind])
    draft = models.JSONField(help_text="The bill in the BILL.json form the constitutional checks read")
    violations = models.JSONField(default=list, help_text="Checks that failed when the bill was submitted")
    stage = models.CharField(max_length=40, choices=STAGE_CHOICES, default=Stage.DRAFT.value, db_index=True)
    last_on = models.DateField(null=True, blank=True)
    adopted_on = models.DateField(null=True, blank=True)
    presented_on = models.DateField(null=True, blank=True)
    referred_on = models.DateField(null=True, blank=True)
    review_days = models.PositiveIntegerField(default=0)
    objected_on = models.DateField(null=True, blank=True)
    overridden_on = models.DateField(null=True, blank=True)
    signed_on = models.DateField(null=True, blank=True)
    president_wording = models.BooleanField(
        default=False, help_text="The President proposed his own wording with his objections (Art. 56(2))"
    )
    urgent = models.BooleanField(default=False, help_text="Government bill for immediate consideration (Art. 60(4))")
    temporary_act = models.CharField(
        max_length=300, blank=True, help_text="The Government's temporary act with the force of law (Art. 60(4))"
    )
    referendum_slug = models.SlugField(
        max_length=80, blank=True, help_text="The referendum question an amendment was put to (Art. 92(1))"
    )
    synthetic = models.BooleanField(default=False, help_text="Illustrative demo data, not a real bill")
    submitted_at = models.DateTimeField(auto_now_add=True)
    peoples_council_decision = models.OneToOneField(
        "legislature.PeoplesCouncilDecision", null=True, blank=True, on_delete=models.PROTECT, related_name="bill"
    )
    # The record's texts in the other languages (issue 15): {"kk": {field: text}, "ru": {field: text}}; the page shows
    # its reader's language, the text as recorded otherwise (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"{self.number} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("legislature:bill", args=[self.number])

    @property
    def initiator_label(self) -> str:
        return label(INITIATOR_LABELS, self.initiator)


class BillEvent(models.Model):
    """One attempted step of a bill, with who and when. Refused attempts are kept, marked ``refused``."""

    bill = models.ForeignKey(Bill, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveIntegerField()
    action = models.CharField(max_length=40, choices=ACTION_CHOICES)
    stage_from = models.CharField(max_length=40, choices=STAGE_CHOICES)
    stage_to = models.CharField(max_length=40, choices=STAGE_CHOICES)
    on = models.DateField(help_text="Date of legal effect of the step")
    actor = models.CharField(max_length=200)
    recorded_at = models.DateTimeField(auto_now_add=True)
    article = models.CharField(max_length=40)
    rule = models.CharField(max_length=60, blank=True)
    note = models.TextField()  # in English, as recorded
    # The note as the domain said it (issue 15): code, English template and values (translation.msg_stored), shown in
    # the reader's language; empty for rows recorded before, which show ``note``.
    message = models.JSONField(default=dict, blank=True)
    refused = models.BooleanField(default=False)

    class Meta:
        ordering = ["bill", "seq"]
        constraints = [models.UniqueConstraint(fields=["bill", "seq"], name="legislature_event_seq_unique")]

    def __str__(self) -> str:
        return f"{self.bill.number} #{self.seq} {self.action}"

    @property
    def note_text(self) -> str:
        """The note in the active language (the recorded English for rows without a stored message)."""
        return note_render(self.message, self.note)


class Vote(models.Model):
    """A recorded vote of the Kurultai: on a bill, or on consent to the Vice President's appointment."""

    bill = models.ForeignKey(Bill, null=True, blank=True, on_delete=models.PROTECT, related_name="votes")
    event = models.OneToOneField(BillEvent, null=True, blank=True, on_delete=models.PROTECT, related_name="vote")
    nomination = models.ForeignKey(
        "legislature.VicePresidentNomination", null=True, blank=True, on_delete=models.PROTECT, related_name="votes"
    )
    subject = models.CharField(max_length=40)
    held_on = models.DateField()
    election = models.ForeignKey(
        "elections.Election",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="legislature_votes",
        help_text="The Kurultai election whose mandates voted (elections context)",
    )
    seated = models.PositiveIntegerField(
        null=True, blank=True, help_text="Deputies holding a mandate on the day; the rest of the seats were vacant"
    )
    by_deputy = models.BooleanField(default=True, help_text="Recorded deputy by deputy (else as totals only)")
    total = models.PositiveIntegerField()
    present = models.PositiveIntegerField()
    yes = models.PositiveIntegerField()
    no = models.PositiveIntegerField()
    abstain = models.PositiveIntegerField()
    result = models.CharField(max_length=20)
    majority_minimum = models.PositiveIntegerField()
    quorum_minimum = models.PositiveIntegerField()
    article = models.CharField(max_length=40)
    explanation = models.TextField()

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.subject} {self.held_on} {self.result}"

    @property
    def subject_label(self) -> str:
        return label(VOTE_SUBJECT_LABELS, self.subject)

    @property
    def result_label(self) -> str:
        return label(VOTE_RESULT_LABELS, self.result)

    @property
    def absent_count(self) -> int:
        """Deputies in office who did not vote (vacant seats are not counted here)."""
        return (self.seated if self.seated is not None else self.total) - self.present

    @property
    def vacant(self) -> int:
        return self.total - self.seated if self.seated is not None else 0


class Ballot(models.Model):
    """How one deputy voted: the deputy's mandate in the elections context, with the name and party as recorded on
    the day (ballots from before the link, migration 0002, have no mandate)."""

    class Choice(models.TextChoices):
        YES = "yes", _("For")
        NO = "no", _("Against")
        ABSTAIN = "abstain", _("Abstained")
        ABSENT = "absent", _("Absent")

    vote = models.ForeignKey(Vote, on_delete=models.CASCADE, related_name="ballots")
    mandate = models.ForeignKey(
        "elections.Mandate", null=True, blank=True, on_delete=models.PROTECT, related_name="legislature_ballots"
    )
    deputy = models.CharField(max_length=200)
    party = models.CharField(max_length=200)
    choice = models.CharField(max_length=10, choices=Choice.choices)

    class Meta:
        ordering = ["party", "deputy"]
        # Constitution 2026, Art. 55(1): voting is personal, one ballot per mandate (names may repeat).
        constraints = [
            models.UniqueConstraint(
                fields=["vote", "mandate"],
                name="legislature_ballot_mandate_once",
                condition=models.Q(mandate__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return f"{self.deputy}: {self.choice}"


class PeoplesCouncilMember(models.Model):
    class Group(models.TextChoices):
        ETHNO_CULTURAL = "ethno_cultural", _("Ethno-cultural associations")
        NGO = "ngo", _("Non-governmental organisations")
        MASLIKHAT_PUBLIC_COUNCIL = "maslikhat_public_council", _("Maslikhats and public councils")

    name = models.CharField(max_length=200, unique=True)
    group = models.CharField(max_length=40, choices=Group.choices)
    age = models.PositiveIntegerField()
    # Constitution 2026, Art. 70(2): the Council is formed from citizens. None: a member recorded before citizenship
    # was kept (not assumed either way, and not checked).
    citizen = models.BooleanField(null=True)
    term_start = models.DateField()
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["group", "name"]

    def __str__(self) -> str:
        return self.name


class PeoplesCouncilSession(models.Model):
    number = models.PositiveIntegerField(unique=True)
    held_on = models.DateField()
    title = models.CharField(max_length=300)
    present = models.PositiveIntegerField()
    members = models.PositiveIntegerField()
    quorum_minimum = models.PositiveIntegerField()
    synthetic = models.BooleanField(default=False)

    # The record's texts in the other languages (issue 15): {"kk": {field: text}, "ru": {field: text}}; the page shows
    # its reader's language, the text as recorded otherwise (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["number"]

    def __str__(self) -> str:
        return f"Session {self.number} ({self.held_on})"


class PeoplesCouncilDecision(models.Model):
    class Kind(models.TextChoices):
        LEGISLATIVE_INITIATIVE = "legislative_initiative", _("Bill sent to the Kurultai")
        REFERENDUM_INITIATIVE = "referendum_initiative", _("Referendum initiative")
        RECOMMENDATION = "recommendation", _("Recommendation")

    session = models.ForeignKey(PeoplesCouncilSession, on_delete=models.PROTECT, related_name="decisions")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=40, choices=Kind.choices)
    yes = models.PositiveIntegerField()
    no = models.PositiveIntegerField()
    abstain = models.PositiveIntegerField()
    adopted = models.BooleanField()
    majority_minimum = models.PositiveIntegerField()
    article = models.CharField(max_length=40)
    explanation = models.TextField()

    # The record's texts in the other languages (issue 15): {"kk": {field: text}, "ru": {field: text}}; the page shows
    # its reader's language, the text as recorded otherwise (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["session", "pk"]

    def __str__(self) -> str:
        return self.title


class VicePresidentNomination(models.Model):
    class Status(models.TextChoices):
        NOMINATED = "nominated", _("Nominated")
        CONSENTED = "consented", _("Consent given")
        REFUSED = "refused", _("Consent refused")
        APPOINTED = "appointed", _("Appointed")

    candidate = models.CharField(max_length=200)
    nominated_on = models.DateField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NOMINATED)
    appointed_on = models.DateField(null=True, blank=True)
    synthetic = models.BooleanField(default=False)

    class Meta:
        ordering = ["nominated_on", "pk"]

    def __str__(self) -> str:
        return f"{self.candidate} ({self.status})"


class VicePresidentDelegation(models.Model):
    """What the President has asked the Vice President to do on his behalf (Constitution 2026, Art. 49(3))."""

    vice_president = models.ForeignKey(VicePresidentNomination, on_delete=models.PROTECT, related_name="delegations")
    assigned_on = models.DateField()
    domain = models.CharField(max_length=200)
    description = models.TextField()
    # The record's texts in the other languages (issue 15): {"kk": {field: text}, "ru": {field: text}}; the page shows
    # its reader's language, the text as recorded otherwise (templatetags names.in_language).
    translations = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["assigned_on", "pk"]

    def __str__(self) -> str:
        return self.domain
