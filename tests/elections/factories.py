"""Rows for elections tests."""

from datetime import date

import factory

from atazan.elections import models


class ElectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Election

    slug = factory.Sequence(lambda n: f"election-{n}")
    title = factory.Sequence(lambda n: f"Test election {n}")
    election_day = date(2026, 8, 30)
    seats = 10
    took_part = 1000
    threshold_percent = 5


class PartyListFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.PartyList

    election = factory.SubFactory(ElectionFactory)
    party = factory.Sequence(lambda n: f"Party {n}")
    registration_order = factory.Sequence(lambda n: n + 1)
    votes = 100


class CandidateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = models.Candidate

    party_list = factory.SubFactory(PartyListFactory)
    key = factory.Sequence(lambda n: f"C-{n:04d}")
    position = factory.Sequence(lambda n: n + 1)
    full_name = factory.Sequence(lambda n: f"Кандидат {n:04d}")
    birth_date = date(1970, 1, 1)
    gender = "male"
    resident_since = date(1980, 1, 1)
