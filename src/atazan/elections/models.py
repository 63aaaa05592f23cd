"""Kurultai (and Majilis) party-list elections as stored: lists and their votes, candidates, allocations, mandates.

Official state is never changed silently: an allocation is a new row each time it is computed; a mandate that ends
keeps its row (with the end date and ground) and the successor gets a new one; every change has a MandateEvent and an
audit entry (services.py).
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Election(models.Model):
    class Kind(models.TextChoices):
        KURULTAI = "kurultai", _("Kurultai")
        MAJILIS = "majilis", _("Majilis (party lists)")

    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200)
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.KURULTAI)
    election_day = models.DateField()
    seats = models.PositiveIntegerField()
    registered_voters = models.PositiveBigIntegerField(null=True, blank=True)
    took_part = models.PositiveBigIntegerField(default=0)
    threshold_percent = models.DecimalField(max_digits=6, decimal_places=3, default=Decimal(5))
    simulated = models.BooleanField(default=False)
    source = models.TextField(blank=True)
    # The title and source in the other languages (issue 15): {"kk": {"title": …, "source": …}, "ru": {…}}; pages
    # show the reader's language (templatetags names.in_language), the text as recorded otherwise.
    translations = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-election_day", "slug"]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("elections:detail", kwargs={"slug": self.slug})

    @property
    def threshold(self) -> Fraction:
        return Fraction(str(self.threshold_percent)) / 100


class PartyList(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="party_lists")
    party = models.CharField(max_length=120)
    registration_order = models.PositiveIntegerField()
    color = models.CharField(max_length=7, default="#888888")
    votes = models.PositiveBigIntegerField(default=0)

    class Meta:
        ordering = ["election", "registration_order"]
        constraints = [
            models.UniqueConstraint(fields=["election", "party"], name="elections_list_party_unique"),
            models.UniqueConstraint(fields=["election", "registration_order"], name="elections_list_order_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.party} ({self.election.slug})"


class RegionResult(models.Model):
    """Votes for a list in one region (oblast, city of republican significance, capital)."""

    party_list = models.ForeignKey(PartyList, on_delete=models.CASCADE, related_name="region_results")
    region_code = models.CharField(max_length=40)
    region_name = models.CharField(max_length=120)
    votes = models.PositiveBigIntegerField()

    class Meta:
        ordering = ["party_list", "region_code"]
        constraints = [
            models.UniqueConstraint(fields=["party_list", "region_code"], name="elections_region_result_unique"),
        ]

    def __str__(self) -> str:
        return f"{self.party_list.party} {self.region_code}: {self.votes}"


class Candidate(models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", _("female")
        MALE = "male", _("male")

    party_list = models.ForeignKey(PartyList, on_delete=models.CASCADE, related_name="candidates")
    key = models.CharField(max_length=40)  # registration number on the list
    position = models.PositiveIntegerField()  # place on the registered list (the party's order for vacancies)
    full_name = models.CharField(max_length=200)  # in the state language, as registered
    birth_date = models.DateField()
    gender = models.CharField(max_length=10, choices=Gender.choices)
    disability = models.BooleanField(default=False)
    citizen = models.BooleanField(default=True)
    resident_since = models.DateField(null=True, blank=True)

    class Meta:
        ordering = ["party_list", "position"]
        constraints = [models.UniqueConstraint(fields=["party_list", "key"], name="elections_candidate_key_unique")]

    def __str__(self) -> str:
        return self.full_name


class SeatAllocation(models.Model):
    """One computation of the seats, kept as computed (a recount is a new row)."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="allocations")
    method = models.CharField(max_length=20, default="hare")
    computed_at = models.DateTimeField(auto_now_add=True)
    quota = models.CharField(max_length=80, blank=True)  # exact, as "numerator/denominator"
    seats = models.JSONField(default=dict)  # {party: seats}
    steps = models.JSONField(default=list)  # [{"kind", "ref", "text"}]

    class Meta:
        ordering = ["-computed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.election.slug} {self.method} #{self.pk}"


class Mandate(models.Model):
    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="mandates")
    party_list = models.ForeignKey(PartyList, on_delete=models.CASCADE, related_name="mandates")
    candidate = models.ForeignKey(Candidate, on_delete=models.PROTECT, related_name="mandates")
    started = models.DateField()
    ended = models.DateField(null=True, blank=True)
    end_ground = models.CharField(max_length=30, blank=True)
    # Constitutional Law on Elections, Art. 97-1(6): the mandate this one took over, when the seat passed on.
    predecessor = models.OneToOneField(
        "self", null=True, blank=True, on_delete=models.PROTECT, related_name="successor"
    )

    class Meta:
        ordering = ["party_list", "started", "id"]
        constraints = [models.UniqueConstraint(fields=["election", "candidate"], name="elections_mandate_once")]

    def __str__(self) -> str:
        return f"{self.candidate} ({self.party_list.party})"


class MandateEvent(models.Model):
    class Kind(models.TextChoices):
        ELECTED = "elected", _("elected")
        ENDED = "ended", _("mandate ended")
        TRANSFERRED = "transferred", _("mandate passed to the next candidate")
        VACANT = "vacant", _("seat left vacant")

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="mandate_events")
    party_list = models.ForeignKey(PartyList, on_delete=models.CASCADE, related_name="mandate_events")
    mandate = models.ForeignKey(Mandate, null=True, blank=True, on_delete=models.SET_NULL, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    day = models.DateField()
    ground = models.CharField(max_length=30, blank=True)
    ref = models.CharField(max_length=200, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["day", "id"]

    def __str__(self) -> str:
        return f"{self.day} {self.kind} {self.party_list.party}"


class RejectedRow(models.Model):
    """An imported row that broke a rule, kept for review; the same row imported again is stored once."""

    election = models.ForeignKey(Election, on_delete=models.CASCADE, related_name="rejected_rows")
    import_kind = models.CharField(max_length=20)  # "results" or "candidates"
    source_name = models.CharField(max_length=200)
    row_number = models.PositiveIntegerField()
    raw = models.JSONField()
    digest = models.CharField(max_length=64)
    record = models.CharField(max_length=200)
    error = models.TextField()
    rule = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    # Until an operator has reviewed it (and re-imported the corrected record or set it aside), the row keeps every
    # result of the election provisional: "complete": false (selectors.review_pending).
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.CharField(max_length=150, blank=True)
    review_note = models.TextField(blank=True)

    class Meta:
        ordering = ["election", "import_kind", "row_number"]
        constraints = [
            models.UniqueConstraint(fields=["election", "import_kind", "digest"], name="elections_rejected_once"),
        ]

    def __str__(self) -> str:
        return f"{self.import_kind} row {self.row_number}: {self.error}"
